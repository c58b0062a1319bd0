import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskError, Result } from '@core/errors';
import type { Page } from '../../../contract';

/** Most rows one list request returns (the contract's limit). */
const PAGE_MAX = 500;

/**
 * A cursor-paginated list: the first page whenever `fetchPage` changes, then "Show more".
 * Answers to superseded requests are dropped, so fast filtering never shows stale rows.
 * `refresh` fetches again as many rows as are shown (the desk changed meanwhile).
 */
export function usePaged<P extends Page<unknown>>(fetchPage: (cursor: string | null, limit?: number) => Promise<Result<P>>) {
  const [state, setState] = useState<{ items: P['items']; next: string | null; page: P | null }>({ items: [], next: null, page: null });
  const [error, setError] = useState<DeskError | null>(null);
  const seq = useRef(0);

  const load = useCallback(
    async (cursor: string | null, limit?: number) => {
      const n = ++seq.current;
      const r = await fetchPage(cursor, limit);
      if (n !== seq.current) return;
      if (!r.ok) return setError(r.error);
      setError(null);
      setState((s) => ({ items: cursor ? [...s.items, ...r.value.items] : r.value.items, next: r.value.next, page: r.value }));
    },
    [fetchPage],
  );
  const reload = useCallback(() => load(null), [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const more = () => (state.next ? load(state.next) : Promise.resolve());
  /** Change the rows shown without a round trip (e.g. the row of an item just saved). */
  const update = useCallback((change: (items: P['items']) => P['items']) => setState((s) => ({ ...s, items: change(s.items) })), []);
  const shown = useRef(0);
  shown.current = state.items.length;
  const refresh = useCallback(() => (shown.current > 0 ? load(null, Math.min(PAGE_MAX, shown.current)) : load(null)), [load]);
  return { ...state, error, reload, refresh, more, update };
}
