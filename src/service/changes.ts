/**
 * The desk's change feed: every change to an item, the queue, a batch or the settings, made
 * by any process on the desk database, reaches every subscriber (the Electron windows over
 * IPC, browsers over Server-Sent Events) within one poll interval.
 */
import type { DeskChanges } from '../core/changes';
import { ChangeLog } from '../store/changes';
import type { Db } from '../store/db';

/** How often the database is asked whether anything changed: well inside the 1-second promise. */
export const CHANGE_POLL_MS = 200;
/** More changes than this in one poll are sent as "refresh everything". */
const LIST_MAX = 200;

export type ChangeListener = (changes: DeskChanges) => void;

export interface ChangeSource {
  /** Calls `listener` with every message from now on; returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void;
}

export class ChangeFeed implements ChangeSource {
  private readonly listeners = new Set<ChangeListener>();
  private readonly timer: ReturnType<typeof setInterval>;
  private seq: number;
  private version: number;
  private failed = false;

  constructor(
    private readonly log: ChangeLog,
    intervalMs = CHANGE_POLL_MS,
  ) {
    this.version = log.dataVersion();
    this.seq = log.latest();
    this.timer = setInterval(() => this.poll(), intervalMs);
    this.timer.unref?.();
  }

  /** A feed over the database `db` is open on, read through a connection of its own. */
  static watch(db: Db, opts: { nativeBinding?: string; intervalMs?: number } = {}): ChangeFeed {
    return new ChangeFeed(ChangeLog.open(db, opts), opts.intervalMs);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Read and publish what changed since the last poll; nothing when no connection has committed. */
  poll(): void {
    let message: DeskChanges | null;
    try {
      message = this.read();
      this.failed = false;
    } catch (e) {
      // Busy or briefly unreadable: the next poll tries again. Said once, not five times a second.
      if (!this.failed) console.error('[wiredesk] change feed:', e);
      this.failed = true;
      return;
    }
    if (!message) return;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (e) {
        console.error('[wiredesk] change listener failed:', e);
      }
    }
  }

  private read(): DeskChanges | null {
    const version = this.log.dataVersion();
    if (version === this.version) return null;
    const changes = this.log.since(this.seq, LIST_MAX + 1);
    this.version = version;
    if (changes.length === 0) return null;
    if (changes.length > LIST_MAX) {
      this.seq = this.log.latest();
      return { seq: this.seq, all: true, changes: [] };
    }
    this.seq = changes[changes.length - 1]!.seq;
    return { seq: this.seq, all: false, changes };
  }

  close(): void {
    clearInterval(this.timer);
    this.listeners.clear();
    this.log.close();
  }
}
