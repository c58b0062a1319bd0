/**
 * Pasted wire copy → draft items. A text (an agency feed, a scraped agency page, a
 * reporter's e-mail) is read line by line:
 *
 *  1. every line is classified on its own: blank, rule (`-----`), page furniture
 *     (`Share`, `Read also: …`, an agency's own), an end marker (`Reuter`, `Enditem`,
 *     `bur-jm/cw`, see agencies.ts), category, time stamp, source, byline or text — text
 *     lines may start with a dateline and end with a sign-off (`… ---06B---`);
 *  2. the lines are cut into stories from all the signals together: after end markers,
 *     where a second dateline starts (taking the headline above it along), where a
 *     dateline follows a blank line after finished text, and at rules — but a rule
 *     inside a story that is still waiting for its sign-off does not cut it;
 *  3. stretches holding only metadata join the story before them (a source line, the
 *     one after); each story's fields are filled from its lines, hard-wrapped lines are
 *     joined back into paragraphs, and the agency comes from the copy (dateline,
 *     sign-off, credit line) — the desk's own only when the copy names none, flagged.
 *
 * Stories are built one at a time and the reading stops at `limit`, so a huge paste
 * costs no more than the items it can give. Every recognised part is reported with
 * its offsets in the original text; only short lines, and bounded heads and tails of
 * long ones, meet a regular expression, so the work is linear in the input.
 */
import { EMPTY_DATELINE } from '../dateline';
import { type FieldName, HEADLINE_MAX, type ItemFields, defaultFields } from '../item';
import { bodyFromBlocks, emptyBody, paragraph, textNode } from '../richtext';
import type { DeskSettings } from '../settings';
import { type AgencyEnd, FURNITURE_WORDS, isFurnitureLine, matchEndLine, matchEndTail } from './agencies';
import { type DatelineMatch, matchDateline, placeName } from './datelines';
import { type Timestamp, parseTimestamp, resolveDate } from './dates';
import { type Range, type SourceLine, endOffset, readLines, startOffset, trimRange } from './lines';
import { suggestSlug } from './suggest-slug';

export type RecognisedField = FieldName | 'publishedAt' | 'dropped';

