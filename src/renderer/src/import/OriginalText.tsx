import { Fragment, type ReactNode, useMemo } from 'react';
import { type FieldName, fieldLabel } from '@core/item';
import type { ImportCandidate, ImportSpan } from '../../../contract';
import { count } from './words';
import './import-original.css';

/** At most this much of the original is drawn at a time, with its highlights: the stretch of one page of items. */
export const PAGE_TEXT_MAX = 200_000;

const OTHER_LABELS: Record<string, string> = {
  publishedAt: 'Time stamp (not stored)',
  dropped: 'Dropped: page furniture',
};

/** What the editor reads for a recognised part: "Place", "Sign-off", "Dropped: page furniture". */
export function spanLabel(field: string): string {
  return OTHER_LABELS[field] ?? fieldLabel(field as FieldName) ?? field;
}

/** One class per field, shared by the marks, the legend and the card inputs: `imp-f-dateline-place`. */
export function spanClass(field: string): string {
  return `imp-f-${field.replace(/\./g, '-')}`;
}

/** The id of an item's stretch of the original, so its card can point at it. */
export const sourceId = (n: number): string => `imp-src-${n}`;

/**
 * The stretch of the text that belongs to items [first, end): from where the item before
 * them ends (the whole head of the text for the first page) to where the next one starts
 * (the whole tail for the last), drawn up to PAGE_TEXT_MAX characters.
 */
export function pageRange(text: string, items: ImportCandidate[], first: number, end: number): { from: number; to: number; drawnTo: number } {
  const from = first === 0 ? 0 : (items[first - 1]?.original?.end ?? items[first]?.original?.start ?? 0);
  const to = end >= items.length ? text.length : (items[end]?.original?.start ?? text.length);
  return { from, to, drawnTo: Math.min(to, from + PAGE_TEXT_MAX) };
}

/**
 * `text[from, to)` with the spans inside it as nested <mark>s (the dateline holds its place,
 * date and agency). `spans` are sorted by start, outer spans first; anything reaching past
 * its parent is cut at the parent's end.
 */
function marked(text: string, spans: ImportSpan[], from: number, to: number): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = from;
  let i = 0;
  while (i < spans.length) {
    const s = spans[i]!;
    let inner = i + 1;
    while (inner < spans.length && spans[inner]!.start < s.end) inner++;
    const start = Math.max(s.start, pos);
    const end = Math.min(s.end, to);
    if (start < end) {
      if (start > pos) out.push(text.slice(pos, start));
      out.push(
        <mark key={start} className={spanClass(s.field)} title={spanLabel(s.field)}>
          {marked(text, spans.slice(i + 1, inner), start, end)}
        </mark>,
      );
      pos = end;
    }
    i = inner;
  }
  if (pos < to) out.push(text.slice(pos, to));
  return out;
}

interface Part {
  n: number;
  /** Text between the previous item and this one (separators, blank lines). */
  gap: string;
  nodes: ReactNode[];
}

interface Props {
  text: string;
  items: ImportCandidate[];
  /** The page of items shown: [first, end). */
  first: number;
  end: number;
  /** Whether each item is to be imported; left-out items are dimmed. */
  included: boolean[];
  /** The item whose card has focus. */
  pointed: number | null;
}

/** The text as pasted, one page of items at a time: each item outlined and numbered, each recognised part highlighted. */
export function OriginalText({ text, items, first, end, included, pointed }: Props) {
  const { from, to, drawnTo } = pageRange(text, items, first, end);
  const { parts, tail, fields } = useMemo(() => {
    const parts: Part[] = [];
    const fields = new Set<string>();
    let pos = from;
    for (let n = first; n < end; n++) {
      const item = items[n]!;
      const o = item.original;
      if (!o || o.start < pos || o.start >= drawnTo) continue;
      const stop = Math.min(o.end, drawnTo);
      for (const s of item.recognised) fields.add(s.field);
      parts.push({ n, gap: text.slice(pos, o.start), nodes: marked(text, item.recognised, o.start, stop) });
      pos = stop;
    }
    return { parts, tail: text.slice(pos, drawnTo), fields: [...fields] };
  }, [text, items, first, end, from, drawnTo]);
  const paged = from > 0 || to < text.length;

  return (
    <section className="imp-original" aria-label="Original text">
      <div className="imp-legend" aria-label="Highlight colours">
        {fields.map((f) => (
          <span key={f} className={`imp-chip ${spanClass(f)}`}>
            {spanLabel(f)}
          </span>
        ))}
      </div>
      {paged && (
        <p className="imp-note" role="note">
          Characters {count(from + 1)}–{count(drawnTo)} of {count(text.length)}: the stretch of the items beside it.
          {drawnTo < to && ` The next ${count(to - drawnTo)} characters of this stretch are not drawn.`}
        </p>
      )}
      <pre className="imp-text">
        {parts.map((p) => (
          <Fragment key={p.n}>
            {p.gap}
            <span id={sourceId(p.n)} data-n={p.n + 1} className={`imp-src${included[p.n] ? '' : ' imp-excluded'}${pointed === p.n ? ' imp-pointed' : ''}`}>
              {p.nodes}
            </span>
          </Fragment>
        ))}
        {tail}
      </pre>
    </section>
  );
}
