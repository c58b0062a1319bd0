/**
 * Version 120: a batch entry's body is stored once, as the bytes that went out.
 *  - batch_items.revision: the item revision an entry was reserved from, so the commit checks
 *    every entry against its item in one statement instead of parsing each snapshot. Filled in
 *    for unfinished batches (the only ones a commit can still run on).
 *  - From now on snapshot_json holds the entry's fields without `body`, the editor's tree (it
 *    went out in `wire`): what a kill repeats, a correction is read against (`bodyText`) and the
 *    batch list shows. Rows written before keep their whole snapshot; batches without `wire` are
 *    still rebuilt from it.
 * Shipped: never edit.
 */
export const version = 120;
export const sql = /* sql */ `
ALTER TABLE batch_items ADD COLUMN revision INTEGER;
UPDATE batch_items SET revision = json_extract(snapshot_json, '$.revision')
  WHERE batch_id IN (SELECT id FROM batches WHERE state IN ('writing', 'committed'));
`;
