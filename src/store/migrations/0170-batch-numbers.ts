/**
 * Version 170: a batch number is never given twice.
 *  - batches.id is an INTEGER PRIMARY KEY without AUTOINCREMENT, so SQLite gave the next batch
 *    max(id) + 1: after the newest batch was dropped (stuck, by hand), the next one took its
 *    number, and an item's audit read "Batch 4 dropped" then "publish Batch 4" of another batch.
 *  - batch_numbers keeps the last number given (see store/batches insertBatch).
 * Shipped: never edit.
 */
export const version = 170;
export const sql = /* sql */ `
CREATE TABLE batch_numbers (last INTEGER NOT NULL) STRICT;
INSERT INTO batch_numbers (last) SELECT coalesce(max(id), 0) FROM batches;
`;
