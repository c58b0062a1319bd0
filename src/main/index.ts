/**
 * Electron shell: one sandboxed window, the desk service in the main process, IPC derived
 * from the contract. Everything else it does is in small modules beside this one: menus
 * (menu.ts), dialogs and the spellcheck language (shellIpc.ts, spellcheck.ts), the window
 * (window.ts, windowState.ts), the single-instance lock (singleInstance.ts) and the Electron
 * build of better-sqlite3 (database.ts; `npm start` sets it up, the Node build serves tests,
 * CLI and server).
 */
import { BrowserWindow, app, dialog, ipcMain, screen, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scheduleDailyBackups } from '../store/backup';
import { type OpenedDesk, openDesk as openDeskAt } from '../service/open';
import { deskDbPath, findSqliteBinding, sqliteBindingCandidates } from './database';
import { forwardChanges, registerDeskIpc, trustedUrlCheck } from './ipc';
import { installAppMenu, installContextMenu, type MenuCommand } from './menu';
import { registerShellIpc } from './shellIpc';
import { claimSingleInstance } from './singleInstance';
import { guardNavigation, windowOptions } from './window';
import { loadWindowState, trackWindowState } from './windowState';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererFile = path.join(here, '../renderer/index.html');
const preloadFile = path.join(here, '../preload/index.cjs');
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

app.setName('Wiredesk');

let mainWindow: BrowserWindow | undefined;

function openDesk(): OpenedDesk {
  const file = deskDbPath(process.argv, process.env, app.getPath('userData'));
  const binding = findSqliteBinding(sqliteBindingCandidates({ here, resourcesPath: process.resourcesPath, isPackaged: app.isPackaged, env: process.env }));
  try {
    const opened = openDeskAt(file, { nativeBinding: binding });
    // At most daily while the desk is open (and before every migration, inside the open).
    scheduleDailyBackups(file, binding);
    return opened;
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

function sendMenu(command: MenuCommand): void {
  BrowserWindow.getFocusedWindow()?.webContents.send('menu', command);
}

function createWindow(): void {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow(windowOptions(preloadFile, state));
  mainWindow = win;
  trackWindowState(win, stateFile);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  installContextMenu(win.webContents);
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(rendererFile);
}

// Every page Electron makes (ours, and any a bug might let in) stays put and opens no windows.
app.on('web-contents-created', (_e, contents) => guardNavigation(contents, (url) => Boolean(devUrl && url.startsWith(devUrl))));

// A second Wiredesk brings the first forward and quits before it touches the database.
if (claimSingleInstance(() => mainWindow)) {
  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
    const desk = openDesk();
    const trusted = trustedUrlCheck(rendererFile, devUrl);
    registerDeskIpc(ipcMain, desk.handlers, trusted);
    // Every window follows the desk: its own saves, other windows', the CLI's, exports.
    forwardChanges(desk.changes(), () => BrowserWindow.getAllWindows());
    // Joined to a shared desk: its changes arrive as they are announced, waiting ones go out.
    void desk.startLive();
    registerShellIpc(ipcMain, trusted);
    installAppMenu(process.platform, sendMenu);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
    // After every window has closed and sent its last save (before-quit comes too early).
    // Exports in progress finish first; the batch-owner lock is released with the database.
    let closed = false;
    app.on('will-quit', (e) => {
      if (closed) return;
      e.preventDefault();
      void desk.close().finally(() => {
        closed = true;
        app.quit();
      });
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
