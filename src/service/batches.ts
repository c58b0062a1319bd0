import { createHash } from 'node:crypto';
import { createReadStream, constants as fsc, readdirSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isEmbargoPast } from '../core/copy';
import { DeskFailure, ErrorCode } from '../core/errors';
import { batchChunks, type FeedEntry } from '../core/feed/batch';
import type { ItemStatus, WireItem } from '../core/item';
import type { DeskSettings } from '../core/settings';
import { type Db, durably } from '../store/db';
import type { ItemStore, StoredItem } from '../store/items';
import type { ArgOf, BatchDetail, BatchEntry, BatchSummary, FeedFormatName, Page } from './contract';

interface BatchRow {
  id: number;
  state: BatchSummary['state'];
  format: FeedFormatName;
  ndjson: number;
  folder: string;
  file_name: string;
  sha256: string | null;
  bytes: number | null;
  item_count: number;
  created_at: string;
  created_by: string;
  error: string | null;
  owner: string;
}

const summary = (r: BatchRow): BatchSummary => ({
  id: r.id,
  state: r.state,
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
});

const PAGE = 500;
/** Correlated condition: item `i`'s current version has had its kill sent. */
const KILL_SENT = "SELECT 1 FROM batch_items b WHERE b.item_id = i.id AND b.version = i.published_version AND b.kind = 'kill'";

/** Which process is writing a batch: "host:pid". */
function ownerTag(): string {
  return `${os.hostname()}:${process.pid}`;
}

