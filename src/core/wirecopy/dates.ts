/**
 * Dates as wire copy writes them: `Oct. 6`, `6 October 2023`, `06.10.23`, `2023-10-06`,
 * `06/10/23` (day and month may be swapped), and page time stamps `6 October 2023 16:16`.
 * Every pattern is anchored and callers pass short strings only.
 */
import { isIsoDate } from '../dateline';

export interface DateParts {
  /** Four-digit year, or null when the copy gave none. */
  year: number | null;
  month: number;
  day: number;
  /** The other reading when day and month could be swapped (06/10/23). */
  swapped?: { month: number; day: number };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Month words of the agencies' languages, lower case → month: English (full and
 * abbreviated), Russian (nominative, genitive and abbreviated: `1 декабря`, Reuters' `1 дек`), Spanish (EFE: `9 ene`),
 * Italian (ANSA: `9 gen`), German and French (dpa, AFP: `9. Januar`, `9 janvier`).
 */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  [
    'jan january январь января янв ene enero gen gennaio januar janvier',
    'feb february февраль февраля фев февр febrero febbraio februar fév février fev fevrier',
    'mar march март марта мар marzo marzo märz mars',
    'apr april апрель апреля апр abr abril aprile avril avr',
    'may май мая mayo mag maggio mai',
    'jun june июнь июня июн junio giu giugno juni juin',
    'jul july июль июля июл julio lug luglio juli juillet juil',
    'aug august август августа авг ago agosto aoû août aout',
    'sep sept september сентябрь сентября сен сент septiembre set settembre septembre',
    'oct october октябрь октября окт octubre ott ottobre okt oktober octobre',
    'nov november ноябрь ноября ноя нояб noviembre novembre',
    'dec december декабрь декабря дек dic diciembre dicembre dez dezember déc décembre',
  ].flatMap((words, i) => words.split(' ').map((w) => [w, i + 1] as const)),
);
const MONTH = '(\\p{L}{3,10})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|\\.)?';
const YEAR = '(?:,?\\s+(\\d{4})(?:\\s*(?:года|г\\.|год))?)?';

const MONTH_FIRST_RE = new RegExp(`^${MONTH}\\.?\\s+${DAY}${YEAR}$`, 'iu');
const DAY_FIRST_RE = new RegExp(`^${DAY}\\s+${MONTH}\\.?${YEAR}$`, 'iu');
/** The longest head of a string that may be a date (checked with parseDate). */
export const DATE_HEAD_RE = new RegExp(
  `^(?:\\p{L}{3,10}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th|\\.)?\\s+\\p{L}{3,10}\\.?(?:,?\\s+\\d{4}(?:\\s*(?:года|г\\.|год))?)?|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}([./])\\d{1,2}\\1(?:\\d{4}|\\d{2}))(?![\\p{L}\\p{N}])`,
  'iu',
);
const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC_RE = /^(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})$/;

const TIME = '(\\d{1,2}):(\\d{2})(?::\\d{2})?';
const TIME_AFTER_RE = new RegExp(`^(.+?),?\\s+(?:at\\s+)?${TIME}$`, 'i');
const TIME_BEFORE_RE = new RegExp(`^${TIME},?\\s+(.+)$`);

const monthNumber = (name: string): number => MONTH_WORDS.get(name.toLowerCase()) ?? 0;
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * The date a short string spells, or null. Dotted numbers are day first (06.10.23, the
 * house convention); slashed numbers are read day first too but carry the swapped
 * reading when both halves could be a month.
 */
export function parseDate(s: string): DateParts | null {
  let m = MONTH_FIRST_RE.exec(s);
  if (m && monthNumber(m[1]!)) return { year: m[3] ? Number(m[3]) : null, month: monthNumber(m[1]!), day: Number(m[2]) };
  m = DAY_FIRST_RE.exec(s);
  if (m && monthNumber(m[2]!)) return { year: m[3] ? Number(m[3]) : null, month: monthNumber(m[2]!), day: Number(m[1]) };
  m = ISO_RE.exec(s);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = NUMERIC_RE.exec(s);
  if (!m) return null;
  const [a, b, year] = [Number(m[1]), Number(m[3]), fullYear(m[4]!)];
  if (m[2] === '.' || a > 12 || a === b) return { year, month: b, day: a };
  if (b > 12) return { year, month: a, day: b };
  return { year, month: b, day: a, swapped: { month: a, day: b } };
}

export interface Timestamp {
  date: DateParts;
  /** HH:MM, or null for a date-only stamp. */
  time: string | null;
}

/** A page time stamp with a full year: `6 October 2023 16:16`, `16:16, 06.10.2023`, `2023-10-06`. */
export function parseTimestamp(s: string): Timestamp | null {
  if (s.length > 60) return null;
  let dateText = s;
  let hh: string | undefined;
  let mm: string | undefined;
  const after = TIME_AFTER_RE.exec(s);
  const before = after ? null : TIME_BEFORE_RE.exec(s);
  if (after) [dateText, hh, mm] = [after[1]!, after[2], after[3]];
  else if (before) [hh, mm, dateText] = [before[1], before[2], before[3]!];
  const date = parseDate(dateText.trim());
  if (!date || date.year === null) return null;
  if (hh === undefined || mm === undefined) return { date, time: null };
  if (Number(hh) > 23 || Number(mm) > 59) return null;
  return { date, time: `${hh.padStart(2, '0')}:${mm}` };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const spelled = (month: number, day: number): string => `${day} ${MONTH_NAMES[month - 1] ?? '?'}`;

/**
 * YYYY-MM-DD for the parts, or '' with the reason: swapped readings and impossible
 * dates are never guessed; a missing year is taken from `fallback` and said so.
 */
export function resolveDate(p: DateParts, written: string, fallback: { year: number; from: string }): { iso: string; warning?: string } {
  const year = p.year ?? fallback.year;
  if (p.swapped) {
    return {
      iso: '',
      warning: `Date "${written}" could be ${spelled(p.month, p.day)} or ${spelled(p.swapped.month, p.swapped.day)} ${year}; left empty — check it.`,
    };
  }
  const iso = `${String(year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
  if (!isIsoDate(iso)) return { iso: '', warning: `Date "${written}" is not a real calendar date; left empty.` };
  if (p.year === null) return { iso, warning: `Date "${written}" has no year; assumed ${year} from ${fallback.from}.` };
  return { iso };
}
