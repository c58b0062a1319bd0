/**
 * Version 160: a workflow step maintains one index fewer.
 *  - items_by_updated (updated_at, id) is a prefix of items_list_order (updated_at, id, status,
 *    migration 110), which serves every query it served; yet every step rewrites updated_at, so
 *    each approve, hold or publish paid for both.
 * Shipped: never edit.
 */
export const version = 160;
export const sql = /* sql */ `
DROP INDEX items_by_updated;
`;
