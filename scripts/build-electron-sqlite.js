// Build better-sqlite3 for Electron's ABI into resources/native/electron/, leaving the Node
// build in node_modules untouched (tests, CLI and desk server keep using it). Needs internet
// access for Electron's headers; run once per Electron upgrade.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './build.js';

const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const work = mkdtempSync(path.join(os.tmpdir(), 'wiredesk-sqlite-'));
const copy = path.join(work, 'better-sqlite3');
cpSync(path.join(root, 'node_modules', 'better-sqlite3'), copy, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });

console.log(`Building better-sqlite3 for Electron ${electronVersion}…`);
const r = spawnSync('npx', ['--yes', '@electron/rebuild', '--version', electronVersion, '--module-dir', copy, '--only', 'better-sqlite3', '--force'], { stdio: 'inherit', cwd: copy });
const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
if (r.status !== 0 || !existsSync(built)) {
  console.error('The Electron build of better-sqlite3 failed (it needs internet access for Electron headers). Nothing was changed.');
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
const target = path.join(root, 'resources', 'native', 'electron');
mkdirSync(target, { recursive: true });
cpSync(built, path.join(target, 'better_sqlite3.node'));
rmSync(work, { recursive: true, force: true });
console.log(`Done: ${path.relative(root, path.join(target, 'better_sqlite3.node'))}`);
