import { DeskFailure, ErrorCode } from '../core/errors';
import { ITEM_STATUSES, type ItemFields, type ItemStatus, type ItemSummary, type WireItem } from '../core/item';
import type { SerializedBody } from '../core/richtext';
import type { HistoryEntry, Page } from '../core/records';
import type { Db } from './db';

interface ItemRow {
  id: string;
  slug: string;
  headline: string;
  dateline_place: string;
  dateline_date: string;
  dateline_agency: string;
  category: string;
  source: string;
  byline: string;
  sign_off: string;
  urgency: number;
  embargo: string | null;
  keywords: string;
  editor_note: string;
  subscriber_note: string;
  language: string;
  body_json: string;
  body_text: string;
  status: ItemStatus;
  held_from: ItemStatus | null;
  version: number;
  revision: number;
  published_version: number;
  return_note: string | null;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
  first_published_at: string | null;
  version_published_at: string | null;
  approved_revision: number | null;
  reopened_at: string | null;
  reopened_by: string | null;
  kill_reason: string | null;
  killed_at: string | null;
  killed_by: string | null;
  version_started_at: string | null;
}

export interface StoredItem extends WireItem {
  heldFrom: ItemStatus | null;
}

function fromRow(r: ItemRow): StoredItem {
  return {
    id: r.id,
    slug: r.slug,
    headline: r.headline,
    dateline: { place: r.dateline_place, date: r.dateline_date, agency: r.dateline_agency },
    category: r.category,
    source: r.source,
    byline: r.byline,
    signOff: r.sign_off,
    urgency: r.urgency,
    embargo: r.embargo,
    keywords: JSON.parse(r.keywords) as string[],
    editorNote: r.editor_note,
    subscriberNote: r.subscriber_note,
    language: r.language,
    body: JSON.parse(r.body_json) as SerializedBody,
    bodyText: r.body_text,
    status: r.status,
    heldFrom: r.held_from,
    version: r.version,
    revision: r.revision,
    publishedVersion: r.published_version,
    returnNote: r.return_note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    firstPublishedAt: r.first_published_at,
    versionPublishedAt: r.version_published_at,
    approvedRevision: r.approved_revision,
    reopened: r.reopened_at !== null ? { at: r.reopened_at, by: r.reopened_by ?? '' } : null,
    kill: r.killed_at !== null ? { reason: r.kill_reason ?? '', at: r.killed_at, by: r.killed_by ?? '' } : null,
    versionStartedAt: r.version_started_at,
  };
}

function toRow(i: StoredItem): ItemRow {
  return {
    id: i.id,
    slug: i.slug,
    headline: i.headline,
    dateline_place: i.dateline.place,
    dateline_date: i.dateline.date,
    dateline_agency: i.dateline.agency,
    category: i.category,
    source: i.source,
    byline: i.byline,
    sign_off: i.signOff,
    urgency: i.urgency,
    embargo: i.embargo,
    keywords: JSON.stringify(i.keywords),
    editor_note: i.editorNote,
    subscriber_note: i.subscriberNote,
    language: i.language,
    body_json: JSON.stringify(i.body),
    body_text: i.bodyText,
    status: i.status,
    held_from: i.heldFrom,
    version: i.version,
    revision: i.revision,
    published_version: i.publishedVersion,
    return_note: i.returnNote,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    created_by: i.createdBy,
    updated_by: i.updatedBy,
    first_published_at: i.firstPublishedAt,
    version_published_at: i.versionPublishedAt,
    approved_revision: i.approvedRevision,
    reopened_at: i.reopened?.at ?? null,
    reopened_by: i.reopened?.by ?? null,
    kill_reason: i.kill?.reason ?? null,
    killed_at: i.kill?.at ?? null,
    killed_by: i.kill?.by ?? null,
    version_started_at: i.versionStartedAt,
  };
}

const COLUMNS: readonly (keyof ItemRow)[] = [
  'id', 'slug', 'headline', 'dateline_place', 'dateline_date', 'dateline_agency', 'category', 'source', 'byline', 'sign_off', 'urgency',
  'embargo', 'keywords', 'editor_note', 'language', 'body_json', 'body_text', 'status', 'held_from', 'version', 'revision', 'published_version',
  'return_note', 'created_at', 'updated_at', 'created_by', 'updated_by', 'first_published_at', 'version_published_at',
  'subscriber_note', 'approved_revision', 'reopened_at', 'reopened_by', 'kill_reason', 'killed_at', 'killed_by', 'version_started_at',
];
const SUMMARY_COLUMNS = 'id, slug, headline, status, urgency, category, version, embargo, updated_at, updated_by, reopened_at, reopened_by, kill_reason, killed_at, killed_by';

