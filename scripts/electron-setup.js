// The desktop app's set-up, shared by `npm start`, `npm run dist` and `npm run build:electron-sqlite`:
//   1. Electron's binary, by Electron's own installer (node_modules/electron/install.js, which
//      downloads through @electron/get and its cache);
//   2. better-sqlite3 built for Electron's ABI, into resources/native/electron/: first the
//      prebuilt binary better-sqlite3 publishes (prebuild-install --runtime electron), else a
//      rebuild with @electron/rebuild (both pinned in devDependencies).
// Each step prints one line. A failed step ends the set-up at once and returns what is missing and
// the command that fixes it; `npm start` remembers the failure for an hour in the user-data folder.
//
// For tests, two variables point the set-up elsewhere: WIREDESK_ELECTRON_DIR (the electron
// package) and WIREDESK_NATIVE_DIR (where the Electron build of SQLite goes). The downloads
// themselves honour ELECTRON_MIRROR and npm_config_better_sqlite3_binary_host as usual.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How long a failed set-up is remembered before `npm start` tries again. */
export const RETRY_AFTER_MS = 60 * 60 * 1000;
const MEMO_FILE = 'electron-setup-failed.json';
const BINDING = 'better_sqlite3.node';
/** What the binding in resources/native/electron was built for (rebuilt when either changes). */
const BINDING_INFO = 'better_sqlite3.json';
const DOWNLOAD_TIMEOUT_MS = 20 * 60 * 1000;
const REBUILD_TIMEOUT_MS = 30 * 60 * 1000;

/** Where everything lives, with the test overrides applied. */
export function setupPaths(root, env = process.env) {
  const electronDir = path.resolve(env.WIREDESK_ELECTRON_DIR || path.join(root, 'node_modules', 'electron'));
  const nativeDir = path.resolve(env.WIREDESK_NATIVE_DIR || path.join(root, 'resources', 'native', 'electron'));
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  return {
    root,
    electronDir,
    electronVersion: readJson(path.join(electronDir, 'package.json')).version,
    nativeDir,
    binding: path.join(nativeDir, BINDING),
    sqliteDir,
    sqliteVersion: readJson(path.join(sqliteDir, 'package.json')).version,
    bin: (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name),
  };
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Electron's executable as its package names it (path.txt), or null when not downloaded. */
export function electronExecutable(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/** True when the Electron build of SQLite is there and was made for this Electron and this better-sqlite3. */
export function bindingCurrent(p) {
  if (!existsSync(p.binding)) return false;
  const infoFile = path.join(p.nativeDir, BINDING_INFO);
  if (!existsSync(infoFile)) return true; // made by hand before versions were recorded: trust it
  const info = readJson(infoFile);
  return info.electron === p.electronVersion && info.betterSqlite3 === p.sqliteVersion;
}

/** A failure remembered from an earlier run for this Electron version, or null. */
export function rememberedFailure(memoDir, electronVersion, now = Date.now()) {
  const file = path.join(memoDir, MEMO_FILE);
  try {
    const memo = readJson(file);
    if (memo.electron === electronVersion && typeof memo.at === 'number' && now - memo.at < RETRY_AFTER_MS && now >= memo.at) return memo;
  } catch {
    // none, or unreadable: try again
  }
  return null;
}

function remember(memoDir, failure) {
  try {
    mkdirSync(memoDir, { recursive: true });
    writeFileSync(path.join(memoDir, MEMO_FILE), JSON.stringify(failure, null, 2) + '\n');
  } catch {
    // not remembering only costs a retry next time
  }
}

function forget(memoDir) {
  rmSync(path.join(memoDir, MEMO_FILE), { force: true });
}

const NETWORK_ERROR = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b\s*(\S*)|fetch failed|network connectivity/;

/** True when a step failed for want of a network (nothing else would help). */
export function isNetworkFailure(output) {
  return NETWORK_ERROR.test(output);
}

/** What went wrong, from a child's output, short enough for one line. */
export function reasonFrom(output) {
  const net = NETWORK_ERROR.exec(output);
  if (net) return `no network: ${net[1] ? `${net[1]} ${net[2]}`.trim() : net[0]}`;
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l));
  const line = lines.find((l) => /error|failed|not found|\b40\d\b|\b50\d\b/i.test(l)) ?? lines.at(-1) ?? 'no output';
  const short = line.replace(/^(Error|TypeError|prebuild-install (?:warn|WARN|ERR!))[: ]+/, '').replace(/\s+/g, ' ');
  return short.length > 140 ? `${short.slice(0, 137)}…` : short;
}

