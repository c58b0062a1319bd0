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
import type { ImportFields } from '../importFields';
import { type FieldName, defaultFields } from '../item';
import type { DeskSettings } from '../settings';
import type { AgencyEnd } from './agencies';
import { type Classified, type Context, type FoundCategory, applyCategories, categoryWords, classify, isContent, isHeadlineLike } from './classify';
import { type DatelineMatch, placeName } from './datelines';
import { type Timestamp, resolveDate } from './dates';
import { type Range, endOffset, readLines, startOffset } from './lines';
import { type BodyLine, paragraphs } from './paragraphs';
import { Lookahead, firstOffset, groupItems, segment } from './stories';
import { suggestSlug } from './suggest-slug';

export { putBack } from '../importFields';
import { quoteList } from './quote';

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
  /** The body as plain paragraphs: made into the editor's rich text when the item is imported. */
  fields: ImportFields;
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

function buildItem(lines: Classified[], ctx: Context): ParsedItem {
  const fields: ImportFields = { ...defaultFields(ctx.settings), dateline: { ...EMPTY_DATELINE }, body: { paragraphs: [] } };
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
  if (left.length > 0)
    warnings.push(`Left out ${left.length === 1 ? 'a rule, end marker or header line' : 'rules, end markers and header lines'}: ${quoteList(left)}.`);
  applyCategories(categories, fields, warnings);

  let publishedAt: string | undefined;
  if (stamp) {
    const { iso, warning } = resolveDate(stamp.stamp.date, stamp.written, currentYear());
    if (warning) warnings.push(`Time stamp: ${warning}`);
    if (iso) publishedAt = stamp.stamp.time ? `${iso}T${stamp.stamp.time}` : iso;
  }
  if (datelineDate) {
    const fallback = publishedAt ? { year: Number(publishedAt.slice(0, 4)), from: 'the page time stamp' } : currentYear();
    const { iso, warning } = resolveDate(datelineDate.parts, datelineDate.written, fallback);
    fields.dateline.date = iso;
    if (warning) warnings.push(`Dateline: ${warning}`);
  }

  // A joined paragraph never holds a line break: each becomes one block of the body when imported.
  fields.body = { paragraphs: paras };
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
