// `npm run dist`: the installers (package.json "build": AppImage and deb on Linux, dmg on macOS,
// nsis on Windows; fuses flipped by scripts/fuses.js). Builds what changed, sets up Electron and
// its build of SQLite as `npm start` does (never skipping the set-up for a remembered failure),
// then runs electron-builder; extra arguments go to it (`npm run dist -- --linux deb`). Where
// Electron cannot be had it stops with one line saying so.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, root } from './build.js';
import { setUpDesktop } from './electron-setup.js';

if (!ensureBuilt()) process.exit(1);
const setup = await setUpDesktop({ root, retry: true });
if (!setup.ok) {
  console.error(`npm run dist: no installers built: ${setup.missing}. Run it where Electron can be downloaded (\`${setup.fix}\` fetches what is missing).`);
  process.exit(1);
}
const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
const child = spawn(process.execPath, [builder, '--publish', 'never', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => {
  if (code) console.error(`npm run dist: electron-builder failed (exit ${code}; see above).`);
  process.exit(code ?? 1);
});
