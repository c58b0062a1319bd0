/**
 * Batches on the hub: exported under one desk-wide advisory lock, numbered by the hub's
 * sequence, each item version at most once across the desk, and the exact bytes kept so any
 * joined desk can send them again.
 */
import type pg from 'pg';

/** Hold the desk-wide export lock (a session advisory lock) while `fn` runs. */
export async function withExportLock<T>(c: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await c.query("SELECT pg_advisory_lock(hashtext('wiredesk export'))");
  try {
    return await fn();
  } finally {
    await c.query("SELECT pg_advisory_unlock(hashtext('wiredesk export'))").catch(() => undefined);
  }
}

export interface HubBatch {
  format: string;
  ndjson: boolean;
  fileName: string;
  sha256: string;
  bytes: Buffer;
  entries: { itemId: string; version: number; kind: 'publish' | 'kill' }[];
}

/**
 * Record a batch on the hub: its number from the desk-wide sequence, its exact bytes, and its
 * entries, each item version at most once across the desk (a second one fails, nothing kept).
 */
export async function recordBatch(c: pg.ClientBase, b: HubBatch): Promise<number> {
  await c.query('BEGIN');
  try {
    const r = await c.query<{ no: string }>(
      "INSERT INTO hub_batches (no, format, ndjson, file_name, sha256, bytes, item_count) VALUES (nextval('hub_batch_no'), $1, $2, $3, $4, $5, $6) RETURNING no",
      [b.format, b.ndjson, b.fileName, b.sha256, b.bytes, b.entries.length],
    );
    const no = Number(r.rows[0]!.no);
    for (const [seq, e] of b.entries.entries()) {
      await c.query('INSERT INTO hub_batch_items (batch_no, seq, item_id, version, kind) VALUES ($1, $2, $3, $4, $5)', [no, seq, e.itemId, e.version, e.kind]);
    }
    await c.query('COMMIT');
    return no;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

export interface HubBatchRow {
  no: number;
  format: string;
  ndjson: boolean;
  fileName: string;
  sha256: string;
  bytes: number;
  itemCount: number;
  createdBy: string;
  createdAt: string;
}

export interface HubBatchEntryRow {
  seq: number;
  itemId: string;
  version: number;
  kind: 'publish' | 'kill';
  slug: string;
  headline: string;
}

const BATCH_COLS =
  'no, format, ndjson, file_name AS "fileName", sha256, octet_length(bytes) AS bytes, item_count AS "itemCount", created_by AS "createdBy", created_at AS "createdAt"';

function batchRow(r: HubBatchRow): HubBatchRow {
  return { ...r, no: Number(r.no), bytes: Number(r.bytes), createdAt: new Date(r.createdAt).toISOString() };
}

/** The hub's batches, newest first, numbered below `before` (all when null). */
export async function hubBatches(c: pg.ClientBase, before: number | null, limit: number): Promise<HubBatchRow[]> {
  const r = await c.query<HubBatchRow>(`SELECT ${BATCH_COLS} FROM hub_batches WHERE $1::bigint IS NULL OR no < $1 ORDER BY no DESC LIMIT $2`, [before, limit]);
  return r.rows.map(batchRow);
}

export async function hubBatch(c: pg.ClientBase, no: number): Promise<HubBatchRow | null> {
  const r = await c.query<HubBatchRow>(`SELECT ${BATCH_COLS} FROM hub_batches WHERE no = $1`, [no]);
  return r.rows[0] ? batchRow(r.rows[0]) : null;
}

/** A page of a hub batch's entries, in the order they went out, after entry `after`. */
export async function hubBatchEntries(c: pg.ClientBase, no: number, after: number, limit: number): Promise<HubBatchEntryRow[]> {
  const r = await c.query<HubBatchEntryRow>(
    `SELECT b.seq, b.item_id::text AS "itemId", b.version, b.kind, i.slug, i.headline
     FROM hub_batch_items b JOIN hub_items i ON i.id = b.item_id WHERE b.batch_no = $1 AND b.seq > $2 ORDER BY b.seq LIMIT $3`,
    [no, after, limit],
  );
  return r.rows;
}

/** The exact bytes a hub batch went out with, and the SHA-256 recorded with them (the hub's own hash of them too). */
export async function hubBatchBytes(c: pg.ClientBase, no: number): Promise<{ bytes: Buffer; sha256: string; hubSha256: string; fileName: string } | null> {
  const r = await c.query<{ bytes: Buffer; sha256: string; hubSha256: string; fileName: string }>(
    `SELECT bytes, sha256, encode(sha256(bytes), 'hex') AS "hubSha256", file_name AS "fileName" FROM hub_batches WHERE no = $1`,
    [no],
  );
  return r.rows[0] ?? null;
}
