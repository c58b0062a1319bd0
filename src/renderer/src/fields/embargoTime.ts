/**
 * The embargo as the editor enters it: a local date-time and a UTC offset, picked apart from
 * and put back into the RFC 3339 value the item stores ("2026-11-27T09:00+04:00").
 */
import { formatDeskDate, parseDeskDate } from '@core/dateline';
import type { DateOrder } from '@core/settings';
import { DATE_PATTERN } from './DateInput';

const offset = (minutes: number): string => {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
};

/** Every half-hour offset from UTC−12:00 to UTC+14:00. */
export const ZONES: readonly string[] = Array.from({ length: (26 * 60) / 30 + 1 }, (_, i) => offset(-12 * 60 + i * 30));

/** This computer's offset now, e.g. "+04:00". */
export function localZone(now = new Date()): string {
  return offset(-now.getTimezoneOffset());
}

/** "2026-11-27T09:00+04:00" → local "2026-11-27T09:00", zone "+04:00"; no embargo → empty, this computer's zone. */
export function splitEmbargo(e: string | null, now = new Date()): { local: string; zone: string } {
  const m = e ? /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(e) : null;
  return m ? { local: m[1]!, zone: m[2] === 'Z' ? '+00:00' : m[2]! } : { local: '', zone: localZone(now) };
}

/** How the desk types an embargo time after its date. */
export const TIME_PATTERN = 'hh:mm';

export type ParsedEmbargo = { ok: true; local: string } | { ok: false; message: string };

/**
 * The embargo as typed, in the desk's date order and 24-hour time ("27.11.2030 09:00",
 * "11/27/2030 9:00"); an ISO "2030-11-27T09:00" is read too. Empty: no embargo (local '').
 */
export function parseEmbargoText(text: string, order: DateOrder): ParsedEmbargo {
  const t = text.trim();
  if (t === '') return { ok: true, local: '' };
  const m = /^(.*?\d)(?:\s*[T\s,]\s*)(\d{1,2})[:.](\d{2})$/.exec(t);
  const example = `${formatDeskDate('2030-11-27', order)} 09:00`;
  if (!m) return { ok: false, message: `Type the embargo as a date and a 24-hour time, e.g. ${example}.` };
  const date = parseDeskDate(m[1]!, order);
  if (!date.ok || date.iso === '') return { ok: false, message: `${m[1]} is not a date in the desk's order (${DATE_PATTERN[order]}), e.g. ${example}.` };
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (h > 23 || min > 59) return { ok: false, message: `${m[2]}:${m[3]} is not a time of day; use 00:00 to 23:59.` };
  return { ok: true, local: `${date.iso}T${String(h).padStart(2, '0')}:${m[3]}` };
}

/** A local "2030-11-27T09:00" as the desk writes it: "27.11.2030 09:00". */
export function formatEmbargoText(local: string, order: DateOrder): string {
  return local ? `${formatDeskDate(local.slice(0, 10), order)} ${local.slice(11, 16)}` : '';
}
