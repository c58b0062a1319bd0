/**
 * The desk list by keyboard: a cursor over positions in a list fetched by position. Up and Down
 * (Page Up and Down by ten) move it, Home and End reach either end at once; the item under the
 * cursor opens once the keys rest, and the cursor follows the open item as the list reorders.
 */
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { ItemSummary } from '@core/item';
import type { VirtualListHandle } from '@renderer/shared/VirtualList';
import type { WindowedList } from '@renderer/shared/useWindow';

/** Rows Page Up and Page Down move. */
const PAGE_STEP = 10;
/** The item under the keyboard's cursor opens once the keys have rested this long. */
const OPEN_AFTER_MS = 150;

export interface ListCursor {
  /** The row with the keyboard's focus (-1: none yet). */
  cursor: number;
  handle: React.RefObject<VirtualListHandle | null>;
  onKeyDown(e: KeyboardEvent<HTMLUListElement>): void;
  /** A click on a row: the cursor goes there and its item opens now. */
  choose(index: number, id: string): void;
  /** A different list: the cursor starts again. */
  reset(): void;
}

export function useListCursor(list: WindowedList<ItemSummary>, openId: string | undefined, openItem: (id: string) => Promise<void>): ListCursor {
  const [cursor, setCursor] = useState(-1);
  /** The keyboard moved the cursor and its item is not open yet. */
  const moving = useRef(false);
  /** When the last move key came, and whether it came hard on the one before (a held key). */
  const lastKeyAt = useRef(-Infinity);
  const burst = useRef(false);
  const handle = useRef<VirtualListHandle>(null);
  const { indexOf, rowAt } = list;

  // The cursor stays on the open item as the list reorders (a save moves it to the top).
  useEffect(() => {
    if (moving.current || !openId || rowAt(cursor)?.id === openId) return;
    const at = indexOf((i) => i.id === openId);
    if (at >= 0) setCursor(at);
  }, [openId, indexOf, rowAt, cursor]);

  // A keyboard move: the row comes into view and takes focus; its item opens once the keys rest.
  useEffect(() => {
    if (cursor >= 0 && moving.current) handle.current?.focusRow(cursor);
  }, [cursor]);
  const cursorId = rowAt(cursor)?.id;
  const cursorIdNow = useRef(cursorId);
  cursorIdNow.current = cursorId;
  /** The item a single key press opened in its own keydown, so the move and the item show in one frame. */
  const openedByKey = useRef<string | null>(null);
  const openFromKeys = useCallback(
    (id: string) =>
      void openItem(id).finally(() => {
        // Keys pressed while it opened have moved on: the cursor keeps going.
        if (cursorIdNow.current === id) moving.current = false;
      }),
    [openItem],
  );
  useEffect(() => {
    if (!moving.current || !cursorId || openedByKey.current === cursorId) return;
    // A row not fetched yet when its key came, or a held or repeated key: it opens once the keys rest.
    const t = setTimeout(() => openFromKeys(cursorId), burst.current ? OPEN_AFTER_MS : 0);
    return () => clearTimeout(t);
  }, [cursorId, openFromKeys]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const total = list.total ?? 0;
    const at = Math.max(cursor, 0);
    const moves: Record<string, number> = { ArrowDown: cursor + 1, ArrowUp: at - 1, PageDown: at + PAGE_STEP, PageUp: at - PAGE_STEP, Home: 0, End: total - 1 };
    if (e.key === 'Enter' && cursorId) {
      void openItem(cursorId);
      return;
    }
    if (!(e.key in moves) || total === 0) return;
    e.preventDefault();
    const now = performance.now();
    burst.current = now - lastKeyAt.current < OPEN_AFTER_MS;
    lastKeyAt.current = now;
    moving.current = true;
    const to = Math.max(0, Math.min(total - 1, moves[e.key]!));
    setCursor(to);
    // A single key press opens its item at once, in the same task as the move.
    const id = burst.current ? undefined : rowAt(to)?.id;
    openedByKey.current = id ?? null;
    if (id) openFromKeys(id);
  };

  const choose = useCallback(
    (index: number, id: string) => {
      moving.current = false;
      setCursor(index);
      void openItem(id);
    },
    [openItem],
  );
  const reset = useCallback(() => setCursor(-1), []);

  return { cursor, handle, onKeyDown, choose, reset };
}