/** Run a command, capturing its output; resolves { ok, output } (never rejects). */
function run(cmd, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    let output = '';
    let child;
    try {
      child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' && cmd.endsWith('.cmd') });
    } catch (e) {
      resolve({ ok: false, output: String(e) });
      return;
    }
    const timer = setTimeout(() => {
      output += `\nError: timed out after ${Math.round(timeoutMs / 60000)} min`;
      child.kill();
    }, timeoutMs);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => (output += `\nError: ${e.message}`));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output });
    });
  });
}

/** One line of progress, finished by the step's outcome: "Downloading Electron 45.5.0… done". */
function stepper(write) {
  return async (label, work) => {
    write(`${label}… `);
    const t0 = Date.now();
    const r = await work();
    write(`${r.ok ? 'done' : 'failed'} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    return r;
  };
}

/** Step 1: Electron's own installer. */
async function installElectron(p, env, step) {
  const r = await step(`Downloading Electron ${p.electronVersion} (once; cached afterwards)`, () =>
    run(process.execPath, [path.join(p.electronDir, 'install.js')], {
      cwd: p.electronDir,
      env: { ...env, ELECTRON_GET_NO_PROGRESS: '1' },
      timeoutMs: DOWNLOAD_TIMEOUT_MS,
    }),
  );
  const exe = electronExecutable(p.electronDir);
  if (exe) return { ok: true, exe };
  return {
    ok: false,
    missing: `Electron ${p.electronVersion} is not installed and could not be downloaded (${reasonFrom(r.output)})`,
    fix: 'npx install-electron',
    output: r.output,
  };
}

/** better-sqlite3's package (and, for a rebuild, its sources) copied to a scratch folder, so node_modules keeps the Node build. */
function scratchCopy(p) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'wiredesk-sqlite-'));
  const dir = path.join(work, 'node_modules', 'better-sqlite3');
  cpSync(p.sqliteDir, dir, { recursive: true, filter: (src) => path.relative(p.sqliteDir, src).split(path.sep)[0] !== 'build' });
  writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({ name: 'wiredesk-electron-sqlite', private: true, dependencies: { 'better-sqlite3': p.sqliteVersion } }),
  );
  return { work, dir, built: path.join(dir, 'build', 'Release', BINDING) };
}

function install(p, built, how) {
  mkdirSync(p.nativeDir, { recursive: true });
  const tmp = `${p.binding}.${process.pid}.tmp`;
  cpSync(built, tmp);
  renameSync(tmp, p.binding);
  const info = {
    electron: p.electronVersion,
    betterSqlite3: p.sqliteVersion,
    platform: process.platform,
    arch: process.arch,
    how,
    at: new Date().toISOString(),
  };
  writeFileSync(path.join(p.nativeDir, BINDING_INFO), JSON.stringify(info, null, 2) + '\n');
}

/** Step 2: the Electron build of SQLite, prebuilt if published, else rebuilt from source. */
async function buildSqlite(p, env, step) {
  const copy = scratchCopy(p);
  try {
    const pre = await step(`Fetching better-sqlite3 ${p.sqliteVersion} prebuilt for Electron ${p.electronVersion}`, () =>
      run(
        p.bin('prebuild-install'),
        ['--runtime', 'electron', '--target', p.electronVersion, '--arch', process.arch, '--platform', process.platform, '--tag-prefix', 'v'],
        { cwd: copy.dir, env, timeoutMs: DOWNLOAD_TIMEOUT_MS },
      ),
    );
    if (pre.ok && existsSync(copy.built)) {
      install(p, copy.built, 'prebuild-install');
      return { ok: true };
    }
    // Offline, a rebuild would fail too (it needs Electron's headers): say so now.
    if (isNetworkFailure(pre.output)) {
      return {
        ok: false,
        missing: `SQLite has no build for Electron ${p.electronVersion} and better-sqlite3's prebuilt binary could not be downloaded (${reasonFrom(pre.output)})`,
        fix: 'npm run build:electron-sqlite',
        output: pre.output,
      };
    }
    const re = await step(`Building better-sqlite3 ${p.sqliteVersion} for Electron ${p.electronVersion} with @electron/rebuild (a few minutes)`, () =>
      run(
        p.bin('electron-rebuild'),
        ['--version', p.electronVersion, '--module-dir', copy.work, '--only', 'better-sqlite3', '--force', '--build-from-source'],
        { cwd: copy.work, env, timeoutMs: REBUILD_TIMEOUT_MS },
      ),
    );
    if (re.ok && existsSync(copy.built)) {
      install(p, copy.built, '@electron/rebuild');
      return { ok: true };
    }
    return {
      ok: false,
      missing: `SQLite has no build for Electron ${p.electronVersion}: no prebuilt binary (${reasonFrom(pre.output)}) and the rebuild failed (${reasonFrom(re.output)})`,
      fix: 'npm run build:electron-sqlite',
      output: `${pre.output}\n${re.output}`,
    };
  } finally {
    rmSync(copy.work, { recursive: true, force: true });
  }
}

