import { randomBytes } from 'node:crypto';
import { DeskFailure, ErrorCode } from '../core/errors';
import { type ItemFields, defaultFields, hardLimitProblems, pickFields, submissionProblems, summarize } from '../core/item';
import { uuidv7 } from '../core/ids';
import { sanitizeBody } from '../core/sanitize';
import type { DeskSettings } from '../core/settings';
import { transition as nextState } from '../core/workflow';
import { type Db, durably } from '../store/db';
import { addAudit, addAudits, auditLog } from '../store/audit';
import { type ItemState, ItemStore, type StoredItem, newStoredItem } from '../store/items';
import { ProcessLock } from '../store/owner';
import { readDeskSettings, writeDeskSettings } from '../store/settings';
import { BatchExporter } from './batches';
import type { ArgOf, DeskHandlers, ItemDetail, ValueOf } from '../contract';
import { importPreview, storedFields } from './imports';
import { deskList, publishedVersion, queueMatchCounts, queuePage } from './lists';
import { notFound, problemsFailure, restoredFields, saveItemFields } from './itemSave';
import { NOT_JOINED, notJoined } from './hubStatus';
import { SearchIndexer } from './searchIndexer';

export interface DeskOptions {
  now?: () => Date;
  /** This process's batch-owner lock (one per process and database). */
  lock?: ProcessLock;
  nativeBinding?: string;
}

/** The desk's use cases over one store. Every contract method is here, typed by DeskHandlers. */
export class DeskService implements DeskHandlers {
  readonly items: ItemStore;
  readonly batches: BatchExporter;
  readonly lock: ProcessLock;
  /** Indexes saved text for search soon after a save, off the save itself. */
  readonly indexer: SearchIndexer;
  private readonly now: () => Date;

  constructor(
    readonly db: Db,
    opts: DeskOptions = {},
  ) {
    this.items = new ItemStore(db);
    this.now = opts.now ?? (() => new Date());
    this.lock = opts.lock ?? ProcessLock.acquire(db.name, opts.nativeBinding);
    this.batches = new BatchExporter(db, this.items, () => this.settings(), this.now, this.lock);
    this.indexer = new SearchIndexer(db);
  }

  /**
   * Finish what an earlier process left: saved text not yet indexed for search is indexed, and
   * batches whose writer died are completed from their stored bytes or dropped. Called once by
   * whoever opens the desk (openDesk), never implied.
   */
  start(): Promise<void> {
    this.indexer.now();
    return this.batches.recover();
  }

