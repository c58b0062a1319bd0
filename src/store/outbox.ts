/** This desk's side of a shared desk: the outbox of changes to push, shared items, pull cursors. */
import { type Db, stmt } from './db';

export interface OutboxRow {
  seq: number;
  idemKey: string;
  itemId: string;
  action: string;
  baseRevision: number | null;
  change: { fromStatus: string; toStatus: string; version: number; note: string; doc: Record<string, unknown> };
  createdAt: string;
  /** The editor action this change was part of: a group goes to the hub all together or not at all. */
  grp: string | null;
}

export interface ConflictRow extends OutboxRow {
  outcome: unknown;
}

/** A change the hub did not take, kept with both versions, and not yet dismissed by the editor. */
const KEPT = "state = 'conflict' AND dismissed_at IS NULL";

type Raw = Omit<OutboxRow, 'change'> & { change: string };
const COLS = 'seq, idem_key AS idemKey, item_id AS itemId, action, base_revision AS baseRevision, change_json AS change, created_at AS createdAt, grp';

/** Statements are compiled once per connection (stmt): a listening desk runs these on every change the hub announces. */
export class Outbox {
  constructor(readonly db: Db) {}

  /** The hub revision this desk's next change to the item is made on; null if not shared. */
  sharedRevision(itemId: string): number | null {
    const r = stmt(this.db, 'SELECT hub_revision FROM hub_shared WHERE item_id = ?').pluck().get(itemId) as number | undefined;
    return r ?? null;
  }

  setShared(itemId: string, hubRevision: number): void {
    stmt(this.db, 'INSERT INTO hub_shared (item_id, hub_revision) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET hub_revision = excluded.hub_revision').run(
      itemId,
      hubRevision,
    );
  }

  /** Many items at once (a desk set up with the hub's items, as the bench does). */
  setSharedMany(revisions: Map<string, number>): void {
    const st = stmt(
      this.db,
      'INSERT INTO hub_shared (item_id, hub_revision) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET hub_revision = excluded.hub_revision',
    );
    this.db.transaction(() => {
      for (const [id, revision] of revisions) st.run(id, revision);
    })();
  }

  unshare(itemId: string): void {
    stmt(this.db, 'DELETE FROM hub_shared WHERE item_id = ?').run(itemId);
  }

  /** Queue a change made on `baseRevision` (null: first submission); the next one is made on base + 1. */
  enqueue(row: Omit<OutboxRow, 'seq' | 'baseRevision' | 'grp'> & { grp?: string | null }): void {
    const base = this.sharedRevision(row.itemId);
    stmt(this.db, 'INSERT INTO hub_outbox (idem_key, item_id, action, base_revision, change_json, created_at, grp) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      row.idemKey,
      row.itemId,
      row.action,
      base,
      JSON.stringify(row.change),
      row.createdAt,
      row.grp ?? null,
    );
    this.setShared(row.itemId, (base ?? 0) + 1);
  }

  waiting(limit = 1000): OutboxRow[] {
    return (stmt(this.db, `SELECT ${COLS} FROM hub_outbox WHERE state = 'waiting' ORDER BY seq LIMIT ?`).all(limit) as Raw[]).map(parse);
  }

  /**
   * The next changes to push, in order, as groups: each group whole (a group is queued in one
   * transaction, so its rows are together), at least `limit` rows unless fewer wait.
   */
  waitingGroups(limit = 1000): OutboxRow[][] {
    const groups: OutboxRow[][] = [];
    for (const row of this.waiting(limit)) {
      const last = groups[groups.length - 1];
      if (last && row.grp !== null && last[0]!.grp === row.grp) last.push(row);
      else groups.push([row]);
    }
    // A group cut off by the limit is read whole.
    const tail = groups[groups.length - 1];
    if (tail && tail[0]!.grp !== null) {
      const rest = (
        stmt(this.db, `SELECT ${COLS} FROM hub_outbox WHERE state = 'waiting' AND grp = ? AND seq > ? ORDER BY seq`).all(
          tail[0]!.grp,
          tail[tail.length - 1]!.seq,
        ) as Raw[]
      ).map(parse);
      tail.push(...rest);
    }
    return groups;
  }

