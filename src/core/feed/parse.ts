/**
 * Import: ninjs 3.x / 2.x (one object, an array, or NDJSON) and JSON Feed 1.x, detected
 * from the text. The inverse of ninjs.ts and jsonfeed.ts: a Wiredesk export comes back
 * with every field as it went out (see those modules for where each field travels).
 */
import { isIsoDate } from '../dateline';
import { ITEM_STATUSES, type ItemFields, type ItemStatus, defaultFields, isZonedDateTime } from '../item';
import { bodyFromPlainText, bodyToPlainText } from '../richtext';
import { sanitizeBody } from '../sanitize';
import { isValidUrgency } from '../urgency';
import { itemIdFromUri, withoutZeroSeconds } from './context';
import { parseCopyHtml } from './html';
import { ninjs2Keys } from './ninjs';

export interface ImportedItem {
  fields: ItemFields;
  /** The Wiredesk item id, when the entry's uri/id is a Wiredesk one. */
  id?: string;
  version?: number;
  /** JSON Feed: the item's status; ninjs: published, held or killed from pubStatus. */
  status?: ItemStatus;
  /** What was wrong with this entry and left out or defaulted, for the editor. */
  warnings: string[];
}

export type FeedKind = 'ninjs' | 'jsonfeed';

/** `format` is the kind of the first item; `warnings` are about the file (entries skipped). */
export type ParseFeedResult = { format: FeedKind; items: ImportedItem[]; warnings: string[] } | { error: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

const isJsonFeed = (v: unknown): v is Obj => isObj(v) && str(v.version).startsWith('https://jsonfeed.org/version/1');
const isNinjs = (v: unknown): v is Obj => isObj(v) && typeof v.uri === 'string';

const NOT_A_FEED = 'This file is neither ninjs nor JSON Feed: Wiredesk imports ninjs 2.x/3.x (one item, an array or NDJSON) and JSON Feed 1.1.';

/** Whole-text JSON, else NDJSON (one value per non-empty line). */
function parseJsonValues(text: string): unknown[] | { error: string } {
  let whole: unknown;
  try {
    return [JSON.parse(text) as unknown];
  } catch (e) {
    whole = e; // NDJSON next
  }
  const lines = text.split(/\r?\n/);
  const values: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      if (values.length > 0) return { error: `Line ${i + 1} is not valid JSON; nothing was imported.` };
      return { error: /^[[{]/.test(text) ? brokenJson(text, whole) : 'This file is not JSON, so it is neither ninjs nor JSON Feed.' };
    }
  }
  return values;
}

/** A file that starts as JSON but does not parse: where it breaks, and whether it ends too soon (a file cut off in transfer). */
function brokenJson(text: string, e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  const at = /position (\d+)/.exec(message);
  // V8 says it in several ways: no more input, a string never closed, or a fault past the last character
  // (one at the last character is a comma before the closing brace, or a character too many: not cut off).
  if (/end of JSON input|Unterminated string/i.test(message) || (at && Number(at[1]) >= text.length)) {
    return 'This JSON file ends too soon: it looks cut off (copied or sent only in part). Nothing was imported.';
  }
  const line = at ? text.slice(0, Number(at[1])).split('\n').length : null;
  return `This JSON file is broken${line ? ` at line ${line}` : ''}: ${message}. Nothing was imported.`;
}

export function parseFeed(text: string): ParseFeedResult {
  const src = text.replace(/^\uFEFF/, '').trim();
  if (src === '') return { error: 'The file is empty.' };
  const parsed = parseJsonValues(src);
  if (!Array.isArray(parsed)) return parsed;
  const items: ImportedItem[] = [];
  let format: FeedKind | undefined;
  let skipped = 0;
  let sawFeed = false;
  for (const value of parsed.flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))) {
    if (isJsonFeed(value)) {
      sawFeed = true;
      for (const entry of Array.isArray(value.items) ? value.items : []) {
        if (isObj(entry)) items.push(fromJsonFeedItem(entry));
        else skipped++;
      }
      format ??= items.length > 0 ? 'jsonfeed' : undefined;
    } else if (isNinjs(value)) {
      items.push(fromNinjs(value));
      format ??= 'ninjs';
    } else skipped++;
  }
  if (!format) return { error: sawFeed ? 'This JSON Feed has no items.' : NOT_A_FEED };
  const warnings = skipped > 0 ? [`Skipped ${skipped} ${skipped === 1 ? 'entry that is' : 'entries that are'} neither a ninjs item nor a JSON Feed item.`] : [];
  return { format, items, warnings };
}

function blankFields(): ItemFields {
  return defaultFields({ agency: '', defaultSignOff: '', language: '' });
}

function readUrgency(v: unknown, f: ItemFields, warnings: string[]): void {
  if (v === undefined) return;
  if (isValidUrgency(v)) f.urgency = v;
  else warnings.push(`Urgency ${JSON.stringify(v)} is not 1–9; set to ${f.urgency}.`);
}

function readEmbargo(v: unknown, f: ItemFields, warnings: string[]): void {
  if (v === undefined || v === null) return;
  if (typeof v === 'string' && isZonedDateTime(v)) f.embargo = v;
  else warnings.push(`Embargo ${JSON.stringify(v)} is not a date and time with a time zone; left out.`);
}

const typeList = (types: string[]): string => [...new Set(types.map((t) => t || 'of no content type'))].join(' or ');

const PUB_STATUS_TO_STATUS: Record<string, ItemStatus> = { usable: 'published', withheld: 'held', canceled: 'killed' };

/** A document's head (its <title>, NITF's docdata) is not story text. */
const withoutHead = (html: string): string => html.replace(/<\?xml[\s\S]*?\?>|<head\b[\s\S]*?<\/head>/gi, '');

