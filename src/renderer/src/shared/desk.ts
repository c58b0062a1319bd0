import type { DeskError } from '@core/errors';
import type { ArgOf, DeskMethod, ValueOf } from '../../../contract';

type Answer<K extends DeskMethod> = { ok: true; value: ValueOf<K> } | { ok: false; error: DeskError };

/**
 * Answers asked for at start-up, before the views that need them are drawn: the first identical
 * call takes its answer (once, and only in the first seconds, so nothing stale is ever served).
 */
const early = new Map<string, Promise<unknown>>();
const EARLY_MS = 5000;
const keyOf = (method: DeskMethod, arg: unknown) => `${method} ${JSON.stringify(arg)}`;

function call<K extends DeskMethod>(method: K, arg: ArgOf<K>): Promise<Answer<K>> {
  const fn = window.desk[method] as (a: ArgOf<K>) => Promise<Answer<K>>;
  return fn(arg);
}

/** Ask now for what the first screen will ask for (in parallel, while the code is still starting). */
export function prefetch<K extends DeskMethod>(method: K, arg: ArgOf<K>): void {
  const key = keyOf(method, arg);
  early.set(key, call(method, arg));
  setTimeout(() => early.delete(key), EARLY_MS);
}

/** Call the desk; failures come back as DeskError, never thrown. */
export async function desk<K extends DeskMethod>(method: K, arg: ArgOf<K>): Promise<Answer<K>> {
  if (early.size > 0) {
    const key = keyOf(method, arg);
    const asked = early.get(key);
    if (asked) {
      early.delete(key);
      return asked as Promise<Answer<K>>;
    }
  }
  return call(method, arg);
}

// The desk's times in its one house style (en-GB), written out here rather than by Intl: the first Intl formatter
// reads the locale's data, tens of ms on the first screen, for a clock time and a month's short name.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const hourMinute = (d: Date) => `${two(d.getHours())}:${two(d.getMinutes())}`;
const dayMonth = (d: Date) => `${d.getDate()} ${MONTHS[d.getMonth()]}`;

const sameDay = (a: Date, b: Date) => a.getDate() === b.getDate() && a.getMonth() === b.getMonth() && a.getFullYear() === b.getFullYear();

/** "14:03" today, "26 Nov 14:03" on other days: how a desk reads times. */
export function shortTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return sameDay(d, now) ? hourMinute(d) : `${dayMonth(d)} ${hourMinute(d)}`;
}

/** "30 Nov 2026, 14:03": a time that must be read without context (batch history). */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${dayMonth(d)} ${d.getFullYear()}, ${hourMinute(d)}`;
}
