import { DeskFailure, ErrorCode } from '../core/errors';
import { parseFeed } from '../core/feed/parse';
import type { DeskSettings } from '../core/settings';
import { parseWireCopy } from '../core/wirecopy/parse';
import type { ImportFormat, ImportPreview } from './contract';

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
    if ((c < 9 || (c > 13 && c < 32)) || c === 0xfffd) control++;
  }
  return control / sample.length > 0.05;
}

/** What an import would give, without storing anything. */
export function importPreview(text: string, format: ImportFormat, settings: DeskSettings): ImportPreview {
  if (text.trim() === '') throw new DeskFailure(ErrorCode.ImportFailed, 'The text is empty: there is nothing to import.');
  if (looksBinary(text)) throw new DeskFailure(ErrorCode.ImportFailed, 'This looks like a binary file, not wire copy or a feed file. Nothing was imported.');
  const kind = format === 'auto' ? (looksLikeJson(text) ? 'feed' : 'text') : format === 'text' ? 'text' : 'feed';
  if (kind === 'feed') {
    const parsed = parseFeed(text);
    if ('error' in parsed) throw new DeskFailure(ErrorCode.ImportFailed, parsed.error);
    const detected = parsed.format;
    if (format !== 'auto' && format !== detected) {
      throw new DeskFailure(ErrorCode.ImportFailed, `This file is ${detected === 'jsonfeed' ? 'a JSON Feed' : 'ninjs'}, not ${format === 'jsonfeed' ? 'a JSON Feed' : 'ninjs'}.`);
    }
    return {
      format: detected,
      text: '',
      // A feed that leaves out the language gets the desk's, as a new item would.
      items: parsed.items.map((i) => ({ fields: { ...i.fields, language: i.fields.language || settings.language }, warnings: i.warnings, recognised: [], original: null })),
      warnings: parsed.warnings,
    };
  }
  const parsed = parseWireCopy(text, { settings });
  return {
    format: 'text',
    text,
    items: parsed.items.map((i) => ({ fields: i.fields, warnings: i.warnings, recognised: i.recognised.map(({ field, start, end }) => ({ field, start, end })), original: i.original })),
    warnings: parsed.warnings,
  };
}
