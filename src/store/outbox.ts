/** This desk's side of a shared desk: the outbox of changes to push, shared items, pull cursors. */
import type { Db } from './db';

export interface OutboxRow {
  seq: number;
  idemKey: string;
  itemId: string;
  action: string;
  baseRevision: number | null;
  change: { fromStatus: string; toStatus: string; version: number; note: string; doc: Record<string, unknown> };
  createdAt: string;
}

export interface ConflictRow extends OutboxRow {
  outcome: unknown;
}

type Raw = Omit<OutboxRow, 'change'> & { change: string };
const COLS = 'seq, idem_key AS idemKey, item_id AS itemId, action, base_revision AS baseRevision, change_json AS change, created_at AS createdAt';

export class Outbox {
  constructor(readonly db: Db) {}

  /** The hub revision this desk's next change to the item is made on; null if not shared. */
  sharedRevision(itemId: string): number | null {
    const r = this.db.prepare('SELECT hub_revision FROM hub_shared WHERE item_id = ?').pluck().get(itemId) as number | undefined;
    return r ?? null;
  }

  setShared(itemId: string, hubRevision: number): void {
    this.db.prepare('INSERT INTO hub_shared (item_id, hub_revision) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET hub_revision = excluded.hub_revision').run(itemId, hubRevision);
  }

  unshare(itemId: string): void {
    this.db.prepare('DELETE FROM hub_shared WHERE item_id = ?').run(itemId);
  }

  /** Queue a change made on `baseRevision` (null: first submission); the next one is made on base + 1. */
  enqueue(row: Omit<OutboxRow, 'seq' | 'baseRevision'>): void {
    const base = this.sharedRevision(row.itemId);
    this.db
      .prepare('INSERT INTO hub_outbox (idem_key, item_id, action, base_revision, change_json, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(row.idemKey, row.itemId, row.action, base, JSON.stringify(row.change), row.createdAt);
    this.setShared(row.itemId, (base ?? 0) + 1);
  }

  waiting(limit = 1000): OutboxRow[] {
    return (this.db.prepare(`SELECT ${COLS} FROM hub_outbox WHERE state = 'waiting' ORDER BY seq LIMIT ?`).all(limit) as Raw[]).map(parse);
  }

  waitingCount(): number {
    return this.db.prepare("SELECT count(*) FROM hub_outbox WHERE state = 'waiting'").pluck().get() as number;
  }

  hasWaiting(itemId: string): boolean {
    return this.db.prepare("SELECT 1 FROM hub_outbox WHERE item_id = ? AND state = 'waiting' LIMIT 1").get(itemId) !== undefined;
  }

  isOurs(idemKey: string): boolean {
    return this.db.prepare('SELECT 1 FROM hub_outbox WHERE idem_key = ?').get(idemKey) !== undefined;
  }

  markSent(seq: number): void {
    this.db.prepare("UPDATE hub_outbox SET state = 'sent', outcome = NULL WHERE seq = ?").run(seq);
  }

  /** This change and every later waiting change to the same item lose: keep both versions. */
  markConflict(row: OutboxRow, outcome: unknown): number {
    return this.db
      .prepare("UPDATE hub_outbox SET state = 'conflict', outcome = ? WHERE item_id = ? AND state = 'waiting' AND seq >= ?")
      .run(JSON.stringify(outcome), row.itemId, row.seq).changes;
  }

  conflicts(limit = 100): ConflictRow[] {
    return (this.db.prepare(`SELECT ${COLS}, outcome FROM hub_outbox WHERE state = 'conflict' ORDER BY seq DESC LIMIT ?`).all(limit) as (Raw & { outcome: string })[]).map((r) => ({
      ...parse(r),
      outcome: JSON.parse(r.outcome) as unknown,
    }));
  }

  cursor(name: string): number {
    return (this.db.prepare('SELECT seq FROM hub_cursor WHERE name = ?').pluck().get(name) as number | undefined) ?? 0;
  }

  setCursor(name: string, seq: number): void {
    this.db.prepare('INSERT INTO hub_cursor (name, seq) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq').run(name, seq);
  }
}

function parse(r: Raw): OutboxRow {
  return { ...r, change: JSON.parse(r.change) as OutboxRow['change'] };
}
