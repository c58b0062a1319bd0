import { DeskFailure, ErrorCode } from '../core/errors';
import { parseFeed } from '../core/feed/parse';
import type { ItemStatus } from '../core/item';
import { foundFields, importBodyText } from '../core/importFields';
import type { DeskSettings } from '../core/settings';
import { parseWireCopy } from '../core/wirecopy/parse';
import { IMPORT_ITEMS_MAX, type ImportCandidate, type ImportFormat, type ImportPreview } from '../contract';

/** What acceptImport stores for a found item: its body made the editor's rich text. */
export { storedFields } from '../core/importFields';

/** Looks like a feed file (JSON object, array or NDJSON) rather than wire copy. */
function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** Share of control characters: binary files are refused rather than imported as gibberish. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) control++;
  }
  return control / sample.length > 0.05;
}

/** What the desk holds under some headlines (ItemStore.withHeadlines). */
export type DeskCopyLookup = (
  headlines: string[],
) => { id: string; slug: string; status: ItemStatus; headline: string; place: string; date: string; agency: string; bodyText: string }[];

const sameText = (s: string): string => s.replace(/\s+/g, ' ').trim();
const copyKey = (headline: string, d: { place: string; date: string; agency: string }, body: string): string =>
  JSON.stringify([headline.trim(), d.place, d.date, d.agency, sameText(body)]);

/** Marks candidates whose headline, dateline and body match an item already on the desk. */
function markDuplicates(items: ImportCandidate[], lookup: DeskCopyLookup): void {
  const headlines = [...new Set(items.map((i) => i.fields.headline.trim()).filter(Boolean))];
  const onDesk = new Map<string, ImportCandidate['duplicateOf']>();
  for (const r of lookup(headlines)) onDesk.set(copyKey(r.headline, r, r.bodyText), { id: r.id, slug: r.slug, status: r.status });
  if (onDesk.size === 0) return;
  for (const item of items) {
    const f = item.fields;
    if (!f.headline.trim()) continue;
    const same = onDesk.get(copyKey(f.headline, f.dateline, importBodyText(f.body)));
    if (!same) continue;
    item.duplicateOf = same;
    item.warnings.unshift(`Already on the desk${same.slug ? ` as ${same.slug}` : ''} (${same.status}): same headline, dateline and body.`);
  }
}

/**
 * What an import would give, without storing anything; `lookup` finds copy already on the desk.
 * The text is not sent back (spans are offsets into it), and bodies go as plain paragraphs
 * wherever that loses nothing: a 38 MB paste answers with its items, not twice its size.
 */
export function importPreview(text: string, format: ImportFormat, settings: DeskSettings, lookup?: DeskCopyLookup): ImportPreview {
  if (text.trim() === '') throw new DeskFailure(ErrorCode.ImportFailed, 'The text is empty: there is nothing to import.');
  if (looksBinary(text)) throw new DeskFailure(ErrorCode.ImportFailed, 'This looks like a binary file, not wire copy or a feed file. Nothing was imported.');
  const kind = format === 'auto' ? (looksLikeJson(text) ? 'feed' : 'text') : format === 'text' ? 'text' : 'feed';
  const preview = kind === 'feed' ? feedPreview(text, format, settings) : textPreview(text, settings);
  if (lookup) markDuplicates(preview.items, lookup);
  return preview;
}

function feedPreview(text: string, format: ImportFormat, settings: DeskSettings): ImportPreview {
  const parsed = parseFeed(text);
  if ('error' in parsed) throw new DeskFailure(ErrorCode.ImportFailed, parsed.error);
  const detected = parsed.format;
  if (format !== 'auto' && format !== detected) {
    throw new DeskFailure(
      ErrorCode.ImportFailed,
      `This file is ${detected === 'jsonfeed' ? 'a JSON Feed' : 'ninjs'}, not ${format === 'jsonfeed' ? 'a JSON Feed' : 'ninjs'}.`,
    );
  }
  const warnings = [...parsed.warnings];
  if (parsed.items.length > IMPORT_ITEMS_MAX) warnings.push(overLimit(`This file holds ${parsed.items.length.toLocaleString('en')} items`));
  return {
    format: detected,
    // A feed that leaves out the language gets the desk's, as a new item would.
    items: parsed.items.slice(0, IMPORT_ITEMS_MAX + 1).map((i) => ({
      fields: foundFields({ ...i.fields, language: i.fields.language || settings.language }),
      warnings: i.warnings,
      recognised: [],
      original: null,
      dropped: [],
      agencyFromDesk: false,
      duplicateOf: null,
    })),
    warnings,
  };
}

function textPreview(text: string, settings: DeskSettings): ImportPreview {
  // The limit is applied as stories are found: reading stops at the first story over it,
  // which is kept so that the view and the CLI see the text is too long and say so.
  const parsed = parseWireCopy(text, { settings, limit: IMPORT_ITEMS_MAX + 1 });
  const warnings = [...parsed.warnings];
  if (parsed.stoppedAt !== undefined) warnings.push(overLimit(`The text holds more than ${IMPORT_ITEMS_MAX.toLocaleString('en')} items`, parsed.stoppedAt));
  return {
    format: 'text',
    items: parsed.items.map((i) => ({
      fields: i.fields,
      warnings: i.warnings,
      recognised: i.recognised.map(({ field, start, end }) => ({ field, start, end })),
      original: i.original,
      dropped: i.dropped,
      agencyFromDesk: i.agencyFromDesk,
      duplicateOf: null,
    })),
    warnings,
  };
}

function overLimit(what: string, stoppedAt?: number): string {
  const where = stoppedAt === undefined ? '' : ` Reading stopped at character ${stoppedAt.toLocaleString('en')}.`;
  return `${what}; one import takes at most ${IMPORT_ITEMS_MAX.toLocaleString('en')}. Leave some out or split it.${where}`;
}
