/**
 * Version 140: a kept conflict the editor has read.
 *  - hub_outbox.dismissed_at: when the editor dismissed a change the shared desk did not take
 *    (Settings → Shared desk → Conflicts). The row stays, with both versions, for the record;
 *    it is no longer listed or counted. The shared desk's version stands either way.
 * Shipped: never edit.
 */
export const version = 140;
export const sql = /* sql */ `
ALTER TABLE hub_outbox ADD COLUMN dismissed_at TEXT;
`;
