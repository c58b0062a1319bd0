import { useLayoutEffect, useRef } from 'react';
import { embargoLine } from '@core/copy';
import './desk-preview.css';

/**
 * The item as it goes out on the wire: embargo line, headline, dateline, body, sign-off.
 * `blocks` is the copy's HTML a block (one element) at a time; a keystroke redraws only the
 * blocks it changed, so a 5,000-word preview is not parsed and laid out again on every key.
 */
export function WirePreview({ embargo, headline, blocks }: { embargo: string | null; headline: string; blocks: string[] }) {
  const copy = useRef<HTMLDivElement>(null);
  const drawn = useRef<string[]>([]);
  useLayoutEffect(() => {
    const el = copy.current;
    if (el) drawn.current = patchBlocks(el, drawn.current, blocks);
  }, [blocks]);
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">Wire copy</h2>
      {embargo && <p className="embargo-line">{embargoLine(embargo)}</p>}
      <p className="preview-headline">{headline || <em>No headline yet</em>}</p>
      {/* Built by core from the sanitised body: only the allowed shapes become HTML. */}
      <div className="preview-copy" data-testid="wire-copy" ref={copy} />
    </section>
  );
}

/** Make `el`'s children the `next` blocks, touching only those that differ from `drawn`. */
function patchBlocks(el: HTMLElement, drawn: string[], next: string[]): string[] {
  if (el.children.length !== drawn.length) {
    el.innerHTML = next.join('');
    return next;
  }
  for (let i = 0; i < next.length; i++) {
    if (i >= drawn.length) el.insertAdjacentHTML('beforeend', next[i]!);
    else if (drawn[i] !== next[i]) el.children[i]!.outerHTML = next[i]!;
  }
  while (el.children.length > next.length) el.lastElementChild!.remove();
  return next;
}
