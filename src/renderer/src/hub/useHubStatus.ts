import { useCallback, useEffect, useRef, useState } from 'react';
import { affects } from '@core/changes';
import { desk } from '@renderer/shared/desk';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import type { SharedDeskStatus } from '../../../contract';

/**
 * The shared desk's status (read from this desk, never from PostgreSQL), kept up to date by the
 * change feed: the connection, and what waits to go out whenever a shared item moves.
 */
export function useHubStatus(): { status: SharedDeskStatus | null; reload(): Promise<void>; set(s: SharedDeskStatus): void } {
  const [status, setStatus] = useState<SharedDeskStatus | null>(null);
  const asked = useRef(0);
  const reload = useCallback(async () => {
    const n = ++asked.current;
    const r = await desk('hubStatus', {});
    // An answer overtaken by a newer question is dropped.
    if (r.ok && n === asked.current) setStatus(r.value);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const joined = status?.joined ?? false;
  useDeskEvents((e) => {
    // A desk of its own hears only of joining; a joined one of every shared change too.
    if (joined ? affects(e, 'hub') : e.all || e.changes.some((c) => c.kind === 'hub')) void reload();
  });
  return { status, reload, set: setStatus };
}
