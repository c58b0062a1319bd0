/** Version 20: full-text search over slug, headline and body (FTS5, external content). Shipped: never edit. */
export const version = 20;
export const sql = /* sql */ `
CREATE VIRTUAL TABLE items_fts USING fts5 (
  slug, headline, body_text,
  content = 'items', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, slug, headline, body_text) VALUES (new.rowid, new.slug, new.headline, new.body_text);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, slug, headline, body_text) VALUES ('delete', old.rowid, old.slug, old.headline, old.body_text);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF slug, headline, body_text ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, slug, headline, body_text) VALUES ('delete', old.rowid, old.slug, old.headline, old.body_text);
  INSERT INTO items_fts (rowid, slug, headline, body_text) VALUES (new.rowid, new.slug, new.headline, new.body_text);
END;

INSERT INTO items_fts (items_fts) VALUES ('rebuild');

CREATE INDEX items_queue ON items (status, urgency, updated_at DESC, id DESC);
`;
