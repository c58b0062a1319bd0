/**
 * The text encoding of an imported file: a guess (byte-order mark, then chardet's statistics)
 * the editor can overrule. Only encodings agencies in the region send are offered; each is a
 * WHATWG label, so the app, the browser and the CLI all decode it with TextDecoder.
 */
import { analyse } from 'chardet';

export const IMPORT_ENCODINGS = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  'koi8-r': 'KOI8-R (Cyrillic)',
  'windows-1252': 'Windows-1252 / Latin-1 (Western European)',
  'windows-1254': 'Windows-1254 (Turkish, Azerbaijani Latin)',
} as const;
export type ImportEncoding = keyof typeof IMPORT_ENCODINGS;

export function isImportEncoding(name: string): name is ImportEncoding {
  return Object.prototype.hasOwnProperty.call(IMPORT_ENCODINGS, name);
}

/** chardet's names for what we offer (Latin-1 is read as Windows-1252, as browsers do). */
const FROM_CHARDET: Record<string, ImportEncoding> = {
  ASCII: 'utf-8',
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  'windows-1252': 'windows-1252',
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-15': 'windows-1252',
  'windows-1254': 'windows-1254',
  'ISO-8859-9': 'windows-1254',
};

/** The guess looks at the start of the file only: statistics settle long before 256 KB. */
const SAMPLE_BYTES = 256 * 1024;

/** UTF-16 without a byte-order mark: Latin or Cyrillic text has 0x00 or 0x04 in every other byte. */
function utf16WithoutBom(sample: Uint8Array): ImportEncoding | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 4) return null;
  let highOdd = 0;
  let highEven = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0 || sample[i] === 4) highEven++;
    if (sample[i + 1] === 0 || sample[i + 1] === 4) highOdd++;
  }
  if (highOdd > pairs * 0.8 && highEven < pairs * 0.2) return 'utf-16le';
  if (highEven > pairs * 0.8 && highOdd < pairs * 0.2) return 'utf-16be';
  return null;
}

/**
 * Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF). Statistics cannot
 * tell mostly-English UTF-8 with one "é" from Latin-1; validity can: legacy text is almost
 * never valid UTF-8 by chance.
 */
function isUtf8(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return false;
    const c1 = b[i + 1]!;
    if (c === 0xe0 && c1 < 0xa0) return false; // overlong
    if (c === 0xed && c1 > 0x9f) return false; // surrogate
    if (c === 0xf0 && c1 < 0x90) return false; // overlong
    if (c === 0xf4 && c1 > 0x8f) return false; // past U+10FFFF
    for (let k = 1; k <= n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return false;
    i += n + 1;
  }
  return true;
}

export function guessEncoding(bytes: Uint8Array): ImportEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // A multi-byte character cut at the sample's end would spoil the UTF-8 reading: stop before it.
  let end = Math.min(bytes.length, SAMPLE_BYTES);
  while (end < bytes.length && end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  const sample = bytes.subarray(0, end);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  if (isUtf8(sample)) return 'utf-8';
  for (const match of analyse(sample)) {
    const ours = FROM_CHARDET[match.name];
    if (ours) return ours;
  }
  return 'utf-8';
}

/** Zero bytes where the encoding has none: an image, an archive, a word-processor file. */
export function looksBinary(bytes: Uint8Array, encoding: ImportEncoding): boolean {
  return !encoding.startsWith('utf-16') && bytes.subarray(0, 8192).includes(0);
}
