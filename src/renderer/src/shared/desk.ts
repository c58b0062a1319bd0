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

// Formatters are built once: a new one per call (toLocaleTimeString) costs more than the row it labels. And on first
// use, not when this module loads: the first one reads the locale's data, which held up the start-up requests.
let formats: { hourMinute: Intl.DateTimeFormat; dayMonth: Intl.DateTimeFormat; full: Intl.DateTimeFormat } | undefined;
const format = () =>
  (formats ??= {
    hourMinute: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }),
    dayMonth: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' }),
    full: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
  });

const sameDay = (a: Date, b: Date) => a.getDate() === b.getDate() && a.getMonth() === b.getMonth() && a.getFullYear() === b.getFullYear();

/** "14:03" today, "26 Nov 14:03" on other days: how a desk reads times. */
export function shortTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso; // format() throws on an invalid date
  const hm = format().hourMinute.format(d);
  return sameDay(d, now) ? hm : `${format().dayMonth.format(d)} ${hm}`;
}

/** "30 Nov 2026, 14:03": a time that must be read without context (batch history). */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : format().full.format(d);
}
