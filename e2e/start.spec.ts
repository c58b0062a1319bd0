import { expect, test } from '@playwright/test';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm start` (scripts/start.js) end to end: the Electron set-up, its failure remembered, the
 * browser desk as the fallback, and the Electron command it launches. Nothing here reaches the
 * internet: downloads go to a closed local port (offline) or to a local server (a stubbed
 * successful download), and Electron's package is a scratch copy, so node_modules is untouched.
 */
const ROOT = path.resolve('.');
const ELECTRON_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;

interface Run {
  lines: string[];
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Resolves with the line matching re (and the ms since start), or rejects when the process ends first. */
  waitFor(re: RegExp): Promise<{ line: string; ms: number }>;
}

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-start-'));
}

/** A port nothing listens on: a download there fails at once, like a machine with no network. */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** A copy of the electron package (no dist), resolving @electron/get from the project's node_modules. */
function electronPackage(dir: string, installJs?: string): string {
  const pkg = path.join(dir, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  for (const f of ['package.json', 'install.js', 'checksums.json']) fs.copyFileSync(path.join(ROOT, 'node_modules/electron', f), path.join(pkg, f));
  for (const scope of ['@electron', '@electron-internal']) fs.symlinkSync(path.join(ROOT, 'node_modules', scope), path.join(dir, 'node_modules', scope), 'dir');
  if (installJs) fs.writeFileSync(path.join(pkg, 'install.js'), installJs);
  return pkg;
}

/** Electron's installer, stubbed: "downloads" an executable that records how it was launched. */
const FAKE_INSTALL = `
const fs = require('fs'), path = require('path');
fs.appendFileSync(process.env.WIREDESK_TEST_LOG, 'install\\n');
const dist = path.join(__dirname, 'dist');
fs.mkdirSync(dist, { recursive: true });
fs.writeFileSync(path.join(dist, 'electron'), '#!' + process.execPath + '\\n' +
  "require('fs').writeFileSync(process.env.WIREDESK_TEST_RECORD, JSON.stringify({ argv: process.argv.slice(2), sqlite: process.env.WIREDESK_ELECTRON_SQLITE, runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\\n" +
  'process.exit(Number(process.env.WIREDESK_TEST_EXIT || 0));\\n', { mode: 0o755 });
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`;

function start(args: string[], env: NodeJS.ProcessEnv): Run {
  const t0 = Date.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (v: { line: string; ms: number }) => void; reject: (e: Error) => void }[] = [];
  let buf = '';
  const onData = (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters])
        if (w.re.test(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve({ line, ms: Date.now() - t0 });
        }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code) => {
      if (buf) lines.push(buf);
      for (const w of waiters) w.reject(new Error(`start.js exited (${code}) before ${w.re}:\n${lines.join('\n')}`));
      r(code);
    }),
  );
  return { lines, child, exited, waitFor: (re) => new Promise((resolve, reject) => waiters.push({ re, resolve, reject })) };
}

async function stop(run: Run): Promise<void> {
  if (run.child.exitCode === null) run.child.kill('SIGTERM');
  await run.exited;
}

/**
 * 3 s, as the issue asks of an offline start, on a machine with its cores to itself. When the
 * machine is oversubscribed (several test runs sharing two cores) every process start is slower
 * by about the run queue's length, so the bound stretches by that factor: it still catches a
 * set-up that waits on a network timeout (tens of seconds) or retries.
 */
const fallbackBound = () => 3000 * Math.max(1, os.loadavg()[0]! / os.cpus().length);

const LINK = /Wiredesk desk server: (http:\/\/127\.0\.0\.1:\d+\/\S*\?token=\S+)/;

test('offline, npm start falls back to the browser desk in under 3 s, in one line, and remembers', async () => {
  const dir = scratch();
  const env = {
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    WIREDESK_ELECTRON_DIR: electronPackage(dir),
    WIREDESK_NATIVE_DIR: path.join(dir, 'native'),
    ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
    electron_config_cache: path.join(dir, 'electron-cache'),
  };
  const db = path.join(dir, 'desk.sqlite');
  const first = start(['--db', db], env);
  try {
    // Set-up tried and given up on, in under 3 s from `npm start`; then the desk server starts.
    const fallback = await first.waitFor(/Serving the desk in your browser/);
    expect(fallback.ms).toBeLessThan(fallbackBound());
    const { line } = await first.waitFor(LINK);
    // One line for the download step, one saying what is missing and the fixing command.
    expect(first.lines.slice(0, -1)).toEqual([
      expect.stringMatching(new RegExp(`^Downloading Electron ${ELECTRON_VERSION.replace(/\./g, '\\.')} .*… failed \\(\\d+\\.\\d s\\)$`)),
      expect.stringMatching(
        /^Electron \S+ is not installed and could not be downloaded \(.+\)\. Serving the desk in your browser instead; for the desktop app run `npx install-electron` with internet access\.$/,
      ),
    ]);
    const res = await fetch(LINK.exec(line)![1]!);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  } finally {
    await stop(first);
  }
  const memo = JSON.parse(fs.readFileSync(path.join(dir, 'config', 'Wiredesk', 'electron-setup-failed.json'), 'utf8'));
  expect(memo).toMatchObject({ electron: ELECTRON_VERSION, fix: 'npx install-electron' });

  // Within the hour, a second start does not try again: no download line, straight to the desk.
  const second = start(['--db', db], env);
  try {
    expect((await second.waitFor(/Serving the desk in your browser/)).ms).toBeLessThan(fallbackBound());
    await second.waitFor(LINK);
    expect(second.lines).toHaveLength(2);
    expect(second.lines[0]).toMatch(
      /^Electron \S+ is not installed .*; tried at \d\d:\d\d; npm start tries again after \d\d:\d\d\. Serving the desk in your browser instead;/,
    );
  } finally {
    await stop(second);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('with Electron downloadable, npm start installs it, fetches SQLite for Electron, and launches Electron on the project', async () => {
  const dir = scratch();
  const binding = Buffer.from('fake better_sqlite3.node for Electron\n');
  fs.mkdirSync(path.join(dir, 'tarball/build/Release'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'tarball/build/Release/better_sqlite3.node'), binding);
  const tgz = path.join(dir, 'prebuilt.tar.gz');
  expect(spawnSync('tar', ['-czf', tgz, '-C', path.join(dir, 'tarball'), 'build']).status).toBe(0);
  // better-sqlite3's release host, stubbed: serves the prebuilt tarball for whatever was asked.
  const asked: string[] = [];
  const host = http.createServer((req, res) => {
    asked.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/gzip' }).end(fs.readFileSync(tgz));
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  const record = path.join(dir, 'electron-args.json');
  const log = path.join(dir, 'install.log');
  const env = {
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    WIREDESK_ELECTRON_DIR: electronPackage(dir, FAKE_INSTALL),
    WIREDESK_NATIVE_DIR: path.join(dir, 'native'),
    npm_config_better_sqlite3_binary_host: `http://127.0.0.1:${(host.address() as AddressInfo).port}`,
    npm_config_cache: path.join(dir, 'npm-cache'),
    WIREDESK_TEST_RECORD: record,
    WIREDESK_TEST_LOG: log,
    ELECTRON_RUN_AS_NODE: '1', // must not leak into the app
  };
  // A failure remembered from yesterday does not stop today's attempt.
  fs.mkdirSync(path.join(dir, 'config', 'Wiredesk'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'config', 'Wiredesk', 'electron-setup-failed.json'),
    JSON.stringify({ at: Date.now() - 2 * 3600_000, electron: ELECTRON_VERSION, missing: 'x', fix: 'y' }),
  );
  const db = path.join(dir, 'desk.sqlite');
  try {
    const run = start(['--db', db], env);
    expect(await run.exited).toBe(0);
    expect(run.lines).toEqual([
      expect.stringMatching(/^Downloading Electron .*… done \(\d+\.\d s\)$/),
      expect.stringMatching(new RegExp(`^Fetching better-sqlite3 \\S+ prebuilt for Electron ${ELECTRON_VERSION.replace(/\./g, '\\.')}… done`)),
    ]);
    const abi = fs.readFileSync(path.join(ROOT, 'node_modules/electron/abi_version'), 'utf8').trim();
    expect(asked).toEqual([
      expect.stringMatching(new RegExp(`^/v[\\d.]+/better-sqlite3-v[\\d.]+-electron-v${abi}-${process.platform}-${process.arch}\\.tar\\.gz$`)),
    ]);
    const installed = path.join(dir, 'native', 'better_sqlite3.node');
    expect(fs.readFileSync(installed)).toEqual(binding);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'native', 'better_sqlite3.json'), 'utf8'))).toMatchObject({
      electron: ELECTRON_VERSION,
      how: 'prebuild-install',
    });
    expect(JSON.parse(fs.readFileSync(record, 'utf8'))).toEqual({ argv: [ROOT, '--db', db], sqlite: installed, runAsNode: null });
    expect(fs.existsSync(path.join(dir, 'config', 'Wiredesk', 'electron-setup-failed.json'))).toBe(false);

    // Set up once: the next start launches Electron straight away.
    fs.rmSync(record);
    const again = start([], env);
    expect(await again.exited).toBe(0);
    expect(again.lines).toEqual([]);
    expect(JSON.parse(fs.readFileSync(record, 'utf8')).argv).toEqual([ROOT]);
    expect(fs.readFileSync(log, 'utf8')).toBe('install\n');
    expect(asked).toHaveLength(1);

    // An Electron that cannot open (no display, missing libraries) falls back to the browser desk.
    const broken = start(['--db', db], { ...env, WIREDESK_TEST_EXIT: '1' });
    try {
      await broken.waitFor(LINK);
      expect(broken.lines[0]).toBe('Electron exited as it started (code 1; see above). Serving the desk in your browser instead.');
    } finally {
      await stop(broken);
    }
  } finally {
    await new Promise((r) => host.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run dist, where Electron cannot be downloaded, stops with one clear line', async () => {
  const dir = scratch();
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    WIREDESK_ELECTRON_DIR: electronPackage(dir),
    WIREDESK_NATIVE_DIR: path.join(dir, 'native'),
    ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
    electron_config_cache: path.join(dir, 'electron-cache'),
  };
  try {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist.js')], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stdout.trim()).toMatch(/^Downloading Electron .*… failed \(\d+\.\d s\)$/);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      /^npm run dist: no installers built: Electron \S+ is not installed and could not be downloaded \(no network: .+\)\. Run it where Electron can be downloaded \(`npx install-electron` fetches what is missing\)\.$/,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
