import { SLUG_MAX } from '../slug';

const STOP_WORDS = new Set(
  'A AN THE AND OR BUT OF FOR TO IN ON AT BY WITH FROM AS INTO ONTO OVER UNDER AFTER BEFORE ABOUT AGAINST BETWEEN IS ARE WAS WERE BE BEEN HAS HAVE HAD WILL WOULD CAN COULD ITS IT THEIR HIS HER THAT THIS THESE THOSE NOT NO SAYS SAID'.split(
    ' ',
  ),
);

/** Letters that do not decompose to ASCII under NFD. */
const SPECIAL_LETTERS = new Map(Object.entries({ ə: 'e', ı: 'i', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ð: 'd' }));

/** One headline word in slug form: ASCII capitals and digits only ("Iran’s" → IRAN, "Şəki" → SEKI). */
function slugWord(word: string): string {
  return word
    .replace(/['’]s(?=[^\p{L}\p{N}]*$)/u, '')
    .toLowerCase()
    .replace(/[əıøæœßđłþð]/g, (c) => SPECIAL_LETTERS.get(c) ?? '')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase();
}

/**
 * A slug suggested from the headline: its first few significant words in capitals,
 * joined by hyphens, at most SLUG_MAX characters. '' when nothing in it is Latin.
 */
export function suggestSlug(headline: string, maxWords = 4): string {
  const words: string[] = [];
  for (const raw of headline.split(/[\s/–—-]+/)) {
    const word = slugWord(raw);
    if (word && !STOP_WORDS.has(word)) words.push(word);
    if (words.length === maxWords) break;
  }
  while (words.length > 1 && words.join('-').length > SLUG_MAX) words.pop();
  return words.join('-').slice(0, SLUG_MAX);
}
