/** A list's rows as item summaries, the desk list's WHERE and pages, and the page links (cursors) of every list. */
import { DeskFailure, ErrorCode } from '../core/errors';
import { ITEM_STATUSES, type ItemStatus, type ItemSummary } from '../core/item';
import type { Page } from '../core/records';

export const SUMMARY_COLUMNS =
  'id, slug, headline, status, urgency, category, version, embargo, updated_at, updated_by, reopened_at, reopened_by, kill_reason, killed_at, killed_by';

export interface SummaryRow {
  id: string;
  slug: string;
  headline: string;
  status: ItemStatus;
  urgency: number;
  category: string;
  version: number;
  embargo: string | null;
  updated_at: string;
  updated_by: string;
  reopened_at: string | null;
  reopened_by: string | null;
  kill_reason: string | null;
  killed_at: string | null;
  killed_by: string | null;
  snippet?: string;
  batch_id?: number | null;
}

export function summaryFromRow(r: SummaryRow): ItemSummary {
  const s: ItemSummary = {
    id: r.id,
    slug: r.slug,
    headline: r.headline,
    status: r.status,
    urgency: r.urgency,
    category: r.category,
    version: r.version,
    embargo: r.embargo,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
  if (r.reopened_at !== null) s.reopened = { at: r.reopened_at, by: r.reopened_by ?? '' };
  if (r.killed_at !== null) s.kill = { reason: r.kill_reason ?? '', at: r.killed_at, by: r.killed_by ?? '' };
  if (r.snippet !== undefined) s.snippet = r.snippet;
  if (r.batch_id !== undefined) s.batchId = r.batch_id;
  return s;
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}
/** A page link as handed out by encodeCursor; anything else (forged, damaged, from another list) is refused. */
export function decodeCursor(c: string | undefined | null, parts: number): (string | number)[] | null {
  if (!c) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
  } catch {
    v = null;
  }
  if (Array.isArray(v) && v.length === parts && v.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isFinite(p))))
    return v as (string | number)[];
  throw new DeskFailure(ErrorCode.InvalidArgument, 'This page link is damaged or out of date; start again from the first page.');
}

/**
 * The desk list's statuses as SQL. Everything but the spiked list walks the updated-time index
 * and stops after one page; an IN list over several statuses would sort every matching row first.
 */
export function listWhere(statuses: readonly ItemStatus[]): { where: string; params: string[] } {
  if (statuses.length === ITEM_STATUSES.length - 1 && !statuses.includes('spiked')) return { where: "status != 'spiked'", params: [] };
  return { where: `status IN (${statuses.map(() => '?').join(', ')})`, params: [...statuses] };
}

/** A page of the desk list from up to limit + 1 rows in list order, with the link to the next. */
export function listPage(rows: SummaryRow[], limit: number): Page<ItemSummary> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(summaryFromRow), next: rows.length > limit && last ? encodeCursor([last.updated_at, last.id]) : null };
}
