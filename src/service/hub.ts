/**
 * A desk joined to a shared desk (PostgreSQL hub). Drafting stays local and offline, exactly as
 * on a desk of its own; from "Submit for review" on, every change to an item goes through the
 * local outbox (one row per change, one idempotency key) and is pushed when the hub can be
 * reached. The hub applies each change with one statement guarded by the revision it was made
 * on, so of two editors acting on one item one wins and the other is told who did what, when;
 * the changes of one action on several items are applied together or not at all.
 *
 * How reaching the hub went is stored (store/hubLink), so every window and process on this
 * desk shows the same connection state and banner. The routing of contract methods through the
 * hub is in hubHandlers.ts, joining and leaving in sharedDesk.ts, listening in hubLive.ts.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { DeskFailure, ErrorCode } from '../core/errors';
import { offlineBanner, waitingWords } from '../core/vocabulary';
import { type HubItemRow, changesSince, checkHubVersion, connectHub, describeHub, hubIdentity, isOffline, offlineFailure, whoAmI } from '../hub/hub';
import { addAudit } from '../store/audit';
import { type HubLinkState, readHubLink, readHubState, writeHubLink, writeHubState } from '../store/hubLink';
import type { StoredItem } from '../store/items';
import { Outbox } from '../store/outbox';
import type { DeskService } from './desk';
import { LiveLink, type LiveTiming } from './hubLive';
import { pushWaiting } from './hubPush';

export { hubUrlFrom } from '../hub/hub';
export { initSharedDesk } from './hubInit';

const PAGE = 1000;
/** With nothing moving, "last sync" is brought up to date at most this often. */
const LAST_SYNC_EVERY_MS = 60_000;

export interface SyncReport {
  pushed: { itemId: string; action: string; slug: string }[];
  pulled: { itemId: string; status: string; slug: string; by: string }[];
  /**
   * Changes the hub did not take: made on an older revision (stale) or not this role's to make
   * (refused). `grp` is the action they were part of; `lost` is false for a change that was
   * sound but went with a group that could not be applied whole.
   */
  conflicts: { itemId: string; message: string; refused: boolean; grp: string | null; lost: boolean }[];
  waiting: number;
}

export const emptyReport = (): SyncReport => ({ pushed: [], pulled: [], conflicts: [], waiting: 0 });

export interface HubStatus {
  hub: string;
  online: boolean;
  waiting: number;
  conflicts: number;
  /** The line the desk shows: "Offline — 3 changes waiting", or null when all is sent. */
  banner: string | null;
}

export class HubSync {
  readonly outbox: Outbox;
  private checked = false;
  /** Syncs and exports of this process, one at a time. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    readonly service: DeskService,
    readonly url: string,
  ) {
    this.outbox = new Outbox(service.db);
  }

  /** How the last attempt to reach the hub went: null before any. */
  get online(): boolean | null {
    return this.state().online;
  }

  state(): HubLinkState {
    return readHubState(this.service.db);
  }

  /** Store how reaching the hub went (the banner and Settings read it), when it is news. */
  note(patch: Partial<HubLinkState>, synced?: { moved: boolean }): void {
    if (!this.service.db.open) return;
    const now = new Date().toISOString();
    const before = this.state();
    const next = { ...before, ...patch };
    if (next.online !== before.online || next.error?.message !== before.error?.message) next.since = now;
    if (synced && (synced.moved || next.since === now || !before.lastSync || Date.parse(before.lastSync) < Date.now() - LAST_SYNC_EVERY_MS))
      next.lastSync = now;
    writeHubState(this.service.db, next);
  }

  private async client(): Promise<pg.Client> {
    const c = await connectHub(this.url);
    try {
      if (!this.checked) {
        await checkHubVersion(c, this.url);
        const me = await whoAmI(c);
        this.note({ role: me.role, roleKind: me.editor ? 'editor' : me.writer ? 'writer' : 'none' });
        // Which shared desk this desk's shared items and cursors belong to (joined by --hub too).
        if (!readHubLink(this.service.db)) writeHubLink(this.service.db, { url: null, identity: hubIdentity(this.url), at: new Date().toISOString() });
      }
      this.checked = true;
      return c;
    } catch (e) {
      await c.end().catch(() => undefined);
      throw e;
    }
  }

  /** A connection to the hub (the caller ends it); offline and refusals are noted for the banner. */
  async connect(): Promise<pg.Client> {
    try {
      return await this.client();
    } catch (e) {
      if (e instanceof DeskFailure && e.code === ErrorCode.HubOffline) this.note({ online: false, error: null });
      else if (e instanceof DeskFailure) this.note({ online: true, error: { code: e.code, message: e.message } });
      else if (isOffline(e)) {
        this.note({ online: false, error: null });
        throw offlineFailure(this.url, e);
      }
      throw e;
    }
  }

