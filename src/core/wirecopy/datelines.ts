/**
 * Datelines and sign-offs at the edges of a line of copy:
 *   slash  `Baku/06.10.23/Turan:`            place / DD.MM.YY / agency
 *   AP     `BAKU, Azerbaijan (AP) —`        CITY[, region][, date] (agency) dash
 *          `ASTANA, Oct 6 (Reuters) -`      `PARIS, Oct. 6, 2023 (AFP) –`
 *   sign-off `… last sentence. ---06B---`
 * Only a bounded head or tail of the line is ever matched.
 */
import { type DateParts, parseDate } from './dates';
import { type Range, trimRange } from './lines';

export interface DatelineMatch {
  /** Place as written (BAKU); see `placeName` for the form that goes in the dateline. */
  place: string;
  agency: string;
  /** Country or state written after the city (`Azerbaijan`), or ''. */
  region: string;
  date: { written: string; parts: DateParts; at: Range } | null;
  /** The whole dateline, punctuation included. */
  at: Range;
  placeAt: Range;
  agencyAt: Range | null;
  regionAt: Range | null;
  /** Where the story text starts after the dateline (white space may follow). */
  bodyStart: number;
}

export interface SignOffMatch {
  code: string;
  /** The whole `---06B---` marker. */
  at: Range;
}

const HEAD_MAX = 160;
const TAIL_MAX = 40;

const AGENCY = "(\\p{L}[\\p{L}\\p{N} .&'’-]{0,39}?)";
const SLASH_RE = new RegExp(`^(\\p{L}[\\p{L}\\p{M} .'’-]{0,40}?)\\s*/\\s*(\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2}))\\s*(?:/\\s*${AGENCY}\\s*)?:`, 'du');
const AP_RE = new RegExp(`^([^()]{1,100}?)\\s*\\(${AGENCY}\\)\\s*[-–—]+`, 'du');
/** A city in capitals: BAKU, NEW YORK, ST. PETERSBURG, N'DJAMENA. */
const CAPS_PLACE_RE = /^\p{Lu}[\p{Lu}\p{M} .'’-]{0,39}$/u;
const REGION_RE = /^\p{L}[\p{L}\p{M} .'’-]{0,39}$/u;
const SIGN_OFF_TAIL_RE = /[-–—]{2,}\s*([A-Za-z0-9]{1,8})\s*[-–—]{2,}$/d;

/** The dateline a line of copy starts with, or null. */
export function matchDateline(line: string): DatelineMatch | null {
  const head = line.slice(0, HEAD_MAX);
  return matchSlash(head) ?? matchAp(head);
}

function matchSlash(head: string): DatelineMatch | null {
  const m = SLASH_RE.exec(head);
  if (!m?.indices) return null;
  const [placeAt, dateAt, agencyAt] = [m.indices[1]!, m.indices[2]!, m.indices[3] ?? null];
  const written = m[2]!;
  const parts = parseDate(written);
  return {
    place: m[1]!,
    agency: m[3] ?? '',
    region: '',
    date: parts && { written, parts, at: dateAt },
    at: [0, m[0].length],
    placeAt,
    agencyAt,
    regionAt: null,
    bodyStart: m[0].length,
  };
}

function matchAp(head: string): DatelineMatch | null {
  const m = AP_RE.exec(head);
  if (!m?.indices) return null;
  const before = m[1]!; // "PARIS, Oct. 6, 2023"
  const firstComma = before.indexOf(',');
  const place = (firstComma < 0 ? before : before.slice(0, firstComma)).trimEnd();
  if (!CAPS_PLACE_RE.test(place)) return null;

  // The date is the longest comma-separated tail that reads as one; what lies between is the region.
  let date: DatelineMatch['date'] = null;
  let regionEnd = before.length;
  for (let c = firstComma; c >= 0 && !date; c = before.indexOf(',', c + 1)) {
    const at = trimRange(before, c + 1, before.length);
    const parts = parseDate(before.slice(...at));
    if (parts) {
      date = { written: before.slice(...at), parts, at };
      regionEnd = c;
    }
  }
  const regionAt = firstComma < 0 ? null : trimRange(before, firstComma + 1, regionEnd);
  const region = regionAt ? before.slice(...regionAt) : '';
  if (region && !REGION_RE.test(region)) return null;
  return {
    place,
    agency: m[2]!,
    region,
    date,
    at: [0, m[0].length],
    placeAt: [0, place.length],
    agencyAt: m.indices[2]!,
    regionAt: region ? regionAt : null,
    bodyStart: m[0].length,
  };
}

/** The `---06B---` sign-off a line ends with, or null. */
export function matchSignOff(line: string): SignOffMatch | null {
  const from = Math.max(0, line.length - TAIL_MAX);
  const m = SIGN_OFF_TAIL_RE.exec(line.slice(from));
  if (!m) return null;
  return { code: m[1]!, at: [from + m.index, line.length] };
}

const LOWER_PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'on', 'upon', 'sur', 'en']);

/** BAKU → Baku, RIO DE JANEIRO → Rio de Janeiro, ROSTOV-ON-DON → Rostov-on-Don; mixed case is kept. */
export function placeName(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place
    .toLowerCase()
    .split(/([\s-]+)/)
    .map((word, i) => (i > 0 && LOWER_PARTICLES.has(word) ? word : word.replace(/^\p{Ll}|['’.]\p{Ll}(?=\p{L})/gu, (c) => c.toUpperCase())))
    .join('');
}