/**
 * Make the desktop app runnable: Electron's binary and the Electron build of SQLite.
 * Resolves { ok: true, exe, binding } or { ok: false, missing, fix, rememberedAt? }.
 * With memoDir, a failure is remembered there and, within an hour, not retried (unless retry).
 */
export async function setUpDesktop({ root, env = process.env, write = (s) => process.stdout.write(s), memoDir, retry = false, only, now = Date.now() }) {
  let p;
  try {
    p = setupPaths(root, env);
  } catch {
    return { ok: false, missing: "Electron's package is not installed (node_modules/electron)", fix: 'npm install' };
  }
  let exe = electronExecutable(p.electronDir);
  const wantElectron = only !== 'sqlite';
  if ((exe || !wantElectron) && bindingCurrent(p)) return { ok: true, exe, binding: p.binding };

  const memo = memoDir && !retry ? rememberedFailure(memoDir, p.electronVersion, now) : null;
  if (memo) return { ok: false, missing: memo.missing, fix: memo.fix, rememberedAt: memo.at };

  const step = stepper(write);
  let failure = null;
  if (!exe && wantElectron) {
    const r = await installElectron(p, env, step);
    if (r.ok) exe = r.exe;
    else failure = r;
  }
  if (!failure && !bindingCurrent(p)) {
    const r = await buildSqlite(p, env, step);
    if (!r.ok) failure = r;
  }
  if (failure) {
    if (memoDir) remember(memoDir, { at: now, electron: p.electronVersion, missing: failure.missing, fix: failure.fix, output: failure.output.slice(-4000) });
    return { ok: false, missing: failure.missing, fix: failure.fix };
  }
  if (memoDir) forget(memoDir);
  return { ok: true, exe, binding: p.binding };
}

/** "tried at 12:14; npm start tries again after 13:14" for a remembered failure. */
export function retryNote(rememberedAt) {
  const hhmm = (t) => new Date(t).toTimeString().slice(0, 5);
  return `tried at ${hhmm(rememberedAt)}; npm start tries again after ${hhmm(rememberedAt + RETRY_AFTER_MS)}`;
}