export interface RecognisedSpan {
  /** Where the text went: an item field, the page time stamp, or 'dropped' (left out). */
  field: RecognisedField;
  /** Exactly `input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

/** A line left out of an item, which the editor can put back. */
export interface DroppedLine {
  text: string;
  /** page furniture, a rule inside the story, an end marker that is not a sign-off, or a slug or header line above the headline. */
  kind: 'furniture' | 'rule' | 'end' | 'header';
  start: number;
  end: number;
  /** How many body paragraphs come before it: where it goes back. */
  paragraph: number;
}

export interface ParsedItem {
  fields: ItemFields;
  /** Spans of the original text and the field each one filled, in text order. */
  recognised: RecognisedSpan[];
  warnings: string[];
  /** Page time stamp: `2023-10-06T16:16` (local to the page, no zone) or `2023-10-06`. */
  publishedAt?: string;
  /** The slice of the input this item came from. */
  original: { start: number; end: number };
  /** Lines left out, in text order. */
  dropped: DroppedLine[];
  /** The copy names no agency: the dateline's agency is the desk's own. */
  agencyFromDesk: boolean;
}

export interface ParseOptions {
  settings: Pick<DeskSettings, 'agency' | 'language' | 'categories' | 'defaultSignOff'>;
  /** Supplies the year of year-less dates when the page has no time stamp. */
  now?: Date;
  /** Stop after this many items (see `stoppedAt`); the rest of the text is not read. */
  limit?: number;
}

export interface ParseResult {
  items: ParsedItem[];
  /** About the text as a whole; each item carries its own. */
  warnings: string[];
  /** Set when the reading stopped at the limit: where in the text the first unread item starts. */
  stoppedAt?: number;
}

type Classified = { line: SourceLine } & (
  | { kind: 'blank' | 'separator' | 'furniture' }
  | { kind: 'end'; end: AgencyEnd }
  | { kind: 'category'; name: string; tag: boolean; at: Range }
  | { kind: 'stamp'; stamp: Timestamp; at: Range }
  | { kind: 'source' | 'byline'; at: Range }
  | { kind: 'text'; dateline: DatelineMatch | null; end: AgencyEnd | null; body: Range }
);
type TextLine = Extract<Classified, { kind: 'text' }>;

/** Lines longer than this are never metadata. */
const META_MAX = 200;
/** Hard-wrapped copy: no line longer than this. */
const WRAP_MAX = 100;

const SEPARATOR_RE = /^[-–—_=*#\s]+$/;
/** `- Social`, `• 6 October 2023 16:16`: a page tag. */
const TAG_RE = /^[-–—•·]\s+/;
const SOURCE_RE = /^(?:source:\s*)?(?:https?:\/\/)?((?:[\p{L}\p{N}-]+\.)+\p{L}{2,24})\/?$/diu;
const BYLINE_RE = /^[Bb][Yy]\s+(\p{Lu}[\p{L}\p{M}'’.-]*(?:(?:\s+|,\s*)(?:and\s+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,5})$/du;
/** Headlines may open with a quote, a bracket or `<` (the 1987 feed's `<ACME CORP>`). */
const HEADLINE_START_RE = /^[\p{L}\p{N}"'“‘«„<([]/u;
const SENTENCE_END_RE = /[.:;,]["'”’»)\]]*$/;
/** A headline may still end in an abbreviation: `… U.S.`, `… Corp.` */
const ABBREVIATION_END_RE = /(?:\b\p{L}\.){2,}$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros|Dept|Govt|Intl|Cos|Mfg)\.$/iu;
const FURNITURE_EDGES_RE = /^[\s•·|<>«»‹›←→]+|[\s•·|<>«»‹›←→:…!]+$/g;
const SENTENCE_STOP_RE = /[.!?:;"”’»)]$/;
const LOWER_START_RE = /^[\p{Ll}\p{N}(“"'‘]/u;

/** Page words for the desk's categories; used only when the target is in the desk's list. */
const CATEGORY_SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ['social', 'Society'], ['political', 'Politics'], ['policy', 'Politics'],
  ['economics', 'Economy'], ['economic', 'Economy'], ['business', 'Economy'], ['finance', 'Economy'],
  ['regions', 'Region'], ['regional', 'Region'], ['international', 'World'], ['world news', 'World'],
  ['arts', 'Culture'], ['sport', 'Sports'],
];

interface Context {
  input: string;
  settings: ParseOptions['settings'];
  now: Date | undefined;
  /** Lower-cased page word → the desk's category name. */
  categories: Map<string, string>;
}

export function parseWireCopy(text: string, opts: ParseOptions): ParseResult {
  const warnings: string[] = [];
  const ctx: Context = { input: text, settings: opts.settings, now: opts.now, categories: categoryWords(opts.settings.categories) };
  const counts = { controlChars: 0 };
  let sawText = false;
  const classified = (function* () {
    for (const line of readLines(text, counts)) {
      const l = classify(line, ctx);
      if (l.kind !== 'blank') sawText = true;
      yield l;
    }
  })();
  const limit = opts.limit ?? Infinity;
  const items: ParsedItem[] = [];
  let stoppedAt: number | undefined;
  for (const group of groupItems(segment(new Lookahead(classified)))) {
    if (items.length >= limit) {
      // The caller says why it set the limit; the rest of the text is not read.
      stoppedAt = firstOffset(group);
      break;
    }
    items.push(buildItem(group, ctx));
  }
  const { controlChars } = counts;
  if (controlChars > 0) warnings.push(`Removed ${controlChars} control character${controlChars === 1 ? '' : 's'} (such as NUL) from the text.`);
  if (!sawText) warnings.push('The text is empty: there is no wire copy to read.');
  else if (items.length === 0) warnings.push('No wire copy found: the text holds only separators, page furniture or metadata.');
  return { items, warnings, ...(stoppedAt === undefined ? {} : { stoppedAt }) };
}

/** Classified lines as they are read, with a look a few lines ahead. */
class Lookahead {
  private readonly ahead: Classified[] = [];
  constructor(private readonly source: Iterator<Classified>) {}

  /** Line `k` after the current one (0: the next), or undefined past the end. */
  peek(k: number): Classified | undefined {
    while (this.ahead.length <= k) {
      const r = this.source.next();
      if (r.done) return undefined;
      this.ahead.push(r.value);
    }
    return this.ahead[k];
  }

  next(): Classified | undefined {
    return this.ahead.length > 0 ? this.ahead.shift() : this.peek(0) && this.ahead.shift();
  }
}

function categoryWords(categories: ParseOptions['settings']['categories']): Map<string, string> {
  const words = new Map(categories.map((c) => [c.name.toLowerCase(), c.name]));
  for (const [word, target] of CATEGORY_SYNONYMS) {
    const name = words.get(target.toLowerCase());
    if (name && !words.has(word)) words.set(word, name);
  }
  return words;
}

// ---------------------------------------------------------------------------
// 1. Lines

/** Longer than any page word with its bullets and arrows. */
const FURNITURE_WORD_MAX = 40;
const furnitureWord = (s: string): string => s.toLowerCase().replace(FURNITURE_EDGES_RE, '');

function isFurniture(t: string, ctx: Context): boolean {
  // Story text wrapped onto a short line (`comment.`, `share`) is never furniture.
  if (LOWER_START_RE.test(t) || /\.$/.test(t)) return isFurnitureLine(t);
  if ((t.length <= FURNITURE_WORD_MAX && FURNITURE_WORDS.has(furnitureWord(t))) || isFurnitureLine(t)) return true;
  // A menu: "Home | Politics | Economy"
  if (!/[|•·]/.test(t)) return false;
  const parts = t.split(/[|•·]/).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 2 && parts.every((p) => FURNITURE_WORDS.has(furnitureWord(p)) || ctx.categories.has(p.toLowerCase()));
}

function classify(line: SourceLine, ctx: Context): Classified {
  const t = line.text;
  if (t === '') return { line, kind: 'blank' };
  let end: AgencyEnd | null = null;
  if (t.length <= META_MAX) {
    if (SEPARATOR_RE.test(t)) return { line, kind: 'separator' };
    end = matchEndLine(t);
    if (end && !end.marker.keep) return { line, kind: 'end', end };
    if (!end) {
      if (isFurniture(t, ctx)) return { line, kind: 'furniture' };
      const tag = TAG_RE.exec(t)?.[0].length ?? 0;
      const at: Range = [tag, t.length];
      const category = /^\p{Ll}/u.test(t) ? undefined : ctx.categories.get(t.slice(tag).toLowerCase());
      if (category) return { line, kind: 'category', name: category, tag: tag > 0, at };
      const stamp = parseTimestamp(t.slice(tag));
      if (stamp) return { line, kind: 'stamp', stamp, at };
      const source = tag ? undefined : SOURCE_RE.exec(t)?.indices?.[1];
      if (source) return { line, kind: 'source', at: source };
      const byline = tag ? undefined : BYLINE_RE.exec(t)?.indices?.[1];
      if (byline) return { line, kind: 'byline', at: byline };
    }
  }
  const dateline = end ? null : matchDateline(t);
  end ??= matchEndTail(t);
  const bodyStart = dateline?.bodyStart ?? 0;
  const bodyEnd = end && !end.marker.keep ? end.at[0] : t.length;
  const body = trimRange(t, bodyStart, Math.max(bodyStart, bodyEnd));
  return { line, kind: 'text', dateline, end, body };
}

/** A line that makes a stretch an item rather than metadata: story text or a dateline. */
const isContent = (l: Classified): boolean => l.kind === 'text' && (l.body[1] > l.body[0] || l.dateline !== null);

function isHeadlineLike(l: Classified): l is TextLine {
  if (l.kind !== 'text' || l.dateline || l.end) return false;
  const t = l.line.text;
  if (t.length > HEADLINE_MAX || !HEADLINE_START_RE.test(t)) return false;
  return !SENTENCE_END_RE.test(t) || ABBREVIATION_END_RE.test(t) || !/\p{Ll}/u.test(t);
}

const endsStory = (l: Classified): boolean => l.kind === 'end' || (l.kind === 'text' && l.end !== null);

// ---------------------------------------------------------------------------
// 2. Stories

/** Does a dateline start within the next few lines (a headline or byline may stand before it)? */
function datelineAhead(lines: Lookahead): boolean {
  for (let k = 0, seen = 0; seen < 4; k++) {
    const l = lines.peek(k);
    if (!l) return false;
    if (l.kind === 'blank') continue;
    if (l.kind === 'text' && l.dateline) return true;
    if (l.kind === 'text' && !isHeadlineLike(l)) return false;
    seen++;
  }
  return false;
}

/** How far ahead a story's end marker is looked for. */
const END_AHEAD = 400;

/** Does the story go on to an end marker (before any new dateline)? */
function endAhead(lines: Lookahead): boolean {
  for (let k = 0; k < END_AHEAD; k++) {
    const l = lines.peek(k);
    if (!l || (l.kind === 'text' && l.dateline)) return false;
    if (endsStory(l)) return true;
  }
  return false;
}

/**
 * Cut into stories: after end markers, before a second dateline or a dateline that
 * follows finished text and a blank line (taking its headline along), and at rules —
 * unless the rule stands inside a dated story (one that goes on to its sign-off, or
 * any story at a long rule such as `-----` or `___`) and no new dateline follows it:
 * a market report's table rule or AP's `___` before the contributors' line is not a
 * boundary. Lines are read as the stories are needed.
 */
function* segment(lines: Lookahead): Generator<Classified[]> {
  let current: Classified[] = [];
  let hasDateline = false;
  const take = (): Classified[] => {
    const done = current;
    current = [];
    hasDateline = false;
    return done;
  };
  for (let l = lines.next(); l; l = lines.next()) {
    if (l.kind === 'separator') {
      const inStory = hasDateline && (l.line.text.replace(/\s/g, '').length >= 3 || endAhead(lines)) && !datelineAhead(lines);
      if (inStory) current.push(l);
      else if (current.length > 0) yield take();
      continue;
    }
    if (l.kind === 'text' && l.dateline) {
      const cut = headStart(current);
      const before = current.slice(0, cut);
      // Lines before the head that hold no story text (a credit's furniture) go to the story before.
      if (hasDateline || !before.some(isContent) || (current[cut - 1]!.kind === 'blank' && before.some(isContent))) {
        const head = current.splice(cut);
        if (current.length > 0) yield take();
        current = head;
      }
      hasDateline = true;
    }
    current.push(l);
    if (endsStory(l)) yield take();
  }
  if (current.length > 0) yield current;
}

/**
 * Where the head of the next item begins at the end of `lines`: source and byline lines and
 * its headline, with up to two short lines above the headline (a slug or header line, a
 * kicker) when a blank line or the start of the stretch stands above them.
 */
function headStart(lines: Classified[]): number {
  let cut = lines.length;
  let headline = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    if (l.kind === 'source' || l.kind === 'byline' || (headline < 0 && isHeadlineLike(l))) {
      if (l.kind === 'text') headline = i;
      cut = i;
    } else break;
  }
  if (headline < 0) return cut;
  let top = headline;
  while (top > 0 && headline - top < 2 && isHeadlineLike(lines[top - 1]!)) top--;
  return top < headline && (top === 0 || lines[top - 1]!.kind === 'blank') ? top : cut;
}

/** Metadata-only stretches join the item before them; a source line waits for the item after. */
function* groupItems(segments: Iterable<Classified[]>): Generator<Classified[]> {
  let previous: Classified[] | null = null;
  let pending: Classified[] = [];
  for (const seg of segments) {
    if (seg.some(isContent)) {
      if (previous) yield previous;
      previous = pending.concat(seg);
      pending = [];
    } else if (previous && pending.length === 0 && !seg.some((l) => l.kind === 'source' || l.kind === 'byline')) {
      append(previous, seg);
    } else {
      append(pending, seg);
    }
  }
  if (previous) {
    append(previous, pending);
    yield previous;
  }
}

/** push(...from) without the argument-count limit of spreading a long array. */
function append(to: Classified[], from: Classified[]): void {
  for (const l of from) to.push(l);
}

const firstOffset = (lines: Classified[]): number => (lines.find((l) => l.kind !== 'blank') ?? lines[0]!).line.start;

// ---------------------------------------------------------------------------
// 3. Paragraphs

interface BodyLine {
  text: string;
  /** Indent and length of the whole line as printed (dateline included). */
  indent: number;
  width: number;
  /** A blank line, headline or left-out line stands before it. */
  breakBefore: boolean;
}

/**
 * Hard-wrapped copy (no line over WRAP_MAX, and somewhere a line that stops mid-sentence
 * and goes on below) is joined back into paragraphs: where some lines are indented more
 * than others, an indented line starts a paragraph (the 1987 Reuters feed); otherwise a
 * line ending a sentence that left room for the next word ends one. Any other copy keeps
 * one paragraph per line.
 */
function paragraphs(lines: BodyLine[]): { texts: string[]; of: number[] } {
  const of = lines.map((_, i) => i);
  let width = 0;
  let base = Infinity;
  for (const l of lines) {
    width = Math.max(width, l.width);
    base = Math.min(base, l.indent);
  }
  const wrapped =
    width <= WRAP_MAX &&
    lines.some((l, i) => {
      const prev = lines[i - 1];
      return prev && !l.breakBefore && prev.width >= Math.max(30, width * 0.6) && !SENTENCE_STOP_RE.test(prev.text) && LOWER_START_RE.test(l.text);
    });
  if (!wrapped) return { texts: lines.map((l) => l.text), of };
  const indented = lines.some((l) => l.indent > base);
  const out: string[][] = [];
  for (const [i, l] of lines.entries()) {
    const prev = lines[i - 1];
    const starts =
      !prev ||
      l.breakBefore ||
      /\S(?: {3,}|\t)\S/.test(l.text) ||
      (indented ? l.indent > base : SENTENCE_STOP_RE.test(prev.text) && prev.width + 1 + l.text.split(' ', 1)[0]!.length < width - 2);
    if (starts) out.push([l.text]);
    else out.at(-1)!.push(/\p{L}-$/u.test(prev.text) && /^\p{Ll}/u.test(l.text) ? l.text : ` ${l.text}`);
    of[i] = out.length - 1;
  }
  return { texts: out.map((parts) => parts.join('')), of };
}

// ---------------------------------------------------------------------------
// 4. Fields

interface FoundCategory {
  /** The desk's category. */
  name: string;
  /** From a `- Social` tag rather than a line of its own. */
  tag: boolean;
  /** As the page wrote it. */
  word: string;
  span: RecognisedSpan;
}

function buildItem(lines: Classified[], ctx: Context): ParsedItem {
  const fields = defaultFields(ctx.settings);
  fields.dateline = { ...EMPTY_DATELINE };
  const recognised: RecognisedSpan[] = [];
  const warnings: string[] = [];
  const body: BodyLine[] = [];
  const dropped: DroppedLine[] = [];
  const categories: FoundCategory[] = [];
  let stamp: { stamp: Timestamp; written: string } | null = null;
  let datelineDate: NonNullable<DatelineMatch['date']> | null = null;
  let signedOff = false;
  /** The agency named by a sign-off or credit line, when the dateline names none. */
  let endAgency = '';
  let breakBefore = false;

  const mark = (field: RecognisedField, l: Classified, [from, to]: Range): RecognisedSpan => {
    const start = startOffset(l.line, from);
    const end = endOffset(l.line, to);
    const span = { field, text: ctx.input.slice(start, end), start, end };
    recognised.push(span);
    return span;
  };
  const addBody = (l: Classified, [from, to]: Range) => {
    if (to <= from) return;
    body.push({ text: l.line.text.slice(from, to), indent: l.line.indent, width: l.line.indent + l.line.text.length, breakBefore });
    breakBefore = false;
    mark('body', l, [from, to]);
  };
  const drop = (kind: DroppedLine['kind'], l: Classified, at: Range) => {
    const span = mark('dropped', l, at);
    dropped.push({ text: span.text, kind, start: span.start, end: span.end, paragraph: body.length });
    breakBefore = true;
  };
  const currentYear = () => ({ year: (ctx.now ?? new Date()).getUTCFullYear(), from: 'the current date' });
  const warnOnce = (w: string) => {
    if (!warnings.includes(w)) warnings.push(w);
  };
  const signOff = (l: Classified, end: AgencyEnd) => {
    if (end.agency) endAgency ||= end.agency.name;
    if (end.marker.keep) return;
    if (!end.code) return drop('end', l, end.at);
    if (signedOff) return warnOnce('More than one sign-off; kept the first.');
    signedOff = true;
    fields.signOff = end.code;
    mark('signOff', l, end.at);
  };

  const datelineIndex = lines.findIndex((l) => l.kind === 'text' && l.dateline);
  const lastContent = lines.findLastIndex(isContent);
  // Above a dateline, the headline is the headline-like line nearest to it; lines like it higher up are header lines.
  let headlineIndex = -1;
  for (let i = datelineIndex - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (isHeadlineLike(l)) headlineIndex = i;
    if (l.kind === 'text') break;
  }
  let inHead = true;
  for (const [i, l] of lines.entries()) {
    const text = l.line.text;
    switch (l.kind) {
      case 'blank':
        breakBefore = true;
        continue;
      case 'separator':
        if (!inHead && i < lastContent) drop('rule', l, [0, text.length]);
        else breakBefore = true;
        continue;
      case 'furniture':
        drop('furniture', l, [0, text.length]);
        continue;
      case 'end':
        signOff(l, l.end);
        continue;
      case 'category':
        categories.push({ name: l.name, tag: l.tag, word: text.slice(...l.at), span: mark('category', l, l.at) });
        continue;
      case 'stamp':
        if (stamp) warnOnce('More than one time stamp; kept the first.');
        else stamp = { stamp: l.stamp, written: text.slice(...l.at) };
        mark('publishedAt', l, l.at);
        continue;
      case 'source':
      case 'byline':
        if (inHead && !fields[l.kind]) {
          fields[l.kind] = text.slice(...l.at);
          mark(l.kind, l, l.at);
        } else {
          inHead = false;
          addBody(l, [0, text.length]);
        }
        continue;
      case 'text':
        break;
    }
    if (l.dateline) {
      const d = l.dateline;
      inHead = false;
      breakBefore = true;
      fields.dateline.place = placeName(d.place);
      fields.dateline.agency = d.agency;
      mark('dateline', l, d.at);
      if (d.place) mark('dateline.place', l, d.placeAt);
      if (d.date) {
        datelineDate = d.date;
        mark('dateline.date', l, d.date.at);
      }
      if (d.agencyAt) mark('dateline.agency', l, d.agencyAt);
      if (d.regionAt) {
        fields.editorNote = `The dateline in the copy also names "${d.region}"; the place keeps the city only.`;
        mark('editorNote', l, d.regionAt);
      }
    } else if (inHead && i < headlineIndex) {
      drop('header', l, [0, text.length]);
      continue;
    } else if (inHead && !fields.headline && isHeadlineLike(l) && (datelineIndex > i || lastContent > i)) {
      fields.headline = text;
      mark('headline', l, [0, text.length]);
      breakBefore = true;
      continue;
    } else if (inHead && datelineIndex > i) {
      warnOnce('Text before the dateline was kept at the top of the body.');
    } else {
      inHead = false;
    }
    addBody(l, l.body);
    if (l.end) signOff(l, l.end);
  }

  // The agency: the dateline's, else the sign-off's or credit line's, else the desk's (flagged).
  let agencyFromDesk = false;
  if (!fields.dateline.agency && endAgency) fields.dateline.agency = endAgency;
  if (!fields.dateline.agency && ctx.settings.agency) {
    fields.dateline.agency = ctx.settings.agency;
    agencyFromDesk = true;
  }

  if (!fields.headline) warnings.unshift('No headline found.');
  if (datelineIndex < 0) warnings.push('No dateline found: place and date are left empty.');
  else if (!fields.dateline.place) warnings.push('The dateline names no place.');
  if (agencyFromDesk) warnings.push(`The copy names no agency: the desk's own (${ctx.settings.agency}) was put in — check it.`);
  const { texts: paras, of: paraOf } = paragraphs(body);
  if (paras.length === 0) warnings.push('No body text found.');
  const furniture = dropped.filter((d) => d.kind === 'furniture').map((d) => d.text);
  const left = dropped.filter((d) => d.kind !== 'furniture').map((d) => d.text);
  if (furniture.length > 0) warnings.push(`Dropped page furniture: ${quoteList(furniture)}.`);
  if (left.length > 0) warnings.push(`Left out ${left.length === 1 ? 'a rule, end marker or header line' : 'rules, end markers and header lines'}: ${quoteList(left)}.`);
  applyCategories(categories, fields, warnings);

  let publishedAt: string | undefined;
  if (stamp) {
    const { iso, warning } = resolveDate(stamp.stamp.date, stamp.written, currentYear());
    if (warning) warnings.push(`Time stamp: ${warning}`);
    if (iso) publishedAt = stamp.stamp.time ? `${iso}T${stamp.stamp.time}` : iso;
  }
  if (datelineDate) {
    const fallback = publishedAt
      ? { year: Number(publishedAt.slice(0, 4)), from: 'the page time stamp' }
      : currentYear();
    const { iso, warning } = resolveDate(datelineDate.parts, datelineDate.written, fallback);
    fields.dateline.date = iso;
    if (warning) warnings.push(`Dateline: ${warning}`);
  }

  // Paragraphs are built as the body's blocks directly: a joined paragraph never holds a line break.
  fields.body = paras.length === 0 ? emptyBody() : bodyFromBlocks(paras.map((p) => paragraph([textNode(p)])));
  // Dropped lines were counted in body lines; they go back before the paragraph that line is in.
  for (const d of dropped) d.paragraph = d.paragraph < body.length ? paraOf[d.paragraph]! : paras.length;
  // No headline: the slug comes from the first words of the body, for the editor to confirm.
  fields.slug = suggestSlug(fields.headline || (paras[0] ?? ''));
  if (!fields.slug) warnings.push(`Could not suggest a slug from the ${fields.headline ? 'headline' : 'text'}.`);

  recognised.sort((a, b) => a.start - b.start || b.end - a.end);
  const filled = lines.filter((l) => l.kind !== 'blank');
  const original = { start: startOffset(filled[0]!.line, 0), end: endOffset(filled.at(-1)!.line, filled.at(-1)!.line.text.length) };
  return { fields, recognised, warnings, ...(publishedAt ? { publishedAt } : {}), original, dropped, agencyFromDesk };
}

/** Put a left-out line back into a body, as a paragraph of its own, before paragraph `at`. */
export function putBack(fields: ItemFields, line: Pick<DroppedLine, 'text' | 'paragraph'>): ItemFields {
  const children = [...fields.body.root.children];
  const empty = children.length === 1 && children[0]!.type === 'paragraph' && children[0]!.children.length === 0;
  if (empty) children.length = 0;
  children.splice(Math.min(line.paragraph, children.length), 0, paragraph([textNode(line.text)]));
  return { ...fields, body: bodyFromBlocks(children) };
}

/** A rubric on a line of its own wins over tags; the other page words become keywords. */
function applyCategories(found: FoundCategory[], fields: ItemFields, warnings: string[]): void {
  const [chosen, ...others] = [...found.filter((c) => !c.tag), ...found.filter((c) => c.tag)];
  if (!chosen) return;
  fields.category = chosen.name;
  for (const c of others) {
    if (c.name === chosen.name || fields.keywords.includes(c.word)) continue;
    fields.keywords.push(c.word);
    c.span.field = 'keywords';
    warnings.push(`Category set to ${chosen.name}; "${c.word}" was kept as a keyword.`);
  }
}

/** "a", "b", "c" and 4 more */
function quoteList(items: string[], max = 6): string {
  const shown = items.slice(0, max).map((s) => `"${s}"`).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
