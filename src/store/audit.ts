/** The audit log: every workflow step and content save, who and when. */
import type { AuditRecord } from '../core/records';
import { type Db, stmt } from './db';

export function addAudit(db: Db, itemId: string, e: AuditRecord): void {
  stmt(db, 'INSERT INTO audit_log (item_id, action, from_status, to_status, version, note, at, by, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    itemId,
    e.action,
    e.fromStatus,
    e.toStatus,
    e.version,
    e.note,
    e.at,
    e.by,
    e.revision ?? null,
  );
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
