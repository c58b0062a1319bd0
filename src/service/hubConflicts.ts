/**
 * The conflicts a joined desk keeps: each change it made that met a newer state on the shared
 * desk, with both versions. Read from this desk's store alone (never PostgreSQL). Dismissing one
 * only says the editor has read it: nothing is sent, the shared desk's version stands.
 */
import { DeskFailure, ErrorCode } from '../core/errors';
import type { ItemStatus } from '../core/item';
import type { Db } from '../store/db';
import { announceHubChange } from '../store/hubLink';
import { type ConflictRow, Outbox } from '../store/outbox';
import type { ArgOf, ConflictVersion, HubConflict, ValueOf } from '../contract';
import { WHERE_KEPT } from './hubPush';

/** What pushing kept with a change the hub did not take (hubPush.ts; sharedDesk.ts on leaving). */
interface Kept {
  message?: string;
  mine?: Record<string, unknown> | null;
  theirs?: Record<string, unknown> | null;
  by?: string;
  at?: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function versionOf(doc: Record<string, unknown> | null | undefined): ConflictVersion | null {
  if (!doc || typeof doc !== 'object') return null;
  return {
    headline: text(doc.headline),
    status: text(doc.status) as ItemStatus,
    version: typeof doc.version === 'number' ? doc.version : 1,
    bodyText: text(doc.bodyText),
  };
}

function conflictOf(rows: ConflictRow[]): HubConflict {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const kept = (first.outcome ?? {}) as Kept;
  // This desk's version is the one its last change made, whatever lost first.
  const mine = last.change.doc;
  const theirs = versionOf(kept.theirs);
  return {
    id: first.seq,
    itemId: first.itemId,
    slug: text(mine.slug) || text(kept.theirs?.slug) || first.itemId,
    actions: rows.map((r) => r.action),
    message: (kept.message ?? 'The shared desk did not take this change.').replace(` ${WHERE_KEPT}`, ''),
    by: kept.by ?? null,
    at: kept.at ?? null,
    madeAt: first.createdAt,
    mine: versionOf(mine),
    theirs,
  };
}

export function listHubConflicts(db: Db, { limit = 100 }: ArgOf<'listHubConflicts'>): ValueOf<'listHubConflicts'> {
  const outbox = new Outbox(db);
  return { conflicts: outbox.keptConflicts(limit).map(conflictOf), total: outbox.conflictCount() };
}

export function dismissHubConflict(db: Db, { id }: ArgOf<'dismissHubConflict'>): ValueOf<'dismissHubConflict'> {
  db.transaction(() => {
    if (!new Outbox(db).dismissConflict(id, new Date().toISOString())) {
      throw new DeskFailure(ErrorCode.NotFound, 'This conflict is not kept on this desk (dismissed already?).');
    }
    // Every window's banner and Settings hear of it through the change feed.
    announceHubChange(db);
  })();
  return listHubConflicts(db, {});
}
