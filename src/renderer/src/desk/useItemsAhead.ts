/**
 * The items next to the open one in the list, fetched ahead: an arrow key then shows the next
 * item without waiting for the desk. A change to one of them (the change feed) drops it, and none
 * is kept longer than a few seconds, so what opens is never older than what the list shows.
 */
import { useCallback, useEffect, useRef } from 'react';
import { touchesItem } from '@core/changes';
import type { Result } from '@core/errors';
import type { ItemSummary } from '@core/item';
import { desk } from '@renderer/shared/desk';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import type { WindowedList } from '@renderer/shared/useWindow';
import type { ItemDetail } from '../../../contract';

const KEEP_MS = 5000;
/** How long after the open item's frame the items either side are asked for. */
const AHEAD_AFTER_MS = 50;

type Ahead = { answer: Promise<Result<ItemDetail>>; at: number };

/** `getItem` that takes a fetched-ahead answer when there is one; fetches the rows either side of the open item ahead. */
export function useItemsAhead(list: Pick<WindowedList<ItemSummary>, 'rowAt' | 'indexOf'>, openId: string | undefined) {
  const { rowAt, indexOf } = list;
  const ahead = useRef(new Map<string, Ahead>());

  useDeskEvents((e) => {
    for (const id of [...ahead.current.keys()]) if (touchesItem(e, id)) ahead.current.delete(id);
  });

  useEffect(() => {
    const at = openId ? indexOf((i) => i.id === openId) : -1;
    if (at < 0) return;
    const wanted = [rowAt(at - 1)?.id, rowAt(at + 1)?.id].filter((id): id is string => Boolean(id) && id !== openId);
    // A little after the open item is painted: the requests (about 2 ms each to start) are in the
    // way neither of the frame that shows it nor of what the editor does next (a key typed, the
    // next arrow). Keys that come faster than this are a held key, which opens once it rests.
    let t: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (t = setTimeout(fetchAhead, AHEAD_AFTER_MS)));
    const fetchAhead = () => {
      const kept = new Map<string, Ahead>();
      const now = Date.now();
      for (const id of wanted) {
        const had = ahead.current.get(id);
        kept.set(id, had && now - had.at < KEEP_MS ? had : { answer: desk('getItem', { id }), at: now });
      }
      ahead.current = kept;
    };
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(t);
    };
  }, [rowAt, indexOf, openId]);

  return useCallback((id: string): Promise<Result<ItemDetail>> => {
    const had = ahead.current.get(id);
    ahead.current.delete(id);
    return had && Date.now() - had.at < KEEP_MS ? had.answer : desk('getItem', { id });
  }, []);
}