/** True when the process that started a batch is certainly gone (same host, no such pid). */
function ownerIsGone(owner: string): boolean {
  const at = owner.lastIndexOf(':');
  if (at < 0) return true;
  if (owner.slice(0, at) !== os.hostname()) return false;
  const pid = Number(owner.slice(at + 1));
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function fileExists(file: string): DeskFailure {
  return new DeskFailure(ErrorCode.ExportFailed, `${file} already exists; Wiredesk never writes over a file. Choose another name or folder.`);
}

/** SHA-256 of a file, read as a stream; null when it cannot be read. */
async function fileSha256(file: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/** Temp files a killed export left behind (`.name.PID.tmp`). */
function removeTemps(folder: string, fileName: string): void {
  try {
    for (const f of readdirSync(folder)) if (f.startsWith(`.${fileName}.`) && f.endsWith('.tmp')) rmSync(path.join(folder, f), { force: true });
  } catch {
    // The folder is gone or unreadable: nothing of ours to clean.
  }
}

export function batchFileName(id: number, format: FeedFormatName, ndjson: boolean): string {
  return `wiredesk-batch-${String(id).padStart(6, '0')}-${format}.${ndjson ? 'ndjson' : 'json'}`;
}

/** Why a write failed, in words an editor can act on. */
function writeProblem(e: unknown, folder: string): string {
  if (e instanceof DeskFailure) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `The folder ${folder} does not exist.`;
    case 'ENOTDIR':
      return `${folder} is not a folder.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Wiredesk may not write to ${folder} (no permission).`;
    case 'ENOSPC':
      return `The disk holding ${folder} is full.`;
    default:
      return `Could not write to ${folder}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/**
 * Batch export. Three steps make it all-or-nothing across a crash:
 *  1. reserve: a 'writing' batch with a snapshot of every entry (no item changes state);
 *  2. write a temp file from the snapshots and fsync it; any failure drops the batch;
 *  3. commit (synchronous=FULL): items become published/kill sent, batch 'committed';
 *     then rename into place, fsync the folder, and mark the batch 'written'.
 * On start, a 'writing' batch is dropped and a 'committed' one is written again from its
 * snapshots: the same bytes, since the serialization is deterministic.
 */
export class BatchDesk {
  private queueTail: Promise<unknown> = Promise.resolve();
  private readonly owner = ownerTag();

  constructor(
    private readonly db: Db,
    private readonly items: ItemStore,
    private readonly settings: () => DeskSettings,
    private readonly now: () => Date,
  ) {}

  /** Resolves once exports and crash recovery started so far have finished. */
  idle(): Promise<void> {
    return this.queueTail.then(() => undefined);
  }

  /** Exports run one at a time in this process; other processes are kept apart by the unique index. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queueTail.then(fn, fn);
    this.queueTail = run.catch(() => undefined);
    return run;
  }

  private row(id: number): BatchRow {
    const r = this.db.prepare('SELECT * FROM batches WHERE id = ?').get(id) as BatchRow | undefined;
    if (!r) throw new DeskFailure(ErrorCode.NotFound, `There is no batch ${id}.`);
    return r;
  }

  list(limit: number, cursor?: string | null): Page<BatchSummary> {
    const before = cursor ? Number(cursor) : Number.MAX_SAFE_INTEGER;
    const rows = this.db.prepare('SELECT * FROM batches WHERE id < ? ORDER BY id DESC LIMIT ?').all(before, limit + 1) as BatchRow[];
    const page = rows.slice(0, limit);
    return { items: page.map(summary), next: rows.length > limit ? String(page[page.length - 1]!.id) : null };
  }

  /** A batch with one page of its entries (after entry number `after`, in the order sent). */
  get(id: number, after = -1, limit = 100): BatchDetail {
    const r = this.row(id);
    const rows = this.db
      .prepare(
        `SELECT b.seq, b.item_id AS itemId, b.version, b.kind, json_extract(b.snapshot_json, '$.slug') AS slug, json_extract(b.snapshot_json, '$.headline') AS headline
         FROM batch_items b WHERE b.batch_id = ? AND b.seq > ? ORDER BY b.seq LIMIT ?`,
      )
      .all(id, after, limit + 1) as (BatchEntry & { seq: number })[];
    const page = rows.slice(0, limit);
    return { ...summary(r), entries: page.map(({ seq: _seq, ...e }) => e), nextEntry: rows.length > limit ? page[page.length - 1]!.seq : null };
  }

  /** How many kills have not gone out yet. */
  pendingKills(): number {
    return this.db.prepare(`SELECT count(*) FROM items i WHERE i.status = 'killed' AND NOT EXISTS (${KILL_SENT})`).pluck().get() as number;
  }

  /** Pending entries in batch order (most urgent, then oldest): approved items, and kills not yet sent. */
  private pendingIds(ids?: string[]): string[] {
    const pending = this.db
      .prepare(
        `SELECT i.id FROM items i
         WHERE i.status = 'approved' OR (i.status = 'killed' AND NOT EXISTS (${KILL_SENT}))
         ORDER BY i.urgency, i.updated_at, i.id`,
      )
      .pluck()
      .all() as string[];
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
   * What goes out for an item. A publish carries the approved text; a kill carries the version
   * that went out last (never a correction still in the works), as it was sent.
   */
  private snapshot(item: StoredItem, at: string): { entry: WireItem; kind: 'publish' | 'kill'; version: number } {
    const { heldFrom: _h, ...wire } = item;
    if (item.status === 'killed') {
      const sent = this.db
        .prepare("SELECT snapshot_json FROM batch_items WHERE item_id = ? AND kind = 'publish' AND version = ?")
        .pluck()
        .get(item.id, item.publishedVersion) as string | undefined;
      const entry: WireItem = sent ? { ...(JSON.parse(sent) as WireItem), status: 'killed' } : { ...wire, version: item.publishedVersion };
      return { entry, kind: 'kill', version: item.publishedVersion };
    }
    return {
      entry: { ...wire, status: 'published', publishedVersion: item.version, firstPublishedAt: item.firstPublishedAt ?? at, versionPublishedAt: at },
      kind: 'publish',
      version: item.version,
    };
  }

  private reserve(arg: ArgOf<'exportBatch'>, by: string): BatchRow {
    const at = this.now().toISOString();
    return this.db.transaction(() => {
      const ids = this.pendingIds(arg.ids);
      if (ids.length === 0) throw new DeskFailure(ErrorCode.NothingToExport, 'Nothing to export: no approved items and no kills waiting.');
      if (!arg.allowPastEmbargo) {
        const embargoed = this.db
          .prepare("SELECT id, slug, embargo FROM items WHERE status = 'approved' AND embargo IS NOT NULL")
          .all() as { id: string; slug: string; embargo: string }[];
        const inBatch = new Set(ids);
        const past = embargoed.filter((i) => inBatch.has(i.id) && isEmbargoPast(i.embargo, this.now()));
        if (past.length > 0) {
          throw new DeskFailure(
            ErrorCode.ValidationFailed,
            `The embargo has already passed for ${past.map((i) => `${i.slug || i.id} (${i.embargo})`).join(', ')}. Change the embargo, or export anyway.`,
            { pastEmbargo: past.map((i) => i.id) },
          );
        }
      }
      const ndjson = arg.ndjson === true && arg.format !== 'jsonfeed';
      const info = this.db
        .prepare(`INSERT INTO batches (state, format, ndjson, folder, file_name, item_count, created_at, created_by, owner) VALUES ('writing', ?, ?, ?, '', ?, ?, ?, ?)`)
        .run(arg.format, ndjson ? 1 : 0, arg.folder, ids.length, at, by, this.owner);
      const id = Number(info.lastInsertRowid);
      this.db.prepare('UPDATE batches SET file_name = ? WHERE id = ?').run(arg.fileName ?? batchFileName(id, arg.format, ndjson), id);
      const insert = this.db.prepare('INSERT INTO batch_items (batch_id, seq, item_id, version, kind, snapshot_json) VALUES (?, ?, ?, ?, ?, ?)');
      // One item in memory at a time: a queue of thousands of long items stays small.
      ids.forEach((itemId, seq) => {
        const item = this.items.get(itemId)!;
        const { entry, kind, version } = this.snapshot(item, at);
        try {
          insert.run(id, seq, item.id, version, kind, JSON.stringify(entry));
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

  /** The snapshots of a batch, a page at a time (no statement stays open across a write). */
  private *entries(batchId: number): Generator<FeedEntry> {
    const page = this.db.prepare('SELECT seq, kind, snapshot_json FROM batch_items WHERE batch_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    let after = -1;
    for (;;) {
      const rows = page.all(batchId, after, PAGE) as { seq: number; kind: 'publish' | 'kill'; snapshot_json: string }[];
      for (const r of rows) yield { item: JSON.parse(r.snapshot_json) as WireItem, pubStatus: r.kind === 'kill' ? 'canceled' : 'usable' };
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  /** Stream chunks into a new file, 1 MB at a time, fsynced; returns its hash and size. */
  private async writeFile(file: string, chunks: Iterable<string>): Promise<{ sha256: string; bytes: number }> {
    const hash = createHash('sha256');
    let bytes = 0;
    const fh = await fs.open(file, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o644);
    try {
      let buffered: string[] = [];
      let size = 0;
      const flush = async () => {
        const buf = Buffer.from(buffered.join(''), 'utf8');
        buffered = [];
        size = 0;
        hash.update(buf);
        bytes += buf.length;
        await fh.write(buf);
      };
      for (const chunk of chunks) {
        buffered.push(chunk);
        size += chunk.length;
        if (size >= 1 << 20) await flush();
      }
      await flush();
      await fh.sync();
    } catch (e) {
      await fh.close().catch(() => undefined);
      await fs.rm(file, { force: true });
      throw e;
    }
    await fh.close();
    return { sha256: hash.digest('hex'), bytes };
  }

  /** Write a batch's file to `folder/.name.tmp` from its snapshots. */
  private async writeTemp(b: BatchRow, folder: string): Promise<{ tmp: string; sha256: string; bytes: number }> {
    const tmp = path.join(folder, `.${b.file_name}.${process.pid}.tmp`);
    const w = await this.writeFile(tmp, batchChunks(b.format, b.ndjson === 1, this.entries(b.id), { settings: this.settings() }));
    return { tmp, ...w };
  }

  /** Move the finished temp file into place, never over an existing file; fsync the folder. */
  private async place(tmp: string, finalPath: string): Promise<void> {
    try {
      await fs.link(tmp, finalPath); // fails if the name is taken
      await fs.rm(tmp);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' || (await exists(finalPath))) throw fileExists(finalPath);
      await fs.rename(tmp, finalPath); // a filesystem without hard links
    }
    const dir = await fs.open(path.dirname(finalPath), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  private commit(b: BatchRow, sha256: string, bytes: number): void {
    durably(this.db, () => {
      const entries = this.db
        .prepare("SELECT item_id, version, kind, json_extract(snapshot_json, '$.revision') AS revision FROM batch_items WHERE batch_id = ? ORDER BY seq")
        .all(b.id) as { item_id: string; version: number; kind: 'publish' | 'kill'; revision: number }[];
      for (const e of entries) {
        const item = this.items.get(e.item_id)!;
        const wasStatus = item.status;
        // Someone may have held, returned, edited or killed it while the file was written.
        const unchanged = e.kind === 'publish' ? item.status === 'approved' && item.version === e.version && item.revision === e.revision : item.status === 'killed' && item.publishedVersion === e.version;
        if (!unchanged) {
          throw new DeskFailure(ErrorCode.ExportFailed, `${item.slug || item.id} changed while the batch was being written; nothing was exported. Export again.`);
        }
        if (e.kind === 'publish') {
          this.items.update({ ...item, status: 'published', publishedVersion: e.version, firstPublishedAt: item.firstPublishedAt ?? b.created_at, versionPublishedAt: b.created_at });
        }
        this.items.audit(e.item_id, {
          action: e.kind === 'publish' ? 'publish' : 'kill sent',
          fromStatus: wasStatus,
          toStatus: e.kind === 'publish' ? 'published' : wasStatus,
          version: e.version,
          note: `Batch ${b.id}`,
          at: b.created_at,
          by: b.created_by,
        });
      }
      this.db.prepare(`UPDATE batches SET state = 'committed', sha256 = ?, bytes = ? WHERE id = ?`).run(sha256, bytes, b.id);
    });
  }

  private markWritten(id: number, error: string | null): void {
    durably(this.db, () => this.db.prepare(`UPDATE batches SET state = CASE WHEN ? IS NULL THEN 'written' ELSE state END, error = ? WHERE id = ?`).run(error, error, id));
  }

  exportBatch(arg: ArgOf<'exportBatch'>, by: string): Promise<BatchDetail> {
    return this.serial(async () => {
      await this.recoverCommitted();
      const folder = path.resolve(arg.folder);
      const b = this.reserve({ ...arg, folder }, by);
      let written: { tmp: string; sha256: string; bytes: number };
      try {
        if (await exists(path.join(folder, b.file_name))) throw fileExists(path.join(folder, b.file_name));
        written = await this.writeTemp(b, folder);
      } catch (e) {
        this.db.prepare('DELETE FROM batches WHERE id = ?').run(b.id);
        throw new DeskFailure(ErrorCode.ExportFailed, `Batch not exported; no item changed state. ${writeProblem(e, folder)}`);
      }
      try {
        this.commit(b, written.sha256, written.bytes);
      } catch (e) {
        await fs.rm(written.tmp, { force: true });
        this.db.prepare('DELETE FROM batches WHERE id = ?').run(b.id);
        throw e;
      }
      try {
        await this.place(written.tmp, path.join(folder, b.file_name));
        this.markWritten(b.id, null);
      } catch (e) {
        this.markWritten(b.id, writeProblem(e, folder));
      }
      return this.get(b.id);
    });
  }

  /** Write a batch's file again from its snapshots; byte-identical, checked against the recorded hash. */
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
        await this.place(written.tmp, target);
      } catch (e) {
        await fs.rm(written.tmp, { force: true });
        throw new DeskFailure(ErrorCode.ExportFailed, `Batch ${id} not re-sent. ${writeProblem(e, dir)}`);
      }
      return { path: target, sha256: written.sha256 };
    });
  }

  /**
   * Export any selection without changing state (CLI --preview): items as they stand now,
   * streamed a page at a time. Returns how many items were written.
   */
  async writePreview(sel: { format: FeedFormatName; ndjson: boolean; statuses?: ItemStatus[]; ids?: string[]; since?: string }, target: string): Promise<number> {
    if (sel.since !== undefined && Number.isNaN(Date.parse(sel.since))) throw new DeskFailure(ErrorCode.InvalidArgument, `--since must be a date-time such as 2026-11-26T09:00Z, not "${sel.since}".`);
    const where: string[] = [];
    const params: string[] = [];
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
      params.push(new Date(sel.since).toISOString());
    }
    const page = this.db.prepare(`SELECT id FROM items ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ${where.length ? 'AND' : 'WHERE'} id > ? ORDER BY id LIMIT ${PAGE}`);
    let count = 0;
    const items = this.items;
    function* all(): Generator<FeedEntry> {
      let after = '';
      for (;;) {
        const ids = page.pluck().all(...params, after) as string[];
        for (const id of ids) {
          const { heldFrom: _h, ...item } = items.get(id)!;
          count++;
          yield { item, pubStatus: item.status === 'killed' ? 'canceled' : item.status === 'held' ? 'withheld' : 'usable' };
        }
        if (ids.length < PAGE) return;
        after = ids[ids.length - 1]!;
      }
    }
    const dir = path.dirname(target);
    const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
    try {
      await this.writeFile(tmp, batchChunks(sel.format, sel.ndjson, all(), { settings: this.settings() }));
      await this.place(tmp, target);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      if (e instanceof DeskFailure) throw e;
      throw new DeskFailure(ErrorCode.ExportFailed, `Preview not written. ${writeProblem(e, dir)}`);
    }
    return count;
  }

  /** After a crash: drop batches that never committed; write out the ones that did. */
  recover(): void {
    const writing = this.db.prepare(`SELECT * FROM batches WHERE state = 'writing'`).all() as BatchRow[];
    // Another Wiredesk may be writing one right now: only a dead writer's batch is dropped.
    for (const b of writing.filter((w) => ownerIsGone(w.owner))) {
      this.db.prepare('DELETE FROM batches WHERE id = ?').run(b.id);
      removeTemps(b.folder, b.file_name);
    }
    void this.serial(() => this.recoverCommitted());
  }

  private async recoverCommitted(): Promise<void> {
    const rows = this.db.prepare(`SELECT * FROM batches WHERE state = 'committed' ORDER BY id`).all() as BatchRow[];
    // A live writer finishes its own batch; only a dead writer's is completed here.
    for (const b of rows.filter((r) => ownerIsGone(r.owner))) {
      const target = path.join(b.folder, b.file_name);
      try {
        if ((await fileSha256(target)) === b.sha256) {
          removeTemps(b.folder, b.file_name);
          this.markWritten(b.id, null);
          continue;
        }
        const w = await this.writeTemp(b, b.folder);
        await this.place(w.tmp, target);
        removeTemps(b.folder, b.file_name); // what the dead writer left
        this.markWritten(b.id, w.sha256 === b.sha256 ? null : 'Rewritten after a crash, but the bytes differ from the recorded hash.');
      } catch (e) {
        this.markWritten(b.id, writeProblem(e, b.folder));
      }
    }
  }
}
