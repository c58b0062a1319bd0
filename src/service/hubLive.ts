/**
 * A joined desk that stays open (the app, the desk server) listens on the hub: every change
 * announced there (NOTIFY) is pulled at once, and every change waiting here is pushed. When the
 * connection drops the desk is offline at once (the banner says so) and tries again every
 * couple of seconds; when it is back, what waited goes out.
 */
import type pg from 'pg';
import { listenHub } from '../hub/hub';
import type { HubSync, SyncReport } from './hub';

export interface LiveTiming {
  /** How soon to try again after the hub could not be reached. */
  retryMs: number;
  /** How often, while connected, to push and pull anyway (a change that failed for a moment). */
  refreshMs: number;
}

export const LIVE_TIMING: LiveTiming = { retryMs: 2_000, refreshMs: 10_000 };

export class LiveLink {
  private client: pg.Client | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private pending = false;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sync: HubSync,
    private readonly onSynced: (r: SyncReport) => void = () => undefined,
    private readonly timing: LiveTiming = LIVE_TIMING,
  ) {}

  /** Listening on the hub right now. */
  get connected(): boolean {
    return this.client !== null;
  }

  /** Connect and listen; when the hub cannot be reached, keep trying (never throws). */
  async start(): Promise<void> {
    if (this.stopped) return;
    let c: pg.Client;
    try {
      c = await this.sync.connect();
    } catch {
      this.schedule(this.timing.retryMs);
      return;
    }
    if (this.stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    let dead = false;
    const drop = () => {
      dead = true;
      this.lost(c);
    };
    c.on('error', drop);
    c.on('end', drop);
    try {
      await listenHub(c, () => this.kick());
    } catch {
      drop();
      return;
    }
    if (dead) return;
    this.client = c;
    this.sync.listener = c;
    this.kick(); // catch up and send what waited; the desk shows it online once that is done
    this.schedule(this.timing.refreshMs);
  }

  private lost(c: pg.Client): void {
    if (this.sync.listener === c) this.sync.listener = null;
    if (this.client !== c && this.client !== null) return;
    if (this.client === c) this.client = null;
    void c.end().catch(() => undefined);
    if (this.stopped) return;
    this.sync.note({ online: false, error: null });
    this.schedule(this.timing.retryMs);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.client) {
        this.kick();
        this.schedule(this.timing.refreshMs);
      } else void this.start();
    }, ms);
    this.timer.unref?.();
  }

  /** Push and pull soon; calls made while one waits to run are one. */
  kick(): void {
    if (this.pending || this.stopped) return;
    this.pending = true;
    this.running = this.running
      .then(async () => {
        this.pending = false;
        const r = await this.sync.trySync();
        if (r) this.onSynced(r);
      })
      .catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    // Syncs of this process already on the connection finish first; later ones open their own.
    if (this.client && this.sync.listener === this.client) this.sync.listener = null;
    await this.sync.exclusive(() => Promise.resolve());
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => undefined);
  }
}
