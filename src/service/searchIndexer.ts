/**
 * Saved text reaches the search index soon after saving, off the save itself. A search indexes
 * whatever still waits before it reads the index (store/searchIndex), so this only spares it the
 * wait; a desk that opens indexes what a process that died left waiting.
 */
import type { Db } from '../store/db';
import { indexPending } from '../store/searchIndex';

/** How long after a save its text waits, at most, for the index (one indexing per delay while typing goes on). */
export const INDEX_DELAY_MS = 1_000;

export class SearchIndexer {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly db: Db) {}

  /** Text was saved: index it within INDEX_DELAY_MS, with whatever else is saved meanwhile. */
  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.now();
    }, INDEX_DELAY_MS);
    this.timer.unref?.();
  }

  /** Index what waits, now. Never throws: a busy database (another process writing) is tried again later. */
  now(): void {
    if (!this.db.open) return;
    try {
      indexPending(this.db);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') this.soon();
      else console.error('[wiredesk] search index:', e instanceof Error ? e.message : String(e));
    }
  }

  /** Stop waiting (the desk closes; it indexes what waits first). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
