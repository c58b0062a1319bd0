/** The CLI's commands around the desk rather than on it: the shared desk's setup, backups, and serving the desk. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenedDesk } from '../service/open';
import { backupNow, listBackups, restoreBackup, scheduleDailyBackups } from '../store/backup';
import { resolveDbPath } from '../store/paths';
import { startDeskServer } from '../server/server';
import { UserError, checkDbFlag, checkOut, out, row } from './io';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `wiredesk backup`: now, --list, or restore FILE. */
export async function backup(dbFlag: string | undefined, positionals: string[], outFile: string | undefined, list: boolean): Promise<number> {
  checkDbFlag(dbFlag);
  const store = resolveDbPath(dbFlag);
  if (list) {
    const all = listBackups(store);
    if (all.length === 0) out(`No backups yet beside ${store}.`);
    for (const b of all) out(row([b.at.toISOString(), b.reason, `${(b.bytes / 1048576).toFixed(1)} MB`, b.file], [24, 24, 9, 0]));
    return 0;
  }
  if (positionals[0] === 'restore') {
    const file = positionals[1];
    if (!file || positionals.length > 2) throw new UserError('Usage: wiredesk backup restore FILE');
    const r = await restoreBackup(file, store);
    out(`Restored ${path.resolve(file)} (${r.items} item(s)) as ${store}.`);
    if (r.keptAs) out(`The store it replaced is kept as ${r.keptAs}.`);
    return 0;
  }
  if (positionals.length > 0) throw new UserError(`Unknown backup command "${positionals[0]}". Run "wiredesk backup --help".`);
  if (outFile !== undefined) await checkOut(path.resolve(outFile));
  if (!existsSync(store)) throw new UserError(`There is no store at ${store} to back up.`);
  out(`Backed up to ${await backupNow(store, { out: outFile })}.`);
  return 0;
}

/** `wiredesk serve`: the desk server on 127.0.0.1 until SIGINT/SIGTERM. */
export async function serve(opened: OpenedDesk, port: number, store: string): Promise<number> {
  const rendererDir = path.resolve(here, '../renderer');
  const server = await startDeskServer({
    handlers: opened.handlers,
    changes: opened.changes(),
    rendererDir,
    port,
    token: process.env.WIREDESK_TOKEN || undefined,
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new UserError(`Port ${port} is already in use; choose another with --port, or leave it out for a free one.`);
    throw e;
  });
  out(`Wiredesk desk server: ${server.loginUrl}`);
  const stopBackups = scheduleDailyBackups(store);
  // While joined to a shared desk: its changes arrive as they are announced, waiting ones go out.
  await opened.startLive();
  const stop = () => {
    stopBackups();
    void server
      .close()
      .then(() => opened.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}
