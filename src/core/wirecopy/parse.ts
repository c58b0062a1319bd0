/**
 * Pasted wire copy → draft items. A text (a scraped agency page, a feed dump, a
 * reporter's e-mail) is read line by line:
 *
 *  1. every line is classified on its own: blank, separator (`-`), page furniture
 *     (`Share`, `Leave a review`), category (`Politics`, `- Social`), time stamp
 *     (`6 October 2023 16:16`), source (`mod.gov.az`), byline (`By JOHN SMITH`) or
 *     text — text lines may start with a dateline and end with a `---06B---` sign-off;
 *  2. the lines are cut into items at separators, after sign-offs and where a second
 *     dateline starts (taking the headline above it along);
 *  3. stretches holding only metadata join the item before them (a source line, the
 *     item after), and each item's fields are filled from its lines.
 *
 * Every recognised part is reported with its offsets in the original text.
 * Only short lines, and bounded heads and tails of long ones, meet a regular
 * expression, so the work is linear in the length of the input.
 */
import { EMPTY_DATELINE } from '../dateline';
import { type FieldName, HEADLINE_MAX, type ItemFields, defaultFields } from '../item';
import { bodyFromPlainText } from '../richtext';
import type { DeskSettings } from '../settings';
import { type DatelineMatch, type SignOffMatch, matchDateline, matchSignOff, placeName } from './datelines';
import { type Timestamp, parseTimestamp, resolveDate } from './dates';
import { type Range, type SourceLine, endOffset, splitLines, startOffset, trimRange } from './lines';
import { suggestSlug } from './suggest-slug';

export type RecognisedField = FieldName | 'publishedAt' | 'dropped';

export interface RecognisedSpan {
  /** Where the text went: an item field, the page time stamp, or 'dropped' (page furniture). */
  field: RecognisedField;
  /** Exactly `input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
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
}

export interface ParseOptions {
  settings: Pick<DeskSettings, 'agency' | 'language' | 'categories' | 'defaultSignOff'>;
  /** Supplies the year of year-less dates when the page has no time stamp. */
  now?: Date;
}

export interface ParseResult {
  items: ParsedItem[];
  /** About the text as a whole; each item carries its own. */
  warnings: string[];
}

type Classified = { line: SourceLine } & (
  | { kind: 'blank' | 'separator' | 'furniture' }
  | { kind: 'category'; name: string; tag: boolean; at: Range }
  | { kind: 'stamp'; stamp: Timestamp; at: Range }
  | { kind: 'source' | 'byline'; at: Range }
  | { kind: 'text'; dateline: DatelineMatch | null; signOff: SignOffMatch | null; body: Range }
);
type TextLine = Extract<Classified, { kind: 'text' }>;

/** Lines longer than this are never metadata. */
const META_MAX = 200;

