import { type ItemFields, type ItemStatus, fieldsJsonWithoutBody } from '../core/item';
import type { HistoryEntry } from '../core/records';
import { type Db, stmt } from './db';
import { COLUMNS, type ItemRow, type ItemState, STATE_COLUMNS, type StoredItem, fromRow, itemFromRow, stateFromRow, stateToRow, toRow } from './itemRows';
import { ItemLists } from './lists';
import { ftsQuery, matchDrivenMax, snippetOf } from './search';

export { ftsQuery, matchDrivenMax, snippetOf };

const STATE_SELECT = `id, ${STATE_COLUMNS.join(', ')}, slug, headline, urgency, category, embargo`;
type StateSelectRow = Pick<ItemRow, 'id' | 'slug' | 'headline' | 'urgency' | 'category' | 'embargo' | (typeof STATE_COLUMNS)[number]>;
function stateOfRow(r: StateSelectRow): ItemState {
  // Added to the state rather than spread into a new object: a bulk step reads thousands.
  return Object.assign(stateFromRow(r), { id: r.id, slug: r.slug, headline: r.headline, urgency: r.urgency, category: r.category, embargo: r.embargo });
}
export type { QueueFilter } from './lists';
export { type ItemState, type StoredItem, newStoredItem } from './itemRows';

/** An item as a save reads it (getForSave): without its body or its plain text. */
export interface SaveRead {
  item: Omit<StoredItem, 'body' | 'bodyText'>;
  /** Whether the stored body differs from the one being saved. */
  bodyChanged: boolean;
  row: Omit<ItemRow, 'body_json' | 'body_text'>;
}

const SAVE_READ = COLUMNS.filter((c) => c !== 'body_json' && c !== 'body_text').join(', ');
const SAVE_READ_SQL = `SELECT ${SAVE_READ} FROM items WHERE id = ?`;
const SAVE_READ_COMPARE_SQL = `SELECT ${SAVE_READ}, body_json IS NOT ? AS body_changed FROM items WHERE id = ?`;

/** The items and their revisions (SQL of those two tables), prepared once per connection. */
export class ItemStore extends ItemLists {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly getStmt;
  private readonly revisionInsert;

  private readonly updateStateStmt;
  private readonly getStateStmt;
  private readonly getStatesStmt;
  /** The body JSON this store last wrote in a save, and whose it is (see getForSave). */
  private lastBody: { id: string; json: string } | null = null;

