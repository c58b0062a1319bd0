/**
 * The items table read as lists: the desk list, the queue with its search plans, per-tab
 * counts and the desk's editors (SQL of the items table's pages; ItemStore builds on it).
 */
import type { ItemStatus, ItemSummary } from '../core/item';
import type { Page } from '../core/records';
import { type Db, stmt } from './db';
import { SUMMARY_COLUMNS, type SummaryRow, decodeCursor, encodeCursor, listPage, listWhere, summaryFromRow } from './listRows';
import { SHORT_PREFIX, SNIPPET_TEXT, countByMatches, ftsQuery, indexTerm, matchDrivenMax, searchWords, snippetOf } from './search';
import { indexPending } from './searchIndex';

export interface QueueFilter {
  statuses: readonly ItemStatus[];
  /** Also name the latest batch that carried each item. */
  withBatch?: boolean;
  category?: string;
  urgency?: number;
  editor?: string;
  search?: string;
}

const noCounts = (): Record<ItemStatus, number> => ({ draft: 0, submitted: 0, approved: 0, held: 0, published: 0, killed: 0, spiked: 0 });

type SnippetRow = SummaryRow & { rid?: number; head_text?: string; src_text?: string; kw_text?: string };

export class ItemLists {
  private readonly countsStmt;
  private readonly prefixDocs;
  private readonly bodyTextStmt;

  constructor(readonly db: Db) {
    this.countsStmt = db.prepare('SELECT status, n FROM status_counts');
    this.prefixDocs = db.prepare('SELECT coalesce(sum(doc), 0) FROM items_fts_terms WHERE term >= ? AND term < ?').pluck();
    this.bodyTextStmt = db.prepare('SELECT body_text FROM items WHERE rowid = ?').pluck();
  }

