/**
 * A desk joined to a shared desk (PostgreSQL hub). Drafting stays local and offline, exactly as
 * on a desk of its own; from "Submit for review" on, every change to an item goes through the
 * local outbox (one row per change, one idempotency key) and is pushed when the hub can be
 * reached. The hub applies each change with one statement guarded by the revision it was made
 * on, so of two editors acting on one item one wins and the other is told who did what, when.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { DeskFailure, ErrorCode } from '../core/errors';
import { pickFields } from '../core/item';
import { ACTION_LABELS, type WorkflowAction } from '../core/workflow';
import {
  type HubAuditRow,
  type HubItemRow,
  auditSince,
  checkHubVersion,
  connectHub,
  describeHub,
  isOffline,
  itemsSince,
  initHub,
  listenHub,
  offlineFailure,
  pushChange,
  recordBatch,
  withExportLock,
} from '../hub/hub';
import { addAudit } from '../store/audit';
import { durably } from '../store/db';
import type { StoredItem } from '../store/items';
import { type OutboxRow, Outbox } from '../store/outbox';
import { type ArgOf, type BatchDetail, type BatchEntry, DESK_METHODS, type DeskHandlers, type ValueOf } from '../contract';
import type { DeskService } from './desk';

export { hubUrlFrom } from '../hub/hub';

const PAGE = 1000;

export interface SyncReport {
  pushed: { itemId: string; action: string; slug: string }[];
  pulled: { itemId: string; status: string; slug: string; by: string }[];
  /** Changes the hub did not take: made on an older revision (stale) or not this role's to make (refused). */
  conflicts: { itemId: string; message: string; refused: boolean }[];
  waiting: number;
}

export interface HubStatus {
  hub: string;
  online: boolean;
  waiting: number;
  conflicts: number;
  /** The line the desk shows: "Offline — 3 changes waiting", or null when all is sent. */
  banner: string | null;
}

