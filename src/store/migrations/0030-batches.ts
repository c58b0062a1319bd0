/**
 * Version 30: export batches. A batch is written in three steps (see service/batches):
 * 'writing' (items reserved, file not yet complete), 'committed' (items published; the
 * file is rebuilt from the snapshots if the process died before the rename), 'written'.
 * Shipped: never edit.
 */
export const version = 30;
export const sql = /* sql */ `
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('writing','committed','written')),
  format TEXT NOT NULL,
  ndjson INTEGER NOT NULL,
  folder TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT,
  bytes INTEGER,
  item_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  error TEXT
) STRICT;

CREATE TABLE batch_items (
  batch_id INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  item_id TEXT NOT NULL REFERENCES items (id),
  version INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('publish','kill')),
  snapshot_json TEXT NOT NULL,
  PRIMARY KEY (batch_id, seq)
) STRICT;

-- One entry per item version (and kind) across all batches: no double publication.
CREATE UNIQUE INDEX batch_items_once ON batch_items (item_id, version, kind);
CREATE INDEX batches_by_state ON batches (state, id);
`;
