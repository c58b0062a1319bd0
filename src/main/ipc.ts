import { pathToFileURL } from 'node:url';
import { ErrorCode, fail } from '../core/errors';
import type { ChangeSource } from '../service/changes';
import { CHANGES_CHANNEL, DESK_METHODS, IPC_PREFIX, type DeskHandlers } from '../contract';
import { dispatch } from '../service/dispatch';

/** The slice of Electron's IpcMainInvokeEvent the handlers look at. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, arg: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Only our own top-level renderer may call the main process. */
export function isTrustedFrame(frame: InvokeEventLike['senderFrame'], isTrustedUrl: (url: string) => boolean): boolean {
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
}

/**
 * One IPC handler per contract method, derived from the contract. Calls from any frame
 * other than our own top-level renderer are refused.
 */
export function registerDeskIpc(ipc: IpcMainLike, handlers: DeskHandlers, isTrustedUrl: (url: string) => boolean): () => void {
  for (const name of DESK_METHODS) {
    ipc.handle(IPC_PREFIX + name, async (event, arg) => {
      if (!isTrustedFrame(event.senderFrame, isTrustedUrl)) {
        return fail(ErrorCode.Forbidden, 'This request did not come from the Wiredesk window and was refused.');
      }
      return dispatch(handlers, name, arg);
    });
  }
  return () => DESK_METHODS.forEach((name) => ipc.removeHandler(IPC_PREFIX + name));
}

/** Our renderer: the built file in production, the dev server URL in development. */
export function trustedUrlCheck(rendererFile: string, devUrl: string | undefined): (url: string) => boolean {
  const fileUrl = pathToFileURL(rendererFile).href; // right on Windows paths too
  return (url) => {
    if (devUrl && url.startsWith(devUrl)) return true;
    return url.split('#')[0] === fileUrl;
  };
}

/** The slice of a BrowserWindow the change feed needs. */
export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { send(channel: string, message: unknown): void };
}

/** Every change-feed message goes to every open window; returns the unsubscribe. */
export function forwardChanges(source: ChangeSource, windows: () => WindowLike[]): () => void {
  return source.subscribe((message) => {
    for (const win of windows()) if (!win.isDestroyed()) win.webContents.send(CHANGES_CHANNEL, message);
  });
}