function when(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** The loser's message: who did what to the item, and when, before this desk's change got there. */
export function conflictMessage(row: OutboxRow, current: HubItemRow, last: HubAuditRow | null): string {
  const label = (current.doc.slug as string) || (current.doc.headline as string) || row.itemId;
  const mine = ACTION_LABELS[row.action as WorkflowAction] ?? row.action;
  const theirs = last ? `${last.actor} did "${ACTION_LABELS[last.action as WorkflowAction] ?? last.action}" at ${when(last.at)}` : `${current.updatedBy} changed it at ${when(current.updatedAt)}`;
  return `${label}: ${theirs} (now ${current.status}); your "${mine}" was not applied. Both versions are kept in "wiredesk sync".`;
}

export class HubSync {
  readonly outbox: Outbox;
  private checked = false;
  /** How the last attempt to reach the hub went: null before any. */
  online: boolean | null = null;

  constructor(
    readonly service: DeskService,
    readonly url: string,
  ) {
    this.outbox = new Outbox(service.db);
  }

  private async client(): Promise<pg.Client> {
    const c = await connectHub(this.url);
    try {
      if (!this.checked) await checkHubVersion(c, this.url);
      this.checked = true;
      return c;
    } catch (e) {
      await c.end().catch(() => undefined);
      throw e;
    }
  }

  async withHub<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    let c: pg.Client;
    try {
      c = await this.client();
    } catch (e) {
      if (e instanceof DeskFailure && e.code === ErrorCode.HubOffline) this.online = false;
      throw e;
    }
    try {
      const r = await fn(c);
      this.online = true;
      return r;
    } catch (e) {
      if (isOffline(e)) {
        this.online = false;
        throw offlineFailure(this.url, e);
      }
      throw e;
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  /** Queue a change this desk just made to a shared item (inside the caller's transaction). */
  enqueue(itemId: string, action: string, fromStatus: string, note: string): void {
    const item = this.service.items.get(itemId)!;
    this.outbox.enqueue({
      idemKey: randomUUID(),
      itemId,
      action,
      change: { fromStatus, toStatus: item.status, version: item.version, note, doc: item as unknown as Record<string, unknown> },
      createdAt: new Date().toISOString(),
    });
  }

  /** Make the hub's state of an item this desk's state (a pull, or the winner of a conflict). */
  private adopt(row: HubItemRow): boolean {
    const local = this.service.items.get(row.id);
    // Returned items are drafts again: private to the writer's desk, not shown elsewhere.
    if (!local && row.status === 'draft') return false;
    const item = { ...(row.doc as unknown as StoredItem), updatedBy: row.updatedBy, updatedAt: row.updatedAt };
    if (local) this.service.items.update(item);
    else this.service.items.insert(item);
    if (this.service.items.revisionFields(item.id, item.revision) === null) this.service.items.addRevision(item, pickFields(item), [], 'From the shared desk');
    this.outbox.setShared(row.id, row.revision);
    return true;
  }

  async push(c: pg.Client, report: SyncReport): Promise<void> {
    for (;;) {
      const rows = this.outbox.waiting(PAGE);
      if (rows.length === 0) return;
      for (const row of rows) {
        const outcome = await pushChange(c, { ...row, ...row.change, doc: row.change.doc as never });
        const slug = (row.change.doc.slug as string) || row.itemId;
        durably(this.service.db, () => {
          if (outcome.kind === 'applied' || outcome.kind === 'duplicate') {
            this.outbox.markSent(row.seq);
            if (outcome.kind === 'applied' && !this.outbox.hasWaiting(row.itemId)) this.outbox.setShared(row.itemId, outcome.revision);
            report.pushed.push({ itemId: row.itemId, action: row.action, slug });
          } else if (outcome.kind === 'conflict') {
            const message = conflictMessage(row, outcome.current, outcome.last);
            this.outbox.markConflict(row, { message, mine: row.change.doc, theirs: outcome.current.doc, by: outcome.last?.actor ?? outcome.current.updatedBy, at: outcome.last?.at ?? outcome.current.updatedAt });
            this.adopt(outcome.current);
            report.conflicts.push({ itemId: row.itemId, message, refused: false });
          } else {
            const message = `${slug}: the shared desk refused "${ACTION_LABELS[row.action as WorkflowAction] ?? row.action}": ${outcome.message}`;
            this.outbox.markConflict(row, { message, mine: row.change.doc, theirs: outcome.current?.doc ?? null });
            // The hub's state stands; an item the hub never took goes back to what it was.
            if (outcome.current) this.adopt(outcome.current);
            else {
              const item = this.service.items.get(row.itemId);
              if (item) this.service.items.update({ ...item, status: row.change.fromStatus as StoredItem['status'] });
              this.outbox.unshare(row.itemId);
            }
            report.conflicts.push({ itemId: row.itemId, message, refused: true });
          }
        });
      }
    }
  }

  async pull(c: pg.Client, report: SyncReport): Promise<void> {
    for (;;) {
      const rows = await itemsSince(c, this.outbox.cursor('items'), PAGE);
      if (rows.length === 0) break;
      durably(this.service.db, () => {
        for (const row of rows) {
          // Waiting changes of this desk go first; the push settles who wins.
          if (!this.outbox.hasWaiting(row.id) && this.adopt(row)) report.pulled.push({ itemId: row.id, status: row.status, slug: (row.doc.slug as string) || row.id, by: row.updatedBy });
        }
        this.outbox.setCursor('items', rows[rows.length - 1]!.changeSeq);
      });
    }
    for (;;) {
      const rows = await auditSince(c, this.outbox.cursor('audit'), PAGE);
      if (rows.length === 0) break;
      durably(this.service.db, () => {
        for (const a of rows) {
          if (this.outbox.isOurs(a.idemKey) || !this.service.items.get(a.itemId)) continue;
          addAudit(this.service.db, a.itemId, { action: a.action, fromStatus: a.fromStatus, toStatus: a.toStatus, version: a.version, note: a.note, at: a.at, by: a.actor });
        }
        this.outbox.setCursor('audit', rows[rows.length - 1]!.seq);
      });
    }
  }

  /** Push every waiting change, then pull what changed on the hub: `wiredesk sync`. */
  async sync(): Promise<SyncReport> {
    const report: SyncReport = { pushed: [], pulled: [], conflicts: [], waiting: 0 };
    await this.withHub(async (c) => {
      await this.push(c, report);
      await this.pull(c, report);
    });
    report.waiting = this.outbox.waitingCount();
    return report;
  }

  /** Sync if the hub can be reached; offline, the changes wait. */
  async trySync(): Promise<SyncReport | null> {
    try {
      return await this.sync();
    } catch (e) {
      if (e instanceof DeskFailure && e.code === ErrorCode.HubOffline) return null;
      throw e;
    }
  }

  async status(): Promise<HubStatus> {
    const online = await this.withHub(() => Promise.resolve(true)).catch((e: unknown) => {
      if (e instanceof DeskFailure && e.code === ErrorCode.HubOffline) return false;
      throw e;
    });
    const waiting = this.outbox.waitingCount();
    return { hub: describeHub(this.url), online, waiting, conflicts: this.outbox.conflicts().length, banner: this.banner() };
  }

  /** "Offline — 3 changes waiting" after the hub could not be reached; null when all is sent. */
  banner(): string | null {
    const waiting = this.outbox.waitingCount();
    const changes = `${waiting} change${waiting === 1 ? '' : 's'} waiting`;
    if (this.online === false) return `Offline — ${changes}`;
    return waiting > 0 ? `Not sent yet — ${changes}` : null;
  }

  /** The shared desk's number of the last batch this desk exported. */
  lastHubBatch: number | null = null;

  /**
   * Export on a joined desk: under the desk-wide advisory lock, catch up with the hub, export
   * what is approved as a local batch, record the batch (number from the hub's sequence, exact
   * bytes, each item version once desk-wide) and push the publications, then let go.
   */
  async exportShared(run: () => Promise<BatchDetail>): Promise<BatchDetail> {
    return this.withHub((c) =>
      withExportLock(c, async () => {
        const report: SyncReport = { pushed: [], pulled: [], conflicts: [], waiting: 0 };
        await this.push(c, report);
        await this.pull(c, report);
        const batch = await run();
        const entries: BatchEntry[] = [];
        for (let page = batch; ; page = this.service.getBatch({ id: batch.id, after: page.nextEntry, limit: 500 })) {
          entries.push(...page.entries);
          if (page.nextEntry === null) break;
        }
        durably(this.service.db, () => {
          for (const e of entries) this.enqueue(e.itemId, e.kind === 'publish' ? 'publish' : 'kill sent', e.kind === 'publish' ? 'approved' : 'killed', `Batch ${batch.id}`);
        });
        const bytes = await fs.readFile(path.join(batch.folder, batch.fileName));
        this.lastHubBatch = await recordBatch(c, {
          format: batch.format,
          ndjson: batch.ndjson,
          fileName: batch.fileName,
          sha256: batch.sha256 ?? '',
          bytes,
          entries: entries.map((e) => ({ itemId: e.itemId, version: e.version, kind: e.kind })),
        });
        await this.push(c, report);
        return batch;
      }),
    );
  }

  /** Pull whenever the hub announces a change, until the returned function is called. */
  async live(onPulled: (r: SyncReport) => void): Promise<() => Promise<void>> {
    const c = await this.client();
    let running: Promise<unknown> = Promise.resolve();
    const stop = await listenHub(c, () => {
      running = running.then(() => this.trySync().then((r) => r && onPulled(r))).catch(() => undefined);
    });
    return async () => {
      await stop();
      await running;
      await c.end().catch(() => undefined);
    };
  }
}

/**
 * The contract's handlers for a joined desk: every method of the desk's service, with the
 * workflow, saves of shared items and the queue going through the hub.
 */
export function hubHandlers(service: DeskService, sync: HubSync): DeskHandlers {
  const handlers = Object.fromEntries(DESK_METHODS.map((m) => [m, (arg: never) => (service[m] as (a: never) => unknown).call(service, arg)])) as unknown as DeskHandlers;
  const isShared = (id: string) => sync.outbox.sharedRevision(id) !== null;

  handlers.transition = async (arg: ArgOf<'transition'>): Promise<ValueOf<'transition'>> => {
    const ids = [...new Set(arg.ids)];
    // An item another desk submitted may not have been pulled yet.
    if (ids.some((id) => !service.items.get(id))) await sync.trySync();
    if (arg.action !== 'submit' && !ids.some(isShared)) return service.transition(arg);
    const before = new Map(ids.map((id) => [id, service.items.get(id)?.status ?? 'draft']));
    const done = durably(service.db, () => {
      const res = service.transition(arg);
      for (const s of res) if (arg.action === 'submit' || isShared(s.id)) sync.enqueue(s.id, arg.action, before.get(s.id)!, arg.note?.trim() ?? '');
      return res;
    });
    const report = await sync.trySync();
    const lost = report?.conflicts.filter((c) => ids.includes(c.itemId)) ?? [];
    if (lost.length > 0) {
      throw new DeskFailure(lost.every((c) => c.refused) ? ErrorCode.Forbidden : ErrorCode.StaleRevision, lost.map((c) => c.message).join(' '), { conflicts: lost });
    }
    return done.map((s) => ({ ...s, ...(service.items.get(s.id) ? { status: service.items.get(s.id)!.status } : {}) }));
  };

  handlers.saveDraft = (arg: ArgOf<'saveDraft'>): ValueOf<'saveDraft'> => {
    if (!isShared(arg.id)) return service.saveDraft(arg);
    return durably(service.db, () => {
      const before = service.items.get(arg.id);
      const saved = service.saveDraft(arg);
      if (before && saved.item.revision !== before.revision) sync.enqueue(arg.id, 'edit', before.status, '');
      return saved;
    });
  };

  handlers.queue = async (arg: ArgOf<'queue'>): Promise<ValueOf<'queue'>> => {
    await sync.trySync();
    return service.queue(arg);
  };

  handlers.exportBatch = (arg: ArgOf<'exportBatch'>): Promise<ValueOf<'exportBatch'>> => sync.exportShared(() => service.exportBatch(arg));
  return handlers;
}

/** `wiredesk hub init`: create or migrate the shared desk's schema and its two group roles. */
export async function initSharedDesk(url: string): Promise<{ from: number; to: number; hub: string }> {
  const c = await connectHub(url);
  try {
    return { ...(await initHub(c)), hub: describeHub(url) };
  } finally {
    await c.end().catch(() => undefined);
  }
}
