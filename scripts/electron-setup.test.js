import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RETRY_AFTER_MS, bindingCurrent, electronExecutable, reasonFrom, rememberedFailure, setUpDesktop } from './electron-setup.js';

const dirs = [];
function scratch() {
  const d = mkdtempSync(path.join(os.tmpdir(), 'wiredesk-setup-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const root = path.resolve('.');

describe('remembered set-up failure', () => {
  const write = (dir, memo) => writeFileSync(path.join(dir, 'electron-setup-failed.json'), JSON.stringify(memo));

  it('holds for an hour, for the same Electron version only', () => {
    const dir = scratch();
    const at = Date.parse('2026-11-30T12:00:00Z');
    write(dir, { at, electron: '45.5.0', missing: 'Electron 45.5.0 is not installed', fix: 'npx install-electron' });
    expect(rememberedFailure(dir, '45.5.0', at + RETRY_AFTER_MS - 1)).toMatchObject({ fix: 'npx install-electron' });
    expect(rememberedFailure(dir, '45.5.0', at + RETRY_AFTER_MS)).toBeNull();
    expect(rememberedFailure(dir, '46.0.0', at + 1)).toBeNull();
    // A clock set back does not pin the failure forever.
    expect(rememberedFailure(dir, '45.5.0', at - 1)).toBeNull();
  });

  it('is ignored when missing or unreadable', () => {
    const dir = scratch();
    expect(rememberedFailure(dir, '45.5.0')).toBeNull();
    writeFileSync(path.join(dir, 'electron-setup-failed.json'), '{not json');
    expect(rememberedFailure(dir, '45.5.0')).toBeNull();
  });

  it('spares a second npm start the attempt, and says when it will try again', async () => {
    const memoDir = scratch();
    const electronDir = scratch();
    writeFileSync(path.join(electronDir, 'package.json'), JSON.stringify({ version: '45.5.0' }));
    writeFileSync(path.join(electronDir, 'install.js'), 'throw new Error("must not run")');
    const now = Date.now();
    write(memoDir, {
      at: now - 60_000,
      electron: '45.5.0',
      missing: 'Electron 45.5.0 is not installed and could not be downloaded (no network: ENOTFOUND github.com)',
      fix: 'npx install-electron',
    });
    const out = [];
    const r = await setUpDesktop({
      root,
      env: { WIREDESK_ELECTRON_DIR: electronDir, WIREDESK_NATIVE_DIR: scratch() },
      write: (s) => out.push(s),
      memoDir,
      now,
    });
    expect(r).toMatchObject({ ok: false, fix: 'npx install-electron', rememberedAt: now - 60_000 });
    expect(out).toEqual([]);
  });
});

describe('what is installed', () => {
  it('finds Electron only where path.txt names an existing executable', () => {
    const dir = scratch();
    expect(electronExecutable(dir)).toBeNull();
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(electronExecutable(dir)).toBeNull();
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(electronExecutable(dir)).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('rebuilds SQLite for Electron after an Electron or better-sqlite3 upgrade', () => {
    const nativeDir = scratch();
    const p = { nativeDir, binding: path.join(nativeDir, 'better_sqlite3.node'), electronVersion: '45.5.0', sqliteVersion: '12.6.2' };
    expect(bindingCurrent(p)).toBe(false);
    writeFileSync(p.binding, 'x');
    writeFileSync(path.join(nativeDir, 'better_sqlite3.json'), JSON.stringify({ electron: '45.5.0', betterSqlite3: '12.6.2' }));
    expect(bindingCurrent(p)).toBe(true);
    expect(bindingCurrent({ ...p, electronVersion: '46.0.0' })).toBe(false);
    expect(bindingCurrent({ ...p, sqliteVersion: '12.7.0' })).toBe(false);
  });
});

describe('one-line reasons', () => {
  it('names a missing network plainly', () => {
    expect(reasonFrom('TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n')).toBe('no network: fetch failed');
    expect(reasonFrom('prebuild-install warn install getaddrinfo ENOTFOUND github.com\n')).toBe('no network: ENOTFOUND github.com');
    expect(reasonFrom('Error: This is most likely not a problem with node-gyp or the package itself and\nis related to network connectivity.')).toBe(
      'no network: network connectivity',
    );
  });

  it('otherwise keeps the error line, shortened', () => {
    expect(reasonFrom('Searching dependency tree\ngyp ERR! stack Error: not found: make\n    at foo\n')).toBe('gyp ERR! stack Error: not found: make');
    expect(reasonFrom(`Error: ${'x'.repeat(300)}`)).toHaveLength(138);
  });
});

describe('without the electron package', () => {
  it('says npm install is what is missing', async () => {
    const r = await setUpDesktop({ root, env: { WIREDESK_ELECTRON_DIR: path.join(scratch(), 'nothing') }, write: () => undefined });
    expect(r).toEqual({ ok: false, missing: "Electron's package is not installed (node_modules/electron)", fix: 'npm install' });
  });
});
