/**
 * The composition root: every adapter (IPC, desk server, CLI, bench) opens the desk here and
 * then only calls contract methods on `handlers`.
 */
import { openDb } from '../store/db';
import { ChangeFeed, type ChangeSource } from './changes';
import type { DeskHandlers } from '../contract';
import { DeskService } from './desk';
import type { HubSync } from './hub';
import { hubHandlers } from './hubHandlers';
import { SharedDesk } from './sharedDesk';

export interface OpenedDesk {
  handlers: DeskHandlers;
  /** Resolves once crash recovery of earlier batches has finished. */
  ready: Promise<void>;
  /** Set while the desk is joined to a shared desk (--hub / WIREDESK_HUB, or in Settings). */
  readonly hub: HubSync | null;
  /** Joining, leaving and listening on the shared desk. */
  shared: SharedDesk;
  /** Keep listening on the shared desk while joined (the app, the desk server): changes arrive live, waiting ones go out. */
  startLive(): Promise<void>;
  /** Wait for exports in progress, release this process's batch-owner lock, close the database. */
  close(): Promise<void>;
  /** The change feed (every change by any process on this database), started on first use. */
  changes(): ChangeSource;
}

export interface OpenDeskOptions {
  /** better-sqlite3 built for this runtime (Electron's ABI). */
  nativeBinding?: string;
  now?: () => Date;
  /**
   * A shared desk's PostgreSQL URL from the command line (--hub, WIREDESK_HUB); without one, the
   * shared desk joined in Settings, if any. Neither: the desk never reaches PostgreSQL.
   */
  hub?: string | null;
}

export function openDesk(file: string, opts: OpenDeskOptions = {}): OpenedDesk {
  const db = openDb(file, { nativeBinding: opts.nativeBinding });
  const service = new DeskService(db, { now: opts.now, nativeBinding: opts.nativeBinding });
  let closed: Promise<void> | null = null;
  let feed: ChangeFeed | null = null;
  const shared = new SharedDesk(service, opts.hub ?? null);
  return {
    handlers: hubHandlers(service, shared),
    get hub() {
      return shared.sync;
    },
    shared,
    startLive: () => shared.startLive(),
    ready: service.start(),
    close: () => {
      feed?.close();
      feed = null;
      return (closed ??= shared.close().then(() => service.close()));
    },
    changes: () => (feed ??= ChangeFeed.watch(db, { nativeBinding: opts.nativeBinding })),
  };
}