  /** Mark every waiting change as not to be sent (leaving a shared desk): kept, with why. */
  abandonWaiting(outcome: unknown): number {
    return stmt(this.db, "UPDATE hub_outbox SET state = 'conflict', outcome = ? WHERE state = 'waiting'").run(JSON.stringify(outcome)).changes;
  }

  /** Forget which items were shared and how far the hub was pulled (joining another shared desk). */
  forgetHub(): void {
    stmt(this.db, 'DELETE FROM hub_shared').run();
    stmt(this.db, 'DELETE FROM hub_cursor').run();
  }

  waitingCount(): number {
    return stmt(this.db, "SELECT count(*) FROM hub_outbox WHERE state = 'waiting'").pluck().get() as number;
  }

  hasWaiting(itemId: string): boolean {
    return stmt(this.db, "SELECT 1 FROM hub_outbox WHERE item_id = ? AND state = 'waiting' LIMIT 1").get(itemId) !== undefined;
  }

  isOurs(idemKey: string): boolean {
    return stmt(this.db, 'SELECT 1 FROM hub_outbox WHERE idem_key = ?').get(idemKey) !== undefined;
  }

  markSent(seq: number): void {
    stmt(this.db, "UPDATE hub_outbox SET state = 'sent', outcome = NULL WHERE seq = ?").run(seq);
  }

  /** This change and every later waiting change to the same item lose: keep both versions. */
  markConflict(row: OutboxRow, outcome: unknown): number {
    return stmt(this.db, "UPDATE hub_outbox SET state = 'conflict', outcome = ? WHERE item_id = ? AND state = 'waiting' AND seq >= ?").run(
      JSON.stringify(outcome),
      row.itemId,
      row.seq,
    ).changes;
  }

  /** Kept conflicts not yet dismissed: one per item and loss (the later changes that lost with it count with it). */
  conflictCount(): number {
    return stmt(this.db, `SELECT count(*) FROM (SELECT 1 FROM hub_outbox WHERE ${KEPT} GROUP BY item_id, outcome)`).pluck().get() as number;
  }

  /** Every kept change not yet dismissed, newest first. */
  conflicts(limit = 100): ConflictRow[] {
    return (stmt(this.db, `SELECT ${COLS}, outcome FROM hub_outbox WHERE ${KEPT} ORDER BY seq DESC LIMIT ?`).all(limit) as (Raw & { outcome: string })[]).map(
      withOutcome,
    );
  }

  /**
   * Kept conflicts as the editor reads them, newest first: one per item and loss, with every
   * change of this desk that lost with it, oldest first (the last is the version this desk had).
   */
  keptConflicts(limit = 100): ConflictRow[][] {
    const groups = stmt(
      this.db,
      `SELECT item_id AS itemId, outcome, max(seq) AS last FROM hub_outbox WHERE ${KEPT} GROUP BY item_id, outcome ORDER BY last DESC LIMIT ?`,
    ).all(limit) as {
      itemId: string;
      outcome: string;
    }[];
    const rows = stmt(this.db, `SELECT ${COLS}, outcome FROM hub_outbox WHERE ${KEPT} AND item_id = ? AND outcome = ? ORDER BY seq`);
    return groups.map((g) => (rows.all(g.itemId, g.outcome) as (Raw & { outcome: string })[]).map(withOutcome));
  }

  /** The editor has read the conflict the change `seq` is part of: it is kept, no longer listed. False when there is none. */
  dismissConflict(seq: number, at: string): boolean {
    const sql = `UPDATE hub_outbox SET dismissed_at = ? WHERE ${KEPT} AND (item_id, outcome) = (SELECT item_id, outcome FROM hub_outbox WHERE seq = ? AND ${KEPT})`;
    return stmt(this.db, sql).run(at, seq).changes > 0;
  }

  cursor(name: string): number {
    return (stmt(this.db, 'SELECT seq FROM hub_cursor WHERE name = ?').pluck().get(name) as number | undefined) ?? 0;
  }

  setCursor(name: string, seq: number): void {
    stmt(this.db, 'INSERT INTO hub_cursor (name, seq) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq').run(name, seq);
  }
}

function withOutcome(r: Raw & { outcome: string }): ConflictRow {
  return { ...parse(r), outcome: JSON.parse(r.outcome) as unknown };
}

function parse(r: Raw): OutboxRow {
  return { ...r, change: JSON.parse(r.change) as OutboxRow['change'] };
}
