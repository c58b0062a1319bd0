/**
 * The benchmark's side of the store: the bare SQL each desk path is measured against (what
 * the machine can do in the same run), and the untimed resets between repetitions. Used
 * only by `npm run bench`; nothing here runs in the desk.
 */
import type { ItemStatus } from '../core/item';
import { type Db, durably, stmt } from './db';
import { ftsQuery } from './items';

/** Bare SQL references, prepared once. */
export class BenchReference {
  private readonly rawInsertStmt;
  private readonly statusOnly;
  private readonly byMatch;
  private readonly byIndex;
  private readonly listPage;

  constructor(private readonly db: Db) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    this.rawInsertStmt = db.prepare('INSERT INTO bench_raw (body) VALUES (?)');
    this.statusOnly = db.prepare('UPDATE items SET status = ? WHERE id = ?');
    const cols = 'i.id, i.slug, i.headline, i.status, i.urgency, i.updated_at';
    this.byMatch = db.prepare(
      `SELECT ${cols} FROM items_fts CROSS JOIN items i ON i.rowid = items_fts.rowid WHERE items_fts MATCH ? AND i.status = ? ORDER BY i.urgency, i.updated_at DESC, i.id DESC LIMIT ?`,
    );
    this.listPage = db.prepare(`SELECT ${cols} FROM items i WHERE i.status != 'spiked' ORDER BY i.updated_at DESC, i.id DESC LIMIT ?`);
    this.byIndex = db.prepare(
      `SELECT ${cols} FROM items i WHERE i.status = ? AND i.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) ORDER BY i.urgency, i.updated_at DESC, i.id DESC LIMIT ?`,
    );
  }

  /** A virtual list's slice: the first page of the desk list by keyset. */
  listFirstPage(limit: number): unknown[] {
    return this.listPage.all(limit);
  }

  /** Autosave's limit: one prepared INSERT of the same bytes. */
  rawInsert(bytes: string): void {
    this.rawInsertStmt.run(bytes);
  }

  /** A bulk step's limit: status-only UPDATEs in one durable transaction. */
  statusOnlyUpdates(ids: readonly string[], status: ItemStatus): void {
    durably(this.db, () => {
      for (const id of ids) this.statusOnly.run(status, id);
    });
  }

  /** What any export must do besides serialising, at its least: read the items' rows, in one statement. */
  readRows(ids: readonly string[]): number {
    return stmt(this.db, 'SELECT * FROM items WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)).length;
  }

  /** ... and mark them published: their status only, in one set-based UPDATE, durably. */
  statusOnlyUpdate(ids: readonly string[], status: ItemStatus): void {
    durably(this.db, () => stmt(this.db, 'UPDATE items SET status = ? WHERE id IN (SELECT value FROM json_each(?))').run(status, JSON.stringify(ids)));
  }

  /** A search page by the faster of the two hand-written plans (matches first, or the queue index). */
  searchBest(text: string, status: ItemStatus, limit: number, plan: 'match' | 'index'): unknown[] {
    const q = ftsQuery(text)!;
    return plan === 'match' ? this.byMatch.all(q, status, limit) : this.byIndex.all(status, q, limit);
  }
}

/** Ids of up to `limit` items in a status, oldest first; never the item `except`. */
export function idsInStatus(db: Db, status: ItemStatus, limit: number, except: string | null = null): string[] {
  return db.prepare('SELECT id FROM items WHERE status = ? AND id IS NOT ? ORDER BY id LIMIT ?').pluck().all(status, except, limit) as string[];
}

/**
 * Put items back in a state between repetitions (untimed): approved ones as approved at their
 * current revision, with no publication; every batch is forgotten.
 */
export function resetForBench(db: Db, ids: readonly string[], status: ItemStatus): void {
  db.transaction(() => {
    db.prepare('DELETE FROM batches').run();
    const set = db.prepare(
      `UPDATE items SET status = @status, held_from = NULL, approved_revision = CASE WHEN @status = 'approved' THEN revision END,
         published_version = 0, first_published_at = NULL, version_published_at = NULL, reopened_at = NULL, reopened_by = NULL WHERE id = @id`,
    );
    for (const id of ids) set.run({ status, id });
  })();
}

/** Move every item in one status to another (untimed set-up). */
export function moveAllForBench(db: Db, from: ItemStatus, to: ItemStatus): void {
  db.prepare('UPDATE items SET status = ?, approved_revision = NULL WHERE status = ?').run(to, from);
}

/** Reclaim the space of deleted batches between exports. */
export function checkpointForBench(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