  /** Wait for exports in progress, index saved text, release the owner lock, close the database. */
  async close(): Promise<void> {
    await this.batches.idle();
    this.indexer.stop();
    this.indexer.now();
    this.lock.release();
    this.db.close();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  settings(): DeskSettings {
    return readDeskSettings(this.db);
  }

  /** An item and its problems; `bodyText` when the caller has just derived it from this body (a save). */
  private detail(item: StoredItem, bodyText?: string, settings = this.settings()): ItemDetail {
    const { heldFrom: _heldFrom, ...wire } = item;
    return { item: wire, problems: submissionProblems(item, { version: item.version, settings, bodyText }) };
  }

  private load(id: string): StoredItem {
    const item = this.items.get(id);
    if (!item) throw notFound(id);
    return item;
  }

  getSettings(): DeskSettings {
    return this.settings();
  }

  saveSettings(s: ArgOf<'saveSettings'>): DeskSettings {
    const names = new Set<string>();
    for (const c of s.categories) {
      if (names.has(c.name)) throw new DeskFailure(ErrorCode.ValidationFailed, `Category "${c.name}" is listed twice.`);
      names.add(c.name);
    }
    writeDeskSettings(this.db, s);
    return this.settings();
  }

  /** Insert a new draft from fields (already validated), with its first revision. */
  private insertDraft(fields: ItemFields, note: string): StoredItem {
    const at = this.stamp();
    const by = this.settings().editorName;
    const body = sanitizeBody(fields.body);
    const item = newStoredItem({ ...fields, body }, { id: uuidv7(this.now().getTime(), randomBytes(10)), at, by });
    const bodyJson = JSON.stringify(body);
    const problems = hardLimitProblems(item, bodyJson);
    if (problems.length > 0) throw problemsFailure(problems, 'The item cannot be saved.');
    this.items.insert(item, bodyJson);
    this.items.addRevision(item, [], note);
    addAudit(this.db, item.id, { action: 'create', fromStatus: 'draft', toStatus: 'draft', version: 1, note, at, by, revision: 1 });
    return item;
  }

  createItem({ fields }: ArgOf<'createItem'>): ItemDetail {
    const base = defaultFields(this.settings());
    const item = this.db.transaction(() => this.insertDraft({ ...base, ...fields, dateline: { ...base.dateline, ...fields?.dateline } }, 'Created'))();
    return this.detail(item);
  }

  getItem({ id }: ArgOf<'getItem'>): ItemDetail {
    return this.detail(this.load(id));
  }

  listItems(arg: ArgOf<'listItems'>): ValueOf<'listItems'> {
    return deskList(this.items, arg);
  }

  /** Save new field values as a revision, after the optimistic revision check; the settings are read once for both. */
  private saveFields(id: string, baseRevision: number, fields: ItemFields, note: string, session = '', unfinished?: 'embargo'): ItemDetail {
    const settings = this.settings();
    const saved = saveItemFields(
      { db: this.db, items: this.items, now: this.now, editor: () => settings.editorName },
      { id, baseRevision, fields, note, session, unfinished },
    );
    this.indexer.soon();
    return this.detail(saved, saved.bodyText, settings); // saveItemFields derives the text from the body it returns
  }

  saveDraft({ id, baseRevision, fields, session, unfinished }: ArgOf<'saveDraft'>): ItemDetail {
    return this.saveFields(id, baseRevision, fields, '', session, unfinished);
  }

  duplicateItem({ id }: ArgOf<'duplicateItem'>): ItemDetail {
    const source = this.load(id);
    const copy = this.db.transaction(() => this.insertDraft({ ...pickFields(source), subscriberNote: '' }, `Duplicated from ${source.slug || source.id}`))();
    return this.detail(copy);
  }

  history({ id }: ArgOf<'history'>): ValueOf<'history'> {
    this.load(id);
    return { revisions: this.items.revisions(id), audit: auditLog(this.db, id) };
  }

  getRevision({ id, revision }: ArgOf<'getRevision'>): ItemFields {
    const fields = this.items.revisionFields(id, revision);
    if (!fields) throw new DeskFailure(ErrorCode.NotFound, `Item ${id} has no revision ${revision}.`);
    return fields;
  }

  restoreRevision({ id, revision, baseRevision }: ArgOf<'restoreRevision'>): ItemDetail {
    const fields = restoredFields(this.items, this.load(id), revision, this.getRevision({ id, revision }));
    return this.saveFields(id, baseRevision, fields, `Restored revision ${revision}`);
  }

  transition({ ids, action, note = '' }: ArgOf<'transition'>): ValueOf<'transition'> {
    const settings = this.settings();
    const at = this.stamp();
    const by = settings.editorName;
    const unique = [...new Set(ids)];
    const done = durably(this.db, () => {
      // Submitting checks the text, and a correction may start a revision; any other step
      // needs only the items' states, read in one statement (their text is neither read nor rewritten).
      const states = action === 'submit' || action === 'correct' ? null : this.items.getStates(unique);
      const steps = unique.map((id) => {
        const full = states ? null : this.load(id);
        const item: ItemState =
          full ??
          states?.get(id) ??
          (() => {
            throw notFound(id);
          })();
        const label = item.slug || item.headline || id;
        const out = nextState(item, action, note);
        if (!out.ok) throw new DeskFailure(ErrorCode.IllegalTransition, `${label}: ${out.message}`);
        if (action === 'submit') {
          const problems = submissionProblems(full!, { version: item.version, settings }).filter((p) => p.severity === 'error');
          if (problems.length > 0) throw problemsFailure(problems, `${label} cannot be submitted yet:`);
        }
        let updated: ItemState = {
          ...item,
          status: out.status,
          heldFrom: out.heldFrom,
          version: out.bumpVersion ? item.version + 1 : item.version,
          returnNote: action === 'return' ? note.trim() : action === 'submit' ? null : item.returnNote,
          updatedAt: at,
          updatedBy: by,
        };
        // Only the revision approved may go out; any other step forgets an approval.
        if (action === 'approve') updated = { ...updated, approvedRevision: item.revision, reopened: null };
        else if (out.status !== 'approved' && !(out.status === 'held' && out.heldFrom === 'approved')) updated = { ...updated, approvedRevision: null };
        // A kill is a new version, dated now, carrying its reason.
        if (action === 'kill') updated = { ...updated, version: item.publishedVersion + 1, kill: { reason: note.trim(), at, by }, versionStartedAt: at };
        // A correction starts with an empty note to subscribers: a note goes out with one version only.
        if (action === 'correct')
          updated = { ...updated, versionStartedAt: at, subscriberNote: '', revision: item.subscriberNote !== '' ? item.revision + 1 : item.revision };
        return { before: item, after: updated, full };
      });
      // Every item passed the state machine: now the writes, the states in one statement.
      this.items.updateStates(steps);
      for (const { before, after, full } of steps) {
        if (full && after.revision !== before.revision) {
          const next: StoredItem = { ...full, ...after };
          this.items.addRevision(next, ['Note to subscribers'], `Version ${after.version} started`);
        }
      }
      addAudits(
        this.db,
        steps.map(({ before, after }) => ({
          itemId: after.id,
          action,
          fromStatus: before.status,
          toStatus: after.status,
          version: after.version,
          note: note.trim(),
          at,
          by,
        })),
      );
      return steps.map((s) => s.after);
    });
    return done.map(summarize);
  }

  queue(q: ArgOf<'queue'>): ValueOf<'queue'> {
    return queuePage(this.items, q, () => this.batches.pendingKills());
  }

  queueMatches(q: ArgOf<'queueMatches'>): ValueOf<'queueMatches'> {
    return queueMatchCounts(this.items, q);
  }

  listEditors(): string[] {
    return this.items.editors();
  }

  getPublished({ id }: ArgOf<'getPublished'>): ValueOf<'getPublished'> {
    return publishedVersion(this.db, this.load(id));
  }

  exportBatch(arg: ArgOf<'exportBatch'>): Promise<ValueOf<'exportBatch'>> {
    return this.batches.exportBatch(arg, this.settings().editorName);
  }

  listBatches({ cursor, limit }: ArgOf<'listBatches'>): ValueOf<'listBatches'> {
    return this.batches.list(limit ?? 50, cursor);
  }

  getBatch({ id, after, limit }: ArgOf<'getBatch'>): ValueOf<'getBatch'> {
    return this.batches.get(id, after, limit);
  }

  resendBatch({ id, folder, fileName }: ArgOf<'resendBatch'>): Promise<ValueOf<'resendBatch'>> {
    return this.batches.resend(id, folder, this.settings().editorName, fileName);
  }

  async previewExport({ target, ...sel }: ArgOf<'previewExport'>): Promise<ValueOf<'previewExport'>> {
    const count = await this.batches.writePreview({ ...sel, ndjson: sel.ndjson === true }, target);
    return { path: target, count };
  }

  completeBatch({ id }: ArgOf<'completeBatch'>): Promise<ValueOf<'completeBatch'>> {
    return this.batches.complete(id, this.settings().editorName);
  }

  dropBatch({ id }: ArgOf<'dropBatch'>): Promise<ValueOf<'dropBatch'>> {
    return this.batches.drop(id, this.settings().editorName);
  }

  parseImport({ text, format }: ArgOf<'parseImport'>): ValueOf<'parseImport'> {
    return importPreview(text, format ?? 'auto', this.settings(), (headlines) => this.items.withHeadlines(headlines));
  }

  acceptImport({ items }: ArgOf<'acceptImport'>): ValueOf<'acceptImport'> {
    const ids = this.db.transaction(() => items.map((f) => this.insertDraft(storedFields(f), 'Imported').id))();
    return { ids };
  }

  // A bare service is a desk of its own; openDesk (open.ts) joins shared desks (sharedDesk.ts).
  hubStatus = (): ValueOf<'hubStatus'> => NOT_JOINED;
  listHubConflicts = (): ValueOf<'listHubConflicts'> => ({ conflicts: [], total: 0 });
  joinHub = notJoined;
  dismissHubConflict = notJoined;
  leaveHub = notJoined;
  syncHub = notJoined;
  listSharedBatches = notJoined;
  getSharedBatch = notJoined;
  resendSharedBatch = notJoined;
}
