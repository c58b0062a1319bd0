/**
 * The agencies the wire-copy parser knows, as data: how each one names itself in
 * datelines and credits, how its stories end, and the page furniture its copy
 * carries. Supporting one more agency is one more entry here, with its tests in
 * agencies.test.ts. Datelines themselves are read by one grammar (datelines.ts)
 * that looks agency names up here.
 *
 * Every pattern meets one trimmed line of at most LINE_MAX characters, or the
 * last TAIL_MAX characters of a line, so the work stays linear.
 */
import { FURNITURE_PREFIX_RE } from './furniture';

export interface EndMarker {
  /** Matches a whole trimmed line, or (with `tail`) the end of the story's last line. */
  re: RegExp;
  /** Also found at the end of a line of text: `… said. Enditem`. */
  tail?: boolean;
  /**
   * The marker is the story's sign-off and fills the sign-off field (`Reuter`,
   * `---06B---` → `06B`: capture group 1 when there is one); otherwise it ends
   * the story and is listed with the dropped lines, where it can be put back.
   */
  signOff?: boolean;
  /** The line is story text (a credit line) that also ends the story: kept in the body. */
  keep?: boolean;
}

export interface AgencyProfile {
  /** The name the dateline's agency field gets. */
  name: string;
  /** How copy writes the agency: `(Reuters)`, `/ТАСС/`, `AZERTAC`, `Синьхуа`. Matched whole-word. */
  aliases: readonly string[];
  /** How its stories end: sign-offs, end markers, desk codes, credit lines. */
  ends: readonly EndMarker[];
  /** Lines its pages and feeds add that are not story text. */
  furniture: readonly RegExp[];
}

/** Lines longer than this are never an end marker or furniture. */
export const LINE_MAX = 200;
export const TAIL_MAX = 40;

/** Desk codes after an agency name: `dpa cb sm`, `PTI SKU RT`, `EFE jl/ig`. */
const CODES = '(?:[\\s-]+[\\p{L}\\d]{1,5}(?:[/-][\\p{L}\\d]{1,5})*){1,5}';

