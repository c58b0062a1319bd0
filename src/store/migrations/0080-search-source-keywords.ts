/**
 * Version 80 (issue 12): search also covers the source and the keywords (the full-text index is
 * rebuilt with two more columns; version 20 stays as shipped); a virtual list's slice by position
 * steps through the list-order index without reading rows; the desk's editors come from indexes.
 * Shipped: never edit.
 */
export const version = 80;
export const sql = /* sql */ `
DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
DROP TABLE items_fts;

CREATE VIRTUAL TABLE items_fts USING fts5 (
  slug, headline, body_text, source, keywords,
  content = 'items', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, slug, headline, body_text, source, keywords) VALUES (new.rowid, new.slug, new.headline, new.body_text, new.source, new.keywords);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, slug, headline, body_text, source, keywords) VALUES ('delete', old.rowid, old.slug, old.headline, old.body_text, old.source, old.keywords);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF slug, headline, body_text, source, keywords ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, slug, headline, body_text, source, keywords) VALUES ('delete', old.rowid, old.slug, old.headline, old.body_text, old.source, old.keywords);
  INSERT INTO items_fts (rowid, slug, headline, body_text, source, keywords) VALUES (new.rowid, new.slug, new.headline, new.body_text, new.source, new.keywords);
END;

INSERT INTO items_fts (items_fts) VALUES ('rebuild');

CREATE INDEX items_list_order ON items (updated_at DESC, id DESC, status);
CREATE INDEX items_by_creator ON items (created_by);
CREATE INDEX items_by_updater ON items (updated_by);
`;
