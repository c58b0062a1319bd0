/**
 * A batch's commit, set-based over its entries: each item goes out only if it is still exactly as
 * the batch reserved it; then the audit. Call inside the commit's transaction.
 */
import { type Db, stmt } from './db';

/** A publish entry's item as reserved: approved at the entry's version, the approved revision unchanged. */
const PUBLISH_AS_RESERVED = "i.status = 'approved' AND i.version = b.version AND i.revision IS b.revision AND i.approved_revision IS i.revision";
/** A kill entry's item as reserved: still killed, and the kill still that version. */
const KILL_AS_RESERVED = "i.status = 'killed' AND max(i.version, i.published_version + 1) = b.version";
/** An entry whose item is no longer exactly as reserved (someone held, returned, edited or killed it). */
const CHANGED = `i.id IS NULL OR NOT coalesce(CASE b.kind WHEN 'publish' THEN ${PUBLISH_AS_RESERVED} ELSE ${KILL_AS_RESERVED} END, 0)`;

export interface ChangedEntry {
  itemId: string;
  slug: string;
}

/** The first entry (of `kind`, or of any) in batch order whose item changed since the batch was reserved; null when none did. */
export function firstChangedEntry(db: Db, batchId: number, kind: 'kill' | null = null): ChangedEntry | null {
  const r = stmt(
    db,
    `SELECT b.item_id AS itemId, coalesce(i.slug, '') AS slug FROM batch_items b LEFT JOIN items i ON i.id = b.item_id
     WHERE b.batch_id = ? AND (? IS NULL OR b.kind = ?) AND (${CHANGED}) ORDER BY b.seq LIMIT 1`,
  ).get(batchId, kind, kind) as ChangedEntry | undefined;
  return r ?? null;
}

/**
 * The batch's entries go out: each publish entry's item becomes published at its entry's version
 * (only the publishing columns are written, so the text index is not touched). The UPDATE checks
 * each item as it goes; returns false when some item is no longer as reserved (someone held,
 * returned, edited or killed it): then the caller rolls back its whole transaction, and
 * firstChangedEntry names the item.
 *
 * Nothing here is undone on its own (no savepoint), and the UPDATE runs OR FAIL: SQLite then
 * keeps no statement journal, a copy of every page the UPDATE touches (40 MB for 10,000 items).
 */
export function publishEntries(db: Db, batchId: number, at: string): boolean {
  const published = stmt(
    db,
    `UPDATE OR FAIL items AS i SET status = 'published', published_version = b.version, first_published_at = coalesce(i.first_published_at, @at), version_published_at = @at
     FROM batch_items b WHERE b.batch_id = @batchId AND b.kind = 'publish' AND b.item_id = i.id AND ${PUBLISH_AS_RESERVED}`,
  ).run({ batchId, at }).changes;
  const publishes = stmt(db, "SELECT count(*) FROM batch_items WHERE batch_id = ? AND kind = 'publish'").pluck().get(batchId) as number;
  // Every publish went out as reserved: only a kill can have changed (the published items are not read again).
  return published === publishes && firstChangedEntry(db, batchId, 'kill') === null;
}

/**
 * The commit's audit, one record per entry in batch order, once publishEntries found every item
 * as reserved: a publish moves it from approved to published, a kill leaves it killed.
 */
export function auditEntries(db: Db, batchId: number, a: { publish: string; kill: string; note: string; at: string; by: string }): void {
  stmt(
    db,
    `INSERT INTO audit_log (item_id, action, from_status, to_status, version, note, at, by)
     SELECT b.item_id, CASE b.kind WHEN 'publish' THEN @publish ELSE @kill END, CASE b.kind WHEN 'publish' THEN 'approved' ELSE 'killed' END,
       CASE b.kind WHEN 'publish' THEN 'published' ELSE 'killed' END, b.version, @note, @at, @by
     FROM batch_items b WHERE b.batch_id = @batchId ORDER BY b.seq`,
  ).run({ ...a, batchId });
}

/** A re-send's audit: each entry went out again, as the version it was; the items stay as they are. */
export function auditResend(db: Db, batchId: number, a: { note: string; at: string; by: string }): void {
  stmt(
    db,
    `INSERT INTO audit_log (item_id, action, from_status, to_status, version, note, at, by)
     SELECT b.item_id, 're-sent', i.status, i.status, b.version, @note, @at, @by
     FROM batch_items b JOIN items i ON i.id = b.item_id WHERE b.batch_id = @batchId ORDER BY b.seq`,
  ).run({ ...a, batchId });
}
