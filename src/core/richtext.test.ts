import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCharacters, countWords, escapeHtml, hasWords } from './richtext';

/** Text mixing ASCII word characters and punctuation with any UTF-16 unit (lone surrogates too). */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'ab Z9 -.\'’,;!\n\t"&<>'.split('')),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('é', 'Ş', 'ğ', '٣', '𝟘', '😀', 'Baku', '2026-11-26', 'U.S.', 'o’clock', '\ud83d', '\ude00'),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
/** ASCII only: the counts' fast path. */
const ascii = fc
  .array(
    fc.oneof(
      fc.constantFrom('a', 'Z', '9', ' ', '-', '.', "'", ','),
      fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
    ),
    { maxLength: 60 },
  )
  .map((p) => p.join(''));
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu;

describe('body counts', () => {
  it('counts words as the word pattern matches them, ASCII or not', () => {
    for (const arb of [text, ascii]) fc.assert(fc.property(arb, (t) => countWords(t) === (t.match(WORD)?.length ?? 0)));
    expect(countWords("Baku, 26 Nov (Turan) - The minister's U.S. visit... ends")).toBe(9);
    expect(countWords('')).toBe(0);
    fc.assert(fc.property(text, (t) => hasWords(t) === countWords(t) > 0));
  });

  it('counts characters as code points: a surrogate pair is one character, a lone surrogate one too', () => {
    fc.assert(fc.property(text, (t) => countCharacters(t) === [...t].length));
    expect(countCharacters('a😀b')).toBe(3);
    expect(countCharacters('\ud83d')).toBe(1);
  });

  it('escapes the five HTML specials and leaves other text as it is', () => {
    fc.assert(
      fc.property(
        text,
        (t) => escapeHtml(t) === t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
      ),
    );
  });
});
