/**
 * Datelines at the head of a line of copy, in the agencies' house styles:
 *   `Baku/06.10.23/Turan:`                 place / DD.MM.YY / agency
 *   `BAKU, Azerbaijan (AP) —`              CITY[, region][, date] (agency) dash
 *   `ASTANA, Oct 6 (Reuters) -`            `PARIS, Oct. 6, 2023 (AFP) –`   `New Delhi, Jan 9 (PTI)`
 *   `MOSCOW, December 1. /TASS/.`          `МОСКВА, 1 декабря. /ТАСС/.`   `BAKU, Azerbaijan, Oct. 6. /Trend/`
 *   `MOSCOW. Oct 6 (Interfax) -`           `Москва. 6 октября. ИНТЕРФАКС -`
 *   `Baku, October 6, AZERTAC`             `YEREVAN, OCTOBER 6, ARMENPRESS.`   `ASTANA. KAZINFORM –`
 *   `TOKYO, Feb. 9 Kyodo -`                `(ANSA) - ROME, JAN 9 -`   `Madrid, Jan 9 (EFE).-`   `Berlin (dpa) -`
 *   `LOS ANGELES, Feb 26 -`                the 1987 Reuters feed: no agency, a city in capitals, a date and a dash
 * One grammar reads them all: place, then regions, a date and the agency in any of
 * its written forms (agencies.ts), then the dash or stop that ends the dateline.
 * An agency the profiles do not know is accepted only in brackets after a city in
 * capitals, followed by a dash. Only a bounded head of the line is ever matched.
 */
import { type AgencyProfile, BARE_ALIAS_ALTERNATION, agencyByAlias } from './agencies';
import { DATE_HEAD_RE, type DateParts, parseDate } from './dates';
import type { Range } from './lines';

