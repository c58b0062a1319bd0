import { IMPORT_MAX_BYTES } from '../../../core/vocabulary';

export type FileText = { ok: true; text: string } | { ok: false; message: string };

const megabytes = (bytes: number): string => (bytes / 1048576).toFixed(1);

/** A refusal before reading: the file is larger than an import takes. */
export function sizeProblem(name: string, size: number): string | null {
  return size > IMPORT_MAX_BYTES ? `${name} is ${megabytes(size)} MB; one import takes at most ${megabytes(IMPORT_MAX_BYTES)} MB. Nothing was imported.` : null;
}

/** A file's bytes as text: UTF-8 only, so a wrongly saved file is refused rather than garbled. */
export function decodeFile(name: string, bytes: Uint8Array): FileText {
  const tooLarge = sizeProblem(name, bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const binary = bytes.subarray(0, 8192).includes(0);
    return {
      ok: false,
      message: binary
        ? `${name} looks like a binary file, not wire copy or a feed file. Nothing was imported.`
        : `${name} is not valid UTF-8 text; save it as UTF-8 and try again. Nothing was imported.`,
    };
  }
}

