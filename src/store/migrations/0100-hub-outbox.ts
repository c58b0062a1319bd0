/**
 * Version 100: joining a shared desk (PostgreSQL hub).
 *  - hub_outbox: every change this desk makes to a shared item, one row each, with the
 *    idempotency key the hub deduplicates on; waiting until pushed, then sent or conflict
 *    (a change made on a revision the hub has moved past: both versions kept in `outcome`).
 *  - hub_shared: items that live on the hub, with the hub revision this desk's next change
 *    is made on (the last one pulled, or the one its waiting changes will reach).
 *  - hub_cursor: how far this desk has pulled the hub's item changes and audit.
 * Shipped: never edit.
 */
export const version = 100;
export const sql = /* sql */ `
CREATE TABLE hub_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  idem_key TEXT NOT NULL UNIQUE,
  item_id TEXT NOT NULL,
  action TEXT NOT NULL,
  base_revision INTEGER,
  change_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent', 'conflict')),
  outcome TEXT
);
CREATE INDEX hub_outbox_state ON hub_outbox (state, seq);
CREATE INDEX hub_outbox_item ON hub_outbox (item_id, state);

CREATE TABLE hub_shared (
  item_id TEXT PRIMARY KEY,
  hub_revision INTEGER NOT NULL
);

CREATE TABLE hub_cursor (
  name TEXT PRIMARY KEY,
  seq INTEGER NOT NULL
);
`;
