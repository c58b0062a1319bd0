/**
 * `window.desk` for the desk server: the same contract as the Electron preload, over
 * HTTP to the server that served this page (the token travels in an HttpOnly cookie).
 * The URL is relative: the server serves the desk, and its API, under a per-run path.
 */
import { DESK_METHODS, type DeskApi, type DeskMethod, TEXT_BODY_ARGS } from '../../../contract';

/**
 * The request for one call: JSON, or for a method with a large text (an import's paste) the
 * text itself as the body and the rest of the argument in the query string.
 */
function request(name: DeskMethod, arg: unknown): { query: string; type: string; body: string } {
  const textKey = TEXT_BODY_ARGS[name];
  const fields = (arg ?? {}) as Record<string, unknown>;
  if (textKey && typeof fields[textKey] === 'string' && Object.entries(fields).every(([k, v]) => k === textKey || typeof v === 'string')) {
    const rest = Object.entries(fields).filter(([k]) => k !== textKey) as [string, string][];
    return { query: rest.length > 0 ? `?${new URLSearchParams(rest).toString()}` : '', type: 'text/plain; charset=utf-8', body: fields[textKey] };
  }
  return { query: '', type: 'application/json', body: JSON.stringify(arg ?? {}) };
}

export function createHttpDesk(base = 'api/'): DeskApi {
  const call = async (name: DeskMethod, arg: unknown) => {
    try {
      const { query, type, body } = request(name, arg);
      const res = await fetch(base + name + query, {
        method: 'POST',
        headers: { 'Content-Type': type },
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
