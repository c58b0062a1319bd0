/** The Import view's words: formats, counts, error texts and how a new draft is named. */
import { type DeskError, ErrorCode } from '@core/errors';
import { type ImportFields, importBodyText } from '@core/importFields';
import type { ImportFormat, ImportPreview } from '../../../contract';

export const FORMATS: readonly { value: ImportFormat; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'text', label: 'Wire copy text' },
  { value: 'ninjs', label: 'ninjs' },
  { value: 'jsonfeed', label: 'JSON Feed' },
];

export const FORMAT_WORDS: Record<ImportPreview['format'], string> = { text: 'wire copy text', ninjs: 'a ninjs file', jsonfeed: 'a JSON Feed' };

export const count = (n: number): string => n.toLocaleString('en-GB');

export const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** "38.0 MB", "412 KB": how big a text is. */
export function size(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** How a new draft is named on its Open button: slug, else headline, else how its body begins. */
export function draftName(f: ImportFields): string {
  const name = f.slug || f.headline || importBodyText(f.body).replace(/\s+/g, ' ').trim() || 'untitled draft';
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

export function errorText(e: DeskError): string {
  switch (e.code) {
    case ErrorCode.ImportFailed:
      return e.message;
    case ErrorCode.InvalidArgument:
    case ErrorCode.ValidationFailed:
      return `${e.message} Nothing was imported.`;
    default:
      return `The desk could not import this: ${e.message} Nothing was imported.`;
  }
}
