/** What every command shares: its output, the editor's mistakes, and calls through the contract. */
import { DeskFailure, type Result } from '../core/errors';
import type { ArgOf, DeskHandlers, DeskMethod, ValueOf } from '../contract';
import { dispatch } from '../service/dispatch';

/** The editor's mistake: one line on stderr, exit code 1, nothing changed. */
export class UserError extends Error {}

let stdoutClosed = false;

export function out(line = ''): void {
  if (!stdoutClosed) process.stdout.write(line + '\n');
}

// A reader that stops early (`wiredesk list | head -1`) is not an error: the command finishes
// (an import still stores, an export still writes) and prints nothing more.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  stdoutClosed = true;
});

/** Every command goes through the contract, validated like any other adapter's call. */
export async function call<K extends DeskMethod>(desk: DeskHandlers, method: K, arg: ArgOf<K>): Promise<ValueOf<K>> {
  const r = (await dispatch(desk, method, arg)) as Result<ValueOf<K>>;
  if (!r.ok) throw new DeskFailure(r.error.code, r.error.message, r.error.details);
  return r.value;
}

export function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (widths[i] ? c.slice(0, widths[i]).padEnd(widths[i]) : c)).join('  ');
}
