// `npm start`: build what changed, set up the desktop app where it can be had (Electron's binary,
// the Electron build of SQLite: see electron-setup.js) and open it. Where it cannot, serve the
// same desk in the browser, with one line saying what is missing and the command that fixes it.
// A failed set-up is remembered for an hour in the user-data folder so an offline editor is not
// slowed; `npm start -- --retry-setup` tries again at once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './build.js';
import { retryNote, setUpDesktop } from './electron-setup.js';

/** An Electron that exits with an error this soon never opened the desk: serve it in the browser. */
const EARLY_EXIT_MS = 10_000;

if (!ensureBuilt()) process.exit(1);
const { userDataDir } = await import(pathToFileURL(path.join(root, 'out', 'main', 'paths.js')).href);

const args = process.argv.slice(2);
const retry = args.includes('--retry-setup');
const passArgs = args.filter((a) => a !== '--retry-setup');

const setup = await setUpDesktop({ root, memoDir: userDataDir(), retry });
if (setup.ok) {
  openElectron(setup.exe, setup.binding);
} else {
  const when = setup.rememberedAt ? `; ${retryNote(setup.rememberedAt)}` : '';
  serveInBrowser(`${setup.missing}${when}. Serving the desk in your browser instead; for the desktop app run \`${setup.fix}\` with internet access.`);
}

function openElectron(exe, binding) {
  const env = { ...process.env, WIREDESK_ELECTRON_SQLITE: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  const started = Date.now();
  const child = spawn(exe, [root, ...passArgs], { stdio: 'inherit', env });
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  let done = false;
  const fallBack = (why) => {
    if (done) return;
    done = true;
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    serveInBrowser(`${why}. Serving the desk in your browser instead.`);
  };
  child.on('error', (e) => fallBack(`Electron could not be started (${e.message})`));
  child.on('exit', (code, signal) => {
    if (code && Date.now() - started < EARLY_EXIT_MS) fallBack(`Electron exited as it started (code ${code}; see above)`);
    else if (!done) process.exit(code ?? (signal ? 1 : 0));
  });
}

function serveInBrowser(why) {
  console.log(why);
  const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'cli.js'), 'serve', ...passArgs], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