const SEPARATOR_RE = /^[-–—_=*#\s]+$/;
/** `- Social`, `• 6 October 2023 16:16`: a page tag. */
const TAG_RE = /^[-–—•·]\s+/;
const SOURCE_RE = /^(?:source:\s*)?(?:https?:\/\/)?((?:[\p{L}\p{N}-]+\.)+\p{L}{2,24})\/?$/diu;
const BYLINE_RE = /^[Bb][Yy]\s+(\p{Lu}[\p{L}\p{M}'’.-]*(?:(?:\s+|,\s*)(?:and\s+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,5})$/du;
const HEADLINE_START_RE = /^[\p{L}\p{N}"'“‘«„]/u;
const SENTENCE_END_RE = /[.:;,]["'”’»)\]]*$/;

const FURNITURE = new Set(
  [
    'leave a review', 'leave a comment', 'comment', 'comments', 'share', 'share this', 'share this article', 'facebook', 'twitter', 'x',
    'telegram', 'whatsapp', 'linkedin', 'vk', 'instagram', 'youtube', 'email', 'e-mail', 'tweet', 'copy link', 'print', 'print version',
    'read more', 'read also', 'see also', 'related', 'related news', 'latest news', 'more news', 'all news', 'most read', 'popular',
    'home', 'news', 'menu', 'search', 'subscribe', 'log in', 'login', 'sign in', 'register', 'back to top', 'next', 'previous',
    'advertisement', 'archive', 'contacts', 'about us', 'rss', 'tags', 'like',
  ],
);
const FURNITURE_EDGES_RE = /^[\s•·|<>«»‹›←→]+|[\s•·|<>«»‹›←→:.…!]+$/g;

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
  const { lines, controlChars } = splitLines(text);
  if (controlChars > 0) warnings.push(`Removed ${controlChars} control character${controlChars === 1 ? '' : 's'} (such as NUL) from the text.`);
  const ctx: Context = { input: text, settings: opts.settings, now: opts.now, categories: categoryWords(opts.settings.categories) };
  const classified = lines.map((l) => classify(l, ctx));
  if (classified.every((l) => l.kind === 'blank')) {
    warnings.push('The text is empty: there is no wire copy to read.');
    return { items: [], warnings };
  }
  const groups = groupItems(segment(classified));
  if (groups.length === 0) warnings.push('No wire copy found: the text holds only separators, page furniture or metadata.');
  return { items: groups.map((g) => buildItem(g, ctx)), warnings };
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

const furnitureWord = (s: string): string => s.toLowerCase().replace(FURNITURE_EDGES_RE, '');

function isFurniture(t: string, ctx: Context): boolean {
  if (FURNITURE.has(furnitureWord(t))) return true;
  // A menu: "Home | Politics | Economy"
  const parts = t.split(/[|•·]/).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 2 && parts.every((p) => FURNITURE.has(furnitureWord(p)) || ctx.categories.has(p.toLowerCase()));
}

function classify(line: SourceLine, ctx: Context): Classified {
  const t = line.text;
  if (t === '') return { line, kind: 'blank' };
  if (t.length <= META_MAX) {
    if (SEPARATOR_RE.test(t)) return { line, kind: 'separator' };
    if (isFurniture(t, ctx)) return { line, kind: 'furniture' };
    const tag = TAG_RE.exec(t)?.[0].length ?? 0;
    const at: Range = [tag, t.length];
    const category = ctx.categories.get(t.slice(tag).toLowerCase());
    if (category) return { line, kind: 'category', name: category, tag: tag > 0, at };
    const stamp = parseTimestamp(t.slice(tag));
    if (stamp) return { line, kind: 'stamp', stamp, at };
    const source = tag ? undefined : SOURCE_RE.exec(t)?.indices?.[1];
    if (source) return { line, kind: 'source', at: source };
    const byline = tag ? undefined : BYLINE_RE.exec(t)?.indices?.[1];
    if (byline) return { line, kind: 'byline', at: byline };
  }
  const dateline = matchDateline(t);
  const signOff = matchSignOff(t);
  const bodyStart = dateline?.bodyStart ?? 0;
  const body = trimRange(t, bodyStart, Math.max(bodyStart, signOff?.at[0] ?? t.length));
  return { line, kind: 'text', dateline, signOff, body };
}

/** A line that makes a stretch an item rather than metadata: story text or a dateline. */
const isContent = (l: Classified): boolean => l.kind === 'text' && (l.body[1] > l.body[0] || l.dateline !== null);

function isHeadlineLike(l: Classified): l is TextLine {
  if (l.kind !== 'text' || l.dateline || l.signOff) return false;
  const t = l.line.text;
  return t.length <= HEADLINE_MAX && HEADLINE_START_RE.test(t) && !SENTENCE_END_RE.test(t);
}

// ---------------------------------------------------------------------------
// 2. Items

/** Cut at separators, after sign-offs, and before a second dateline (with its headline). */
function segment(lines: Classified[]): Classified[][] {
  const segments: Classified[][] = [];
  let current: Classified[] = [];
  let hasDateline = false;
  const close = () => {
    if (current.length > 0) segments.push(current);
    current = [];
    hasDateline = false;
  };
  for (const l of lines) {
    if (l.kind === 'separator') {
      close();
      continue;
    }
    if (l.kind === 'text' && l.dateline) {
      if (hasDateline) {
        const head = current.splice(headStart(current));
        close();
        current = head;
      }
      hasDateline = true;
    }
    current.push(l);
    if (l.kind === 'text' && l.signOff) close();
  }
  close();
  return segments;
}

/** Where the head of the next item (source, byline, one headline) begins at the end of `lines`. */
function headStart(lines: Classified[]): number {
  let cut = lines.length;
  let headline = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    if (l.kind === 'source' || l.kind === 'byline' || (!headline && isHeadlineLike(l))) {
      if (l.kind === 'text') headline = true;
      cut = i;
    } else break;
  }
  return cut;
}

/** Metadata-only stretches join the item before them; a source line waits for the item after. */
function groupItems(segments: Classified[][]): Classified[][] {
  const groups: Classified[][] = [];
  let pending: Classified[] = [];
  for (const seg of segments) {
    const previous = groups.at(-1);
    if (seg.some(isContent)) {
      groups.push(pending.concat(seg));
      pending = [];
    } else if (previous && pending.length === 0 && !seg.some((l) => l.kind === 'source' || l.kind === 'byline')) {
      append(previous, seg);
    } else {
      append(pending, seg);
    }
  }
  const previous = groups.at(-1);
  if (previous) append(previous, pending);
  return groups;
}

/** push(...from) without the argument-count limit of spreading a long array. */
function append(to: Classified[], from: Classified[]): void {
  for (const l of from) to.push(l);
}

// ---------------------------------------------------------------------------
// 3. Fields

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
  // As a new item would: the desk's agency until a dateline names another.
  const fields = defaultFields(ctx.settings);
  fields.dateline = { ...EMPTY_DATELINE, agency: ctx.settings.agency };
  const recognised: RecognisedSpan[] = [];
  const warnings: string[] = [];
  const body: string[] = [];
  const dropped: string[] = [];
  const categories: FoundCategory[] = [];
  let stamp: { stamp: Timestamp; written: string } | null = null;
  let datelineDate: NonNullable<DatelineMatch['date']> | null = null;
  let signedOff = false;

  const mark = (field: RecognisedField, l: Classified, [from, to]: Range): RecognisedSpan => {
    const start = startOffset(l.line, from);
    const end = endOffset(l.line, to);
    const span = { field, text: ctx.input.slice(start, end), start, end };
    recognised.push(span);
    return span;
  };
  const addBody = (l: Classified, [from, to]: Range) => {
    if (to <= from) return;
    body.push(l.line.text.slice(from, to));
    mark('body', l, [from, to]);
  };
  const currentYear = () => ({ year: (ctx.now ?? new Date()).getUTCFullYear(), from: 'the current date' });
  const warnOnce = (w: string) => {
    if (!warnings.includes(w)) warnings.push(w);
  };

  const datelineIndex = lines.findIndex((l) => l.kind === 'text' && l.dateline);
  const lastContent = lines.findLastIndex(isContent);
  let inHead = true;
  for (const [i, l] of lines.entries()) {
    const text = l.line.text;
    switch (l.kind) {
      case 'blank':
      case 'separator':
        continue;
      case 'furniture':
        dropped.push(text);
        mark('dropped', l, [0, text.length]);
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
      fields.dateline.place = placeName(d.place);
      fields.dateline.agency = d.agency;
      mark('dateline', l, d.at);
      mark('dateline.place', l, d.placeAt);
      if (d.date) {
        datelineDate = d.date;
        mark('dateline.date', l, d.date.at);
      }
      if (d.agencyAt) mark('dateline.agency', l, d.agencyAt);
      else warnings.push('The dateline names no agency.');
      if (d.regionAt) {
        fields.editorNote = `The dateline in the copy also names "${d.region}"; the place keeps the city only.`;
        mark('editorNote', l, d.regionAt);
      }
    } else if (inHead && !fields.headline && isHeadlineLike(l) && (datelineIndex > i || lastContent > i)) {
      fields.headline = text;
      mark('headline', l, [0, text.length]);
      continue;
    } else if (inHead && datelineIndex > i) {
      warnOnce('Text before the dateline was kept at the top of the body.');
    } else {
      inHead = false;
    }
    addBody(l, l.body);
    if (l.signOff) {
      if (signedOff) {
        warnOnce('More than one sign-off; kept the first.');
      } else {
        signedOff = true;
        fields.signOff = l.signOff.code;
        mark('signOff', l, l.signOff.at);
      }
    }
  }

  if (!fields.headline) warnings.unshift('No headline found.');
  if (!fields.dateline.place) warnings.push(`No dateline found: place and date are left empty${fields.dateline.agency ? `, agency set to ${fields.dateline.agency}` : ''}.`);
  if (body.length === 0) warnings.push('No body text found.');
  if (dropped.length > 0) warnings.push(`Dropped page furniture: ${quoteList(dropped)}.`);
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

  fields.body = bodyFromPlainText(body.join('\n'));
  // No headline: the slug comes from the first words of the body, for the editor to confirm.
  fields.slug = suggestSlug(fields.headline || (body[0] ?? ''));
  if (!fields.slug) warnings.push(`Could not suggest a slug from the ${fields.headline ? 'headline' : 'text'}.`);

  recognised.sort((a, b) => a.start - b.start || b.end - a.end);
  const filled = lines.filter((l) => l.kind !== 'blank');
  const original = { start: startOffset(filled[0]!.line, 0), end: endOffset(filled.at(-1)!.line, filled.at(-1)!.line.text.length) };
  return { fields, recognised, warnings, ...(publishedAt ? { publishedAt } : {}), original };
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