export const AGENCIES: readonly AgencyProfile[] = [
  {
    name: 'AP',
    aliases: ['AP', 'Associated Press', 'Ассошиэйтед Пресс'],
    ends: [{ re: /^\(END\)$/ }],
    // The line under the byline (`Associated Press`, `AP Business Writer`) and the coverage teasers.
    furniture: [
      /^(?:The )?Associated Press$|^AP [\p{L} ]{2,30} (?:Writer|Correspondent|Editor)$/u,
      /^Follow\s.{0,80}\bat\s+https?:\/\/\S+$/i,
      /^(?:Find|Read) more of AP['’]s\s.{0,120}$/i,
      /^The Associated Press receives support from\s/,
    ],
  },
  {
    name: 'Reuters',
    aliases: ['Reuters', 'Reuter', 'REUTERS', 'Рейтер', 'Рейтерс'],
    ends: [
      // The 1987 feed: a line of its own, in any case.
      { re: /^(Reuter)$/i, signOff: true },
      // Today: the credit line closes the story and stays in it.
      { re: /^\((?:Reporting|Additional reporting|Writing|Compiled|Editing|Report) by\s[^()]{1,180}\)$/i, keep: true },
    ],
    furniture: [/^Our Standards:\s*The Thomson Reuters Trust Principles\.?$/i, /^\(\(.{1,190}\)\)$/, /^Sign up here\.?$/i, /^Reuters (?:Graphics|Plus)$/],
  },
  {
    name: 'AFP',
    aliases: ['AFP', 'Agence France-Presse', 'Франс Пресс', 'АФП'],
    // Desk codes: `bur-jm/cw`, `sba/jh`, `pt-dt/sst`.
    ends: [{ re: /^[a-z]{2,5}(?:-[a-z]{2,5})*(?:\/[a-z]{2,5}(?:-[a-z]{2,5})*){1,4}$/ }],
    furniture: [/^©\s*(?:\d{4}\s+)?AFP\b.{0,60}$/i],
  },
  {
    name: 'dpa',
    aliases: ['dpa', 'DPA', 'dpa-AFX'],
    ends: [{ re: new RegExp(`^dpa${CODES}$`, 'u') }],
    furniture: [/^dpa-infocom.{0,80}$/],
  },
  {
    name: 'Xinhua',
    aliases: ['Xinhua', 'XINHUA', 'Синьхуа'],
    ends: [{ re: /(?:^|\s)(Enditem|ENDITEM)$/, tail: true, signOff: true }, { re: /^[[(]?Editor:\s*[\p{L} .-]{2,40}[\])]?$/u }],
    furniture: [],
  },
  {
    name: 'TASS',
    aliases: ['TASS', 'ТАСС', 'ИТАР-ТАСС', 'ITAR-TASS'],
    ends: [],
    furniture: [/^(?:More news|Больше новостей)\s.{0,80}TASS.{0,40}$/i],
  },
  {
    name: 'Interfax',
    aliases: ['Interfax', 'INTERFAX', 'Интерфакс', 'ИНТЕРФАКС', 'INTERFAX.RU', 'Interfax.ru', 'Интерфакс-Украина', 'Interfax-Ukraine'],
    ends: [],
    furniture: [],
  },
  {
    name: 'Anadolu',
    aliases: ['AA', 'Anadolu', 'Anadolu Agency', 'АА', 'Анадолу'],
    ends: [],
    furniture: [/^(?:Anadolu Agency website contains only a portion|Веб-сайт Агентства Анадолу содержит).{0,300}$/, /^Update\s*:\s*[\d.: ]+$/i],
  },
  {
    name: 'AZERTAC',
    aliases: ['AZERTAC', 'AzerTAc', 'АЗЕРТАДЖ', 'АзерТАдж'],
    ends: [],
    furniture: [],
  },
  {
    name: 'Trend',
    aliases: ['Trend', 'TREND', 'Тренд', 'ТРЕНД'],
    ends: [],
    furniture: [/^(?:Stay up-to-date with more news at|Follow the author on|Follow Trend on)\s.{0,150}$/i],
  },
  {
    name: 'APA',
    aliases: ['APA', 'АПА'],
    ends: [],
    furniture: [],
  },
  {
    name: 'Turan',
    aliases: ['Turan', 'TURAN', 'Туран'],
    // `---06B---` at the end of the last line or on its own.
    ends: [{ re: /[-–—]{2,}\s*([A-Za-z0-9]{1,8})\s*[-–—]{2,}$/, tail: true, signOff: true }],
    furniture: [],
  },
  {
    name: 'Armenpress',
    aliases: ['ARMENPRESS', 'Armenpress', 'АРМЕНПРЕСС', 'Арменпресс'],
    ends: [],
    furniture: [],
  },
  {
    name: 'Kazinform',
    aliases: ['KAZINFORM', 'Kazinform', 'КАЗИНФОРМ', 'Казинформ'],
    ends: [],
    furniture: [/^(?:Kazinform|Казинформ)\s.{0,40}(?:Telegram|WhatsApp).{0,80}$/i],
  },
  {
    name: 'PTI',
    aliases: ['PTI'],
    ends: [{ re: /^PTI(?:\s+[A-Z]{2,4}){1,5}$/ }],
    furniture: [],
  },
  {
    name: 'EFE',
    aliases: ['EFE', 'Efe'],
    ends: [{ re: new RegExp(`^EFE${CODES}$`, 'u') }],
    furniture: [],
  },
  {
    name: 'ANSA',
    aliases: ['ANSA'],
    ends: [{ re: /(?:^|\s)\(ANSA\)\.?$/, tail: true }],
    furniture: [/^RIPRODUZIONE RISERVATA\s*©?.{0,60}$/i, /^ALL RIGHTS RESERVED\s*©?.{0,60}$/i],
  },
  {
    name: 'Kyodo',
    aliases: ['Kyodo', 'KYODO', 'Киодо'],
    ends: [{ re: /^={2,}\s*(Kyodo)$/i, signOff: true }],
    furniture: [],
  },
];

/** End markers no one agency owns. */
export const GENERIC_ENDS: readonly EndMarker[] = [{ re: /^(?:\(?END\)?|ENDS|Ends|-\s*30\s*-|#\s*#\s*#|\(\s*end\s*\))$/ }];

export interface AgencyEnd {
  agency: AgencyProfile | null;
  marker: EndMarker;
  /** [start, end) in the line: the whole marker. */
  at: readonly [number, number];
  /** Sign-off for the field ('' when the marker is not one). */
  code: string;
}

/** The end marker a whole line is, or null. */
export function matchEndLine(line: string): AgencyEnd | null {
  // Only a credit line in brackets runs long.
  if (line.length > LINE_MAX || (line.length > 60 && line[0] !== '(')) return null;
  for (const agency of AGENCIES) {
    for (const marker of agency.ends) {
      const m = marker.re.exec(line);
      if (m && m.index === 0) return { agency, marker, at: [0, line.length], code: marker.signOff ? (m[1] ?? m[0]) : '' };
    }
  }
  for (const marker of GENERIC_ENDS) if (marker.re.test(line)) return { agency: null, marker, at: [0, line.length], code: '' };
  // The agency's short name alone on a line (`EFE`, `(dpa)`, `— AFP`) closes its story; `Reuters.` ending a
  // wrapped sentence does not.
  const name = line.replace(/^[\s(—–-]+|[\s)]+$|(?<=\))\.$/g, '');
  const named = name.length <= 10 && !name.endsWith('.') ? agencyByAlias(name) : undefined;
  return named ? { agency: named, marker: CREDIT_END, at: [0, line.length], code: '' } : null;
}

const CREDIT_END: EndMarker = { re: /^$/ };

/** The end marker a line of text ends with (`… said. Enditem`, `… ---06B---`), or null. */
export function matchEndTail(line: string): AgencyEnd | null {
  const from = Math.max(0, line.length - TAIL_MAX);
  const tail = line.slice(from);
  for (const agency of AGENCIES) {
    for (const marker of agency.ends) {
      if (!marker.tail) continue;
      const m = marker.re.exec(tail);
      if (!m) continue;
      const lead = m[0].length - m[0].trimStart().length;
      return { agency, marker, at: [from + m.index + lead, line.length], code: marker.signOff ? (m[1] ?? m[0]) : '' };
    }
  }
  return null;
}

/** Page furniture: a page word alone, a teaser or tag line, or an agency's own furniture. */
export function isFurnitureLine(line: string): boolean {
  if (line.length > LINE_MAX) return false;
  // Story text wrapped onto a short line (`comment.`, `share`) is never furniture.
  if (/^\p{Ll}/u.test(line)) return false;
  if (FURNITURE_PREFIX_RE.test(line)) return true;
  return AGENCIES.some((a) => a.furniture.some((re) => re.test(line)));
}

const byAlias = new Map<string, AgencyProfile>();
for (const a of AGENCIES) for (const alias of [a.name, ...a.aliases]) byAlias.set(alias.toLowerCase(), a);

/** The profile an agency name as written belongs to (`Reuter`, `ТАСС`, `aa`), or undefined. */
export function agencyByAlias(written: string): AgencyProfile | undefined {
  return byAlias.get(written.trim().toLowerCase());
}

/** Every alias of three letters or more as written, longest first: an alternation for agency names written bare (`, AZERTAC`). */
export const BARE_ALIAS_ALTERNATION = [...new Set(AGENCIES.flatMap((a) => [a.name, ...a.aliases]))]
  .filter((s) => s.length >= 3)
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
