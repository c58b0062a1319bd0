// Build Wiredesk (electron-vite: main + CLI, preload, renderer) when the sources are newer
// than the last build. Used by `npm start` and the `wiredesk` command.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'out', '.build-stamp');
const inputs = ['src', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const name of readdirSync(p)) if (!name.endsWith('.test.ts')) m = Math.max(m, newest(path.join(p, name)));
  return m;
}

export function needsBuild() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((i) => newest(path.join(root, i)) > built);
}

/** Build if needed; returns false (after printing why) when the build fails. */
export function ensureBuilt({ quiet = false } = {}) {
  if (!needsBuild()) return true;
  if (!quiet) process.stderr.write('Building Wiredesk…\n');
  const bin = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: quiet ? 'pipe' : ['ignore', 'ignore', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`The build failed${quiet && r.stderr ? `:\n${r.stderr}` : ' (see above)'}. Run "npm install" and try again.\n`);
    return false;
  }
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(ensureBuilt() ? 0 : 1);
}
