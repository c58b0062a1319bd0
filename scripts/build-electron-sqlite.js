// `npm run build:electron-sqlite`: better-sqlite3 for Electron's ABI into resources/native/electron/
// (a prebuilt binary, else @electron/rebuild; see electron-setup.js), leaving the Node build in
// node_modules untouched. `npm start` does this by itself; this is the same step on its own,
// e.g. after an Electron upgrade. Needs internet access.
import { root } from './build.js';
import { setUpDesktop } from './electron-setup.js';

const r = await setUpDesktop({ root, only: 'sqlite', retry: true });
if (!r.ok) {
  console.error(`${r.missing}.`);
  process.exit(1);
}
console.log(`Electron build of SQLite: ${r.binding}`);