  constructor(db: Db) {
    super(db);
    this.insertStmt = db.prepare(`INSERT INTO items (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`);
    this.updateStmt = db.prepare(
      `UPDATE items SET ${COLUMNS.filter((c) => c !== 'id')
        .map((c) => `${c} = @${c}`)
        .join(', ')} WHERE id = @id`,
    );
    this.getStmt = db.prepare('SELECT * FROM items WHERE id = ?');
    // A workflow step touches only these: the row is not re-indexed and its text not re-read.
    this.updateStateStmt = db.prepare(`UPDATE items SET ${STATE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
    this.getStateStmt = db.prepare(`SELECT ${STATE_SELECT} FROM items WHERE id = ?`);
    this.getStatesStmt = db.prepare(`SELECT ${STATE_SELECT} FROM items WHERE id IN (SELECT value FROM json_each(?))`);
    this.revisionInsert = db.prepare(
      'INSERT INTO item_revisions (item_id, revision, version, fields_json, body_is_item, changed, saved_at, saved_by, note, session, opened_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(id: string): StoredItem | null {
    const r = this.getStmt.get(id) as ItemRow | undefined;
    return r ? fromRow(r) : null;
  }

  /**
   * An item as a save reads it: without its body and plain text, which stay in the database; and
   * the row as read, for updateSaved. Whether the body changed: a body unlike the one this store
   * last wrote for the item is new (typing: the next save's), without reading the stored one; any
   * other is compared with the stored one in the database. Either way a body that differs is never
   * taken for the same, so it is written: at worst one changed elsewhere meanwhile is written again.
   */
  getForSave(id: string, bodyJson: string): SaveRead | null {
    const known = this.lastBody !== null && this.lastBody.id === id && this.lastBody.json !== bodyJson;
    const r = (known ? stmt(this.db, SAVE_READ_SQL).get(id) : stmt(this.db, SAVE_READ_COMPARE_SQL).get(bodyJson, id)) as
      (SaveRead['row'] & { body_changed?: number }) | undefined;
    return r ? { item: itemFromRow(r, undefined), bodyChanged: known || r.body_changed === 1, row: r } : null;
  }

  /**
   * Write a saved item: only the columns that differ from its row as read (getForSave), so an index
   * or trigger on a column the save left as it was does no work; the text goes with its body.
   */
  updateSaved(item: StoredItem, bodyJson: string, before: SaveRead): void {
    const row = toRow(item, bodyJson);
    const changed = COLUMNS.filter((c) => (c === 'body_json' || c === 'body_text' ? before.bodyChanged : row[c] !== before.row[c]));
    if (changed.length === 0) return;
    const params: Record<string, unknown> = { id: item.id };
    for (const c of changed) params[c] = row[c];
    stmt(this.db, `UPDATE items SET ${changed.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(params);
    if (before.bodyChanged) this.lastBody = { id: item.id, json: bodyJson };
  }

  /** Insert an item; `bodyJson` is its body's JSON text when the caller has it. */
  insert(item: StoredItem, bodyJson?: string): void {
    this.insertStmt.run(toRow(item, bodyJson));
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
    const r = this.getStateStmt.get(id) as StateSelectRow | undefined;
    return r ? stateOfRow(r) : null;
  }

  /** The states of many items in one statement (a bulk step), by id; ids not on the desk are absent. */
  getStates(ids: readonly string[]): Map<string, ItemState> {
    const rows = this.getStatesStmt.all(JSON.stringify(ids)) as StateSelectRow[];
    return new Map(rows.map((r) => [r.id, stateOfRow(r)]));
  }

  /** Write the whole workflow state of one item (status, versions, approval, kill, who and when). */
  updateState(s: ItemState): void {
    this.updateStateStmt.run({ id: s.id, ...stateToRow(s) });
  }

  /**
   * Write the workflow states of many items (a bulk step) in one statement, each item's state as
   * it was read (`before`) and as it is now. Only the columns some item changes are written: an
   * index on a column none changes is not touched (an approve by the same editor leaves
   * items_by_updater alone). One statement rather than one per item: at 1,000 items on a desk of
   * 100,000 it takes about half the time of 1,000 single-row UPDATEs (each execution sets up its
   * trigger programs and statement bookkeeping anew).
   */
  updateStates(steps: readonly { before: ItemState; after: ItemState }[]): void {
    const rows = steps.map(({ before, after }) => ({ id: after.id, old: stateToRow(before), row: stateToRow(after) }));
    const cols = STATE_COLUMNS.filter((c) => rows.some((r) => r.row[c] !== r.old[c]));
    if (cols.length === 0) return;
    // Each element is [id, ...the columns' new values]; JSON keeps TEXT, INTEGER and NULL as they are.
    const set = cols.map((c, i) => `${c} = j.value ->> ${i + 1}`).join(', ');
    stmt(this.db, `UPDATE items SET ${set} FROM json_each(?) j WHERE items.id = j.value ->> 0`).run(
      JSON.stringify(rows.map((r) => [r.id, ...cols.map((c) => r.row[c])])),
    );
  }

  /**
   * A new revision of the item as it now stands: its fields, the body left to the item's own
   * row (migration 150 copies it into the revision before the item's body changes).
   */
  addRevision(item: StoredItem, changed: string[], note = '', session = ''): void {
    this.revisionInsert.run(
      item.id,
      item.revision,
      item.version,
      fieldsJsonWithoutBody(item),
      JSON.stringify(changed),
      item.updatedAt,
      item.updatedBy,
      note,
      session,
      item.updatedAt,
    );
  }

  /** The newest revision row, as far as folding autosaves into it needs. */
  latestRevision(
    id: string,
  ): { revision: number; version: number; session: string; note: string; openedAt: string; savedAt: string; changed: string[] } | null {
    const r = stmt(
      this.db,
      'SELECT revision, version, session, note, opened_at AS openedAt, saved_at AS savedAt, changed FROM item_revisions WHERE item_id = ? ORDER BY revision DESC LIMIT 1',
    ).get(id) as { revision: number; version: number; session: string; note: string; openedAt: string; savedAt: string; changed: string } | undefined;
    return r ? { ...r, changed: JSON.parse(r.changed) as string[] } : null;
  }

  /**
   * Fold a save into the newest revision: it takes the new number, fields and time. Written before
   * the item (see migration 150): renumbered to the item's next revision, its body stays the item's.
   */
  foldIntoRevision(previous: number, item: StoredItem, changed: string[]): void {
    stmt(
      this.db,
      'UPDATE item_revisions SET revision = ?, fields_json = ?, body_is_item = 1, changed = ?, saved_at = ?, saved_by = ? WHERE item_id = ? AND revision = ?',
    ).run(item.revision, fieldsJsonWithoutBody(item), JSON.stringify(changed), item.updatedAt, item.updatedBy, item.id, previous);
  }

  revisions(id: string): HistoryEntry[] {
    const rows = stmt(this.db, 'SELECT revision, version, changed, saved_at, saved_by, note FROM item_revisions WHERE item_id = ? ORDER BY revision DESC').all(
      id,
    ) as { revision: number; version: number; changed: string; saved_at: string; saved_by: string; note: string }[];
    return rows.map((r) => ({
      revision: r.revision,
      version: r.version,
      changed: JSON.parse(r.changed) as string[],
      savedAt: r.saved_at,
      savedBy: r.saved_by,
      note: r.note,
    }));
  }

  /** A revision's fields; the body of one that is the item's current text comes from the item. */
  revisionFields(id: string, revision: number): ItemFields | null {
    const r = stmt(
      this.db,
      'SELECT r.fields_json AS fields, CASE WHEN r.body_is_item = 1 THEN i.body_json END AS body FROM item_revisions r JOIN items i ON i.id = r.item_id WHERE r.item_id = ? AND r.revision = ?',
    ).get(id, revision) as { fields: string; body: string | null } | undefined;
    if (!r) return null;
    const fields = JSON.parse(r.fields) as ItemFields;
    return r.body === null ? fields : { ...fields, body: JSON.parse(r.body) as ItemFields['body'] };
  }

  /**
   * Items not spiked whose headline is one of `headlines`, with their dateline and body text:
   * what the import compares a paste against to warn of copy already on the desk.
   */
  withHeadlines(
    headlines: string[],
  ): { id: string; slug: string; status: ItemStatus; headline: string; place: string; date: string; agency: string; bodyText: string }[] {
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
  return db
    .prepare(`SELECT id FROM items WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`)
    .pluck()
    .all(...params, limit) as string[];
}
