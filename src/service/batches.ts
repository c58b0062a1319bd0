/**
 * Batch export. Three steps make it all-or-nothing across a crash:
 *  1. reserve (batchReserve): a 'writing' batch with every entry's exact bytes, made with the
 *     settings of that moment (no item changes state), written into a temp file as they are made;
 *  2. fsync the temp file; any failure up to here drops the batch and its temp file;
 *  3. commit (synchronous=FULL): items become published, the batch 'committed'; then link
 *     the file into place, fsync the folder, and mark the batch 'written'.
 * A batch is a fact: re-send and recovery write the stored bytes, whatever the settings are
 * now. Who is writing a batch is decided by a lock that dies with its process (store/owner);
 * batches whose writer is gone are recovered or left to an editor (batchRecovery).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure, ErrorCode } from '../core/errors';
import type { DeskSettings } from '../core/settings';
import { auditEntries, auditResend, firstChangedEntry, publishEntries } from '../store/batchCommit';
import * as store from '../store/batches';
import { type Db, durably } from '../store/db';
import type { ItemStore } from '../store/items';
import { type ProcessLock, parseOwner } from '../store/owner';
import type { ArgOf, BatchDetail, BatchSummary, Page } from '../contract';
import { batchBytes } from './batchBytes';
import { FileFill, exists, fileExists, place, writeFile, writeProblem } from './batchFiles';
import { type RecoverySteps, completeBatch, dropBatch, recoverBatches } from './batchRecovery';
import { openBatch, reserveEntries } from './batchReserve';
import { type PreviewSelection, writePreview } from './preview';

/** Thrown inside the commit's transaction to roll it back when an item is no longer as reserved. */
const ITEM_CHANGED = new Error('an item changed while its batch was written');

/** A temp file written and fsynced: where, its hash and size. */
type Written = { tmp: string; sha256: string; bytes: number };

export class BatchExporter {
  private queueTail: Promise<unknown> = Promise.resolve();
  /** The steps crash recovery and stuck batches reuse. */
  private readonly recovery: RecoverySteps;

  constructor(
    private readonly db: Db,
    private readonly items: ItemStore,
    private readonly settings: () => DeskSettings,
    private readonly now: () => Date,
    private readonly lock: ProcessLock,
  ) {
    this.recovery = {
      db,
      items,
      lock,
      now,
      row: (id) => this.row(id),
      writeTemp: (b, folder) => this.writeTemp(b, folder),
      writeAndCommit: (b) => this.writeAndCommit(b),
      setOutcome: (id, error) => this.setOutcome(id, error),
    };
  }

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

  /**
   * Steps 1 and 2: the reserved batch and its temp file, fsynced (tests stop an export after
   * it, as a crash would). A failure drops the batch and the temp file; no item changed state.
   */
  private async reserve(arg: ArgOf<'exportBatch'>, by: string): Promise<{ batch: store.BatchRow; written: Written }> {
    const c = { db: this.db, items: this.items, now: this.now, lock: this.lock };
    const settings = this.settings();
    const b = openBatch(c, arg, by, this.now().toISOString(), settings);
    const notWritten = (e: unknown) => new DeskFailure(ErrorCode.ExportFailed, `Batch not exported; no item changed state. ${writeProblem(e, b.folder)}`);
    const target = path.join(b.folder, b.file_name);
    let fill: FileFill | undefined;
    try {
      if (await exists(target)) throw notWritten(fileExists(target));
      const f = (fill = await FileFill.create(path.join(b.folder, this.tempName(b.file_name))));
      const batch = reserveEntries(c, b, arg, settings, (chunk) => f.push(chunk));
      return { batch, written: { tmp: f.file, ...(await f.finish()) } };
    } catch (e) {
      await fill?.abort();
      store.deleteBatch(this.db, b.id);
      // The reservation's refusals (and the store's errors) as they are; the file's, in words.
      throw e instanceof DeskFailure || String((e as { code?: unknown }).code).startsWith('SQLITE_') ? e : notWritten(e);
    }
  }

  /** This process's temp file for `name` (unique per run, so a reused pid never collides). */
  private tempName(name: string): string {
    return `.${name}.${this.lock.owner.lock.slice(0, 8)}.tmp`;
  }

  /** Write a batch's file to `folder/.name.RUN.tmp` from its stored bytes. */
  private async writeTemp(b: store.BatchRow, folder: string): Promise<Written> {
    const tmp = path.join(folder, this.tempName(b.file_name));
    const w = await writeFile(tmp, batchBytes(this.db, b, this.settings));
    return { tmp, ...w };
  }