/** The story of an NITF document: its `body.content` (blocks read as divisions), else everything after its head. */
function nitfBodyContent(xml: string): string {
  const content = /<body\.content\b[^>]*>([\s\S]*?)<\/body\.content>/i.exec(xml);
  return (content ? content[1]! : withoutHead(xml)).replace(/<(\/?)block\b[^>]*>/gi, '<$1div>');
}

function fromNinjs(raw: Obj): ImportedItem {
  const o = ninjs2Keys(raw) as Obj; // one reader for 3.x and 2.x names
  const f = blankFields();
  const warnings: string[] = [];
  f.slug = str(o.slugline);
  const headlines = objs(o.headlines);
  // Events and planning items carry a `title` and no headlines.
  f.headline = str((headlines.find((h) => h.role === 'main') ?? headlines[0])?.value) || str(o.title).trim();
  f.byline = str(o.by);
  f.subscriberNote = str(o.ednote);
  f.language = str(o.language);
  f.dateline.place = str(o.located);
  for (const s of objs(o.subjects)) {
    if (s.rel === 'keyword') f.keywords.push(str(s.name));
    else if (s.rel === 'category' || (f.category === '' && str(s.uri).startsWith('http://cv.iptc.org/newscodes/mediatopic/'))) f.category = str(s.name);
  }
  const sources = objs(o.infosources);
  f.source = str((sources.find((s) => s.role === 'source') ?? sources[0])?.name);
  readUrgency(o.urgency, f, warnings);
  readEmbargo(typeof o.embargoed === 'string' ? withoutZeroSeconds(o.embargoed) : o.embargoed, f, warnings);
  const bodies = objs(o.bodies);
  // A media type may carry parameters ("text/html; charset=utf-8") and any case.
  const type = (b: Obj): string => str(b.contenttype).split(';')[0]!.trim().toLowerCase();
  const html = bodies.find((b) => type(b) === 'text/html' || type(b) === 'application/xhtml+xml');
  const plain = bodies.find((b) => type(b) === 'text/plain') ?? bodies.find((b) => b.contenttype === undefined);
  const nitf = bodies.find((b) => /nitf/i.test(str(b.contenttype)));
  if (bodies.length > 0 && !html && !plain && !nitf)
    warnings.push(`Its story text is ${typeList(bodies.map(type))}, which Wiredesk does not read: the body is empty. Copy the text in by hand.`);
  if (html) {
    const copy = parseCopyHtml(withoutHead(str(html.value)));
    f.body = copy.body;
    f.signOff = copy.signOff;
    if (copy.dateline) Object.assign(f.dateline, copy.dateline);
  } else if (plain) f.body = bodyFromPlainText(str(plain.value));
  else if (nitf) f.body = parseCopyHtml(nitfBodyContent(str(nitf.value))).body;
  else if (str(o.type) === 'text') {
    // Some agencies (NTB) send a text item's story as its `text` description.
    const text = objs(o.descriptions).find((d) => d.role === 'text');
    if (text) f.body = bodyFromPlainText(str(text.value));
  }
  // Someone else's item has no dateline span: its date is the day it was first created (as written, no zone shift).
  const id = itemIdFromUri(str(o.uri));
  const created = /^(\d{4}-\d{2}-\d{2})T/.exec(str(o.firstcreated) || str(o.versioncreated))?.[1] ?? '';
  if (!f.dateline.date && !id && isIsoDate(created)) f.dateline.date = created;
  const version = str(o.version);
  return {
    fields: f,
    id,
    version: /^[1-9]\d*$/.test(version) ? Number(version) : undefined,
    status: PUB_STATUS_TO_STATUS[str(o.pubstatus)],
    warnings,
  };
}

function fromJsonFeedItem(o: Obj): ImportedItem {
  const f = blankFields();
  const warnings: string[] = [];
  f.headline = str(o.title);
  f.byline = str((objs(o.authors)[0] ?? (isObj(o.author) ? o.author : {})).name);
  f.language = str(o.language);
  const ext = isObj(o._wiredesk) ? o._wiredesk : null;
  // Someone else's feed: tags are keywords, the HTML (or text) is the body.
  const content = (): ItemFields['body'] => {
    if (str(o.content_html)) return parseCopyHtml(str(o.content_html)).body;
    if (str(o.content_text).trim()) return bodyFromPlainText(str(o.content_text));
    // JSON Feed requires one of the two; the summary, when there is one, is the only text left.
    if (str(o.summary).trim()) warnings.push('It has no content_html or content_text: its summary was made the body.');
    else warnings.push('It has no content_html, content_text or summary: the body is empty.');
    return bodyFromPlainText(str(o.summary));
  };
  if (!ext) {
    f.keywords = strs(o.tags);
    f.body = content();
    return { fields: f, id: itemIdFromUri(str(o.id)), warnings };
  }
  const d = isObj(ext.dateline) ? ext.dateline : {};
  f.slug = str(ext.slug);
  f.dateline = { place: str(d.place), date: str(d.date), agency: str(d.agency) };
  f.signOff = str(ext.signOff);
  f.category = str(ext.category);
  f.source = str(ext.source);
  f.subscriberNote = str(ext.note);
  f.keywords = strs(ext.keywords);
  // An extension without a usable body (edited by hand, another tool's) still has the story in its content.
  f.body = sanitizeBody(ext.body);
  if (bodyToPlainText(f.body).trim() === '' && (str(o.content_html) || str(o.content_text))) f.body = content();
  readUrgency(ext.urgency, f, warnings);
  readEmbargo(ext.embargo, f, warnings);
  const version = ext.version;
  return {
    fields: f,
    id: itemIdFromUri(str(o.id)),
    version: typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : undefined,
    status: ITEM_STATUSES.find((s) => s === ext.status),
    warnings,
  };
}
