/**
 * Step 1 of reading wire copy: every line classified on its own — blank, rule, page
 * furniture, end marker, category, time stamp, source, byline or text (which may start
 * with a dateline and end with a sign-off) — and the page's categories applied.
 */
import { HEADLINE_MAX, type ItemFields } from '../item';
import type { DeskSettings } from '../settings';
import { type AgencyEnd, isFurnitureLine, matchEndLine, matchEndTail } from './agencies';
import { FURNITURE_WORDS } from './furniture';
import { type DatelineMatch, matchDateline } from './datelines';
import { type Timestamp, parseTimestamp } from './dates';
import { type Range, type SourceLine, trimRange } from './lines';
import { LOWER_START_RE } from './paragraphs';
import type { RecognisedSpan } from './parse';

export type Classified = { line: SourceLine } & (
  | { kind: 'blank' | 'separator' | 'furniture' }
  | { kind: 'end'; end: AgencyEnd }
  | { kind: 'category'; name: string; tag: boolean; at: Range }
  | { kind: 'stamp'; stamp: Timestamp; at: Range }
  | { kind: 'source' | 'byline'; at: Range }
  | { kind: 'text'; dateline: DatelineMatch | null; end: AgencyEnd | null; body: Range }
);
export type TextLine = Extract<Classified, { kind: 'text' }>;

/** Lines longer than this are never metadata. */
const META_MAX = 200;

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

/** Page words for the desk's categories; used only when the target is in the desk's list. */
const CATEGORY_SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ['social', 'Society'],
  ['political', 'Politics'],
  ['policy', 'Politics'],
  ['economics', 'Economy'],
  ['economic', 'Economy'],
  ['business', 'Economy'],
  ['finance', 'Economy'],
  ['regions', 'Region'],
  ['regional', 'Region'],
  ['international', 'World'],
  ['world news', 'World'],
  ['arts', 'Culture'],
  ['sport', 'Sports'],
];

export interface Context {
  input: string;
  settings: Pick<DeskSettings, 'agency' | 'language' | 'categories' | 'defaultSignOff'>;
  now: Date | undefined;
  /** Lower-cased page word → the desk's category name. */
  categories: Map<string, string>;
}

export function categoryWords(categories: DeskSettings['categories']): Map<string, string> {
  const words = new Map(categories.map((c) => [c.name.toLowerCase(), c.name]));
  for (const [word, target] of CATEGORY_SYNONYMS) {
    const name = words.get(target.toLowerCase());
    if (name && !words.has(word)) words.set(word, name);
  }
  return words;
}

/** Longer than any page word with its bullets and arrows. */
const FURNITURE_WORD_MAX = 40;
const furnitureWord = (s: string): string => s.toLowerCase().replace(FURNITURE_EDGES_RE, '');

function isFurniture(t: string, ctx: Context): boolean {
  // Story text wrapped onto a short line (`comment.`, `share`) is never furniture.
  if (LOWER_START_RE.test(t) || /\.$/.test(t)) return isFurnitureLine(t);
  if ((t.length <= FURNITURE_WORD_MAX && FURNITURE_WORDS.has(furnitureWord(t))) || isFurnitureLine(t)) return true;
  // A menu: "Home | Politics | Economy"
  if (!/[|•·]/.test(t)) return false;
  const parts = t
    .split(/[|•·]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 && parts.every((p) => FURNITURE_WORDS.has(furnitureWord(p)) || ctx.categories.has(p.toLowerCase()));
}

export function classify(line: SourceLine, ctx: Context): Classified {
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
export const isContent = (l: Classified): boolean => l.kind === 'text' && (l.body[1] > l.body[0] || l.dateline !== null);

export function isHeadlineLike(l: Classified): l is TextLine {
  if (l.kind !== 'text' || l.dateline || l.end) return false;
  const t = l.line.text;
  if (t.length > HEADLINE_MAX || !HEADLINE_START_RE.test(t)) return false;
  return !SENTENCE_END_RE.test(t) || ABBREVIATION_END_RE.test(t) || !/\p{Ll}/u.test(t);
}

export const endsStory = (l: Classified): boolean => l.kind === 'end' || (l.kind === 'text' && l.end !== null);

export interface FoundCategory {
  /** The desk's category. */
  name: string;
  /** From a `- Social` tag rather than a line of its own. */
  tag: boolean;
  /** As the page wrote it. */
  word: string;
  span: RecognisedSpan;
}

/** A rubric on a line of its own wins over tags; the other page words become keywords. */
export function applyCategories(found: FoundCategory[], fields: Pick<ItemFields, 'category' | 'keywords'>, warnings: string[]): void {
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
