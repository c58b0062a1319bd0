import { existsSync } from 'node:fs';
import path from 'node:path';
import { DB_FILE } from '../store/paths';

const BINDING = path.join('native', 'electron', 'better_sqlite3.node');

/**
 * Where the Electron build of better-sqlite3 is, in order: what `npm start` set up
 * (WIREDESK_ELECTRON_SQLITE, honoured only when not packaged, so a release build loads no
 * native code named by the environment); in an installed app, resources/app.asar.unpacked (it is
 * unpacked from the asar) or resources/ itself; in a checkout, resources/ beside out/.
 */
export function sqliteBindingCandidates(o: { here: string; resourcesPath: string | undefined; isPackaged: boolean; env: NodeJS.ProcessEnv }): string[] {
  const fromOut = path.resolve(o.here, '..', '..', 'resources', BINDING);
  if (!o.isPackaged) return [...(o.env.WIREDESK_ELECTRON_SQLITE ? [o.env.WIREDESK_ELECTRON_SQLITE] : []), fromOut];
  const resources = o.resourcesPath ?? '';
  return [
    path.join(resources, 'app.asar.unpacked', 'resources', BINDING),
    path.join(resources, BINDING),
    fromOut.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
  ];
}

export function findSqliteBinding(candidates: readonly string[]): string | undefined {
  return candidates.find((p) => existsSync(p));
}

/** The desk database: `--db PATH` on the command line, else WIREDESK_DB, else the user-data folder's. */
export function deskDbPath(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const i = argv.indexOf('--db');
  const flag = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--db='))?.slice(5);
  return path.resolve(flag || env.WIREDESK_DB || path.join(userData, DB_FILE));
}
