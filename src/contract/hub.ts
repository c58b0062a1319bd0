/**
 * The shared desk in the contract: its status as this desk sees it, syncing, its batches, and
 * the conflicts kept when a change made here met a newer state there. Types only.
 */
import type { ItemStatus } from '../core/item';
import type { FeedFormat, HubConnection, HubRoleKind } from '../core/vocabulary';
import type { Page } from '../core/records';
import type { BatchEntry } from './index';

export type { HubConnection, HubRoleKind };

/** The shared desk as this desk sees it: Settings → Shared desk, and the offline banner. Read without reaching the hub. */
export interface SharedDeskStatus {
  joined: boolean;
  /** Joined in Settings (join and leave there), or by --hub / WIREDESK_HUB (fixed for this run). */
  source: 'settings' | 'command' | null;
  /** The shared desk's URL (it never holds a password). */
  url: string | null;
  /** role@host:port/database */
  hub: string | null;
  /** How the last attempt to reach it went. */
  connection: HubConnection;
  /** Why the shared desk refused this desk (not set up, a newer Wiredesk, the role), by code. */
  error: { code: string; message: string } | null;
  /** The PostgreSQL role this desk acts as (the audit's "by" on the shared desk), and its group. */
  role: string | null;
  roleKind: HubRoleKind | null;
  /** Changes in this desk's outbox not yet on the shared desk. */
  waiting: number;
  /** Changes the shared desk did not take (kept with both versions). */
  conflicts: number;
  lastSync: string | null;
  /** When the connection last changed state (went online, offline or was refused). */
  since: string | null;
  /** "Offline — 3 changes waiting" while the shared desk cannot be reached; null otherwise. */
  banner: string | null;
}

/** What one sync moved. */
export interface SyncSummary {
  pushed: number;
  pulled: number;
  /** Each change the shared desk did not take, in words (who did what, when). */
  conflicts: string[];
  waiting: number;
}

/** A batch recorded on the shared desk (by any joined desk), numbered by the shared desk. */
export interface SharedBatchSummary {
  no: number;
  format: FeedFormat;
  ndjson: boolean;
  fileName: string;
  sha256: string;
  bytes: number;
  itemCount: number;
  /** The PostgreSQL role that exported it. */
  createdBy: string;
  createdAt: string;
}

export interface SharedBatchDetail extends SharedBatchSummary {
  entries: BatchEntry[];
  nextEntry: number | null;
}

/** One side of a kept conflict: the item's key fields as that version has them. */
export interface ConflictVersion {
  headline: string;
  status: ItemStatus;
  version: number;
  /** The body as plain text (paragraphs on their own lines). */
  bodyText: string;
}

/**
 * A change this desk made (offline, or at the same moment as another desk) that met a newer
 * state on the shared desk and was not applied: both versions kept, never one over the other.
 */
export interface HubConflict {
  /** Pass to dismissHubConflict. */
  id: number;
  itemId: string;
  slug: string;
  /** What this desk did, oldest first: workflow actions ('approve', 'hold'…) or 'edit' for a save. */
  actions: string[];
  /** Who did what, when, and what became of this desk's change, in words. */
  message: string;
  /** Who changed the item on the shared desk first, and when (null when the shared desk refused the change outright). */
  by: string | null;
  at: string | null;
  /** When this desk made its (first) change. */
  madeAt: string;
  /** This desk's version, not applied. */
  mine: ConflictVersion | null;
  /** The shared desk's version, which stands (null when the shared desk never had the item). */
  theirs: ConflictVersion | null;
}

export interface HubConflicts {
  /** Newest first. */
  conflicts: HubConflict[];
  total: number;
}

export interface HubMethods {
  /** The shared desk: joined or not, the connection, the role, what waits. Never reaches PostgreSQL. */
  hubStatus: { arg: Record<string, never>; value: SharedDeskStatus };
  /** Join a shared desk (checked first: reachable, set up, the role a Wiredesk writer or editor); the URL is stored. */
  joinHub: { arg: { url: string }; value: SharedDeskStatus };
  /** Leave it; refused with HUB_CHANGES_WAITING while changes wait, unless `force` (they are kept, unsent). */
  leaveHub: { arg: { force?: boolean }; value: SharedDeskStatus };
  /** Push what waits and pull what changed, now. */
  syncHub: { arg: Record<string, never>; value: { sync: SyncSummary; status: SharedDeskStatus } };
  listSharedBatches: { arg: { cursor?: string | null; limit?: number }; value: Page<SharedBatchSummary> };
  getSharedBatch: { arg: { no: number; after?: number; limit?: number }; value: SharedBatchDetail };
  /** Write a shared desk batch again from the bytes kept on the shared desk, byte for byte. */
  resendSharedBatch: { arg: { no: number; folder: string; fileName?: string }; value: { path: string; sha256: string } };
  /** The conflicts kept on this desk, read from this desk alone (never PostgreSQL); none on a desk of its own. */
  listHubConflicts: { arg: { limit?: number }; value: HubConflicts };
  /** The editor has read one: it stops being listed. Nothing is sent: the shared desk's version stands. */
  dismissHubConflict: { arg: { id: number }; value: HubConflicts };
}
