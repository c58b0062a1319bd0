/**
 * Pasted wire copy as trimmed lines that remember where they came from, so every
 * part the parser recognises can be pointed back at the original text.
 * One linear pass: no regular expression here ever backtracks.
 */

/** [start, end) character positions inside one line's `text`. */
export type Range = readonly [number, number];

export interface SourceLine {
  /** The line trimmed, control characters removed, no-break spaces made plain. */
  text: string;
  /** Offset in the original input of `text[0]` (or of the empty line). */
  start: number;
  /** Original offset of every character of `text`; only when characters were removed. */
  map: number[] | null;
  /** White space before the text (a tab counts 4): hard-wrapped copy indents its paragraphs. */
  indent: number;
}

/* \r\n, \r, \n and the Unicode line and paragraph separators all end a line. */

/** C0 and C1 control characters other than tab and the line breaks above. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f);
}

/** Reads the input line by line, as the parser asks for them; `counts.controlChars` counts the characters stripped. */
export function* readLines(input: string, counts: { controlChars: number }): Generator<SourceLine> {
  const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g; // one per reading: the generator may be left half-way
  let from = input.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not text
  const cut = (to: number): SourceLine => {
    const raw = input.slice(from, to);
    let text = raw;
    let map: number[] | null = null;
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(raw)) {
      const kept: string[] = [];
      map = [];
      for (let i = 0; i < raw.length; i++) {
        if (isControl(raw.charCodeAt(i))) {
          counts.controlChars++;
        } else {
          kept.push(raw[i]!);
          map.push(from + i);
        }
      }
      text = kept.join('');
    }
    if (text.includes('\u00a0')) text = text.replace(/\u00a0/g, ' ');
    const trimmed = text.trim();
    const lead = trimmed ? text.indexOf(trimmed[0]!) : text.length;
    let indent = 0;
    for (let i = 0; i < lead; i++) indent += text.charCodeAt(i) === 9 ? 4 : 1;
    return {
      indent,
      text: trimmed,
      start: map ? (map[lead] ?? from + raw.length) : from + lead,
      map: map && trimmed ? map.slice(lead, lead + trimmed.length) : null,
    };
  };
  for (let m = LINE_BREAK.exec(input); m; m = LINE_BREAK.exec(input)) {
    const line = cut(m.index);
    from = m.index + m[0].length;
    yield line;
  }
  yield cut(input.length);
}

/** Original offset where a span starting at `i` in the line begins. */
export function startOffset(line: SourceLine, i: number): number {
  if (!line.map) return line.start + i;
  return i < line.text.length ? line.map[i]! : endOffset(line, i);
}

/** Original offset where a span ending at `i` (exclusive) in the line ends. */
export function endOffset(line: SourceLine, i: number): number {
  if (!line.map) return line.start + i;
  return i > 0 ? line.map[Math.min(i, line.text.length) - 1]! + 1 : line.start;
}

/** [from, to) of `s` narrowed to leave out surrounding white space. */
export function trimRange(s: string, from: number, to: number): Range {
  while (from < to && /\s/.test(s[from]!)) from++;
  while (to > from && /\s/.test(s[to - 1]!)) to--;
  return [from, to];
}
