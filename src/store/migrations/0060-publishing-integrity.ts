/**
 * Version 60: publishing integrity.
 *  - items: the note to subscribers; the revision an approval was given to; who reopened an
 *    approved item by editing it; the kill (reason, who, when); when the current version began.
 *  - audit_log: the revision a content save made.
 *  - batches/batch_items: the exact bytes a batch was written from (frame and each entry),
 *    and each item's state before the commit (so a stuck batch can be dropped cleanly).
 * Items approved before this version count as approved at their current revision.
 * Shipped: never edit.
 */
export const version = 60;
export const sql = /* sql */ `
ALTER TABLE items ADD COLUMN subscriber_note TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN approved_revision INTEGER;
ALTER TABLE items ADD COLUMN reopened_at TEXT;
ALTER TABLE items ADD COLUMN reopened_by TEXT;
ALTER TABLE items ADD COLUMN kill_reason TEXT;
ALTER TABLE items ADD COLUMN killed_at TEXT;
ALTER TABLE items ADD COLUMN killed_by TEXT;
ALTER TABLE items ADD COLUMN version_started_at TEXT;
UPDATE items SET approved_revision = revision WHERE status = 'approved' OR (status = 'held' AND held_from = 'approved');

ALTER TABLE audit_log ADD COLUMN revision INTEGER;

ALTER TABLE batches ADD COLUMN frame_json TEXT;
ALTER TABLE batch_items ADD COLUMN wire TEXT;
ALTER TABLE batch_items ADD COLUMN prior_json TEXT;
`;
