/**
 * Electron shell: one sandboxed window, the desk service in the main process, IPC derived
 * from the contract. better-sqlite3 loads an Electron-ABI build from resources/native
 * (see README: npm run build:electron-sqlite); the Node build serves tests, CLI and server.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../store/db';
import { DB_FILE } from '../store/paths';
import { DeskService } from '../service/desk';
import { isTrustedFrame, registerDeskIpc, trustedUrlCheck } from './ipc';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererFile = path.join(here, '../renderer/index.html');
const devUrl = process.env.ELECTRON_RENDERER_URL;
const IMPORT_FILE_MAX = 60 * 1024 * 1024;

app.setName('Wiredesk');

function electronSqliteBinding(): string | undefined {
  const candidates = [
    path.join(process.resourcesPath ?? '', 'native', 'electron', 'better_sqlite3.node'),
    path.join(here, '../../resources/native/electron/better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

function openDesk(): DeskService {
  const file = process.env.WIREDESK_DB || path.join(app.getPath('userData'), DB_FILE);
  const binding = electronSqliteBinding();
  try {
    return new DeskService(openDb(file, { nativeBinding: binding }));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const hint = /NODE_MODULE_VERSION|was compiled against a different Node/.test(message)
      ? '\n\nThe SQLite module is built for Node, not Electron. Run "npm run build:electron-sqlite" once on a machine with internet access.'
      : '';
    dialog.showErrorBox('Wiredesk cannot open its database', `${file}\n\n${message}${hint}`);
    app.exit(1);
    throw e;
  }
}

/** Menu commands the renderer carries out (it owns the views). */
type MenuCommand = 'new-item' | 'import' | 'queue' | 'settings';

function sendMenu(command: MenuCommand): void {
  BrowserWindow.getFocusedWindow()?.webContents.send('menu', command);
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(isMac ? [{ role: 'appMenu' as const }] : []),
      {
        label: 'File',
        submenu: [
          // Ctrl+N is the renderer's own shortcut; the menu only shows it.
          { label: 'New item\tCtrl+N', click: () => sendMenu('new-item') },
          { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => sendMenu('import') },
          { type: 'separator' },
          { label: 'Queue', accelerator: 'CmdOrCtrl+Shift+Q', click: () => sendMenu('queue') },
          { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: () => sendMenu('settings') },
          { type: 'separator' },
          isMac ? { role: 'close' as const } : { role: 'quit' as const },
        ],
      },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Wiredesk',
    show: false,
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!(devUrl && url.startsWith(devUrl))) event.preventDefault();
  });
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(rendererFile);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  const desk = openDesk();
  const trusted = trustedUrlCheck(rendererFile, devUrl);
  registerDeskIpc(ipcMain, desk, trusted);
  ipcMain.handle('shell:chooseFolder', async (event) => {
    if (!isTrustedFrame(event.senderFrame, trusted)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const r = win ? await dialog.showOpenDialog(win, { properties: ['openDirectory', 'createDirectory'] }) : null;
    return r && !r.canceled ? (r.filePaths[0] ?? null) : null;
  });
  ipcMain.handle('shell:readTextFile', async (event) => {
    if (!isTrustedFrame(event.senderFrame, trusted)) return null;
    const win = BrowserWindow.fromWebContents(event.sender);
    const r = win
      ? await dialog.showOpenDialog(win, {
          properties: ['openFile'],
          filters: [
            { name: 'Wire copy or feed', extensions: ['txt', 'json', 'ndjson', 'jsonl', 'eml'] },
            { name: 'All files', extensions: ['*'] },
          ],
        })
      : null;
    if (!r || r.canceled || !r.filePaths[0]) return null;
    const { size } = await fs.stat(r.filePaths[0]);
    if (size > IMPORT_FILE_MAX) {
      await dialog.showMessageBox(win!, { type: 'warning', message: `That file is ${Math.round(size / 1048576)} MB; Wiredesk imports files of up to 60 MB.` });
      return null;
    }
    const bytes = await fs.readFile(r.filePaths[0]);
    return { name: path.basename(r.filePaths[0]), bytes: new Uint8Array(bytes) };
  });
  buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  // After every window has closed and sent its last save (before-quit comes too early).
  app.on('will-quit', () => desk.db.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
