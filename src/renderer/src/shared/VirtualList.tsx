/**
 * A listbox that renders only the rows in view (@tanstack/react-virtual), so a desk of 100,000
 * items scrolls and arrow-keys at frame rate. The active row is always rendered, so the row that
 * holds keyboard focus is never thrown away while the list scrolls under it.
 */
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import './lists.css';
import { type CSSProperties, type HTMLAttributes, type ReactNode, type Ref, useCallback, useEffect, useImperativeHandle, useRef } from 'react';

/** Attributes each rendered row spreads onto its <li>. */
export interface RowProps {
  'data-index': number;
  /** Measures the row (lists whose rows vary in height); absent in a fixed-height list. */
  ref?: (el: HTMLElement | null) => void;
  style: CSSProperties;
  'aria-setsize': number;
  'aria-posinset': number;
}

export interface VirtualListHandle {
  /** Bring row `index` into view and give it the keyboard focus (once it is drawn, a frame later). */
  focusRow(index: number): void;
  element(): HTMLUListElement | null;
}

interface Props extends Omit<HTMLAttributes<HTMLUListElement>, 'children'> {
  count: number;
  /** A row's height before it is measured, in pixels. */
  estimate: number;
  /**
   * Every row is exactly `estimate` pixels high (the list's CSS makes it so): no row is measured.
   * Measuring costs a layout per row drawn and recomputes every row's offset after it, which at
   * 100,000 rows is most of an item switch.
   */
  fixed?: boolean;
  /** The row that has (or gets) keyboard focus; -1 for none. */
  activeIndex: number;
  row(index: number, props: RowProps): ReactNode;
  /** The rows now rendered changed (load what they need). */
  onRange?(first: number, last: number): void;
  /** Shown inside the list when it is empty. */
  empty?: ReactNode;
  handle?: Ref<VirtualListHandle>;
}

/**
 * Rows are keyed by position (give each <li> `key={index}`): a row that holds focus stays the same
 * element when its data arrives or the list reorders.
 */
export function VirtualList({ count, estimate, fixed = false, activeIndex, row, onRange, empty, handle, className = '', style, ...listProps }: Props) {
  const scroller = useRef<HTMLUListElement>(null);
  const active = useRef(activeIndex);
  active.current = activeIndex;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    overscan: 8,
    rangeExtractor: useCallback((range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const rows = defaultRangeExtractor(range);
      const a = active.current;
      if (a >= 0 && a < range.count && !rows.includes(a)) {
        rows.push(a);
        rows.sort((x, y) => x - y);
      }
      return rows;
    }, []),
  });

  useImperativeHandle(handle, () => ({
    focusRow: (index: number) => {
      // The row's place is known (no layout is read): scroll by just enough to show it, or not at all.
      // The virtualizer's scrollToIndex reads the list's scroll height, a forced layout, every frame until it settles.
      const row = virtualizer.measurementsCache[index];
      const top = virtualizer.scrollOffset ?? 0;
      const height = virtualizer.scrollRect?.height;
      const el = scroller.current;
      if (!row || height === undefined || !el) virtualizer.scrollToIndex(index, { align: 'auto' });
      else if (row.start < top) el.scrollTop = row.start;
      else if (row.end > top + height) el.scrollTop = row.end - height;
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus({ preventScroll: true }));
    },
    element: () => scroller.current,
  }));

  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? -1;
  const last = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (first >= 0) onRange?.(first, last);
  }, [first, last, onRange]);

  return (
    <ul ref={scroller} className={`vlist ${className}`} style={{ ...style, ['--vlist-height' as string]: `${virtualizer.getTotalSize()}px` }} {...listProps}>
      {rows.map((v) =>
        row(v.index, {
          'data-index': v.index,
          ref: fixed ? undefined : virtualizer.measureElement,
          style: fixed ? { transform: `translateY(${v.start}px)`, height: estimate } : { transform: `translateY(${v.start}px)` },
          'aria-setsize': count,
          'aria-posinset': v.index + 1,
        }),
      )}
      {count === 0 && empty}
    </ul>
  );
}
