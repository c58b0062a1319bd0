import { useEffect, useState } from 'react';
import type { Result } from '@core/errors';

/**
 * What `fetch` answers, fetched again whenever `fetch` changes (wrap it in useCallback with its
 * inputs) or `refresh` does (the data changed elsewhere). An answer that arrives after a newer
 * request, or after unmount, is dropped; on a failure the last value stays, with the error.
 */
export function useDeskValue<T>(fetch: () => Promise<Result<T>>, refresh?: unknown): { value: T | null; error: string | null } {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null });
  useEffect(() => {
    let live = true;
    void fetch().then((r) => {
      if (!live) return;
      setState((s) => (r.ok ? { value: r.value, error: null } : { value: s.value, error: r.error.message }));
    });
    return () => {
      live = false;
    };
  }, [fetch, refresh]);
  return state;
}
