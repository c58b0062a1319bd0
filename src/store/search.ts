/** Queue search: what an editor typed as an FTS5 query, which plan suits it, and list-row snippets. */

/** The words an editor typed, as the search sees them. */
export function searchWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FTS5 query from what an editor typed: every word must match, as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** A word as the index holds it (tokenize unicode61 remove_diacritics 2: folded, no accents). */
export function indexTerm(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Which plan is cheaper: driven by the matches, a search reads and sorts every match; driven
 * by the queue index, it reads about limit × desk size ÷ matches index entries (far cheaper
 * each) before a page is full. The two meet near √(limit × desk size) ÷ MATCH_COST; a
 * hundred matches always go by match.
 */
export function matchDrivenMax(limit: number, deskSize: number): number {
  return Math.max(MATCH_DRIVEN_MIN, Math.sqrt(limit * deskSize) / MATCH_COST);
}
const MATCH_DRIVEN_MIN = 100;
/** Reading a match's row costs about this many steps of the queue index (measured by the bench at 10,000 items). */
const MATCH_COST = 6;

/**
 * Counting the matches per tab: reading each match's row costs MATCH_COST steps, walking the
 * status index once costs one step per item on the desk; the cheaper wins.
 */
export function countByMatches(matchBound: number, deskSize: number): boolean {
  return matchBound * MATCH_COST <= deskSize;
}

/** Characters of body text a snippet is looked for in first (the whole text only when none is found there). */
export const SNIPPET_TEXT = 4000;
const SNIPPET_TOKENS = 14;

/**
 * The snippet of a list row: the first place a searched word starts, ±a few words, the word
 * marked [[ ]] as FTS snippet() marks it; null when none is found in `text`.
 */
export function snippetOf(text: string, terms: readonly string[]): string | null {
  const hit = (t: RegExpMatchArray) => terms.some((term) => indexTerm(t[0]).startsWith(term));
  // Read words only as far as the snippet needs: three before the first hit, the rest after.
  const tokens: RegExpMatchArray[] = [];
  let first = -1;
  let more = false;
  for (const t of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (first >= 0 && tokens.length >= Math.max(0, first - 3) + SNIPPET_TOKENS) {
      more = true;
      break;
    }
    tokens.push(t);
    if (first < 0 && hit(t)) first = tokens.length - 1;
  }
  if (first < 0) return null;
  const start = Math.max(0, first - 3);
  let out = start > 0 ? '…' : '';
  let at = tokens[start]!.index!;
  for (const t of tokens.slice(start)) {
    out += text.slice(at, t.index) + (hit(t) ? `[[${t[0]}]]` : t[0]);
    at = t.index! + t[0].length;
  }
  // At the end of the text, what follows the last word (closing punctuation) belongs to it.
  return out + (more ? '…' : text.slice(at));
}

/** A prefix this short opens too many terms to count: treat it as common. */
export const SHORT_PREFIX = 3;
