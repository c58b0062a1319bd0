/**
 * Step 2: classified lines cut into stories from all the signals together, read as the
 * stories are needed (a few lines' look-ahead), and metadata-only stretches given to
 * the story they belong to.
 */
import { type Classified, endsStory, isContent, isHeadlineLike } from './classify';

export /** Classified lines as they are read, with a look a few lines ahead. */
class Lookahead {
  private readonly ahead: Classified[] = [];
  constructor(private readonly source: Iterator<Classified>) {}

  /** Line `k` after the current one (0: the next), or undefined past the end. */
  peek(k: number): Classified | undefined {
    while (this.ahead.length <= k) {
      const r = this.source.next();
      if (r.done) return undefined;
      this.ahead.push(r.value);
    }
    return this.ahead[k];
  }

  next(): Classified | undefined {
    return this.ahead.length > 0 ? this.ahead.shift() : this.peek(0) && this.ahead.shift();
  }
}

/** Does a dateline start within the next few lines (a headline or byline may stand before it)? */
function datelineAhead(lines: Lookahead): boolean {
  for (let k = 0, seen = 0; seen < 4; k++) {
    const l = lines.peek(k);
    if (!l) return false;
    if (l.kind === 'blank') continue;
    if (l.kind === 'text' && l.dateline) return true;
    if (l.kind === 'text' && !isHeadlineLike(l)) return false;
    seen++;
  }
  return false;
}

/** How far ahead a story's end marker is looked for. */
const END_AHEAD = 400;

/** Does the story go on to an end marker (before any new dateline)? */
function endAhead(lines: Lookahead): boolean {
  for (let k = 0; k < END_AHEAD; k++) {
    const l = lines.peek(k);
    if (!l || (l.kind === 'text' && l.dateline)) return false;
    if (endsStory(l)) return true;
  }
  return false;
}

/**
 * Cut into stories: after end markers, before a second dateline or a dateline that
 * follows finished text and a blank line (taking its headline along), and at rules —
 * unless the rule stands inside a dated story (one that goes on to its sign-off, or
 * any story at a long rule such as `-----` or `___`) and no new dateline follows it:
 * a market report's table rule or AP's `___` before the contributors' line is not a
 * boundary. Lines are read as the stories are needed.
 */
export function* segment(lines: Lookahead): Generator<Classified[]> {
  let current: Classified[] = [];
  let hasDateline = false;
  const take = (): Classified[] => {
    const done = current;
    current = [];
    hasDateline = false;
    return done;
  };
  for (let l = lines.next(); l; l = lines.next()) {
    if (l.kind === 'separator') {
      const inStory = hasDateline && (l.line.text.replace(/\s/g, '').length >= 3 || endAhead(lines)) && !datelineAhead(lines);
      if (inStory) current.push(l);
      else if (current.length > 0) yield take();
      continue;
    }
    if (l.kind === 'text' && l.dateline) {
      const cut = headStart(current);
      const before = current.slice(0, cut);
      // Lines before the head that hold no story text (a credit's furniture) go to the story before.
      if (hasDateline || !before.some(isContent) || (current[cut - 1]!.kind === 'blank' && before.some(isContent))) {
        const head = current.splice(cut);
        if (current.length > 0) yield take();
        current = head;
      }
      hasDateline = true;
    }
    current.push(l);
    if (endsStory(l)) yield take();
  }
  if (current.length > 0) yield current;
}

/**
 * Where the head of the next item begins at the end of `lines`: source and byline lines and
 * its headline, with up to two short lines above the headline (a slug or header line, a
 * kicker) when a blank line or the start of the stretch stands above them.
 */
function headStart(lines: Classified[]): number {
  let cut = lines.length;
  let headline = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    if (l.kind === 'source' || l.kind === 'byline' || (headline < 0 && isHeadlineLike(l))) {
      if (l.kind === 'text') headline = i;
      cut = i;
    } else break;
  }
  if (headline < 0) return cut;
  let top = headline;
  while (top > 0 && headline - top < 2 && isHeadlineLike(lines[top - 1]!)) top--;
  return top < headline && (top === 0 || lines[top - 1]!.kind === 'blank') ? top : cut;
}

/** Metadata-only stretches join the item before them; a source line waits for the item after. */
export function* groupItems(segments: Iterable<Classified[]>): Generator<Classified[]> {
  let previous: Classified[] | null = null;
  let pending: Classified[] = [];
  for (const seg of segments) {
    if (seg.some(isContent)) {
      if (previous) yield previous;
      previous = pending.concat(seg);
      pending = [];
    } else if (previous && pending.length === 0 && !seg.some((l) => l.kind === 'source' || l.kind === 'byline')) {
      append(previous, seg);
    } else {
      append(pending, seg);
    }
  }
  if (previous) {
    append(previous, pending);
    yield previous;
  }
}

/** push(...from) without the argument-count limit of spreading a long array. */
function append(to: Classified[], from: Classified[]): void {
  for (const l of from) to.push(l);
}

export const firstOffset = (lines: Classified[]): number => (lines.find((l) => l.kind !== 'blank') ?? lines[0]!).line.start;
