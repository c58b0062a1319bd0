/**
 * The full-text index's queue (migration 150): a saved change to an item's indexed text only
 * queues its row; the queue is indexed here before any search reads the index, soon after
 * saving, and when a desk opens (a process that died with rows queued leaves them for the next).
 */
import { type Db, stmt } from './db';

const COLUMNS = 'slug, headline, body_text, source, keywords';

/** Whether saved text waits to be indexed (a read: a search with nothing queued takes no write lock). */
export function hasPendingIndex(db: Db): boolean {
  return stmt(db, 'SELECT EXISTS (SELECT 1 FROM items_fts_pending)').pluck().get() === 1;
}

/** Index every queued row as it now stands, in one transaction; how many were indexed. */
export function indexPending(db: Db): number {
  if (!hasPendingIndex(db)) return 0;
  const index = () => {
    const rowids = stmt(db, 'SELECT item_rowid FROM items_fts_pending').pluck().all() as number[];
    const drop = stmt(db, 'DELETE FROM items_fts WHERE rowid = ?');
    const add = stmt(db, `INSERT INTO items_fts (rowid, ${COLUMNS}) SELECT rowid, ${COLUMNS} FROM items WHERE rowid = ?`);
    for (const rowid of rowids) {
      drop.run(rowid);
      add.run(rowid);
    }
    stmt(db, 'DELETE FROM items_fts_pending').run();
    return rowids.length;
  };
  // Inside a caller's transaction (a test, bulk work) it joins it; alone it takes the write lock at once.
  return db.inTransaction ? db.transaction(index)() : db.transaction(index).immediate();
}
