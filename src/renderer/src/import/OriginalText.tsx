import { Fragment, type ReactNode, useMemo } from 'react';
import { type FieldName, fieldLabel } from '@core/item';
import type { ImportCandidate, ImportSpan } from '../../../contract';

/** Only this much of the original is drawn with its highlights; the items are all listed. */
export const PREVIEW_MAX = 200_000;

const OTHER_LABELS: Record<string, string> = {
  publishedAt: 'Time stamp (not stored)',
  dropped: 'Dropped: page furniture',
};

/** What the editor reads for a recognised part: "Place", "Sign-off", "Dropped: page furniture". */
export function spanLabel(field: string): string {
  return OTHER_LABELS[field] ?? (fieldLabel(field as FieldName)) ?? field;
}

/** One class per field, shared by the marks, the legend and the card inputs: `imp-f-dateline-place`. */
export function spanClass(field: string): string {
  return `imp-f-${field.replace(/\./g, '-')}`;
}

/** The id of an item's stretch of the original, so its card can point at it. */
export const sourceId = (n: number): string => `imp-src-${n}`;

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
  /** Whether each item is to be imported; left-out items are dimmed. */
  included: boolean[];
  /** The item whose card has focus. */
  pointed: number | null;
}

/** The text as pasted, each found item outlined and numbered, each recognised part highlighted. */
export function OriginalText({ text, items, included, pointed }: Props) {
  const shown = Math.min(text.length, PREVIEW_MAX);
  const { parts, tail } = useMemo(() => {
    const parts: Part[] = [];
    let pos = 0;
    items.forEach((item, n) => {
      const o = item.original;
      if (!o || o.start < pos || o.start >= shown) return;
      const end = Math.min(o.end, shown);
      parts.push({ n, gap: text.slice(pos, o.start), nodes: marked(text, item.recognised, o.start, end) });
      pos = end;
    });
    return { parts, tail: text.slice(pos, shown) };
  }, [text, items, shown]);
  const fields = useMemo(() => [...new Set(items.flatMap((i) => i.recognised.map((s) => s.field)))], [items]);

  return (
    <section className="imp-original" aria-label="Original text">
      <div className="imp-legend" aria-label="Highlight colours">
        {fields.map((f) => (
          <span key={f} className={`imp-chip ${spanClass(f)}`}>
            {spanLabel(f)}
          </span>
        ))}
      </div>
      {shown < text.length && (
        <p className="imp-note" role="note">
          Showing the first {shown.toLocaleString('en-GB')} of {text.length.toLocaleString('en-GB')} characters; every item found is listed on the right.
        </p>
      )}
      <pre className="imp-text">
        {parts.map((p) => (
          <Fragment key={p.n}>
            {p.gap}
            <span
              id={sourceId(p.n)}
              data-n={p.n + 1}
              className={`imp-src${included[p.n] ? '' : ' imp-excluded'}${pointed === p.n ? ' imp-pointed' : ''}`}
            >
              {p.nodes}
            </span>
          </Fragment>
        ))}
        {tail}
      </pre>
    </section>
  );
}