export interface DatelineMatch {
  /** Place as written (BAKU); see `placeName` for the form that goes in the dateline. */
  place: string;
  /** The agency's name from its profile (`Reuters` for `Reuter`), else as written; '' when none. */
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

const HEAD_MAX = 160;

const AGENCY = "(\\p{L}[\\p{L}\\p{N} .&'’-]{0,39}?)";
const SLASH_RE = new RegExp(`^(\\p{L}[\\p{L}\\p{M} .'’-]{0,40}?)\\s*/\\s*(\\d{1,2}\\.\\d{1,2}\\.(?:\\d{4}|\\d{2}))\\s*(?:/\\s*${AGENCY}\\s*)?:`, 'du');

const WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";
const PARTICLE = '(?:de|da|del|della|di|do|dos|das|du|la|le|el|al|es|am|an|on|upon|sur|aan|sul|sous)';
/** BAKU, LOS ANGELES, ST. LOUIS, Rio de Janeiro, Rostov-on-Don, Berlin/Paris. */
const PLACE_RE = new RegExp(
  `(?:(?:St|ST|Ft|FT|Mt|MT|Pt|PT|Sta|STA|Sto|STO|N|S)\\.\\s?)?${WORD}(?:\\s(?:${WORD}|${PARTICLE})){0,4}(?:/${WORD}(?:\\s${WORD}){0,2}){0,3}`,
  'yu',
);
const ANSA_PREFIX_RE = new RegExp(`\\((${BARE_ALIAS_ALTERNATION})\\)[ \\t]*[-–—]+[ \\t]*`, 'yu');
const SEP_RE = /[ \t]*([,.])?[ \t]*/y;
const PAREN_RE = /\([ \t]*([^()]{1,40}?)[ \t]*\)/y;
const SLASH_AGENCY_RE = /\/[ \t]*([^/]{1,40}?)[ \t]*\//y;
const BARE_RE = new RegExp(`(?:${BARE_ALIAS_ALTERNATION})(?![\\p{L}\\p{N}])`, 'yu');
const REGION_RE = new RegExp(`\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s\\p{Lu}[\\p{L}\\p{M}.'’-]*){0,3}`, 'yu');
/** What ends a dateline: a dash (`-`, `--`, `—`, `.-`), else a stop or colon. */
const DASH_RE = /[ \t]*[.,:]?[ \t]*(?:-{1,3}|[–—]{1,2})(?![-–—])/y;
const STOP_RE = /[ \t]*[.:,](?=\s|$)/y;

/** Words that open sentences, not place names. */
const NOT_A_PLACE_RE =
  /^(?:On|In|At|By|For|Since|Last|Next|This|That|Until|Till|From|Through|Before|After|During|Early|Late|Today|Yesterday|Tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|And|But|As|If|When|While|Then|Also|So)\b/;

const sticky = (re: RegExp, s: string, at: number): RegExpExecArray | null => {
  re.lastIndex = at;
  return re.exec(s);
};
const isCaps = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase();

/** The dateline a line of copy starts with, or null. */
export function matchDateline(line: string): DatelineMatch | null {
  const head = line.slice(0, HEAD_MAX);
  return matchSlash(head) ?? matchGrammar(head) ?? matchPlaceless(head);
}

function matchSlash(head: string): DatelineMatch | null {
  const slash = head.indexOf('/');
  if (slash < 0 || slash > 48) return null;
  const m = SLASH_RE.exec(head);
  if (!m?.indices) return null;
  const [placeAt, dateAt, agencyAt] = [m.indices[1]!, m.indices[2]!, m.indices[3] ?? null];
  const written = m[2]!;
  const parts = parseDate(written);
  return {
    place: m[1]!,
    agency: m[3] ? (agencyByAlias(m[3])?.name ?? m[3]) : '',
    region: '',
    date: parts && { written, parts, at: dateAt },
    at: [0, m[0].length],
    placeAt,
    agencyAt,
    regionAt: null,
    bodyStart: m[0].length,
  };
}

/** `Oct 6 (Reuters) -`: a date and an agency the profiles know, no place (market reports). */
function matchPlaceless(head: string): DatelineMatch | null {
  const date = DATE_HEAD_RE.exec(head);
  const parts = date && parseDate(date[0]);
  if (!date || !parts) return null;
  const paren = sticky(PAREN_RE, head, date[0].length + (sticky(SEP_RE, head, date[0].length)?.[0].length ?? 0));
  const known = paren && agencyByAlias(paren[1]!);
  if (!paren || !known) return null;
  const after = paren.index + paren[0].length;
  const dash = sticky(DASH_RE, head, after);
  if (!dash) return null;
  const from = paren.index + paren[0].indexOf(paren[1]!);
  const end = after + dash[0].length;
  return {
    place: '',
    agency: known.name,
    region: '',
    date: { written: date[0], parts, at: [0, date[0].length] },
    at: [0, end],
    placeAt: [0, 0],
    agencyAt: [from, from + paren[1]!.length],
    regionAt: null,
    bodyStart: end,
  };
}

function matchGrammar(head: string): DatelineMatch | null {
  let pos = 0;
  let agency: { written: string; at: Range; known: AgencyProfile | undefined; bracketed: boolean } | null = null;
  const prefix = sticky(ANSA_PREFIX_RE, head, 0);
  if (prefix) {
    const written = prefix[1]!;
    agency = { written, at: [1, 1 + written.length], known: agencyByAlias(written), bracketed: true };
    pos = prefix[0].length;
  }
  const place = sticky(PLACE_RE, head, pos);
  if (!place) return null;
  const placeAt: Range = [pos, pos + place[0].length];
  pos = placeAt[1];

  let date: DatelineMatch['date'] = null;
  let regionAt: Range | null = null;
  for (let n = 0; n < 4 && !(agency && !prefix); n++) {
    const sep = sticky(SEP_RE, head, pos)!;
    const at = pos + sep[0].length;
    const punct = sep[1] !== undefined;
    const paren = sticky(PAREN_RE, head, at) ?? sticky(SLASH_AGENCY_RE, head, at);
    if (paren && !agency) {
      const written = paren[1]!;
      const from = at + paren[0].indexOf(written);
      agency = { written, at: [from, from + written.length], known: agencyByAlias(written), bracketed: true };
      pos = at + paren[0].length;
      break;
    }
    if (!punct && n === 0) return null;
    const dateHead: RegExpExecArray | null = date ? null : DATE_HEAD_RE.exec(head.slice(at));
    const parts: DateParts | null = dateHead && parseDate(dateHead[0]);
    if (dateHead && parts) {
      date = { written: dateHead[0], parts, at: [at, at + dateHead[0].length] };
      pos = at + dateHead[0].length;
      continue;
    }
    const bare = agency ? null : sticky(BARE_RE, head, at);
    if (bare) {
      agency = { written: bare[0], at: [at, at + bare[0].length], known: agencyByAlias(bare[0]), bracketed: false };
      pos = at + bare[0].length;
      break;
    }
    const region: RegExpExecArray | null = !date && !regionAt && sep[1] === ',' ? sticky(REGION_RE, head, at) : null;
    if (!region) break;
    regionAt = [at, at + region[0].length];
    pos = regionAt[1];
  }

  const dash = sticky(DASH_RE, head, pos);
  const stop = dash ? null : sticky(STOP_RE, head, pos);
  const end = pos + ((dash ?? stop)?.[0].length ?? 0);
  const placeText = head.slice(...placeAt);
  if (agency) {
    // An agency no profile knows: only `CITY (Name) -`, so `Azerbaijan Airlines (AZAL) - the carrier` stays text.
    if (!agency.known && !(agency.bracketed && dash && isCaps(placeText))) return null;
    // A bare name must stand at the end of the dateline, not start a sentence.
    if (!agency.bracketed && !dash && !stop && !/^\s+\p{Lu}|^\s*$/u.test(head.slice(pos))) return null;
  } else if (!(date && dash && (isCaps(placeText) || !NOT_A_PLACE_RE.test(placeText)))) {
    // No agency: `LOS ANGELES, Feb 26 -` or `Toronto, March 17 -`, but not `On Monday, March 3 - …`.
    return null;
  }
  const region = regionAt ? head.slice(...regionAt).replace(/\.$/, '') : '';
  return {
    place: placeText,
    agency: agency ? (agency.known?.name ?? agency.written) : '',
    region,
    date,
    at: [0, end],
    placeAt,
    agencyAt: agency?.at ?? null,
    regionAt: region ? [regionAt![0], regionAt![0] + region.length] : null,
    bodyStart: end,
  };
}

const LOWER_PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'on',
  'upon',
  'sur',
  'en',
]);

/** BAKU → Baku, RIO DE JANEIRO → Rio de Janeiro, ROSTOV-ON-DON → Rostov-on-Don; mixed case is kept. */
export function placeName(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place
    .toLowerCase()
    .split(/([\s-]+)/)
    .map((word, i) => (i > 0 && LOWER_PARTICLES.has(word) ? word : word.replace(/^\p{Ll}|['’.]\p{Ll}(?=\p{L})/gu, (c) => c.toUpperCase())))
    .join('');
}
