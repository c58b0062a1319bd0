import type { DeskError } from '@core/errors';
import type { ArgOf, DeskMethod, ValueOf } from '../../../contract';

/** Call the desk; failures come back as DeskError, never thrown. */
export async function desk<K extends DeskMethod>(method: K, arg: ArgOf<K>): Promise<{ ok: true; value: ValueOf<K> } | { ok: false; error: DeskError }> {
  const fn = window.desk[method] as (a: ArgOf<K>) => Promise<{ ok: true; value: ValueOf<K> } | { ok: false; error: DeskError }>;
  return fn(arg);
}

/** "14:03" today, "26 Nov 14:03" on other days: how a desk reads times. */
export function shortTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const hm = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (d.toDateString() === now.toDateString()) return hm;
  return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${hm}`;
}

/** "30 Nov 2026, 14:03": a time that must be read without context (batch history). */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
