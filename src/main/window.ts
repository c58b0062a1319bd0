import { shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { MIN_SIZE, type WindowState } from './windowState';

/**
 * The desk window: a sandboxed, context-isolated page with no Node, whose only way to the main
 * process is the preload's bridge; spellchecking on (languages follow the open item).
 */
export function windowOptions(preload: string, state: WindowState): BrowserWindowConstructorOptions {
  const { x, y, width, height } = state;
  return {
    ...(x !== undefined && y !== undefined ? { x, y } : {}),
    width,
    height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Wiredesk',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // A middle-click could otherwise open a link in a new window, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/** Links open in the system browser (http/https only); the window itself never leaves the desk. */
export function guardNavigation(contents: WebContents, isOurs: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isOurs(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
