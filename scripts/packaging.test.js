// The installers' configuration (package.json "build", read by electron-builder) checked here,
// where Electron cannot be downloaded to build them: targets, what goes in, what stays out of
// the asar, the user-data folder's name, and the fuses a release build gets.
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteBindingCandidates } from '../src/main/database';
import { APP_NAME } from '../src/store/paths';
import { setupPaths } from './electron-setup.js';
import { RELEASE_FUSES, afterPack } from './fuses.js';

const root = path.resolve('.');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const build = pkg.build;

/** Where @electron/fuses finds the fuse wire in an Electron binary. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

const dirs = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('installers', () => {
  it('AppImage and deb for Linux, dmg for macOS, nsis for Windows', () => {
    expect(build.linux.target).toEqual(['AppImage', 'deb']);
    expect(build.mac.target).toEqual(['dmg']);
    expect(build.win.target).toEqual(['nsis']);
    expect(pkg.scripts.dist).toBe('node scripts/dist.js');
  });

  it('electron-builder accepts the configuration', async () => {
    const require = createRequire(import.meta.url);
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // …and would refuse a misspelt option, so the check above means something.
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, targets: ['deb'] } }, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration/,
    );
  }, 60_000);

  it('keeps the user-data folder the README names (productName Wiredesk)', () => {
    expect(build.productName).toBe(APP_NAME);
    expect(pkg.productName).toBe(APP_NAME);
  });

  it('packs the built app and the Electron build of SQLite, unpacked from the asar where the main process looks', () => {
    expect(build.asar).toBe(true);
    expect(build.files).toEqual(expect.arrayContaining(['package.json', 'out/**']));
    const binding = path.relative(root, setupPaths(root, {}).binding).split(path.sep).join('/');
    expect(binding).toBe('resources/native/electron/better_sqlite3.node');
    expect(build.files).toContain(binding);
    expect(build.asarUnpack).toEqual([`${path.posix.dirname(binding)}/*.node`]);
    const resources = '/opt/Wiredesk/resources';
    const [first] = sqliteBindingCandidates({ here: path.join(resources, 'app.asar', 'out', 'main'), resourcesPath: resources, isPackaged: true, env: {} });
    expect(first).toBe(path.join(resources, 'app.asar.unpacked', ...binding.split('/')));
  });

  it('leaves out the Node build of better-sqlite3 and its sources, and never rebuilds node_modules for Electron', () => {
    expect(build.files).toContain('!node_modules/better-sqlite3/{build,deps,src}/**');
    // electron-builder's own rebuild would overwrite the Node build the tests, CLI and desk server use.
    expect(build.npmRebuild).toBe(false);
    expect(build.nodeGypRebuild).toBe(false);
    expect(build.files.some((f) => /^(src|e2e|scripts)\b/.test(f))).toBe(false);
  });
});

describe('release fuses', () => {
  /** An "Electron binary": the fuse sentinel and a nine-fuse wire as Electron ships it. */
  function fakeElectron(file) {
    const shipped = '101100011'; // RunAsNode on, cookies unencrypted, NODE_OPTIONS on, inspect on, …
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from(SENTINEL), Buffer.from([1, shipped.length]), Buffer.from(shipped), Buffer.from('…more code')]),
    );
  }

  it('are flipped in the packed executable by the afterPack hook', async () => {
    expect(build.afterPack).toBe('./scripts/fuses.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wiredesk-fuses-'));
    dirs.push(dir);
    fakeElectron(path.join(dir, 'wiredesk'));
    await afterPack({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { executableName: build.linux.executableName, appInfo: { productFilename: 'Wiredesk' } },
    });
    const wire = await getCurrentFuseWire(path.join(dir, 'wiredesk'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    // Fuses Wiredesk does not set keep Electron's defaults.
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
  });

  it('find the executable electron-builder names on each platform', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wiredesk-fuses-'));
    dirs.push(dir);
    fakeElectron(path.join(dir, 'Wiredesk.exe'));
    await afterPack({ appOutDir: dir, electronPlatformName: 'win32', arch: 1, packager: { appInfo: { productFilename: 'Wiredesk' } } });
    expect((await getCurrentFuseWire(path.join(dir, 'Wiredesk.exe')))[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    await expect(afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager: { executableName: 'missing' } })).rejects.toThrow();
  });

  it('set exactly the six the release needs', () => {
    const { version, ...fuses } = RELEASE_FUSES;
    expect(version).toBe('1');
    expect(
      Object.keys(fuses)
        .map((k) => FuseV1Options[Number(k)])
        .sort(),
    ).toEqual([
      'EnableCookieEncryption',
      'EnableEmbeddedAsarIntegrityValidation',
      'EnableNodeCliInspectArguments',
      'EnableNodeOptionsEnvironmentVariable',
      'OnlyLoadAppFromAsar',
      'RunAsNode',
    ]);
  });
});
