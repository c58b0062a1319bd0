import type { DatelineStyle } from './settings';

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
  const date = isIsoDate(d.date) ? d.date : '';
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
