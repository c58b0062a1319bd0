/**
 * Version 40: autosaves from one editing session within a minute fold into one revision,
 * so typing for an hour does not leave thousands of snapshots. Shipped: never edit.
 */
export const version = 40;
export const sql = /* sql */ `
ALTER TABLE item_revisions ADD COLUMN session TEXT NOT NULL DEFAULT '';
ALTER TABLE item_revisions ADD COLUMN opened_at TEXT;
UPDATE item_revisions SET opened_at = saved_at;
`;
