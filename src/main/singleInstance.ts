import { app, type BrowserWindow } from 'electron';

/**
 * One Wiredesk per user: two app processes would each run crash recovery on one store. The
 * first holds the lock; a second start hands over to it (its window comes forward) and quits
 * before it opens the database. Returns false in that second process.
 */
export function claimSingleInstance(existingWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = existingWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
