import { useEffect, useState } from 'react';
import type { QueueMatchQuery, QueueTab } from '../../../contract';
import { desk } from '@renderer/shared/desk';

/**
 * While searching: how many items match in each tab. Asked for beside the page (the rows never
 * wait for it), again whenever the queue changes (`refresh`); none without a search.
 */
export function useSearchMatches(query: Omit<QueueMatchQuery, 'search'> & { search?: string }, refresh: number): Record<QueueTab, number> | undefined {
  const [found, setFound] = useState<{ key: string; matches: Record<QueueTab, number> } | null>(null);
  const { search, category, urgency, editor } = query;
  const key = JSON.stringify([search, category, urgency, editor]);
  useEffect(() => {
    if (!search) return;
    let live = true;
    void desk('queueMatches', { search, ...(category ? { category } : {}), ...(urgency ? { urgency } : {}), ...(editor ? { editor } : {}) }).then(
      (r) => live && r.ok && setFound({ key, matches: r.value }),
    );
    return () => {
      live = false;
    };
  }, [key, search, category, urgency, editor, refresh]);
  // Counts of an earlier search are not shown for this one.
  return search && found?.key === key ? found.matches : undefined;
}
