import { DeskFailure, ErrorCode } from '../core/errors';
import { ITEM_STATUSES, type ItemFields, type ItemStatus, type ItemSummary, type WireItem, pickFields } from '../core/item';
import { type SerializedBody, bodyToPlainText } from '../core/richtext';
import type { HistoryEntry, Page } from '../core/records';
import { type Db, stmt } from './db';
import { SHORT_PREFIX, SNIPPET_TEXT, ftsQuery, indexTerm, matchDrivenMax, searchWords, snippetOf } from './search';

export { ftsQuery, matchDrivenMax, snippetOf };

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

/** The workflow state of an item: what a transition or a publish may change. */
const STATE_COLUMNS = [
  'subscriber_note', 'status', 'held_from', 'version', 'revision', 'published_version', 'return_note', 'updated_at', 'updated_by',
  'first_published_at', 'version_published_at', 'approved_revision', 'reopened_at', 'reopened_by', 'kill_reason', 'killed_at', 'killed_by',
  'version_started_at',
] as const satisfies readonly (keyof ItemRow)[];

/** An item without its text: enough for a workflow step and its list row. */
export type ItemState = Pick<
  StoredItem,
  | 'id' | 'slug' | 'headline' | 'urgency' | 'category' | 'embargo' | 'subscriberNote' | 'status' | 'heldFrom' | 'version' | 'revision'
  | 'publishedVersion' | 'returnNote' | 'updatedAt' | 'updatedBy' | 'firstPublishedAt' | 'versionPublishedAt' | 'approvedRevision'
  | 'reopened' | 'kill' | 'versionStartedAt'
>;


type StateRow = Pick<ItemRow, (typeof STATE_COLUMNS)[number]>;
type WorkflowState = Omit<ItemState, 'id' | 'slug' | 'headline' | 'urgency' | 'category' | 'embargo'>;

/** The workflow-state columns as the item's fields: the one mapping for whole rows and state-only ones. */
function stateFromRow(r: StateRow): WorkflowState {
  return {
    subscriberNote: r.subscriber_note,
    status: r.status,
    heldFrom: r.held_from,
    version: r.version,
    revision: r.revision,
    publishedVersion: r.published_version,
    returnNote: r.return_note,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    firstPublishedAt: r.first_published_at,
    versionPublishedAt: r.version_published_at,
    approvedRevision: r.approved_revision,
    reopened: r.reopened_at !== null ? { at: r.reopened_at, by: r.reopened_by ?? '' } : null,
    kill: r.killed_at !== null ? { reason: r.kill_reason ?? '', at: r.killed_at, by: r.killed_by ?? '' } : null,
    versionStartedAt: r.version_started_at,
  };
}

function stateToRow(s: WorkflowState): StateRow {
  return {
    subscriber_note: s.subscriberNote,
    status: s.status,
    held_from: s.heldFrom,
    version: s.version,
    revision: s.revision,
    published_version: s.publishedVersion,
    return_note: s.returnNote,
    updated_at: s.updatedAt,
    updated_by: s.updatedBy,
    first_published_at: s.firstPublishedAt,
    version_published_at: s.versionPublishedAt,
    approved_revision: s.approvedRevision,
    reopened_at: s.reopened?.at ?? null,
    reopened_by: s.reopened?.by ?? null,
    kill_reason: s.kill?.reason ?? null,
    killed_at: s.kill?.at ?? null,
    killed_by: s.kill?.by ?? null,
    version_started_at: s.versionStartedAt,
  };
}

function fromRow(r: ItemRow): StoredItem {
  return itemFromRow(r, JSON.parse(r.body_json) as SerializedBody);
}

