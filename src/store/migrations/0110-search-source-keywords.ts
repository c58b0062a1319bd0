/**
 * Version 110 (issue 12): search also covers the source and the keywords (the full-text index is
 * rebuilt with two more columns; versions 20 and 90 stay as shipped); as in 90, the index is
 * rewritten only when one of its five columns really changes. A virtual list's slice by position
 * steps through the list-order index without reading rows; the desk's editors come from indexes.
 * Shipped: never edit.
 */
export const version = 110;
export const sql = /* sql */ `
DROP TABLE items_fts_terms;
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
CREATE TRIGGER items_fts_update AFTER UPDATE OF slug, headline, body_text, source, keywords ON items
WHEN old.slug IS NOT new.slug OR old.headline IS NOT new.headline OR old.body_text IS NOT new.body_text
  OR old.source IS NOT new.source OR old.keywords IS NOT new.keywords
BEGIN
  INSERT INTO items_fts (items_fts, rowid, slug, headline, body_text, source, keywords) VALUES ('delete', old.rowid, old.slug, old.headline, old.body_text, old.source, old.keywords);
  INSERT INTO items_fts (rowid, slug, headline, body_text, source, keywords) VALUES (new.rowid, new.slug, new.headline, new.body_text, new.source, new.keywords);
END;

INSERT INTO items_fts (items_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE items_fts_terms USING fts5vocab (items_fts, 'row');

CREATE INDEX items_list_order ON items (updated_at DESC, id DESC, status);
CREATE INDEX items_by_creator ON items (created_by);
CREATE INDEX items_by_updater ON items (updated_by);
`;
