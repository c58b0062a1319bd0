/** Test helpers over the store. */
import type { Db } from '../src/store/db';

/** What the store holds, enough to see any write: a refused call must leave it unchanged. */
export function storeDigest(db: Db): string {
  const rows = (sql: string) => JSON.stringify(db.prepare(sql).all());
  return [
    rows("SELECT group_concat(id || ':' || status || ':' || revision || ':' || version || ':' || updated_at, ',') FROM (SELECT * FROM items ORDER BY id)"),
    rows("SELECT group_concat(key || '=' || value, ',') FROM (SELECT * FROM settings ORDER BY key)"),
    ...['item_revisions', 'audit_log', 'batches', 'batch_items'].map((t) => rows(`SELECT count(*), max(rowid) FROM ${t}`)),
  ].join('|');
}
