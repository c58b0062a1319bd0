/** The batch tables: batches, and batch_items (one row per entry, with its exact bytes). */
import type { BatchFrame } from '../core/feed/batch';
import type { ItemStatus, WireItem } from '../core/item';
import { type Db, stmt } from './db';

export type BatchState = 'writing' | 'committed' | 'written';
export type EntryKind = 'publish' | 'kill';

export interface BatchRow {
  id: number;
  state: BatchState;
  format: 'ninjs' | 'ninjs2' | 'jsonfeed';
  ndjson: number;
  folder: string;
  file_name: string;
  sha256: string | null;
  bytes: number | null;
  item_count: number;
  created_at: string;
  created_by: string;
  error: string | null;
  /** The writing process (JSON of store/owner's Owner; "host:pid" from older Wiredesks). */
  owner: string;
  /** The frame the file was written with; null for batches of older Wiredesks. */
  frame_json: string | null;
}

/** An item's publishing state before a batch's commit changed it. */
export interface PriorState {
  status: ItemStatus;
  publishedVersion: number;
  firstPublishedAt: string | null;
  versionPublishedAt: string | null;
}

/**
 * An entry's fields as it went out, without its body tree (the text went out in the entry's
 * bytes); the plain text stays, for a correction to be read against.
 */
export type EntryHead = Omit<WireItem, 'body'>;

export interface EntryRow {
  seq: number;
  item_id: string;
  version: number;
  kind: EntryKind;
  /** The item as it went out, in a batch of an older Wiredesk (rebuilt from it: no stored bytes). */
  snapshot: WireItem;
  /** The entry's exact serialisation; null for batches of older Wiredesks. */
  wire: string | null;
}

/** Correlated condition: item `i` has had its kill sent. */
const KILL_SENT = "SELECT 1 FROM batch_items b WHERE b.item_id = i.id AND b.kind = 'kill'";

export function getBatchRow(db: Db, id: number): BatchRow | null {
  return (stmt(db, 'SELECT * FROM batches WHERE id = ?').get(id) as BatchRow | undefined) ?? null;
}

/** Newest first, keyset on id. */
export function listBatchRows(db: Db, beforeId: number, limit: number): BatchRow[] {
  return stmt(db, 'SELECT * FROM batches WHERE id < ? ORDER BY id DESC LIMIT ?').all(beforeId, limit) as BatchRow[];
}

/** Batches not yet fully written, oldest first. */
export function unfinishedBatches(db: Db): BatchRow[] {
  return stmt(db, "SELECT * FROM batches WHERE state IN ('writing', 'committed') ORDER BY id").all() as BatchRow[];
}

