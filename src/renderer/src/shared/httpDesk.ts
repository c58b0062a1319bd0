/**
 * `window.desk` for the desk server: the same contract as the Electron preload, over
 * HTTP to the server that served this page (the token travels in an HttpOnly cookie).
 * The URL is relative: the server serves the desk, and its API, under a per-run path.
 */
import { DESK_METHODS, type DeskApi } from '../../../contract';

export function createHttpDesk(base = 'api/'): DeskApi {
  const call = async (name: string, arg: unknown) => {
    try {
      const body = JSON.stringify(arg ?? {});
      const res = await fetch(base + name, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body,
        // Lets the last save go out while the page closes (browsers allow it under 64 KB).
        keepalive: body.length < 60_000,
      });
      return (await res.json()) as unknown;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'The desk server is not answering. Is "wiredesk serve" still running?' } };
    }
  };
  return Object.fromEntries(DESK_METHODS.map((name) => [name, (arg: unknown) => call(name, arg)])) as DeskApi;
}
