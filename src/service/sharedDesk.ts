/**
 * Which shared desk this desk is joined to, and joining and leaving it. The link comes from
 * --hub / WIREDESK_HUB (fixed for the run) or from Settings (stored; never a password). Joining
 * checks first — the shared desk can be reached, is set up by this Wiredesk, and the role is a
 * Wiredesk writer or editor — and stores nothing when any check fails. A desk that stays open
 * (the app, the desk server) listens on the shared desk while joined (hubLive.ts).
 */
import { DeskFailure, ErrorCode } from '../core/errors';
import { checkHubUrl, checkHubVersion, connectHub, describeHub, hubIdentity, notMember, whoAmI } from '../hub/hub';
import { durably } from '../store/db';
import { NO_HUB_STATE, readHubLink, writeHubLink, writeHubState } from '../store/hubLink';
import { Outbox } from '../store/outbox';
import type { SharedDeskStatus, ValueOf } from '../contract';
import type { DeskService } from './desk';
import { HubSync } from './hub';
import { LiveLink } from './hubLive';
import { notJoined, sharedStatus } from './hubStatus';

export class SharedDesk {
  sync: HubSync | null = null;
  source: 'settings' | 'command' | null = null;
  private live: LiveLink | null = null;
  private liveWanted = false;

  constructor(
    readonly service: DeskService,
    commandUrl: string | null = null,
  ) {
    const stored = readHubLink(service.db)?.url ?? null;
    const url = commandUrl ?? stored;
    if (url) {
      this.sync = new HubSync(service, url);
      this.source = commandUrl ? 'command' : 'settings';
    }
  }

  status(): SharedDeskStatus {
    return sharedStatus(this.service.db, this.sync && this.source ? { url: this.sync.url, source: this.source } : null);
  }

  /** The joined desk's sync, or HUB_NOT_JOINED. */
  joined(): HubSync {
    return this.sync ?? notJoined();
  }

  /** Listening on the hub, and it cannot be reached now: do not wait for it. */
  get knownOffline(): boolean {
    return this.live !== null && !this.live.connected;
  }

  /** Listening on the hub: changes there arrive by themselves. */
  get isLive(): boolean {
    return this.live?.connected ?? false;
  }

  /** Push and pull soon, without waiting (after an edit to a shared item). */
  kick(): void {
    this.live?.kick();
  }

  private refuseIfCommand(what: string): void {
    if (this.source === 'command') {
      throw new DeskFailure(
        ErrorCode.Forbidden,
        `This desk was started on the shared desk ${describeHub(this.sync!.url)} with --hub or WIREDESK_HUB, so it cannot ${what} here. Start it without them.`,
      );
    }
  }

  private refuseIfWaiting(what: string): void {
    const waiting = new Outbox(this.service.db).waitingCount();
    if (waiting > 0) {
      const changes = waiting === 1 ? '1 change has' : `${waiting} changes have`;
      throw new DeskFailure(
        ErrorCode.HubChangesWaiting,
        `${changes} not reached the shared desk yet; ${what} would leave them unsent. Sync first, or leave anyway.`,
        { waiting },
      );
    }
  }

  async join(url: string): Promise<SharedDeskStatus> {
    this.refuseIfCommand('join another');
    checkHubUrl(url);
    const c = await connectHub(url);
    let me: Awaited<ReturnType<typeof whoAmI>>;
    try {
      // The schema first, as a sync checks it: a hub not set up says so, whoever asks.
      await checkHubVersion(c, url);
      me = await whoAmI(c);
      if (!me.editor && !me.writer) throw notMember(me.role, url);
    } finally {
      await c.end().catch(() => undefined);
    }
    const identity = hubIdentity(url);
    const before = readHubLink(this.service.db);
    if (before?.identity !== identity) this.refuseIfWaiting('joining another shared desk');
    await this.stopLive();
    const now = new Date().toISOString();
    durably(this.service.db, () => {
      // Shared items and pull cursors of another shared desk mean nothing on this one.
      if (before?.identity !== identity) new Outbox(this.service.db).forgetHub();
      writeHubLink(this.service.db, { url, identity, at: now });
      writeHubState(this.service.db, { ...NO_HUB_STATE, online: true, since: now, role: me.role, roleKind: me.editor ? 'editor' : 'writer' });
    });
    this.sync = new HubSync(this.service, url);
    this.source = 'settings';
    await this.sync.trySync();
    if (this.liveWanted) await this.startLive();
    return this.status();
  }

  async leave(force = false): Promise<SharedDeskStatus> {
    this.refuseIfCommand('leave it');
    const link = readHubLink(this.service.db);
    if (!this.sync || !link?.url) return this.status();
    if (!force) this.refuseIfWaiting('leaving');
    await this.stopLive();
    durably(this.service.db, () => {
      new Outbox(this.service.db).abandonWaiting({ message: `Not sent: this desk left the shared desk ${describeHub(link.url!)} before it could be.` });
      writeHubLink(this.service.db, { ...link, url: null, at: new Date().toISOString() });
      writeHubState(this.service.db, NO_HUB_STATE);
    });
    this.sync = null;
    this.source = null;
    return this.status();
  }

  async syncNow(): Promise<ValueOf<'syncHub'>> {
    const r = await this.joined().sync();
    return {
      sync: { pushed: r.pushed.length, pulled: r.pulled.length, conflicts: r.conflicts.map((c) => c.message), waiting: r.waiting },
      status: this.status(),
    };
  }

  /** Keep listening on the shared desk while joined (the app and the desk server; not one CLI command). */
  async startLive(): Promise<void> {
    this.liveWanted = true;
    if (!this.sync || this.live) return;
    this.live = new LiveLink(this.sync);
    await this.live.start();
  }

  private async stopLive(): Promise<void> {
    const live = this.live;
    this.live = null;
    await live?.stop();
  }

  async close(): Promise<void> {
    this.liveWanted = false;
    await this.stopLive();
  }
}
