/**
 * Version 50: a batch being written names its writer ("host:pid"), so a second Wiredesk
 * starting on the same desk never drops a batch that a live process is still writing.
 * Shipped: never edit.
 */
export const version = 50;
export const sql = /* sql */ `
ALTER TABLE batches ADD COLUMN owner TEXT NOT NULL DEFAULT '';
`;
