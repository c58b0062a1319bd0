/**
 * Version 130: changes made together go to the shared desk together.
 *  - hub_outbox.grp: the one editor action a change belongs to (a bulk approve of five items is
 *    one group of five). The hub applies a group in one transaction: all of it, or none.
 *    Changes queued before this version have none and go alone.
 * Shipped: never edit.
 */
export const version = 130;
export const sql = /* sql */ `
ALTER TABLE hub_outbox ADD COLUMN grp TEXT;
`;
