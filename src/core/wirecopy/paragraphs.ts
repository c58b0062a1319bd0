/**
 * Step 3: a story's body lines joined back into paragraphs where the copy was hard-wrapped
 * (putting a left-out line back is in ../importFields).
 */

/** Hard-wrapped copy: no line longer than this. */
const WRAP_MAX = 100;
const SENTENCE_STOP_RE = /[.!?:;"”’»)]$/;
export const LOWER_START_RE = /^[\p{Ll}\p{N}(“"'‘]/u;

export interface BodyLine {
  text: string;
  /** Indent and length of the whole line as printed (dateline included). */
  indent: number;
  width: number;
  /** A blank line, headline or left-out line stands before it. */
  breakBefore: boolean;
}

/**
 * Hard-wrapped copy (no line over WRAP_MAX, and somewhere a line that stops mid-sentence
 * and goes on below) is joined back into paragraphs: where some lines are indented more
 * than others, an indented line starts a paragraph (the 1987 Reuters feed); otherwise a
 * line ending a sentence that left room for the next word ends one. Any other copy keeps
 * one paragraph per line.
 */
export function paragraphs(lines: BodyLine[]): { texts: string[]; of: number[] } {
  const of = lines.map((_, i) => i);
  let width = 0;
  let base = Infinity;
  for (const l of lines) {
    width = Math.max(width, l.width);
    base = Math.min(base, l.indent);
  }
  const wrapped =
    width <= WRAP_MAX &&
    lines.some((l, i) => {
      const prev = lines[i - 1];
      return prev && !l.breakBefore && prev.width >= Math.max(30, width * 0.6) && !SENTENCE_STOP_RE.test(prev.text) && LOWER_START_RE.test(l.text);
    });
  if (!wrapped) return { texts: lines.map((l) => l.text), of };
  const indented = lines.some((l) => l.indent > base);
  const out: string[][] = [];
  for (const [i, l] of lines.entries()) {
    const prev = lines[i - 1];
    const starts =
      !prev ||
      l.breakBefore ||
      /\S(?: {3,}|\t)\S/.test(l.text) ||
      (indented ? l.indent > base : SENTENCE_STOP_RE.test(prev.text) && prev.width + 1 + l.text.split(' ', 1)[0]!.length < width - 2);
    if (starts) out.push([l.text]);
    else out.at(-1)!.push(/\p{L}-$/u.test(prev.text) && /^\p{Ll}/u.test(l.text) ? l.text : ` ${l.text}`);
    of[i] = out.length - 1;
  }
  return { texts: out.map((parts) => parts.join('')), of };
}
