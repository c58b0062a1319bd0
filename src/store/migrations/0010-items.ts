/** Version 10: items, their revisions, the audit log of state changes, desk settings. Shipped: never edit. */
export const version = 10;
export const sql = /* sql */ `
CREATE TABLE items (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL,
  headline TEXT NOT NULL,
  dateline_place TEXT NOT NULL,
  dateline_date TEXT NOT NULL,
  dateline_agency TEXT NOT NULL,
  category TEXT NOT NULL,
  source TEXT NOT NULL,
  byline TEXT NOT NULL,
  sign_off TEXT NOT NULL,
  urgency INTEGER NOT NULL CHECK (urgency BETWEEN 1 AND 9),
  embargo TEXT,
  keywords TEXT NOT NULL,
  editor_note TEXT NOT NULL,
  language TEXT NOT NULL,
  body_json TEXT NOT NULL,
  body_text TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft','submitted','approved','held','published','killed','spiked')),
  held_from TEXT,
  version INTEGER NOT NULL CHECK (version >= 1),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  published_version INTEGER NOT NULL DEFAULT 0,
  return_note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  first_published_at TEXT,
  version_published_at TEXT
) STRICT;

CREATE INDEX items_by_status_updated ON items (status, updated_at DESC, id DESC);
CREATE INDEX items_by_updated ON items (updated_at DESC, id DESC);

CREATE TABLE item_revisions (
  item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  version INTEGER NOT NULL,
  fields_json TEXT NOT NULL,
  changed TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (item_id, revision)
) STRICT;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  item_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  version INTEGER NOT NULL,
  note TEXT NOT NULL,
  at TEXT NOT NULL,
  by TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_item ON audit_log (item_id, id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