  /**
   * Publish the batch's items, each of which must still be exactly what was reserved: a few
   * set-based statements over the stored entries; the text is not read again.
   */
  private commit(b: store.BatchRow, sha256: string, bytes: number): void {
    try {
      durably(this.db, () => {
        // Another Wiredesk may have dropped it (shown Stuck there) or completed it meanwhile: then it is not this writer's to publish.
        if (!store.setCommitted(this.db, b.id, sha256, bytes)) {
          throw new DeskFailure(
            ErrorCode.ExportFailed,
            `Batch ${b.id} was dropped or completed by another Wiredesk while it was being written; nothing was exported from here.`,
          );
        }
        if (!publishEntries(this.db, b.id, b.created_at)) throw ITEM_CHANGED;
        auditEntries(this.db, b.id, { publish: 'publish', kill: 'kill sent', note: `Batch ${b.id}`, at: b.created_at, by: b.created_by });
      });
    } catch (e) {
      if (e !== ITEM_CHANGED) throw e;
      // Someone held, returned, edited or killed an item while the file was written: nothing was
      // published (all rolled back), so the first changed item can be named as it stands.
      const changed = firstChangedEntry(this.db, b.id);
      throw new DeskFailure(
        ErrorCode.ExportFailed,
        `${changed ? changed.slug || changed.itemId : 'An item'} changed while batch ${b.id} was being written; nothing was exported. Export again.`,
      );
    }
  }

  private setOutcome(id: number, error: string | null): void {
    durably(this.db, () => store.setWriteOutcome(this.db, id, error));
  }

  /** Steps 2 and 3 for a batch reserved earlier (completing a stuck one): its temp file from the stored bytes. */
  private async writeAndCommit(b: store.BatchRow): Promise<void> {
    const folder = b.folder;
    let written: Written;
    try {
      if (await exists(path.join(folder, b.file_name))) throw fileExists(path.join(folder, b.file_name));
      written = await this.writeTemp(b, folder);
    } catch (e) {
      store.deleteBatch(this.db, b.id);
      throw new DeskFailure(ErrorCode.ExportFailed, `Batch not exported; no item changed state. ${writeProblem(e, folder)}`);
    }
    await this.commitAndPlace(b, written);
  }

  /** Step 3: publish (a failure drops the batch and its temp file), then put the file in place. */
  private async commitAndPlace(b: store.BatchRow, written: Written): Promise<void> {
    try {
      this.commit(b, written.sha256, written.bytes);
    } catch (e) {
      await fs.rm(written.tmp, { force: true });
      // Only a batch still being written is this writer's to drop, never one another Wiredesk committed.
      if (store.getBatchRow(this.db, b.id)?.state === 'writing') store.deleteBatch(this.db, b.id);
      throw e;
    }
    try {
      await place(written.tmp, path.join(b.folder, b.file_name));
      this.setOutcome(b.id, null);
    } catch (e) {
      this.setOutcome(b.id, writeProblem(e, b.folder));
    }
  }

  exportBatch(arg: ArgOf<'exportBatch'>, by: string): Promise<BatchDetail> {
    return this.serial(async () => {
      await recoverBatches(this.recovery);
      const { batch, written } = await this.reserve({ ...arg, folder: path.resolve(arg.folder) }, by);
      await this.commitAndPlace(batch, written);
      return this.get(batch.id);
    });
  }

  /** Write a batch's file again: its stored bytes, checked against the recorded hash. */
  resend(id: number, folder: string, by: string, fileName?: string): Promise<{ path: string; sha256: string }> {
    return this.serial(async () => {
      const b = this.row(id);
      if (b.state === 'writing') throw new DeskFailure(ErrorCode.ExportFailed, `Batch ${id} was never completed; there is nothing to re-send.`);
      // Until its file is in place a batch can still be dropped as never sent: its bytes may not go out another way first.
      if (b.state !== 'written') {
        throw new DeskFailure(
          ErrorCode.ExportFailed,
          `Batch ${id}'s file is not in ${b.folder} yet: Complete it there first, then re-send it; or, if that folder cannot be reached, Drop it and export again to another.`,
        );
      }
      const dir = path.resolve(folder);
      let written: Written;
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
      // Each item's history says it went out again, and where: a subscriber who got it twice is answered.
      durably(this.db, () => auditResend(this.db, id, { note: `Batch ${id} re-sent to ${target}`, at: this.now().toISOString(), by }));
      return { path: target, sha256: written.sha256 };
    });
  }

  /** Complete a stuck batch: publish it (if it never committed) and write its stored bytes. */
  complete(id: number, by: string): Promise<BatchDetail> {
    return this.serial(async () => {
      await completeBatch(this.recovery, id, by);
      return this.get(id);
    });
  }

  /** Drop a stuck batch: nothing in it counts as published; its items wait for the next batch. */
  drop(id: number, by: string): Promise<BatchSummary> {
    return this.serial(async () => ({ ...this.summary(await dropBatch(this.recovery, id, by)), state: 'stuck' as const }));
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
    return this.serial(() => recoverBatches(this.recovery));
  }
}
