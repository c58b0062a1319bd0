import { DeskFailure, ErrorCode, type Result, fail, ok } from '../core/errors';
import { type DeskHandlers, isDeskMethod } from './contract';
import { parseArg } from './schemas';

/** Turn anything thrown below the boundary into a coded error an editor can read. */
export function toFailure(e: unknown): { ok: false; error: { code: ErrorCode; message: string; details?: unknown } } {
  if (e instanceof DeskFailure) return fail(e.code, e.message, e.details);
  const code = (e as { code?: unknown })?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return fail(ErrorCode.Internal, 'The desk database is busy (another Wiredesk is writing). Try again in a moment; nothing was lost.');
  }
  if (code === 'SQLITE_FULL') return fail(ErrorCode.Internal, 'The disk is full: the change was not saved. Free some space and try again.');
  const message = e instanceof Error ? e.message : String(e);
  console.error('[wiredesk] internal error:', e);
  return fail(ErrorCode.Internal, `Something went wrong inside Wiredesk: ${message}`);
}

/** The one entry point every adapter uses: unknown method, bad argument and failures all come back coded. */
export async function dispatch(handlers: DeskHandlers, method: string, arg: unknown): Promise<Result<unknown>> {
  if (!isDeskMethod(method)) return fail(ErrorCode.InvalidArgument, `Unknown desk request "${method}".`);
  const parsed = parseArg(method, arg);
  if (!parsed.ok) return fail(ErrorCode.InvalidArgument, parsed.message, { issues: parsed.issues });
  try {
    const handler = handlers[method] as (a: unknown) => unknown;
    return ok(await handler.call(handlers, parsed.value));
  } catch (e) {
    return toFailure(e);
  }
}
