/**
 * A batch's commit, set-based over its entries: each item goes out only if it is still exactly as
 * the batch reserved it; then the audit. Call inside the commit's transaction.
 */
import { DeskFailure, ErrorCode } from '../core/errors';
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

/** The first entry in batch order whose item changed since the batch was reserved; null when none did. */
function firstChangedEntry(db: Db, batchId: number): ChangedEntry | null {
  const r = stmt(
    db,
    `SELECT b.item_id AS itemId, coalesce(i.slug, '') AS slug FROM batch_items b LEFT JOIN items i ON i.id = b.item_id
     WHERE b.batch_id = ? AND (${CHANGED}) ORDER BY b.seq LIMIT 1`,
  ).get(batchId) as ChangedEntry | undefined;
  return r ?? null;
}

/**
 * The batch's publish entries go out: each item becomes published at its entry's version (only
 * the publishing columns are written, so the text index is not touched), provided every item is
 * still as reserved. Returns the first entry whose item changed, or null; when one did, nothing
 * was published and the caller rolls back.
 *
 * The entries are checked first (a read), so the UPDATE never has to be undone on its own: it
 * runs OR FAIL, which spares SQLite a statement journal (a copy of every page the UPDATE
 * touches, 40 MB for 10,000 items); any failure still rolls back the caller's transaction.
 */
export function publishEntries(db: Db, batchId: number, at: string): ChangedEntry | null {
  const changed = firstChangedEntry(db, batchId);
  if (changed) return changed;
  const published = stmt(
    db,
    `UPDATE OR FAIL items AS i SET status = 'published', published_version = b.version, first_published_at = coalesce(i.first_published_at, @at), version_published_at = @at
     FROM batch_items b WHERE b.batch_id = @batchId AND b.kind = 'publish' AND b.item_id = i.id AND ${PUBLISH_AS_RESERVED}`,
  ).run({ batchId, at }).changes;
  const publishes = stmt(db, "SELECT count(*) FROM batch_items WHERE batch_id = ? AND kind = 'publish'").pluck().get(batchId) as number;
  if (published !== publishes) throw new DeskFailure(ErrorCode.Internal, `Batch ${batchId}: not every entry could be published, yet none has changed.`);
  return null;
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
