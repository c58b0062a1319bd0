import { DeskFailure, ErrorCode, type Result, fail, ok } from '../core/errors';
import { type DeskHandlers, isDeskMethod } from '../contract';
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
  // One line in the log; the stack only when asked for (WIREDESK_DEBUG=1), never to the editor.
  console.error('[wiredesk] internal error:', process.env.WIREDESK_DEBUG ? e : message);
  return fail(ErrorCode.Internal, `Something went wrong inside Wiredesk: ${message}`);
}

/** Deepest nesting of objects and arrays a request may have; an editor state nests a few levels. */
export const ARG_DEPTH_MAX = 64;

/**
 * True when `value` nests deeper than `max`, found without recursion so no input can exhaust the
 * stack. Only objects and arrays are stacked (with their depths beside them, not in a pair each):
 * an autosave's body has thousands of strings and numbers, walked on every save.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const v = stack.pop();
    const depth = depths.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** The one entry point every adapter uses: unknown method, bad argument and failures all come back coded. */
export async function dispatch(handlers: DeskHandlers, method: string, arg: unknown): Promise<Result<unknown>> {
  if (!isDeskMethod(method)) return fail(ErrorCode.InvalidArgument, `Unknown desk request "${method}".`);
  try {
    if (nestsDeeperThan(arg, ARG_DEPTH_MAX))
      return fail(ErrorCode.InvalidArgument, `Invalid request to ${method} — it nests more than ${ARG_DEPTH_MAX} levels deep.`);
    const parsed = parseArg(method, arg);
    if (!parsed.ok) return fail(ErrorCode.InvalidArgument, parsed.message, { issues: parsed.issues });
    const handler = handlers[method] as (a: unknown) => unknown;
    return ok(await handler.call(handlers, parsed.value));
  } catch (e) {
    return toFailure(e);
  }
}
