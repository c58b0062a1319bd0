/**
 * Pushing the outbox to the hub, one editor action at a time: the changes of one action (a bulk
 * approve of five items) are applied together or not at all. When any cannot be applied, none
 * is, each item takes the hub's state again, and every change is kept with why: the one that
 * lost says who did what and when; the others say they went with it.
 */
import type pg from 'pg';
import { changeLabel } from '../core/workflow';
import { type GroupOutcome, type HubAuditRow, type HubChange, type HubItemRow, type LostChange, pushGroups } from '../hub/hub';
import type { StoredItem } from '../store/items';
import type { OutboxRow } from '../store/outbox';
import type { HubSync, SyncReport } from './hub';

const PAGE = 1000;
/** Changes sent in one hub transaction (one commit on the server for them all). */
const PER_COMMIT = 200;

/** Where the editor finds both versions (said in a sync's message, not in the list it points to). */
export const WHERE_KEPT = 'Both versions are kept under Conflicts in Settings → Shared desk.';

/** The loser's message: who did what to the item, and when, before this desk's change got there. */
export function conflictMessage(row: { itemId: string; action: string }, current: HubItemRow, last: HubAuditRow | null): string {
  const label = (current.doc.slug as string) || (current.doc.headline as string) || row.itemId;
  const mine = changeLabel(row.action);
  const theirs = last ? `${last.actor} did "${changeLabel(last.action)}" at ${when(last.at)}` : `${current.updatedBy} changed it at ${when(current.updatedAt)}`;
  return `${label}: ${theirs} (now ${current.status}); your "${mine}" was not applied. ${WHERE_KEPT}`;
}

function when(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function toChange(row: OutboxRow): HubChange {
  const { fromStatus, toStatus, version, note, doc } = row.change;
  return {
    idemKey: row.idemKey,
    itemId: row.itemId,
    action: row.action,
    baseRevision: row.baseRevision,
    fromStatus,
    toStatus,
    version,
    note,
    doc: doc as HubChange['doc'],
  };
}

const slugOf = (row: OutboxRow) => (row.change.doc.slug as string) || row.itemId;

function lostMessage(row: OutboxRow, l: LostChange): string {
  if (l.why === 'conflict') return conflictMessage(row, l.current, l.last);
  return `${slugOf(row)}: the shared desk refused "${changeLabel(row.action)}": ${l.message}`;
}

function settle(sync: HubSync, rows: OutboxRow[], outcome: GroupOutcome, report: SyncReport): void {
  if (outcome.kind !== 'lost') {
    for (const row of rows) {
      sync.outbox.markSent(row.seq);
      const revision = outcome.kind === 'applied' ? outcome.revisions[row.itemId] : undefined;
      if (revision !== undefined && !sync.outbox.hasWaiting(row.itemId)) sync.outbox.setShared(row.itemId, revision);
      report.pushed.push({ itemId: row.itemId, action: row.action, slug: slugOf(row) });
    }
    return;
  }
  const lost = new Map(outcome.lost.map((l) => [l.itemId, l]));
  const losers = rows.filter((r) => lost.has(r.itemId)).map(slugOf);
  for (const row of rows) {
    const l = lost.get(row.itemId);
    const current = outcome.current[row.itemId] ?? null;
    const message = l
      ? lostMessage(row, l)
      : `${slugOf(row)}: your "${changeLabel(row.action)}" was not applied either: it was one action on ${rows.length} items, which the shared desk applies whole or not at all, and ${losers.join(', ')} could not be changed.`;
    const who = l?.why === 'conflict' ? { by: l.last?.actor ?? l.current.updatedBy, at: l.last?.at ?? l.current.updatedAt } : {};
    sync.outbox.markConflict(row, { message, mine: row.change.doc, theirs: current?.doc ?? null, grp: row.grp, ...who });
    // The hub's state stands; an item the hub never took goes back to what it was.
    if (current) sync.adopt(current);
    else {
      const item = sync.service.items.get(row.itemId);
      if (item) sync.service.items.update({ ...item, status: row.change.fromStatus as StoredItem['status'] });
      sync.outbox.unshare(row.itemId);
    }
    report.conflicts.push({ itemId: row.itemId, message, refused: l?.why === 'refused', grp: row.grp, lost: l !== undefined });
  }
}

/**
 * Push every waiting change, group by group, in the order they were made, up to PER_COMMIT
 * changes a hub transaction. What the hub answered is written here a page at a time (one commit,
 * not one per change, and no fsync: the changes themselves were made durable when queued): a
 * change the hub took but this desk did not yet mark as sent goes again after a crash or a power
 * cut, and the hub knows it by its key. After a group that lost, the rest is read again (later
 * changes to its items are lost with it).
 */
export async function pushWaiting(sync: HubSync, c: pg.Client, report: SyncReport): Promise<void> {
  for (;;) {
    const groups = sync.outbox.waitingGroups(PAGE);
    if (groups.length === 0) return;
    const answered: [OutboxRow[], GroupOutcome][] = [];
    try {
      for (let i = 0; i < groups.length;) {
        const chunk: OutboxRow[][] = [];
        for (let size = 0; i < groups.length && (chunk.length === 0 || size + groups[i]!.length <= PER_COMMIT); i++) {
          chunk.push(groups[i]!);
          size += groups[i]!.length;
        }
        const outcomes = await pushGroups(
          c,
          chunk.map((rows) => rows.map(toChange)),
        );
        outcomes.forEach((o, k) => answered.push([chunk[k]!, o]));
        if (outcomes[outcomes.length - 1]?.kind === 'lost') break;
      }
    } finally {
      // What the hub answered before a dropped connection is kept too.
      sync.service.db.transaction(() => {
        for (const [rows, outcome] of answered) settle(sync, rows, outcome, report);
      })();
    }
  }
}
