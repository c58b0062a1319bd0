/**
 * Version 150 (speed issue 14): an autosave writes its text once, and the full-text index
 * catches up off the keystroke path.
 *  - items_fts is contentless with deletion by rowid (it keeps no copy of the text; a row leaves
 *    the index without its old words). A new item is indexed as it is inserted; a change to one of
 *    its five columns only queues the row in items_fts_pending, and the queue is indexed before any
 *    search reads the index (store/searchIndex), soon after saving, and when a desk opens.
 *  - item_revisions.body_is_item: 1 when the revision's fields_json leaves out the body because it
 *    is the item's current body_json (the newest revision, folded into on every autosave). When the
 *    item's body changes, every such revision of an earlier state gets the old body spliced in
 *    first, so History and restore always show each revision's own text. A revision renumbered to
 *    the item's new revision in the same save (a fold) is the new state and stays as it is.
 *    Revisions stored before keep their body in fields_json.
 *  - changes.kind is checked by equalities: the IN list of version 70 made SQLite build a scratch
 *    table on every insert, i.e. on every save and every workflow step. The table is rebuilt with
 *    its rows and numbers (a reader's place in the feed stays valid) and its triggers as in 70.
 * Shipped: never edit.
 */
export const version = 150;
export const sql = /* sql */ `
DROP TABLE items_fts_terms;
DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
DROP TABLE items_fts;

CREATE VIRTUAL TABLE items_fts USING fts5 (
  slug, headline, body_text, source, keywords,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO items_fts (rowid, slug, headline, body_text, source, keywords) SELECT rowid, slug, headline, body_text, source, keywords FROM items;
CREATE VIRTUAL TABLE items_fts_terms USING fts5vocab (items_fts, 'row');

CREATE TABLE items_fts_pending (
  item_rowid INTEGER PRIMARY KEY
) STRICT;

CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, slug, headline, body_text, source, keywords) VALUES (new.rowid, new.slug, new.headline, new.body_text, new.source, new.keywords);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  DELETE FROM items_fts WHERE rowid = old.rowid;
  DELETE FROM items_fts_pending WHERE item_rowid = old.rowid;
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF slug, headline, body_text, source, keywords ON items
WHEN old.slug IS NOT new.slug OR old.headline IS NOT new.headline OR old.body_text IS NOT new.body_text
  OR old.source IS NOT new.source OR old.keywords IS NOT new.keywords
BEGIN
  INSERT OR IGNORE INTO items_fts_pending (item_rowid) VALUES (new.rowid);
END;

DROP TRIGGER changes_item_insert;
DROP TRIGGER changes_item_update;
DROP TRIGGER changes_batch_insert;
DROP TRIGGER changes_batch_update;
DROP TRIGGER changes_settings_insert;
DROP TRIGGER changes_settings_update;
DROP TRIGGER changes_keep_newest;
CREATE TABLE changes_150 (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind = 'item' OR kind = 'queue' OR kind = 'batch' OR kind = 'settings'),
  key TEXT NOT NULL
) STRICT;
INSERT INTO changes_150 (seq, kind, key) SELECT seq, kind, key FROM changes;
DROP TABLE changes;
ALTER TABLE changes_150 RENAME TO changes;

CREATE TRIGGER changes_item_insert AFTER INSERT ON items BEGIN
  INSERT INTO changes (kind, key) VALUES ('item', NEW.id);
END;
CREATE TRIGGER changes_item_update AFTER UPDATE ON items
WHEN NEW.revision IS NOT OLD.revision OR NEW.status IS NOT OLD.status OR NEW.version IS NOT OLD.version OR NEW.updated_at IS NOT OLD.updated_at
BEGIN
  INSERT INTO changes (kind, key)
  VALUES (CASE WHEN NEW.status IS NOT OLD.status OR NEW.version IS NOT OLD.version THEN 'queue' ELSE 'item' END, NEW.id);
END;
CREATE TRIGGER changes_batch_insert AFTER INSERT ON batches BEGIN
  INSERT INTO changes (kind, key) VALUES ('batch', NEW.id);
END;
CREATE TRIGGER changes_batch_update AFTER UPDATE ON batches BEGIN
  INSERT INTO changes (kind, key) VALUES ('batch', NEW.id);
END;
CREATE TRIGGER changes_settings_insert AFTER INSERT ON settings BEGIN
  INSERT INTO changes (kind, key) VALUES ('settings', NEW.key);
END;
CREATE TRIGGER changes_settings_update AFTER UPDATE ON settings BEGIN
  INSERT INTO changes (kind, key) VALUES ('settings', NEW.key);
END;
CREATE TRIGGER changes_keep_newest AFTER INSERT ON changes BEGIN
  DELETE FROM changes WHERE seq <= NEW.seq - 10000;
END;

ALTER TABLE item_revisions ADD COLUMN body_is_item INTEGER NOT NULL DEFAULT 0;
CREATE INDEX item_revisions_body_is_item ON item_revisions (item_id, revision) WHERE body_is_item = 1;

-- The EXISTS repeats the UPDATE's condition so that a fold, which finds nothing to copy, does not
-- run the UPDATE at all: it changes the column its index is chosen by, so it opens a scratch table.
CREATE TRIGGER item_revisions_keep_body AFTER UPDATE OF body_json ON items
WHEN old.body_json IS NOT new.body_json AND EXISTS (
  SELECT 1 FROM item_revisions WHERE item_id = old.id AND body_is_item = 1 AND NOT (revision = new.revision AND revision > old.revision)
)
BEGIN
  UPDATE item_revisions
  SET fields_json = substr(fields_json, 1, length(fields_json) - 1) || ',"body":' || old.body_json || '}', body_is_item = 0
  WHERE item_id = old.id AND body_is_item = 1 AND NOT (revision = new.revision AND revision > old.revision);
END;
`;