/** The item of a row with the body given (parsed, or left out where only its stored JSON text is compared). */
function itemFromRow<B>(r: ItemRow, body: B): Omit<StoredItem, 'body'> & { body: B } {
  return {
    ...stateFromRow(r),
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
    language: r.language,
    body,
    bodyText: r.body_text,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

function toRow(i: StoredItem, bodyJson = JSON.stringify(i.body)): ItemRow {
  return {
    ...stateToRow(i),
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
    language: i.language,
    body_json: bodyJson,
    body_text: i.bodyText,
    created_at: i.createdAt,
    created_by: i.createdBy,
  };
}

/** A new item as stored: a draft at version 1, revision 1, by `by` at `at`; callers override what differs. */
export function newStoredItem(fields: ItemFields, o: { id: string; at: string; by: string }): StoredItem {
  return {
    ...pickFields(fields),
    id: o.id,
    bodyText: bodyToPlainText(fields.body),
    status: 'draft',
    heldFrom: null,
    version: 1,
    revision: 1,
    publishedVersion: 0,
    returnNote: null,
    createdAt: o.at,
    updatedAt: o.at,
    createdBy: o.by,
    updatedBy: o.by,
    firstPublishedAt: null,
    versionPublishedAt: null,
    approvedRevision: null,
    reopened: null,
    kill: null,
    versionStartedAt: null,
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

  private readonly updateStateStmt;
  private readonly getStateStmt;
  private readonly countsStmt;
  private readonly prefixDocs;
  private readonly snippetStmt;

  constructor(readonly db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO items (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`);
    this.updateStmt = db.prepare(`UPDATE items SET ${COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
    this.getStmt = db.prepare('SELECT * FROM items WHERE id = ?');
    // A workflow step touches only these: the row is not re-indexed and its text not re-read.
    this.updateStateStmt = db.prepare(`UPDATE items SET ${STATE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
    this.getStateStmt = db.prepare(`SELECT id, ${STATE_COLUMNS.join(', ')}, slug, headline, urgency, category, embargo FROM items WHERE id = ?`);
    this.countsStmt = db.prepare('SELECT status, n FROM status_counts');
    this.prefixDocs = db.prepare('SELECT coalesce(sum(doc), 0) FROM items_fts_terms WHERE term >= ? AND term < ?').pluck();
    this.snippetStmt = db.prepare(`SELECT snippet(items_fts, -1, '[[', ']]', '…', 14) FROM items_fts WHERE items_fts MATCH ? AND rowid = ?`).pluck();
    this.revisionInsert = db.prepare(
      'INSERT INTO item_revisions (item_id, revision, version, fields_json, changed, saved_at, saved_by, note, session, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(id: string): StoredItem | null {
    const r = this.getStmt.get(id) as ItemRow | undefined;
    return r ? fromRow(r) : null;
  }

  /** An item with its body left as stored, JSON text: what a save compares its new body against, without parsing it. */
  getForSave(id: string): { item: Omit<StoredItem, 'body'>; bodyJson: string } | null {
    const r = this.getStmt.get(id) as ItemRow | undefined;
    return r ? { item: itemFromRow(r, undefined), bodyJson: r.body_json } : null;
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

  /** Write the whole item; `bodyJson` is its body's JSON text when the caller has it (a save). */
  update(item: StoredItem, bodyJson?: string): void {
    this.updateStmt.run(toRow(item, bodyJson));
  }

  /** An item's workflow state and list fields, without its text (transitions, the export commit). */
  getState(id: string): ItemState | null {
    const r = this.getStateStmt.get(id) as (Pick<ItemRow, 'id' | 'slug' | 'headline' | 'urgency' | 'category' | 'embargo'> & Pick<ItemRow, (typeof STATE_COLUMNS)[number]>) | undefined;
    if (!r) return null;
    return { ...stateFromRow(r), id: r.id, slug: r.slug, headline: r.headline, urgency: r.urgency, category: r.category, embargo: r.embargo };
  }

  /** Write only the workflow state (status, versions, approval, kill, who and when). */
  updateState(s: ItemState): void {
    this.updateStateStmt.run({ id: s.id, ...stateToRow(s) });
  }

  /** A new revision row; `fields` may come as their JSON text (a save has it at hand). */
  addRevision(item: StoredItem, fields: ItemFields | string, changed: string[], note = '', session = ''): void {
    const json = typeof fields === 'string' ? fields : JSON.stringify(fields);
    this.revisionInsert.run(item.id, item.revision, item.version, json, JSON.stringify(changed), item.updatedAt, item.updatedBy, note, session, item.updatedAt);
  }

  /** The newest revision row, as far as folding autosaves into it needs. */
  latestRevision(id: string): { revision: number; version: number; session: string; note: string; openedAt: string; savedAt: string; changed: string[] } | null {
    const r = stmt(this.db, 'SELECT revision, version, session, note, opened_at AS openedAt, saved_at AS savedAt, changed FROM item_revisions WHERE item_id = ? ORDER BY revision DESC LIMIT 1')
      .get(id) as { revision: number; version: number; session: string; note: string; openedAt: string; savedAt: string; changed: string } | undefined;
    return r ? { ...r, changed: JSON.parse(r.changed) as string[] } : null;
  }

  /** Fold a save into the newest revision: it takes the new number, fields and time. */
  foldIntoRevision(previous: number, item: StoredItem, fields: ItemFields | string, changed: string[]): void {
    stmt(this.db, 'UPDATE item_revisions SET revision = ?, fields_json = ?, changed = ?, saved_at = ?, saved_by = ? WHERE item_id = ? AND revision = ?')
      .run(item.revision, typeof fields === 'string' ? fields : JSON.stringify(fields), JSON.stringify(changed), item.updatedAt, item.updatedBy, item.id, previous);
  }

  revisions(id: string): HistoryEntry[] {
    const rows = stmt(this.db, 'SELECT revision, version, changed, saved_at, saved_by, note FROM item_revisions WHERE item_id = ? ORDER BY revision DESC')
      .all(id) as { revision: number; version: number; changed: string; saved_at: string; saved_by: string; note: string }[];
    return rows.map((r) => ({ revision: r.revision, version: r.version, changed: JSON.parse(r.changed) as string[], savedAt: r.saved_at, savedBy: r.saved_by, note: r.note }));
  }

  revisionFields(id: string, revision: number): ItemFields | null {
    const r = stmt(this.db, 'SELECT fields_json FROM item_revisions WHERE item_id = ? AND revision = ?').get(id, revision) as { fields_json: string } | undefined;
    return r ? (JSON.parse(r.fields_json) as ItemFields) : null;
  }

  /** Desk list: newest first, keyset-paginated on (updated_at, id). */
  list(statuses: readonly ItemStatus[], limit: number, cursor?: string | null): Page<ItemSummary> {
    const after = decodeCursor(cursor, 2);
    // Everything but the spiked list walks the updated-time index and stops after one page;
    // an IN list over several statuses would sort every matching row first.
    const allButSpiked = statuses.length === ITEM_STATUSES.length - 1 && !statuses.includes('spiked');
    const params: (string | number)[] = allButSpiked ? [] : [...statuses];
    let where = allButSpiked ? "status != 'spiked'" : `status IN (${statuses.map(() => '?').join(', ')})`;
    if (after) {
      where += ' AND (updated_at, id) < (?, ?)';
      params.push(after[0]!, after[1]!);
    }
    const rows = stmt(this.db, `SELECT ${SUMMARY_COLUMNS} FROM items WHERE ${where} ORDER BY updated_at DESC, id DESC LIMIT ?`)
      .all(...params, limit + 1) as SummaryRow[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(summaryFromRow), next: more && last ? encodeCursor([last.updated_at, last.id]) : null };
  }

  /** Queue: most urgent first, then newest; filters and FTS search. Keyset on (urgency, updated_at, id). */
  /** The queue page's SQL: which plan a search takes depends on how many items hold its rarest word. */
  private queueSql(f: QueueFilter, limit: number, cursor?: string | null): { sql: string; params: (string | number)[]; match: string | null; matchDriven: boolean } {
    const after = decodeCursor(cursor, 3);
    const params: (string | number)[] = [];
    const where: string[] = [`i.status IN (${f.statuses.map(() => '?').join(', ')})`];
    params.push(...f.statuses);
    let from = 'items i';
    let snippet = '';
    const match = f.search ? ftsQuery(f.search) : null;
    const matchDriven = match !== null && this.matchBound(f.search!) <= matchDrivenMax(limit, this.deskSize());
    if (match && matchDriven) {
      // A rare word: its matches drive the search (CROSS JOIN keeps them the outer loop), so
      // only its own rows are read, not every row of the tab.
      from = 'items_fts CROSS JOIN items i ON i.rowid = items_fts.rowid';
      where.push('items_fts MATCH ?');
      params.push(match);
    } else if (match) {
      // A common word: the queue index walks the tab in order and stops after one page; the
      // matches are only a set to test each row against.
      where.push('i.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)');
      params.push(match);
    }
    // Snippets are made for the page's rows only (snippet() in the query would make one per match).
    if (match) snippet = `, i.rowid AS rid, substr(i.body_text, 1, ${SNIPPET_TEXT}) AS head_text`;
    if (f.category) {
      where.push('i.category = ?');
      params.push(f.category);
    }
    if (f.urgency !== undefined) {
      where.push('i.urgency = ?');
      params.push(f.urgency);
    }
    if (f.editor) {
      where.push('(i.created_by = ? OR i.updated_by = ?)');
      params.push(f.editor, f.editor);
    }
    if (after) {
      where.push('(i.urgency > ? OR (i.urgency = ? AND (i.updated_at < ? OR (i.updated_at = ? AND i.id < ?))))');
      params.push(after[0]!, after[0]!, after[1]!, after[1]!, after[2]!);
    }
    let cols = SUMMARY_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ');
    // For a killed item, the batch that carried the kill (none while it waits).
    if (f.withBatch) cols += ", (SELECT max(b.batch_id) FROM batch_items b WHERE b.item_id = i.id AND (i.status != 'killed' OR b.kind = 'kill')) AS batch_id";
    params.push(limit + 1);
    const sql = `SELECT ${cols}${snippet} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY i.urgency ASC, i.updated_at DESC, i.id DESC LIMIT ?`;
    return { sql, params, match, matchDriven };
  }

  /** EXPLAIN QUERY PLAN of a queue page (tests check it uses the intended index). */
  queuePlan(f: QueueFilter, limit = 100): string[] {
    const { sql, params } = this.queueSql(f, limit);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  }

  queue(f: QueueFilter, limit: number, cursor?: string | null): Page<ItemSummary> {
    const { sql, params, match } = this.queueSql(f, limit, cursor);
    const rows = stmt(this.db, sql).all(...params) as (SummaryRow & { rid?: number; head_text?: string })[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    if (match) {
      const terms = searchWords(f.search!).map(indexTerm);
      for (const r of page) {
        r.snippet = snippetOf(r.head_text!, terms) ?? snippetOf(r.headline, terms) ?? snippetOf(r.slug, terms) ?? (this.snippetStmt.get(match, r.rid) as string);
        delete r.rid;
        delete r.head_text;
      }
    }
    const last = page[page.length - 1];
    return { items: page.map(summaryFromRow), next: more && last ? encodeCursor([last.urgency, last.updated_at, last.id]) : null };
  }

  /** At most how many items match what was typed: the count of its rarest word (as a prefix). */
  matchBound(text: string): number {
    let bound = Number.POSITIVE_INFINITY;
    for (const word of searchWords(text)) {
      const term = indexTerm(word);
      if (term.length < SHORT_PREFIX) continue;
      // Every word matches as a prefix: the items holding any term that starts with it.
      const docs = (this.prefixDocs.get(term, term + '\u{10FFFF}') as number) ?? 0;
      bound = Math.min(bound, docs);
    }
    return bound;
  }

  /** Items on the desk, every status (from the kept counts). */
  private deskSize(): number {
    return Object.values(this.countsByStatus()).reduce((a, b) => a + b, 0);
  }

  /** Items per status, kept by triggers (migration 90): no count over the index. */
  countsByStatus(): Record<ItemStatus, number> {
    const counts: Record<ItemStatus, number> = { draft: 0, submitted: 0, approved: 0, held: 0, published: 0, killed: 0, spiked: 0 };
    for (const r of this.countsStmt.all() as { status: ItemStatus; n: number }[]) counts[r.status] = r.n;
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
