/**
 * The composition root: every adapter (IPC, desk server, CLI, bench) opens the desk here and
 * then only calls contract methods on `handlers`.
 */
import { openDb } from '../store/db';
import { ChangeFeed, type ChangeSource } from './changes';
import type { DeskHandlers } from '../contract';
import { DeskService } from './desk';
import { HubSync, hubHandlers } from './hub';

export interface OpenedDesk {
  handlers: DeskHandlers;
  /** Resolves once crash recovery of earlier batches has finished. */
  ready: Promise<void>;
  /** Set when the desk is joined to a shared desk (--hub / WIREDESK_HUB). */
  hub: HubSync | null;
  /** Wait for exports in progress, release this process's batch-owner lock, close the database. */
  close(): Promise<void>;
  /** The change feed (every change by any process on this database), started on first use. */
  changes(): ChangeSource;
}

export interface OpenDeskOptions {
  /** better-sqlite3 built for this runtime (Electron's ABI). */
  nativeBinding?: string;
  now?: () => Date;
  /** A shared desk's PostgreSQL URL; none: the desk is on its own and never reaches PostgreSQL. */
  hub?: string | null;
}

export function openDesk(file: string, opts: OpenDeskOptions = {}): OpenedDesk {
  const db = openDb(file, { nativeBinding: opts.nativeBinding });
  const service = new DeskService(db, { now: opts.now, nativeBinding: opts.nativeBinding });
  let closed: Promise<void> | null = null;
  let feed: ChangeFeed | null = null;
  const hub = opts.hub ? new HubSync(service, opts.hub) : null;
  return {
    handlers: hub ? hubHandlers(service, hub) : service,
    hub,
    ready: service.batches.idle(),
    close: () => {
      feed?.close();
      feed = null;
      return (closed ??= service.close());
    },
    changes: () => (feed ??= ChangeFeed.watch(db, { nativeBinding: opts.nativeBinding })),
  };
}
