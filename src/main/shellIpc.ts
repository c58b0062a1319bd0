import { BrowserWindow, dialog, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isTrustedFrame } from './ipc';
import { applySpellcheckLanguage } from './spellcheck';

/** The largest file the Import dialog reads (agency copy runs to a few MB; a 60 MB feed is huge). */
export const IMPORT_FILE_MAX = 60 * 1024 * 1024;

/** Channels for what only the desktop shell can do (the preload's `deskShell`). */
export const SHELL_CHANNELS = {
  chooseFolder: 'shell:chooseFolder',
  openFile: 'shell:readTextFile',
  setSpellcheckLanguage: 'shell:setSpellcheckLanguage',
} as const;

/** The folder dialog (for an export's destination); null when cancelled. */
export async function chooseFolder(win: BrowserWindow): Promise<string | null> {
  const r = await dialog.showOpenDialog(win, { title: 'Choose a folder', properties: ['openDirectory', 'createDirectory'] });
  return !r.canceled ? (r.filePaths[0] ?? null) : null;
}

/** The Import file dialog: the chosen file's name and bytes, null when cancelled or too large (said in a dialog). */
export async function openImportFile(win: BrowserWindow): Promise<{ name: string; bytes: Uint8Array } | null> {
  const r = await dialog.showOpenDialog(win, {
    title: 'Import agency copy',
    properties: ['openFile'],
    filters: [
      { name: 'Wire copy or feed', extensions: ['txt', 'json', 'ndjson', 'jsonl', 'eml'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  const file = r.canceled ? undefined : r.filePaths[0];
  if (!file) return null;
  const { size } = await fs.stat(file);
  if (size > IMPORT_FILE_MAX) {
    await dialog.showMessageBox(win, {
      type: 'warning',
      message: `${path.basename(file)} is ${Math.round(size / 1048576)} MB; Wiredesk imports files of up to ${IMPORT_FILE_MAX / 1048576} MB.`,
    });
    return null;
  }
  return { name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) };
}

/**
 * The shell's IPC handlers. Like the desk's, they answer only our own top-level renderer;
 * anything else gets null. Returns a function that removes them.
 */
export function registerShellIpc(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, isTrustedUrl: (url: string) => boolean): () => void {
  const forWindow =
    <T>(work: (win: BrowserWindow, event: IpcMainInvokeEvent, arg: unknown) => Promise<T> | T) =>
    async (event: IpcMainInvokeEvent, arg: unknown) => {
      if (!isTrustedFrame(event.senderFrame, isTrustedUrl)) return null;
      const win = BrowserWindow.fromWebContents(event.sender);
      return win ? work(win, event, arg) : null;
    };
  ipc.handle(
    SHELL_CHANNELS.chooseFolder,
    forWindow((win) => chooseFolder(win)),
  );
  ipc.handle(
    SHELL_CHANNELS.openFile,
    forWindow((win) => openImportFile(win)),
  );
  ipc.handle(
    SHELL_CHANNELS.setSpellcheckLanguage,
    forWindow((_win, event, language) => applySpellcheckLanguage(event.sender.session, language)),
  );
  return () => Object.values(SHELL_CHANNELS).forEach((c) => ipc.removeHandler(c));
}
