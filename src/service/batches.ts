/**
 * Batch export. Three steps make it all-or-nothing across a crash:
 *  1. reserve: a 'writing' batch with every entry's snapshot and its exact serialisation,
 *     made with the settings of that moment (no item changes state);
 *  2. write a temp file from those bytes and fsync it; any failure drops the batch;
 *  3. commit (synchronous=FULL): items become published, the batch 'committed'; then link
 *     the file into place, fsync the folder, and mark the batch 'written'.
 * A batch is a fact: re-send and recovery write the stored bytes, whatever the settings are
 * now. Who is writing a batch is decided by a lock that dies with its process (store/owner):
 * a dead writer's 'writing' batch is dropped and its 'committed' one completed — before every
 * export and at start. One whose writer cannot be checked is Stuck until an editor completes
 * or drops it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isEmbargoPast } from '../core/copy';
import { EMPTY_DATELINE } from '../core/dateline';
import { DeskFailure, ErrorCode } from '../core/errors';
import { type BatchFrame, type FeedEntry, batchChunks, batchFrame, framedChunks, serializeEntry } from '../core/feed/batch';
import type { WireItem } from '../core/item';
import { bodyFromPlainText } from '../core/richtext';
import { type DeskSettings, killNotice } from '../core/settings';
import { addAudit } from '../store/audit';
import * as store from '../store/batches';
import { type Db, durably } from '../store/db';
import type { ItemStore, StoredItem } from '../store/items';
import { type ProcessLock, parseOwner } from '../store/owner';
import type { ArgOf, BatchDetail, BatchSummary, Page } from '../contract';
import { batchFileName, exists, fileExists, fileSha256, place, removeTemps, writeFile, writeProblem, writerWords } from './batchFiles';
import { type PreviewSelection, writePreview } from './preview';

const PAGE = 500;

export class BatchExporter {
  private queueTail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly items: ItemStore,
    private readonly settings: () => DeskSettings,
    private readonly now: () => Date,
    private readonly lock: ProcessLock,
  ) {}

  /** Resolves once exports and crash recovery started so far have finished. */
  idle(): Promise<void> {
    return this.queueTail.then(() => undefined);
  }

  /** Exports run one at a time in this process; other processes are kept apart by the owner check and the unique index. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queueTail.then(fn, fn);
    this.queueTail = run.catch(() => undefined);
    return run;
  }

  private row(id: number): store.BatchRow {
    const r = store.getBatchRow(this.db, id);
    if (!r) throw new DeskFailure(ErrorCode.NotFound, `There is no batch ${id}.`);
    return r;
  }

  /** A batch as the editor sees it: an unfinished one whose writer is not running is Stuck. */
  private summary(r: store.BatchRow): BatchSummary {
    const unfinished = r.state !== 'written';
    const who = unfinished ? this.lock.stateOf(r.owner) : 'self';
    const o = parseOwner(r.owner);
    return {
      id: r.id,
      state: unfinished && who !== 'alive' && who !== 'self' ? 'stuck' : r.state,
      format: r.format,
      ndjson: r.ndjson === 1,
      folder: r.folder,
      fileName: r.file_name,
      sha256: r.sha256,
      bytes: r.bytes,
      itemCount: r.item_count,
      createdAt: r.created_at,
      createdBy: r.created_by,
      error: r.error,
      owner: unfinished && o ? { host: o.host, pid: o.pid, since: o.since } : null,
    };
  }

  list(limit: number, cursor?: string | null): Page<BatchSummary> {
    const before = cursor && /^\d+$/.test(cursor) ? Number(cursor) : Number.MAX_SAFE_INTEGER;
    const rows = store.listBatchRows(this.db, before, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map((r) => this.summary(r)), next: rows.length > limit ? String(page[page.length - 1]!.id) : null };
  }

  /** A batch with one page of its entries (after entry number `after`, in the order sent). */
  get(id: number, after = -1, limit = 100): BatchDetail {
    const r = this.row(id);
    const rows = store.entrySummaries(this.db, id, after, limit + 1);
    const page = rows.slice(0, limit);
    return { ...this.summary(r), entries: page.map(({ seq: _seq, ...e }) => e), nextEntry: rows.length > limit ? page[page.length - 1]!.seq : null };
  }

  pendingKills(): number {
    return store.pendingKillCount(this.db);
  }

  /** Pending entries in batch order, or the chosen ones (which must all be pending). */
  private pendingIds(ids?: string[]): string[] {
    const pending = store.pendingItemIds(this.db);
    if (!ids) return pending;
    const wanted = new Set(ids);
    const chosen = pending.filter((id) => wanted.has(id));
    if (chosen.length < wanted.size) {
      const ready = new Set(chosen);
      const labels = [...wanted].filter((id) => !ready.has(id)).map((id) => this.items.get(id)?.slug || id).join(', ');
      throw new DeskFailure(ErrorCode.ValidationFailed, `Only approved items (and kills not yet sent) go out in a batch: ${labels}.`);
    }
    return chosen;
  }

  /**
   * What goes out for an item. A publish carries exactly the approved revision. A kill is a
   * new version: the story as it last went out, its text replaced by the kill notice, the
   * reason as the note to subscribers, dated at the kill.
   */
  private snapshot(item: StoredItem, at: string, settings: DeskSettings): { entry: WireItem; kind: store.EntryKind; version: number } {
    const { heldFrom: _h, ...wire } = item;
    if (item.status === 'killed') {
      const sent = store.publishedHead(this.db, item.id, item.publishedVersion) ?? { ...wire, version: item.publishedVersion };
      const kill = item.kill ?? { reason: '', at: item.updatedAt, by: item.updatedBy };
      const version = Math.max(item.version, item.publishedVersion + 1);
      const notice = killNotice(settings.killTemplate, sent.slug || sent.id, kill.reason);
      const entry: WireItem = {
        ...sent,
        status: 'killed',
        version,
        versionPublishedAt: kill.at,
        subscriberNote: kill.reason,
        dateline: { ...EMPTY_DATELINE },
        signOff: '',
        body: bodyFromPlainText(notice),
        bodyText: notice,
        kill,
      };
      return { entry, kind: 'kill', version };
    }
    if (item.approvedRevision !== item.revision) {
      throw new DeskFailure(
        ErrorCode.UnreviewedChange,
        `${item.slug || item.id} changed after it was approved (revision ${item.revision}; the approval was for ${item.approvedRevision ?? 'none'}). Approve it again; nothing was exported.`,
        { itemId: item.id },
      );
    }
    const versionCreated = item.version >= 2 && item.versionStartedAt ? item.versionStartedAt : at;
    return {
      entry: { ...wire, status: 'published', publishedVersion: item.version, firstPublishedAt: item.firstPublishedAt ?? at, versionPublishedAt: versionCreated },
      kind: 'publish',
      version: item.version,
    };
  }

  /** Refuse while another batch is unfinished: say who is writing it, or that it is stuck. */
  private refuseUnfinished(): void {
    for (const b of store.unfinishedBatches(this.db)) {
      const who = this.lock.stateOf(b.owner);
      if (who === 'alive' || who === 'self') {
        throw new DeskFailure(ErrorCode.BatchInProgress, `Batch ${b.id} is still being written by ${who === 'self' ? 'this Wiredesk' : writerWords(b.owner)}. Export again when it has finished.`, {
          batchId: b.id,
        });
      }
      throw new DeskFailure(
        ErrorCode.BatchStuck,
        `Batch ${b.id} was left unfinished by ${writerWords(b.owner)}, which cannot be checked from here. Complete it (write its stored file) or Drop it (nothing published) in Batches, or run: wiredesk batches --complete ${b.id} / --drop ${b.id}.`,
        { batchId: b.id },
      );
    }
  }

  private reserve(arg: ArgOf<'exportBatch'>, by: string): store.BatchRow {
    const at = this.now().toISOString();
    const settings = this.settings();
    const ndjson = arg.ndjson === true;
    const frame = batchFrame(arg.format, ndjson, settings);
    return this.db.transaction(() => {
      this.refuseUnfinished();
      const ids = this.pendingIds(arg.ids);
      if (ids.length === 0) throw new DeskFailure(ErrorCode.NothingToExport, 'Nothing to export: no approved items and no kills waiting.');
      if (!arg.allowPastEmbargo) {
        const inBatch = new Set(ids);
        const past = store.embargoedApproved(this.db).filter((i) => inBatch.has(i.id) && isEmbargoPast(i.embargo, this.now()));
        if (past.length > 0) {
          throw new DeskFailure(
            ErrorCode.ValidationFailed,
            `The embargo has already passed for ${past.map((i) => `${i.slug || i.id} (${i.embargo})`).join(', ')}. Change the embargo, or export anyway.`,
            { pastEmbargo: past.map((i) => i.id) },
          );
        }
      }
      const id = store.insertBatch(
        this.db,
        { format: arg.format, ndjson, folder: arg.folder, itemCount: ids.length, createdAt: at, createdBy: by, owner: this.lock.tag, frame },
        (n) => arg.fileName ?? batchFileName(n, arg.format, ndjson),
      );
      const insert = store.entryInserter(this.db, id);
      // One item in memory at a time: a queue of thousands of long items stays small.
      ids.forEach((itemId, seq) => {
        const item = this.items.get(itemId)!;
        const { entry, kind, version } = this.snapshot(item, at, settings);
        const wire = serializeEntry(arg.format, { item: entry, pubStatus: kind === 'kill' ? 'canceled' : 'usable' }, { settings });
        // The text goes out (and is kept) as the entry's bytes; the fields are kept beside them.
        const { body: _body, bodyText: _text, ...head } = entry;
        try {
          // The state the commit changes, as it stands now: the commit goes ahead only if the
          // item is still exactly as reserved, so this is also its state just before the commit.
          const prior = { status: item.status, publishedVersion: item.publishedVersion, firstPublishedAt: item.firstPublishedAt, versionPublishedAt: item.versionPublishedAt };
          insert(seq, { itemId: item.id, version, kind, revision: item.revision, head, wire, prior });
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
            throw new DeskFailure(ErrorCode.AlreadyExported, `${item.slug || item.id} version ${version} has already gone out in a batch. Use Re-send on that batch to send it again.`);
          }
          throw e;
        }
      });
      return this.row(id);
    }).immediate();
  }

  /** The batch's bytes as chunks: stored ones, or (a batch of an older Wiredesk) rebuilt from its snapshots. */
  private chunks(b: store.BatchRow): Iterable<string> {
    if (b.frame_json) {
      const frame = JSON.parse(b.frame_json) as BatchFrame;
      return framedChunks(frame, this.storedWires(b.id));
    }
    return batchChunks(b.format, b.ndjson === 1, this.snapshots(b.id), { settings: this.settings() });
  }

  private *storedWires(batchId: number): Generator<string> {
    for (const w of store.entryWires(this.db, batchId, PAGE)) {
      if (w === null) throw new DeskFailure(ErrorCode.Internal, `Batch ${batchId} has an entry without its stored bytes.`);
      yield w;
    }
  }

  private *snapshots(batchId: number): Generator<FeedEntry> {
    let after = -1;
    for (;;) {
      const rows = store.entryPage(this.db, batchId, after, PAGE);
      for (const r of rows) yield { item: r.snapshot, pubStatus: r.kind === 'kill' ? 'canceled' : 'usable' };
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  /** This process's temp file for `name` (unique per run, so a reused pid never collides). */
  private tempName(name: string): string {
    return `.${name}.${this.lock.owner.lock.slice(0, 8)}.tmp`;
  }

  /** Write a batch's file to `folder/.name.RUN.tmp` from its stored bytes. */
  private async writeTemp(b: store.BatchRow, folder: string): Promise<{ tmp: string; sha256: string; bytes: number }> {
    const tmp = path.join(folder, this.tempName(b.file_name));
    const w = await writeFile(tmp, this.chunks(b));
    return { tmp, ...w };
  }

  /**
   * Publish the batch's items, each of which must still be exactly what was reserved: a few
   * set-based statements over the stored entries; the text is not read again.
   */
  private commit(b: store.BatchRow, sha256: string, bytes: number): void {
    durably(this.db, () => {
      // Someone may have held, returned, edited or killed an item while the file was written.
      const changed = store.firstChangedEntry(this.db, b.id);
      if (changed) {
        throw new DeskFailure(ErrorCode.ExportFailed, `${changed.slug || changed.itemId} changed while batch ${b.id} was being written; nothing was exported. Export again.`);
      }
      store.auditEntries(this.db, b.id, { publish: 'publish', kill: 'kill sent', note: `Batch ${b.id}`, at: b.created_at, by: b.created_by });
      store.publishEntries(this.db, b.id, b.created_at);
      store.setCommitted(this.db, b.id, sha256, bytes);
    });
  }

  private setOutcome(id: number, error: string | null): void {
    durably(this.db, () => store.setWriteOutcome(this.db, id, error));
  }

  /** Steps 2 and 3 for a reserved batch; a failure before the commit drops it. */
  private async writeAndCommit(b: store.BatchRow): Promise<void> {
    const folder = b.folder;
    let written: { tmp: string; sha256: string; bytes: number };
    try {
      if (await exists(path.join(folder, b.file_name))) throw fileExists(path.join(folder, b.file_name));
      written = await this.writeTemp(b, folder);
    } catch (e) {
      store.deleteBatch(this.db, b.id);
      throw new DeskFailure(ErrorCode.ExportFailed, `Batch not exported; no item changed state. ${writeProblem(e, folder)}`);
    }
    try {
      this.commit(b, written.sha256, written.bytes);
    } catch (e) {
      await fs.rm(written.tmp, { force: true });
      store.deleteBatch(this.db, b.id);
      throw e;
    }
    try {
      await place(written.tmp, path.join(folder, b.file_name));
      this.setOutcome(b.id, null);
    } catch (e) {
      this.setOutcome(b.id, writeProblem(e, folder));
    }
  }

  exportBatch(arg: ArgOf<'exportBatch'>, by: string): Promise<BatchDetail> {
    return this.serial(async () => {
      await this.recoverNow();
      const b = this.reserve({ ...arg, folder: path.resolve(arg.folder) }, by);
      await this.writeAndCommit(b);
      return this.get(b.id);
    });
  }

  /** Write a batch's file again: its stored bytes, checked against the recorded hash. */
  resend(id: number, folder: string, fileName?: string): Promise<{ path: string; sha256: string }> {
    return this.serial(async () => {
      const b = this.row(id);
      if (b.state === 'writing') throw new DeskFailure(ErrorCode.ExportFailed, `Batch ${id} was never completed; there is nothing to re-send.`);
      const dir = path.resolve(folder);
      let written: { tmp: string; sha256: string; bytes: number };
      try {
        written = await this.writeTemp(b, dir);
      } catch (e) {
        throw new DeskFailure(ErrorCode.ExportFailed, `Batch ${id} not re-sent. ${writeProblem(e, dir)}`);
      }
      if (b.sha256 && written.sha256 !== b.sha256) {
        await fs.rm(written.tmp, { force: true });
        throw new DeskFailure(ErrorCode.Internal, `Re-sending batch ${id} would not give the same bytes as the original (hash differs); nothing was written.`);
      }
      const target = path.join(dir, fileName ?? b.file_name);
      try {
        await place(written.tmp, target);
      } catch (e) {
        throw new DeskFailure(ErrorCode.ExportFailed, `Batch ${id} not re-sent. ${writeProblem(e, dir)}`);
      }
      return { path: target, sha256: written.sha256 };
    });
  }

  /** An unfinished batch an editor may act on: its writer must not be running. */
  private stuckRow(id: number, action: string): store.BatchRow {
    const b = this.row(id);
    if (b.state === 'written') throw new DeskFailure(ErrorCode.IllegalTransition, `Batch ${id} is complete; there is nothing to ${action}.`);
    const who = this.lock.stateOf(b.owner);
    if (who === 'alive') throw new DeskFailure(ErrorCode.BatchInProgress, `Batch ${id} is still being written by ${writerWords(b.owner)}; wait for it to finish.`, { batchId: id });
    return b;
  }

  /** Complete a stuck batch: publish it (if it never committed) and write its stored bytes. */
  complete(id: number, by: string): Promise<BatchDetail> {
    return this.serial(async () => {
      const b = this.stuckRow(id, 'complete');
      store.setOwner(this.db, id, this.lock.tag);
      if (b.state === 'writing') await this.writeAndCommit({ ...b, owner: this.lock.tag });
      else await this.finishCommitted(b);
      const after = this.row(id);
      if (after.state !== 'written') throw new DeskFailure(ErrorCode.ExportFailed, `Batch ${id} could not be written: ${after.error ?? 'unknown reason'}`);
      this.auditBatch(id, 'batch completed', `Batch ${id} completed by hand`, by);
      removeTemps(b.folder, b.file_name);
      return this.get(id);
    });
  }

  /** Drop a stuck batch: nothing in it counts as published; its items wait for the next batch. */
  drop(id: number, by: string): Promise<BatchSummary> {
    return this.serial(async () => {
      const b = this.stuckRow(id, 'drop');
      const target = path.join(b.folder, b.file_name);
      if (b.sha256 && (await fileSha256(target)) === b.sha256) {
        throw new DeskFailure(ErrorCode.IllegalTransition, `Batch ${id}'s file is already complete at ${target}, so it has gone out: Complete it instead.`);
      }
      const summary = this.summary(b);
      durably(this.db, () => {
        if (b.state === 'committed') {
          for (const e of store.priors(this.db, id)) {
            if (e.kind !== 'publish') continue;
            const item = this.items.get(e.itemId)!;
            if (!e.prior || item.status !== 'published' || item.publishedVersion !== e.version) {
              throw new DeskFailure(ErrorCode.IllegalTransition, `Batch ${id} cannot be dropped: ${item.slug || item.id} has moved on since (it is ${item.status}, version ${item.version}). Complete it instead.`);
            }
            this.items.update({ ...item, ...e.prior });
          }
          this.auditBatch(id, 'batch dropped', `Batch ${id} dropped by hand; not published`, by);
        }
        store.deleteBatch(this.db, id);
      });
      removeTemps(b.folder, b.file_name);
      return { ...summary, state: 'stuck' };
    });
  }

  private auditBatch(id: number, action: string, note: string, by: string): void {
    const at = this.now().toISOString();
    for (const e of store.priors(this.db, id)) {
      const item = this.items.get(e.itemId);
      if (item) addAudit(this.db, e.itemId, { action, fromStatus: item.status, toStatus: e.kind === 'publish' && action === 'batch dropped' ? (e.prior?.status ?? item.status) : item.status, version: e.version, note, at, by });
    }
  }

  /**
   * Export any selection without changing state (CLI --preview): items as they stand now,
   * streamed a page at a time. Returns how many items were written.
   */
  async writePreview(sel: PreviewSelection, target: string): Promise<number> {
    return writePreview(this.db, this.items, this.settings(), this.tempName(path.basename(target)), sel, target);
  }

  /** After a crash: drop dead writers' unfinished batches, complete their committed ones. */
  recover(): Promise<void> {
    return this.serial(() => this.recoverNow());
  }

  private async recoverNow(): Promise<void> {
    for (const b of store.unfinishedBatches(this.db)) {
      const who = this.lock.stateOf(b.owner);
      // A live writer finishes its own batch; one that cannot be checked waits for an editor.
      if (who === 'alive' || who === 'unknown') continue;
      if (b.state === 'writing') {
        if (who === 'self') continue; // this process's export in progress

        store.deleteBatch(this.db, b.id);
        removeTemps(b.folder, b.file_name);
      } else await this.finishCommitted(b);
    }
  }

  /** A committed batch's file: already complete, or written now from the stored bytes. */
  private async finishCommitted(b: store.BatchRow): Promise<void> {
    const target = path.join(b.folder, b.file_name);
    try {
      if ((await fileSha256(target)) !== b.sha256) {
        const w = await this.writeTemp(b, b.folder);
        if (w.sha256 !== b.sha256) {
          await fs.rm(w.tmp, { force: true });
          throw new DeskFailure(ErrorCode.Internal, `Batch ${b.id}: the stored bytes no longer match the recorded hash; nothing was written.`);
        }
        await place(w.tmp, target);
      }
      removeTemps(b.folder, b.file_name); // what the dead writer left
      this.setOutcome(b.id, null);
    } catch (e) {
      removeTemps(b.folder, b.file_name);
      this.setOutcome(b.id, writeProblem(e, b.folder));
    }
  }
}
