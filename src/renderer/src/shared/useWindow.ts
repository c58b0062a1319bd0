/**
 * Rows of a long list fetched by position, a page at a time, as they scroll into view: the
 * scrollbar spans the whole list from the start, and End goes to the last row at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskError, Result } from '@core/errors';
import type { Page } from '../../../contract';
import { PAGE } from './page';

export interface WindowedList<T> {
  /** Rows in the list; null until the first answer. */
  total: number | null;
  rowAt(index: number): T | undefined;
  /** Rows first…last are on screen: fetch what is missing. */
  need(first: number, last: number): void;
  /** Fetch everything shown again (the list changed), keeping what is on screen until then. */
  reload(): Promise<void>;
  /** Position of the first fetched row that passes `test`, or -1. */
  indexOf(test: (row: T) => boolean): number;
  error: DeskError | null;
}

export function useWindowedList<T>(fetchRange: (offset: number, limit: number) => Promise<Result<Page<T>>>): WindowedList<T> {
  const [pages, setPages] = useState<ReadonlyMap<number, T[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<DeskError | null>(null);
  const asked = useRef(new Set<number>());
  const generation = useRef(0);
  const visible = useRef<[number, number]>([0, PAGE - 1]);

  const fetchPage = useCallback(
    async (p: number, gen: number) => {
      const r = await fetchRange(p * PAGE, PAGE);
      if (gen !== generation.current) return;
      if (!r.ok) {
        asked.current.delete(p);
        return setError(r.error);
      }
      setError(null);
      setTotal(r.value.total ?? null);
      setPages((m) => new Map(m).set(p, r.value.items));
    },
    [fetchRange],
  );

  const need = useCallback(
    (first: number, last: number) => {
      visible.current = [first, last];
      for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) {
        if (asked.current.has(p)) continue;
        asked.current.add(p);
        void fetchPage(p, generation.current);
      }
    },
    [fetchPage],
  );

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    const [first, last] = visible.current;
    const wanted: number[] = [];
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) wanted.push(p);
    asked.current = new Set(wanted);
    // Rows off screen are dropped; those on screen stay until their fresh copy arrives.
    setPages((m) => new Map([...m].filter(([p]) => wanted.includes(p))));
    await Promise.all(wanted.map((p) => fetchPage(p, gen)));
  }, [fetchPage]);

  // A new query (another list, another filter) starts from the top.
  useEffect(() => {
    generation.current++;
    asked.current = new Set();
    visible.current = [0, PAGE - 1];
    setPages(new Map());
    setTotal(null);
    need(0, PAGE - 1);
  }, [need]);

  const rowAt = useCallback((i: number) => pages.get(Math.floor(i / PAGE))?.[i % PAGE], [pages]);
  const indexOf = useCallback(
    (test: (row: T) => boolean) => {
      for (const [p, rows] of pages) {
        const i = rows.findIndex(test);
        if (i >= 0) return p * PAGE + i;
      }
      return -1;
    },
    [pages],
  );
  return { total, rowAt, need, reload, indexOf, error };
}