/** A page of a batch's entries for display: what went out, in order. */
export function entrySummaries(
  db: Db,
  batchId: number,
  after: number,
  limit: number,
): { seq: number; itemId: string; version: number; kind: EntryKind; slug: string; headline: string }[] {
  return stmt(
    db,
    `SELECT seq, item_id AS itemId, version, kind, json_extract(snapshot_json, '$.slug') AS slug, json_extract(snapshot_json, '$.headline') AS headline
       FROM batch_items WHERE batch_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  ).all(batchId, after, limit) as { seq: number; itemId: string; version: number; kind: EntryKind; slug: string; headline: string }[];
}

/** A page of a batch's entries with their snapshots and bytes. */
export function entryPage(db: Db, batchId: number, after: number, limit: number): EntryRow[] {
  const rows = stmt(db, 'SELECT seq, item_id, version, kind, snapshot_json, wire FROM batch_items WHERE batch_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(
    batchId,
    after,
    limit,
  ) as (Omit<EntryRow, 'snapshot'> & { snapshot_json: string })[];
  return rows.map(({ snapshot_json, ...r }) => ({ ...r, snapshot: headOf(snapshot_json, r.wire) as WireItem }));
}

/** The entries' bytes a page at a time (no statement stays open across a file write). */
export function* entryWires(db: Db, batchId: number, pageSize = 500): Generator<string | null> {
  const page = stmt(db, 'SELECT seq, wire FROM batch_items WHERE batch_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  let after = -1;
  for (;;) {
    const rows = page.all(batchId, after, pageSize) as { seq: number; wire: string | null }[];
    for (const r of rows) yield r.wire;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.seq;
  }
}

/** How many kills have not gone out yet. */
export function pendingKillCount(db: Db): number {
  return stmt(db, `SELECT count(*) FROM items i WHERE i.status = 'killed' AND NOT EXISTS (${KILL_SENT})`).pluck().get() as number;
}

/** A pending entry's item: approved, or killed with its kill not yet sent. */
const PENDING = `i.status = 'approved' OR (i.status = 'killed' AND NOT EXISTS (${KILL_SENT}))`;

/** Pending entries in batch order (most urgent, then oldest): approved items, and kills not yet sent. */
export function pendingItemIds(db: Db): string[] {
  return stmt(db, `SELECT i.id FROM items i WHERE ${PENDING} ORDER BY i.urgency, i.updated_at, i.id`).pluck().all() as string[];
}

export function pendingItemCount(db: Db): number {
  return stmt(db, `SELECT count(*) FROM items i WHERE ${PENDING}`).pluck().get() as number;
}

/** The fields of the version that went out (its publish entry), or null. */
export function publishedHead(db: Db, itemId: string, version: number): EntryHead | null {
  const r = stmt(db, "SELECT snapshot_json, wire FROM batch_items WHERE item_id = ? AND kind = 'publish' AND version = ?").get(itemId, version) as
    { snapshot_json: string; wire: string | null } | undefined;
  return r ? headOf(r.snapshot_json, r.wire) : null;
}

/** The latest version that went out before `belowVersion` (a correction's baseline), or null. */
export function publishedBefore(db: Db, itemId: string, belowVersion: number): { version: number; item: EntryHead } | null {
  const r = stmt(
    db,
    "SELECT version, snapshot_json, wire FROM batch_items WHERE item_id = ? AND kind = 'publish' AND version < ? ORDER BY version DESC LIMIT 1",
  ).get(itemId, belowVersion) as { version: number; snapshot_json: string; wire: string | null } | undefined;
  return r ? { version: r.version, item: headOf(r.snapshot_json, r.wire) } : null;
}

export function insertBatch(
  db: Db,
  b: { format: BatchRow['format']; ndjson: boolean; folder: string; itemCount: number; createdAt: string; createdBy: string; owner: string; frame: BatchFrame },
  fileNameFor: (id: number) => string,
): number {
  // The next number never given, not max(id) + 1: a dropped batch's number is not given again.
  const id = stmt(db, 'UPDATE batch_numbers SET last = max(last, (SELECT coalesce(max(id), 0) FROM batches)) + 1 RETURNING last').pluck().get() as number;
  stmt(
    db,
    `INSERT INTO batches (id, state, format, ndjson, folder, file_name, item_count, created_at, created_by, owner, frame_json) VALUES (?, 'writing', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, b.format, b.ndjson ? 1 : 0, b.folder, fileNameFor(id), b.itemCount, b.createdAt, b.createdBy, b.owner, JSON.stringify(b.frame));
  return id;
}

/** One entry as reserved: the item as it goes out (kept without its body tree), the exact bytes, and what a drop restores. */
export interface NewEntry {
  itemId: string;
  version: number;
  kind: EntryKind;
  /** The item revision it was made from (the commit checks the item is still at it). */
  revision: number;
  entry: WireItem;
  wire: string;
  prior: PriorState;
}

/**
 * Adds a batch's entries, one prepared statement for all of them (call inside the reserving
 * transaction); a second entry for the same item version and kind violates batch_items_once.
 */
export function entryInserter(db: Db, batchId: number): (seq: number, e: NewEntry) => void {
  const insert = stmt(
    db,
    'INSERT INTO batch_items (batch_id, seq, item_id, version, kind, revision, snapshot_json, wire, prior_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return (seq, e) => {
    insert.run(batchId, seq, e.itemId, e.version, e.kind, e.revision, headJson(e.entry, e.wire), e.wire, JSON.stringify(e.prior));
  };
}

/** A stored head whose plain text is kept in its entry's bytes: where it is, as JSON string text. */
type StoredHead = Omit<EntryHead, 'bodyText'> & { bodyText?: string; bodyTextAt?: [number, number] };

/**
 * The head as stored: the entry without its body tree. The entry's bytes carry the plain text (in
 * the copy, after the dateline), so it is not stored twice: the head says where its JSON-escaped
 * form lies in the bytes. Where it does not appear as such, the head keeps it. (The keys left out
 * are undefined in one copy, which JSON leaves out, rather than taken out by rest and spread
 * copies: same JSON, a copy less.)
 */
function headJson(entry: WireItem, wire: string): string {
  const escaped = JSON.stringify(entry.bodyText).slice(1, -1);
  const at = wire.indexOf(escaped);
  const kept = at < 0 ? { body: undefined } : { body: undefined, bodyText: undefined, bodyTextAt: [at, at + escaped.length] };
  return JSON.stringify(Object.assign({}, entry, kept));
}

/** The head as reserved, from its stored JSON and the entry's bytes. */
function headOf(json: string, wire: string | null): EntryHead {
  const { bodyTextAt, ...head } = JSON.parse(json) as StoredHead;
  if (!bodyTextAt) return head as EntryHead;
  return { ...head, bodyText: JSON.parse(`"${wire!.slice(bodyTextAt[0], bodyTextAt[1])}"`) as string };
}

/** Whether a batch has any entry (one whose writer stopped while reserving has none). */
export function hasEntries(db: Db, batchId: number): boolean {
  return stmt(db, 'SELECT 1 FROM batch_items WHERE batch_id = ? LIMIT 1').get(batchId) !== undefined;
}

export function setItemCount(db: Db, id: number, itemCount: number): void {
  stmt(db, 'UPDATE batches SET item_count = ? WHERE id = ?').run(itemCount, id);
}

/** Each entry's item state before the commit, in order (null for batches of older Wiredesks). */
export function priors(db: Db, batchId: number): { itemId: string; kind: EntryKind; version: number; prior: PriorState | null }[] {
  const rows = stmt(db, 'SELECT item_id, kind, version, prior_json FROM batch_items WHERE batch_id = ? ORDER BY seq').all(batchId) as {
    item_id: string;
    kind: EntryKind;
    version: number;
    prior_json: string | null;
  }[];
  return rows.map((r) => ({ itemId: r.item_id, kind: r.kind, version: r.version, prior: r.prior_json ? (JSON.parse(r.prior_json) as PriorState) : null }));
}

/** Commit a batch still being written; false when it is not (dropped, or committed by another Wiredesk meanwhile). */
export function setCommitted(db: Db, id: number, sha256: string, bytes: number): boolean {
  return stmt(db, `UPDATE batches SET state = 'committed', sha256 = ?, bytes = ? WHERE id = ? AND state = 'writing'`).run(sha256, bytes, id).changes === 1;
}

/** Written: error null. Still committed but not written: the reason. */
export function setWriteOutcome(db: Db, id: number, error: string | null): void {
  stmt(db, `UPDATE batches SET state = CASE WHEN ? IS NULL THEN 'written' ELSE state END, error = ? WHERE id = ?`).run(error, error, id);
}

/** A batch taken over by another process (completing a stuck one). */
export function setOwner(db: Db, id: number, owner: string): void {
  stmt(db, 'UPDATE batches SET owner = ? WHERE id = ?').run(owner, id);
}

export function deleteBatch(db: Db, id: number): void {
  stmt(db, 'DELETE FROM batches WHERE id = ?').run(id);
}
