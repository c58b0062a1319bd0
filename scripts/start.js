// `npm start`: build if needed, then open the Electron desk. Where Electron's binary (or the
// Electron build of SQLite) is missing, say so in one line and serve the desk in the browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt, root } from './build.js';

if (!ensureBuilt()) process.exit(1);

function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

const exe = electronBinary();
const sqliteForElectron = existsSync(path.join(root, 'resources', 'native', 'electron', 'better_sqlite3.node'));
const passArgs = process.argv.slice(2);

if (exe && sqliteForElectron) {
  const child = spawn(exe, [root, ...passArgs], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = !exe
    ? "Electron's binary is not installed here (run `npx install-electron` on a machine with internet)"
    : 'Electron is installed but SQLite has no Electron build yet (run `npm run build:electron-sqlite` with internet)';
  console.log(`${why}; serving the desk in your browser instead.`);
  const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'cli.js'), 'serve', ...passArgs], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