interface SummaryRow {
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

function summaryFromRow(r: SummaryRow): ItemSummary {
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

export interface QueueFilter {
  statuses: readonly ItemStatus[];
  /** Also name the latest batch that carried each item. */
  withBatch?: boolean;
  category?: string;
  urgency?: number;
  editor?: string;
  search?: string;
}

/** FTS5 query from what an editor typed: every word must match, as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}
/** A page link as handed out by encodeCursor; anything else (forged, damaged, from another list) is refused. */
function decodeCursor(c: string | undefined | null, parts: number): (string | number)[] | null {
  if (!c) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
  } catch {
    v = null;
  }
  if (Array.isArray(v) && v.length === parts && v.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isFinite(p)))) return v as (string | number)[];
  throw new DeskFailure(ErrorCode.InvalidArgument, 'This page link is damaged or out of date; start again from the first page.');
}

/** The items and their revisions (SQL of those two tables), prepared once per connection. */
export class ItemStore {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly getStmt;
  private readonly revisionInsert;

  constructor(readonly db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO items (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`);
    this.updateStmt = db.prepare(`UPDATE items SET ${COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
    this.getStmt = db.prepare('SELECT * FROM items WHERE id = ?');
    this.revisionInsert = db.prepare(
      'INSERT INTO item_revisions (item_id, revision, version, fields_json, changed, saved_at, saved_by, note, session, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(id: string): StoredItem | null {
    const r = this.getStmt.get(id) as ItemRow | undefined;
    return r ? fromRow(r) : null;
  }

  insert(item: StoredItem): void {
    this.insertStmt.run(toRow(item));
  }

  /** Insert many items in one transaction (seeding a large desk: the bench, tests). */
  insertMany(items: Iterable<StoredItem>): number {
    let n = 0;
    this.db.transaction(() => {
      for (const item of items) {
        this.insertStmt.run(toRow(item));
        n++;
      }
    })();
    return n;
  }

  update(item: StoredItem): void {
    this.updateStmt.run(toRow(item));
  }

  addRevision(item: StoredItem, fields: ItemFields, changed: string[], note = '', session = ''): void {
    this.revisionInsert.run(item.id, item.revision, item.version, JSON.stringify(fields), JSON.stringify(changed), item.updatedAt, item.updatedBy, note, session, item.updatedAt);
  }

  /** The newest revision row, as far as folding autosaves into it needs. */
  latestRevision(id: string): { revision: number; version: number; session: string; note: string; openedAt: string; savedAt: string; changed: string[] } | null {
    const r = this.db
      .prepare('SELECT revision, version, session, note, opened_at AS openedAt, saved_at AS savedAt, changed FROM item_revisions WHERE item_id = ? ORDER BY revision DESC LIMIT 1')
      .get(id) as { revision: number; version: number; session: string; note: string; openedAt: string; savedAt: string; changed: string } | undefined;
    return r ? { ...r, changed: JSON.parse(r.changed) as string[] } : null;
  }

  /** Fold a save into the newest revision: it takes the new number, fields and time. */
  foldIntoRevision(previous: number, item: StoredItem, fields: ItemFields, changed: string[]): void {
    this.db
      .prepare('UPDATE item_revisions SET revision = ?, fields_json = ?, changed = ?, saved_at = ?, saved_by = ? WHERE item_id = ? AND revision = ?')
      .run(item.revision, JSON.stringify(fields), JSON.stringify(changed), item.updatedAt, item.updatedBy, item.id, previous);
  }

  revisions(id: string): HistoryEntry[] {
    const rows = this.db
      .prepare('SELECT revision, version, changed, saved_at, saved_by, note FROM item_revisions WHERE item_id = ? ORDER BY revision DESC')
      .all(id) as { revision: number; version: number; changed: string; saved_at: string; saved_by: string; note: string }[];
    return rows.map((r) => ({ revision: r.revision, version: r.version, changed: JSON.parse(r.changed) as string[], savedAt: r.saved_at, savedBy: r.saved_by, note: r.note }));
  }

  revisionFields(id: string, revision: number): ItemFields | null {
    const r = this.db.prepare('SELECT fields_json FROM item_revisions WHERE item_id = ? AND revision = ?').get(id, revision) as { fields_json: string } | undefined;
    return r ? (JSON.parse(r.fields_json) as ItemFields) : null;
  }

  /**
   * Desk list: newest first, keyset-paginated on (updated_at, id); or, with `offset`, any slice of
   * the list and its total (a virtual list asks for the rows that scroll into view).
   */
  list(statuses: readonly ItemStatus[], limit: number, cursor?: string | null, offset?: number): Page<ItemSummary> {
    const after = offset === undefined ? decodeCursor(cursor, 2) : null;
    // Everything but the spiked list walks the updated-time index and stops after one page;
    // an IN list over several statuses would sort every matching row first.
    const allButSpiked = statuses.length === ITEM_STATUSES.length - 1 && !statuses.includes('spiked');
    const params: (string | number)[] = allButSpiked ? [] : [...statuses];
    let where = allButSpiked ? "status != 'spiked'" : `status IN (${statuses.map(() => '?').join(', ')})`;
    if (after) {
      where += ' AND (updated_at, id) < (?, ?)';
      params.push(after[0]!, after[1]!);
    }
    // By position: the skipped rows are stepped over in the list-order index (items_list_order,
    // migration 80), never read; only the page's own rows are.
    const sql =
      offset === undefined
        ? `SELECT ${SUMMARY_COLUMNS} FROM items WHERE ${where} ORDER BY updated_at DESC, id DESC LIMIT ?`
        : `SELECT ${SUMMARY_COLUMNS} FROM items WHERE rowid IN (SELECT rowid FROM items WHERE ${where} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?) ORDER BY updated_at DESC, id DESC`;
    const rows = this.db.prepare(sql).all(...params, limit + 1, ...(offset === undefined ? [] : [offset])) as SummaryRow[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const out: Page<ItemSummary> = { items: page.map(summaryFromRow), next: more && last ? encodeCursor([last.updated_at, last.id]) : null };
    if (offset !== undefined) out.total = this.db.prepare(`SELECT count(*) FROM items WHERE ${where}`).pluck().get(...params) as number;
    return out;
  }

  /** The FROM and WHERE of a queue filter (statuses aside), shared by its page and its counts. */
  private queueWhere(f: Omit<QueueFilter, 'statuses'>): { from: string; where: string[]; params: (string | number)[]; match: string | null } {
    const params: (string | number)[] = [];
    const where: string[] = [];
    let from = 'items i';
    const match = f.search ? ftsQuery(f.search) : null;
    if (match) {
      // The full-text match drives the search (CROSS JOIN keeps it the outer loop): a rare word
      // reads only its own rows, not every row of the tab.
      from = 'items_fts CROSS JOIN items i ON i.rowid = items_fts.rowid';
      where.push('items_fts MATCH ?');
      params.push(match);
    }
    if (f.category) {
      where.push('i.category = ?');
      params.push(f.category);
    }
    if (f.urgency !== undefined) {
      where.push('i.urgency = ?');
      params.push(f.urgency);
    }
    if (f.editor) {
      // Names as the desk writes them, whatever the case typed.
      where.push('(i.created_by = ? COLLATE NOCASE OR i.updated_by = ? COLLATE NOCASE)');
      params.push(f.editor, f.editor);
    }
    return { from, where, params, match };
  }

  /** How many items of each status match a queue filter (search in every tab at once). */
  queueMatches(f: Omit<QueueFilter, 'statuses'>): Record<ItemStatus, number> {
    const counts: Record<ItemStatus, number> = { draft: 0, submitted: 0, approved: 0, held: 0, published: 0, killed: 0, spiked: 0 };
    const match = f.search ? ftsQuery(f.search) : null;
    if (match && !f.category && f.urgency === undefined && !f.editor) {
      // A search alone is counted from the full-text index and the status index in one pass: the
      // matches become a set, the status index is walked once, and no item row is read.
      const rows = this.db
        .prepare('SELECT status, count(*) AS n FROM items INDEXED BY items_by_status_updated WHERE +rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) GROUP BY status')
        .all(match) as { status: ItemStatus; n: number }[];
      for (const r of rows) counts[r.status] = r.n;
      return counts;
    }
    const { from, where, params } = this.queueWhere(f);
    const sql = `SELECT i.status AS status, count(*) AS n FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY i.status`;
    for (const r of this.db.prepare(sql).all(...params) as { status: ItemStatus; n: number }[]) counts[r.status] = r.n;
    return counts;
  }

  /**
   * Queue: most urgent first, then newest; filters and FTS search. Keyset on (urgency, updated_at, id),
   * or, with `offset`, any slice and the total that matches.
   */
  queue(f: QueueFilter, limit: number, cursor?: string | null, offset?: number): Page<ItemSummary> {
    const after = offset === undefined ? decodeCursor(cursor, 3) : null;
    const { from, where: filters, params: filterParams, match } = this.queueWhere(f);
    const where: string[] = [`i.status IN (${f.statuses.map(() => '?').join(', ')})`, ...filters];
    const params: (string | number)[] = [...f.statuses, ...filterParams];
    const snippet = match ? `, snippet(items_fts, -1, '[[', ']]', '…', 14) AS snippet` : '';
    const total = offset === undefined ? undefined : (this.db.prepare(`SELECT count(*) FROM ${from} WHERE ${where.join(' AND ')}`).pluck().get(...params) as number);
    if (after) {
      where.push('(i.urgency > ? OR (i.urgency = ? AND (i.updated_at < ? OR (i.updated_at = ? AND i.id < ?))))');
      params.push(after[0]!, after[0]!, after[1]!, after[1]!, after[2]!);
    }
    let cols = SUMMARY_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ');
    // For a killed item, the batch that carried the kill (none while it waits).
    if (f.withBatch) cols += ", (SELECT max(b.batch_id) FROM batch_items b WHERE b.item_id = i.id AND (i.status != 'killed' OR b.kind = 'kill')) AS batch_id";
    const rows = this.db
      .prepare(`SELECT ${cols}${snippet} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY i.urgency ASC, i.updated_at DESC, i.id DESC LIMIT ? OFFSET ?`)
      .all(...params, limit + 1, offset ?? 0) as SummaryRow[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const out: Page<ItemSummary> = { items: page.map(summaryFromRow), next: more && last ? encodeCursor([last.urgency, last.updated_at, last.id]) : null };
    if (total !== undefined) out.total = total;
    return out;
  }

  /** Everyone who wrote or edited on this desk, A to Z (one of each, whatever the case). */
  editors(): string[] {
    // Each side walks its own index (migration 80): no item row is read.
    return this.db
      .prepare("SELECT name FROM (SELECT DISTINCT created_by AS name FROM items UNION SELECT DISTINCT updated_by FROM items) WHERE name != '' GROUP BY name COLLATE NOCASE ORDER BY name COLLATE NOCASE")
      .pluck()
      .all() as string[];
  }

  countsByStatus(): Record<ItemStatus, number> {
    const counts: Record<ItemStatus, number> = { draft: 0, submitted: 0, approved: 0, held: 0, published: 0, killed: 0, spiked: 0 };
    for (const r of this.db.prepare('SELECT status, count(*) AS n FROM items GROUP BY status').all() as { status: ItemStatus; n: number }[]) counts[r.status] = r.n;
    return counts;
  }

  /**
   * Items not spiked whose headline is one of `headlines`, with their dateline and body text:
   * what the import compares a paste against to warn of copy already on the desk.
   */
  withHeadlines(headlines: string[]): { id: string; slug: string; status: ItemStatus; headline: string; place: string; date: string; agency: string; bodyText: string }[] {
    if (headlines.length === 0) return [];
    return this.db
      .prepare(
        `SELECT id, slug, status, headline, dateline_place AS place, dateline_date AS date, dateline_agency AS agency, body_text AS bodyText
         FROM items WHERE status != 'spiked' AND headline IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(headlines)) as ReturnType<ItemStore['withHeadlines']>;
  }
}

/** Which items a preview export takes, a page of ids at a time in id order. */
export interface ItemSelection {
  statuses?: readonly ItemStatus[];
  ids?: readonly string[];
  /** ISO time: items updated at or after it. */
  since?: string;
}

export function selectionPage(db: Db, sel: ItemSelection, after: string, limit: number): string[] {
  const where: string[] = ['id > ?'];
  const params: string[] = [after];
  if (sel.statuses) {
    where.push(`status IN (${sel.statuses.map(() => '?').join(', ')})`);
    params.push(...sel.statuses);
  }
  if (sel.ids) {
    where.push(`id IN (${sel.ids.map(() => '?').join(', ')})`);
    params.push(...sel.ids);
  }
  if (sel.since) {
    where.push('updated_at >= ?');
    params.push(sel.since);
  }
  return db.prepare(`SELECT id FROM items WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`).pluck().all(...params, limit) as string[];
}
