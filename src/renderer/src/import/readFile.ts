import { IMPORT_ENCODINGS, type ImportEncoding, guessEncoding, looksBinary } from '../../../core/encoding';
import { IMPORT_MAX_BYTES } from '../../../core/vocabulary';

export type FileText = { ok: true; text: string; encoding: ImportEncoding } | { ok: false; message: string; encoding: ImportEncoding | null };

const megabytes = (bytes: number): string => (bytes / 1048576).toFixed(1);

/** A refusal before reading: the file is larger than an import takes. */
export function sizeProblem(name: string, size: number): string | null {
  return size > IMPORT_MAX_BYTES ? `${name} is ${megabytes(size)} MB; one import takes at most ${megabytes(IMPORT_MAX_BYTES)} MB. Nothing was imported.` : null;
}

/**
 * A file's bytes as text, in the encoding the editor chose or, without a choice, the one it
 * most likely is. Text that is not valid UTF-8 is refused rather than garbled.
 */
export function decodeFile(name: string, bytes: Uint8Array, chosen?: ImportEncoding): FileText {
  const tooLarge = sizeProblem(name, bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge, encoding: null };
  const encoding = chosen ?? guessEncoding(bytes);
  if (looksBinary(bytes, encoding))
    return { ok: false, message: `${name} looks like a binary file, not wire copy or a feed file. Nothing was imported.`, encoding: null };
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes), encoding };
  } catch {
    return {
      ok: false,
      message: `${name} is not valid ${IMPORT_ENCODINGS[encoding]} text; choose the encoding it was saved in. Nothing was imported.`,
      encoding,
    };
  }
}
