/** The audit log: every workflow step and content save, who and when. */
import type { AuditRecord } from '../core/records';
import { type Db, stmt } from './db';

export function addAudit(db: Db, itemId: string, e: AuditRecord): void {
  addAudits(db, [{ itemId, ...e }]);
}

/** Audit records of many items (a bulk step) in one statement: a statement per record costs more than its row. */
export function addAudits(db: Db, records: readonly (AuditRecord & { itemId: string })[]): void {
  const rows = records.map((e) => [e.itemId, e.action, e.fromStatus, e.toStatus, e.version, e.note, e.at, e.by, e.revision ?? null]);
  stmt(
    db,
    `INSERT INTO audit_log (item_id, action, from_status, to_status, version, note, at, by, revision)
     SELECT v ->> 0, v ->> 1, v ->> 2, v ->> 3, v ->> 4, v ->> 5, v ->> 6, v ->> 7, v ->> 8 FROM (SELECT value AS v FROM json_each(?) ORDER BY key)`,
  ).run(JSON.stringify(rows));
}

/** A run of autosaves folded into one revision keeps one audit record, moved to the new revision. */
export function moveEditAudit(db: Db, itemId: string, fromRevision: number, toRevision: number, at: string): void {
  stmt(db, "UPDATE audit_log SET revision = ?, at = ? WHERE item_id = ? AND action = 'edit' AND revision = ?").run(toRevision, at, itemId, fromRevision);
}

export function auditLog(db: Db, itemId: string): AuditRecord[] {
  const rows = stmt(
    db,
    'SELECT action, from_status AS fromStatus, to_status AS toStatus, version, note, at, by, revision FROM audit_log WHERE item_id = ? ORDER BY id DESC',
  ).all(itemId) as (AuditRecord & { revision: number | null })[];
  return rows.map(({ revision, ...r }) => (revision === null ? r : { ...r, revision }));
}
