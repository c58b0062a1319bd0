/**
 * Version 90: work the desk no longer repeats at 100,000 items.
 *  - The full-text index is rewritten only when slug, headline or body text really change
 *    (a status change, an approval or a publish no longer re-indexes the row).
 *  - Tab counts are kept in `status_counts` by triggers, so a queue page reads seven rows
 *    instead of counting the whole status index on every keystroke and "Show more".
 *  - `items_fts_terms` (fts5vocab) tells search how many items hold a word, so a rare word
 *    is driven by its matches and a common one by the queue index.
 * Shipped: never edit.
 */
export const version = 90;
export const sql = /* sql */ `
DROP TRIGGER items_fts_update;
CREATE TRIGGER items_fts_update AFTER UPDATE OF slug, headline, body_text ON items
WHEN old.slug IS NOT new.slug OR old.headline IS NOT new.headline OR old.body_text IS NOT new.body_text
BEGIN
  INSERT INTO items_fts (items_fts, rowid, slug, headline, body_text) VALUES ('delete', old.rowid, old.slug, old.headline, old.body_text);
  INSERT INTO items_fts (rowid, slug, headline, body_text) VALUES (new.rowid, new.slug, new.headline, new.body_text);
END;

CREATE TABLE status_counts (
  status TEXT PRIMARY KEY,
  n INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO status_counts (status, n)
  SELECT s.value, (SELECT count(*) FROM items WHERE status = s.value)
  FROM json_each('["draft","submitted","approved","held","published","killed","spiked"]') s;

CREATE TRIGGER status_counts_insert AFTER INSERT ON items BEGIN
  UPDATE status_counts SET n = n + 1 WHERE status = new.status;
END;
CREATE TRIGGER status_counts_delete AFTER DELETE ON items BEGIN
  UPDATE status_counts SET n = n - 1 WHERE status = old.status;
END;
CREATE TRIGGER status_counts_update AFTER UPDATE OF status ON items WHEN old.status IS NOT new.status BEGIN
  UPDATE status_counts SET n = n - 1 WHERE status = old.status;
  UPDATE status_counts SET n = n + 1 WHERE status = new.status;
END;

CREATE VIRTUAL TABLE items_fts_terms USING fts5vocab (items_fts, 'row');
`;
