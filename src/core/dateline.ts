import type { DateOrder, DatelineStyle } from './settings';

export interface Dateline {
  place: string;
  /** Event date, YYYY-MM-DD, or '' when not given. */
  date: string;
  agency: string;
}

export const EMPTY_DATELINE: Dateline = { place: '', date: '', agency: '' };

/** AP month abbreviations: March to July are spelled out. */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * The dateline as the house style renders it, including its closing punctuation:
 *  slash: `Baku/06.10.23/Turan:`     ap: `BAKU, Oct. 6 (Turan) —`
 * Missing parts are left out rather than rendered empty. Returns '' with no place.
 */
export function formatDateline(d: Dateline, style: DatelineStyle): string {
  const place = d.place.trim();
  const agency = d.agency.trim();
  if (!place) return '';
  // A date that is not (yet) a real one is shown as typed, never silently left out.
  const raw = d.date.trim();
  const date = isIsoDate(raw) ? raw : '';
  if (raw !== '' && date === '')
    return style === 'ap' ? `${place.toUpperCase()}, ${raw}${agency ? ` (${agency})` : ''} —` : `${[place, raw, ...(agency ? [agency] : [])].join('/')}:`;
  if (style === 'ap') {
    let s = place.toUpperCase();
    if (date) {
      const [, mo, day] = date.split('-').map(Number) as [number, number, number];
      s += `, ${AP_MONTHS[mo - 1]} ${day}`;
    }
    if (agency) s += ` (${agency})`;
    return `${s} —`;
  }
  const parts = [place];
  if (date) {
    const [y, mo, day] = date.split('-');
    parts.push(`${day}.${mo}.${y!.slice(2)}`);
  }
  if (agency) parts.push(agency);
  return `${parts.join('/')}:`;
}

export type DateProblemCode = 'DATE_INCOMPLETE' | 'DATE_IMPOSSIBLE';
export type ParsedDate = { ok: true; iso: string } | { ok: false; code: DateProblemCode };

/**
 * A date as the desk types it, in its own order (never the browser's locale): "6.10.2023",
 * "06/10/23" (dmy) or "10/6/2023" (mdy); an ISO "2023-10-06" is read in either order.
 * '' is no date. Anything short of day, month and year is incomplete; 31.02 is impossible.
 */
export function parseDeskDate(text: string, order: DateOrder): ParsedDate {
  const t = text.trim();
  if (t === '') return { ok: true, iso: '' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const parts = iso ? [iso[3]!, iso[2]!, iso[1]!] : t.split(/\s*[./-]\s*|\s+/);
  if (parts.some((p) => p !== '' && !/^\d+$/.test(p))) return { ok: false, code: 'DATE_IMPOSSIBLE' };
  if (parts.length < 3 || parts.some((p) => p === '')) return { ok: false, code: 'DATE_INCOMPLETE' };
  if (parts.length > 3) return { ok: false, code: 'DATE_IMPOSSIBLE' };
  const [a, b, y] = parts as [string, string, string];
  const [day, month] = iso || order === 'dmy' ? [a, b] : [b, a];
  if (y.length !== 2 && y.length !== 4) return { ok: false, code: y.length < 4 ? 'DATE_INCOMPLETE' : 'DATE_IMPOSSIBLE' };
  const year = y.length === 2 ? `20${y}` : y;
  const out = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return day.length <= 2 && month.length <= 2 && isIsoDate(out) ? { ok: true, iso: out } : { ok: false, code: 'DATE_IMPOSSIBLE' };
}

/** An ISO date in the desk's order ("06.10.2023" / "10/06/2023"); anything else as it is. */
export function formatDeskDate(date: string, order: DateOrder): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-') as [string, string, string];
  return order === 'dmy' ? `${d}.${m}.${y}` : `${m}/${d}/${y}`;
}

/** Why a stored dateline date is not a real one (it holds what was typed), or null. */
export function dateProblem(date: string, order: DateOrder): DateProblemCode | null {
  if (date === '' || isIsoDate(date)) return null;
  const r = parseDeskDate(date, order);
  return r.ok ? null : r.code;
}