  /**
   * Desk list: newest first, keyset-paginated on (updated_at, id); or, with `offset`, any slice of
   * the list and its total (a virtual list asks for the rows that scroll into view).
   */
  list(statuses: readonly ItemStatus[], limit: number, cursor?: string | null, offset?: number): Page<ItemSummary> {
    const unique = [...new Set(statuses)];
    if (offset !== undefined) return this.slice(unique, limit, offset);
    const after = decodeCursor(cursor, 2);
    const { where, params } = listWhere(unique);
    const keyset = after ? ' AND (updated_at, id) < (?, ?)' : '';
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM items WHERE ${where}${keyset} ORDER BY updated_at DESC, id DESC LIMIT ?`;
    return listPage(stmt(this.db, sql).all(...params, ...(after ?? []), limit + 1) as SummaryRow[], limit);
  }

  /**
   * Rows offset to offset + limit of the desk list, and its total, as of one moment. The skipped
   * rows are stepped over in the list-order index (items_list_order, migration 110), never read;
   * past the middle the index is stepped from its other end, so no slice passes more than half
   * the list. That needs the exact total first: it is kept by triggers (migration 90) and read
   * in the same transaction as the rows.
   */
  private slice(statuses: readonly ItemStatus[], limit: number, offset: number): Page<ItemSummary> {
    const { where, params } = listWhere(statuses);
    return this.db.transaction(() => {
      const total = this.countOf(statuses);
      const want = Math.min(limit + 1, Math.max(0, total - offset)); // the page and one more, to tell whether more follow
      const fromEnd = Math.max(0, total - offset - want);
      const dir = fromEnd < offset ? 'ASC' : 'DESC';
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM items WHERE rowid IN (SELECT rowid FROM items WHERE ${where} ORDER BY updated_at ${dir}, id ${dir} LIMIT ? OFFSET ?) ORDER BY updated_at DESC, id DESC`;
      const rows = stmt(this.db, sql).all(...params, want, dir === 'ASC' ? fromEnd : offset) as SummaryRow[];
      return { ...listPage(rows, limit), total };
    })();
  }

  /** Items in these statuses, from the kept counts. */
  private countOf(statuses: readonly ItemStatus[]): number {
    const counts = this.countsByStatus();
    return statuses.reduce((n, s) => n + counts[s], 0);
  }

  /**
   * The FROM and WHERE of a queue filter (statuses aside), shared by its page and its counts.
   * Which plan a search takes depends on how many items hold its rarest word; `reach` is how
   * many rows in queue order a page must pass (its offset and limit).
   */
  private queueWhere(f: Omit<QueueFilter, 'statuses'>, reach: number): { from: string; where: string[]; params: (string | number)[]; match: string | null } {
    const params: (string | number)[] = [];
    const where: string[] = [];
    let from = 'items i';
    const match = f.search ? ftsQuery(f.search) : null;
    if (match && this.matchBound(f.search!) <= matchDrivenMax(reach, this.deskSize())) {
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
    const counts = noCounts();
    const match = f.search ? ftsQuery(f.search) : null;
    if (match) indexPending(this.db); // a search finds what was saved, and not what was deleted from it
    if (match && !f.category && f.urgency === undefined && !f.editor) {
      // A search alone: a rare word reads only its matches' rows; a common one is counted from the
      // full-text index and the status index in one pass (the matches become a set, the status
      // index is walked once, and no item row is read).
      const sql = countByMatches(this.matchBound(f.search!), this.deskSize())
        ? 'SELECT i.status AS status, count(*) AS n FROM items_fts CROSS JOIN items i ON i.rowid = items_fts.rowid WHERE items_fts MATCH ? GROUP BY i.status'
        : 'SELECT status, count(*) AS n FROM items INDEXED BY items_by_status_updated WHERE +rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?) GROUP BY status';
      const rows = stmt(this.db, sql).all(match) as { status: ItemStatus; n: number }[];
      for (const r of rows) counts[r.status] = r.n;
      return counts;
    }
    const { from, where, params } = this.queueWhere(f, this.deskSize());
    const sql = `SELECT i.status AS status, count(*) AS n FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY i.status`;
    for (const r of stmt(this.db, sql).all(...params) as { status: ItemStatus; n: number }[]) counts[r.status] = r.n;
    return counts;
  }

  /** The queue page's SQL, and what its total is counted with when asked for by position. */
  private queueSql(f: QueueFilter, limit: number, cursor?: string | null, offset?: number) {
    const after = offset === undefined ? decodeCursor(cursor, 3) : null;
    const { from, where: filters, params: filterParams, match } = this.queueWhere(f, limit + (offset ?? 0));
    const where: string[] = [`i.status IN (${f.statuses.map(() => '?').join(', ')})`, ...filters];
    const params: (string | number)[] = [...f.statuses, ...filterParams];
    const countSql = filters.length ? `SELECT count(*) FROM ${from} WHERE ${where.join(' AND ')}` : null;
    const countParams = [...params];
    if (after) {
      where.push('(i.urgency > ? OR (i.urgency = ? AND (i.updated_at < ? OR (i.updated_at = ? AND i.id < ?))))');
      params.push(after[0]!, after[0]!, after[1]!, after[1]!, after[2]!);
    }
    let cols = SUMMARY_COLUMNS.split(', ')
      .map((c) => `i.${c}`)
      .join(', ');
    // For a killed item, the batch that carried the kill (none while it waits).
    if (f.withBatch) cols += ", (SELECT max(b.batch_id) FROM batch_items b WHERE b.item_id = i.id AND (i.status != 'killed' OR b.kind = 'kill')) AS batch_id";
    // Snippets are made for the page's rows only (snippet() in the query would make one per match).
    if (match) cols += `, i.rowid AS rid, substr(i.body_text, 1, ${SNIPPET_TEXT}) AS head_text, i.source AS src_text, i.keywords AS kw_text`;
    params.push(limit + 1, offset ?? 0);
    const sql = `SELECT ${cols} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY i.urgency ASC, i.updated_at DESC, i.id DESC LIMIT ? OFFSET ?`;
    return { sql, params, match, countSql, countParams };
  }

  /** EXPLAIN QUERY PLAN of a queue page (tests check it uses the intended index). */
  queuePlan(f: QueueFilter, limit = 100): string[] {
    const { sql, params } = this.queueSql(f, limit);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
  }

  /**
   * Queue: most urgent first, then newest; filters and FTS search. Keyset on (urgency, updated_at, id),
   * or, with `offset`, any slice and the total that matches.
   */
  queue(f: QueueFilter, limit: number, cursor?: string | null, offset?: number): Page<ItemSummary> {
    if (f.search && ftsQuery(f.search)) indexPending(this.db); // a search finds what was saved, and not what was deleted from it
    const { sql, params, match, countSql, countParams } = this.queueSql(f, limit, cursor, offset);
    const rows = stmt(this.db, sql).all(...params) as SnippetRow[];
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    if (match) {
      const terms = searchWords(f.search!).map(indexTerm);
      for (const r of page) {
        const keywords = (JSON.parse(r.kw_text!) as string[]).join(', ');
        r.snippet =
          snippetOf(r.head_text!, terms) ??
          snippetOf(r.headline, terms) ??
          snippetOf(r.slug, terms) ??
          snippetOf(r.src_text!, terms) ??
          snippetOf(keywords, terms) ??
          snippetOf(this.bodyTextStmt.get(r.rid) as string, terms) ??
          undefined;
        delete r.rid;
        delete r.head_text;
        delete r.src_text;
        delete r.kw_text;
      }
    }
    const last = page[page.length - 1];
    const out: Page<ItemSummary> = { items: page.map(summaryFromRow), next: more && last ? encodeCursor([last.urgency, last.updated_at, last.id]) : null };
    // With no filter the tab's total is the kept count; otherwise it is counted.
    if (offset !== undefined)
      out.total = countSql
        ? (stmt(this.db, countSql)
            .pluck()
            .get(...countParams) as number)
        : this.countOf(f.statuses);
    return out;
  }

  /** Everyone who wrote or edited on this desk, A to Z (one of each, whatever the case). */
  editors(): string[] {
    // Each side walks its own index (migration 110): no item row is read.
    return stmt(
      this.db,
      "SELECT name FROM (SELECT DISTINCT created_by AS name FROM items UNION SELECT DISTINCT updated_by FROM items) WHERE name != '' GROUP BY name COLLATE NOCASE ORDER BY name COLLATE NOCASE",
    )
      .pluck()
      .all() as string[];
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
    const counts = noCounts();
    for (const r of this.countsStmt.all() as { status: ItemStatus; n: number }[]) counts[r.status] = r.n;
    return counts;
  }
}
