import type { IpcMain } from 'electron';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SHELL_CHANNELS, registerShellIpc } from './shellIpc';
import { FakeBrowserWindow, dialogAnswer, recorded, resetFake } from '../../test/electron';

vi.mock('electron', async () => (await import('../../test/electron')).fakeElectronModule());

type Handler = (event: unknown, arg?: unknown) => Promise<unknown>;
const OURS = 'file:///app/out/renderer/index.html';
let dir: string;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipc = { handle: (c: string, h: Handler) => handlers.set(c, h), removeHandler: (c: string) => handlers.delete(c) } as unknown as IpcMain;
  const dispose = registerShellIpc(ipc, (url) => url === OURS);
  const win = new FakeBrowserWindow();
  const call = (channel: string, arg?: unknown, frame: { url: string; parent: unknown } | null = { url: OURS, parent: null }) =>
    handlers.get(channel)!({ senderFrame: frame, sender: win.webContents }, arg);
  return { handlers, dispose, win, call };
}

beforeEach(() => {
  resetFake();
  dir = mkdtempSync(path.join(os.tmpdir(), 'wiredesk-shell-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('shell IPC', () => {
  it('registers the folder chooser, the import file dialog and the spellcheck language, and removes them', () => {
    const { handlers, dispose } = setup();
    expect([...handlers.keys()].sort()).toEqual(['shell:chooseFolder', 'shell:readTextFile', 'shell:setSpellcheckLanguage']);
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('answers only our own top-level window', async () => {
    const { call, win } = setup();
    for (const frame of [null, { url: 'https://evil.example/', parent: null }, { url: OURS, parent: {} }]) {
      expect(await call(SHELL_CHANNELS.chooseFolder, undefined, frame)).toBeNull();
      expect(await call(SHELL_CHANNELS.setSpellcheckLanguage, 'ru', frame)).toBeNull();
    }
    expect(recorded.dialogs).toEqual([]);
    expect(win.webContents.session.languages).toEqual(['en-US']);
  });

  it('the folder chooser returns the folder, or null when cancelled', async () => {
    const { call } = setup();
    expect(await call(SHELL_CHANNELS.chooseFolder)).toBeNull();
    Object.assign(dialogAnswer, { canceled: false, filePaths: ['/home/editor/outbox'] });
    expect(await call(SHELL_CHANNELS.chooseFolder)).toBe('/home/editor/outbox');
    expect(recorded.dialogs[0]!.options.properties).toEqual(['openDirectory', 'createDirectory']);
  });

  it('the import dialog reads the chosen file', async () => {
    const { call } = setup();
    const file = path.join(dir, 'turan.txt');
    writeFileSync(file, 'Baku/06.10.23/Turan: The plan was signed.');
    Object.assign(dialogAnswer, { canceled: false, filePaths: [file] });
    const r = (await call(SHELL_CHANNELS.openFile)) as { name: string; bytes: Uint8Array };
    expect(r.name).toBe('turan.txt');
    expect(Buffer.from(r.bytes).toString()).toBe('Baku/06.10.23/Turan: The plan was signed.');
  });

  it('refuses a file over 60 MB with a message, reading none of it', async () => {
    const { call } = setup();
    const file = path.join(dir, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 61 * 1024 * 1024);
    Object.assign(dialogAnswer, { canceled: false, filePaths: [file] });
    expect(await call(SHELL_CHANNELS.openFile)).toBeNull();
    expect(recorded.dialogs.at(-1)).toMatchObject({ kind: 'message', options: { message: 'huge.json is 61 MB; Wiredesk imports files of up to 60 MB.' } });
  });

  it("sets the sending window's spellchecker to the item's language", async () => {
    const { call, win } = setup();
    expect(await call(SHELL_CHANNELS.setSpellcheckLanguage, 'en-GB')).toEqual(process.platform === 'darwin' ? [] : ['en-GB']);
    if (process.platform !== 'darwin') expect(win.webContents.session.languages).toEqual(['en-GB']);
  });
});