  /** Run `fn` on a fresh connection to the hub. */
  async withHub<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = await this.connect();
    try {
      const r = await fn(c);
      this.note({ online: true, error: null });
      return r;
    } catch (e) {
      if (isOffline(e)) {
        this.note({ online: false, error: null });
        throw offlineFailure(this.url, e);
      }
      throw e;
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  /** The live link's connection while it listens (hubLive.ts); syncs of this process run on it. */
  listener: pg.Client | null = null;

  private async onListener(c: pg.Client, fn: (c: pg.Client) => Promise<void>): Promise<void> {
    try {
      await fn(c);
      this.note({ online: true, error: null });
    } catch (e) {
      if (!isOffline(e)) throw e;
      this.note({ online: false, error: null });
      throw offlineFailure(this.url, e);
    }
  }

  /** Pull whenever the hub announces a change (and push what waits), until the returned function is called. */
  async live(onSynced: (r: SyncReport) => void, timing?: LiveTiming): Promise<() => Promise<void>> {
    const link = new LiveLink(this, onSynced, timing);
    await link.start();
    return () => link.stop();
  }

  /** One sync or export at a time in this process (another process's is told apart by the hub). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.turn.then(fn, fn);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Queue a change this desk just made to a shared item (inside the caller's transaction). */
  enqueue(itemId: string, action: string, fromStatus: string, note: string, grp: string | null = null): void {
    const item = this.service.items.get(itemId)!;
    this.outbox.enqueue({
      idemKey: randomUUID(),
      itemId,
      action,
      change: { fromStatus, toStatus: item.status, version: item.version, note, doc: item as unknown as Record<string, unknown> },
      createdAt: new Date().toISOString(),
      grp,
    });
  }

  /** Make the hub's state of an item this desk's state (a pull, or the winner of a conflict). */
  adopt(row: HubItemRow): boolean {
    const local = this.service.items.get(row.id);
    // Returned items are drafts again: private to the writer's desk, not shown elsewhere.
    if (!local && row.status === 'draft') return false;
    const item = { ...(row.doc as unknown as StoredItem), updatedBy: row.updatedBy, updatedAt: row.updatedAt };
    if (local) this.service.items.update(item);
    else this.service.items.insert(item);
    if (this.service.items.revisionFields(item.id, item.revision) === null) this.service.items.addRevision(item, [], 'From the shared desk');
    this.service.indexer.soon(); // its text, if it changed, waits for the search index
    this.outbox.setShared(row.id, row.revision);
    return true;
  }

  push(c: pg.Client, report: SyncReport): Promise<void> {
    return pushWaiting(this, c, report);
  }

  /**
   * Pull what changed on the hub since the last pull: item states, then their audit, a page of
   * each per write. The write need not survive a power cut (synchronous=NORMAL, no fsync): the
   * hub keeps it, and a desk that lost it pulls it again (the cursor is lost with it); an export
   * pulls under the hub's lock before it reads what is approved. Twenty desks pulling each change
   * at once no longer queue twenty fsyncs on the disk.
   */
  async pull(c: pg.Client, report: SyncReport): Promise<void> {
    for (;;) {
      const got = await changesSince(c, { items: this.outbox.cursor('items'), audit: this.outbox.cursor('audit') }, PAGE);
      const rows = got.items;
      // The audit after the items: a step is never shown for an item this desk does not hold yet.
      const audit = rows.length < PAGE ? got.audit : [];
      if (rows.length === 0 && audit.length === 0) return;
      this.service.db.transaction(() => {
        for (const row of rows) {
          // Waiting changes of this desk go first; the push settles who wins.
          if (!this.outbox.hasWaiting(row.id) && this.adopt(row))
            report.pulled.push({ itemId: row.id, status: row.status, slug: (row.doc.slug as string) || row.id, by: row.updatedBy });
        }
        if (rows.length > 0) this.outbox.setCursor('items', rows[rows.length - 1]!.changeSeq);
        for (const a of audit) {
          if (this.outbox.isOurs(a.idemKey) || !this.service.items.get(a.itemId)) continue;
          addAudit(this.service.db, a.itemId, {
            action: a.action,
            fromStatus: a.fromStatus,
            toStatus: a.toStatus,
            version: a.version,
            note: a.note,
            at: a.at,
            by: a.actor,
          });
        }
        if (audit.length > 0) this.outbox.setCursor('audit', audit[audit.length - 1]!.seq);
      })();
      // A short page of each is the end: what the hub commits after it, it announces (and the live link pulls).
      if (rows.length < PAGE && audit.length < PAGE) return;
    }
  }

  /** Push every waiting change, then (unless `pull` is false) pull what changed on the hub: `wiredesk sync`. */
  sync({ pull = true }: { pull?: boolean } = {}): Promise<SyncReport> {
    return this.exclusive(async () => {
      const report = emptyReport();
      const work = async (c: pg.Client) => {
        await this.push(c, report);
        if (pull) await this.pull(c, report);
      };
      // Listening, the live connection does the work: no new connection (and server process) per sync.
      if (this.listener) await this.onListener(this.listener, work);
      else await this.withHub(work);
      report.waiting = this.outbox.waitingCount();
      this.note({}, { moved: report.pushed.length + report.pulled.length + report.conflicts.length > 0 });
      return report;
    });
  }

  /** Sync if the hub can be reached; offline, the changes wait. */
  async trySync(opts: { pull?: boolean } = {}): Promise<SyncReport | null> {
    try {
      return await this.sync(opts);
    } catch (e) {
      if (
        e instanceof DeskFailure &&
        (e.code === ErrorCode.HubOffline || e.code === ErrorCode.HubNotReady || e.code === ErrorCode.Forbidden || e.code === ErrorCode.DatabaseFromFuture)
      )
        return null;
      throw e;
    }
  }

  async status(): Promise<HubStatus> {
    const online = await this.withHub(() => Promise.resolve(true)).catch((e: unknown) => {
      if (e instanceof DeskFailure && e.code === ErrorCode.HubOffline) return false;
      throw e;
    });
    const waiting = this.outbox.waitingCount();
    return { hub: describeHub(this.url), online, waiting, conflicts: this.outbox.conflictCount(), banner: this.banner() };
  }

  /** "Offline — 3 changes waiting" after the hub could not be reached; null when all is sent. */
  banner(): string | null {
    const waiting = this.outbox.waitingCount();
    if (this.online === false) return offlineBanner(waiting);
    return waiting > 0 ? `Not sent yet — ${waitingWords(waiting)}` : null;
  }

  /** The shared desk's number of the last batch this desk exported. */
  lastHubBatch: number | null = null;
}
