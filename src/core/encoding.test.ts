import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportEncoding, guessEncoding, looksBinary } from './encoding';

/** Single-byte encoders for the test's text: Cyrillic in Windows-1251, Latin-1 letters in Windows-1252/1254. */
const cp1251 = (s: string) =>
  Uint8Array.from([...s].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : c === 'ё' ? 0xb8 : c === 'Ё' ? 0xa8 : c.charCodeAt(0) - 0x410 + 0xc0)));
/** KOI8-R: the Cyrillic alphabet in its own (non-alphabetical) order, as Russian wire systems still send it. */
const KOI8_LOWER = 'юабцдефгхийклмнопярстужвьызшэщчъ';
const koi8r = (s: string) =>
  Uint8Array.from(
    [...s].map((c) => {
      const lower = KOI8_LOWER.indexOf(c.toLowerCase());
      return c.charCodeAt(0) < 128 ? c.charCodeAt(0) : c.toLowerCase() === 'ё' ? (c === 'ё' ? 0xa3 : 0xb3) : (c === c.toLowerCase() ? 0xc0 : 0xe0) + lower;
    }),
  );
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf16 = (s: string, le: boolean) => {
  const b = Buffer.from(s, 'utf16le');
  if (!le) b.swap16();
  return new Uint8Array(b);
};
const decode = (bytes: Uint8Array, e: ImportEncoding) => new TextDecoder(e).decode(bytes);

const RU = 'Президент Азербайджана принял в понедельник делегацию. Переговоры прошли в Баку, сообщает агентство. Стороны обсудили ещё несколько вопросов.';
const FR = 'Le président a déclaré à Genève que la réunion était très importante pour la sécurité régionale. Ça a été décidé hier soir à l’unanimité.'.replace(
  '’',
  "'",
);
const DE =
  'Die Verhandlungen über die Öffnung der Grenzübergänge wurden am Dienstag fortgesetzt, teilte das Ministerium in Baku mit. Größere Änderungen gäbe es nicht.';

describe('guessEncoding', () => {
  it.each<[string, Uint8Array, ImportEncoding]>([
    ['ASCII', new TextEncoder().encode('Baku/06.10.23/Turan: plain copy. ---06B---'), 'utf-8'],
    ['UTF-8 Cyrillic', new TextEncoder().encode(RU), 'utf-8'],
    ['UTF-8 with BOM', new TextEncoder().encode('\ufeff' + FR), 'utf-8'],
    ['UTF-16LE with BOM', utf16('\ufeff' + RU, true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16('\ufeff' + FR, false), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(FR, true), 'utf-16le'],
    ['UTF-16BE without BOM', utf16(RU, false), 'utf-16be'],
    ['Windows-1251 Russian', cp1251(RU), 'windows-1251'],
    ['KOI8-R Russian', koi8r(RU), 'koi8-r'],
    ['Windows-1252 French', latin1(FR), 'windows-1252'],
    ['Windows-1252 German', latin1(DE), 'windows-1252'],
  ])('%s', (_name, bytes, expected) => {
    expect(guessEncoding(bytes)).toBe(expected);
  });

  it('decodes what it guessed back to the text', () => {
    expect(decode(cp1251(RU), guessEncoding(cp1251(RU)))).toBe(RU);
    expect(decode(koi8r(RU), guessEncoding(koi8r(RU)))).toBe(RU);
    expect(decode(utf16('\ufeff' + RU, true), guessEncoding(utf16('\ufeff' + RU, true)))).toBe(RU);
    expect(decode(latin1(FR), guessEncoding(latin1(FR)))).toBe(FR);
  });

  it('reads agency copy from the Reuters corpus as UTF-8, and its Latin-1 copy as Windows-1252', () => {
    const dir = path.resolve('../shared/corpora/reuters-21578');
    const file = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.txt') && fs.statSync(path.join(dir, f)).size > 2000);
    expect(file).toBeDefined();
    const text = fs.readFileSync(path.join(dir, file!), 'utf8');
    expect(guessEncoding(new TextEncoder().encode(text))).toBe('utf-8');
    // Mostly English with one accented word: statistics alone would call it Latin-1.
    const oneAccent = `${text.slice(0, 3000)} Café.`;
    expect(guessEncoding(new TextEncoder().encode(oneAccent))).toBe('utf-8');
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
    expect(guessEncoding(latin1(oneAccent.replace(/[^\x00-\xff]/g, '?')))).toBe('windows-1252');
  });

  it('cuts the sample before a split character, so long UTF-8 stays UTF-8', () => {
    const long = new TextEncoder().encode('ж'.repeat(200_000) + RU);
    expect(guessEncoding(long)).toBe('utf-8');
  });

  it('calls zeros in a single-byte file binary, but not in UTF-16', () => {
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'utf-8')).toBe(true);
    expect(looksBinary(utf16(FR, true), 'utf-16le')).toBe(false);
    expect(looksBinary(new Uint8Array(4096), guessEncoding(new Uint8Array(4096)))).toBe(true);
  });
});
