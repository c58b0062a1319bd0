/**
 * The shared-desk part of the bench: 20 desks (processes, each with its own SQLite file) on one
 * PostgreSQL hub holding N submitted items. Each user path — a queue page, one transition, the
 * sync of 1,000 changes queued offline — is timed on one desk working alone (the reference)
 * and on all 20 at once (the real desk on deadline). Without PostgreSQL it says so in one line.
 *
 * Desk 0 joins first and catches up with the whole hub (timed); the other 19 start from a copy
 * of its file, as a desk restored from a colleague's backup would, so the bench does not spend
 * 19 more catch-ups on a 2-core machine.
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bodyFromPlainText } from '../core/richtext';
import { freshHub } from '../hub/testing';
import { seedHubForBench } from '../hub/reference';
import { initSharedDesk } from '../service/hub';
import { type OpenedDesk, openDesk } from '../service/open';
import { seed, sentence } from './data';
import { type Result, median, result, round } from './measure';

const DESKS = 20;
const TRANSITIONS = 10;
const QUEUED = 1000;
const QUEUE_REPS = 20;
/** A hub that cannot be reached: where a desk queues its changes "offline". */
const OFFLINE = 'postgres://nobody@127.0.0.1:1/offline';

type Task = { task: 'catchup' | 'queue' | 'sync' | 'close' } | { task: 'transition' | 'queueOffline'; ids: string[] };
type Reply = { times: number[]; moved?: number } | { error: string };

/** One desk process: `bench.js --hub-desk FILE URL`, driven over IPC. */
export async function hubDeskWorker(file: string, url: string): Promise<void> {
  let opened: OpenedDesk = openDesk(file, { hub: url });
  await opened.ready;
  const timed = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  const run = async (m: Task): Promise<Reply> => {
    switch (m.task) {
      case 'catchup':
      case 'sync': {
        let moved = 0;
        const ms = await timed(async () => {
          const r = await opened.hub!.sync();
          moved = r.pushed.length + r.pulled.length;
        });
        return { times: [ms], moved };
      }
      case 'queue': {
        const times: number[] = [];
        for (let i = 0; i < QUEUE_REPS; i++) times.push(await timed(() => Promise.resolve(opened.handlers.queue({ tab: 'submitted', limit: 100 }))));
        return { times };
      }
      case 'transition': {
        const times: number[] = [];
        for (const id of m.ids) times.push(await timed(() => Promise.resolve(opened.handlers.transition({ ids: [id], action: 'approve' }))));
        return { times };
      }
      case 'queueOffline': {
        // The same desk, cut off from the hub: the approvals wait in its outbox.
        await opened.close();
        const offline = openDesk(file, { hub: OFFLINE });
        await offline.ready;
        await offline.handlers.transition({ ids: m.ids, action: 'approve' });
        await offline.close();
        opened = openDesk(file, { hub: url });
        await opened.ready;
        return { times: [] };
      }
      case 'close':
        await opened.close();
        return { times: [] };
    }
  };
  process.on('message', (m: Task) => {
    void run(m).then(
      (r) => process.send!(r),
      (e: unknown) => process.send!({ error: e instanceof Error ? e.message : String(e) }),
    );
  });
  process.send!({ times: [] });
}

class Desk {
  private readonly child: ChildProcess;
  private pending: ((r: Reply) => void) | null = null;
  readonly ready: Promise<Reply>;
  constructor(bench: string, file: string, url: string) {
    this.child = fork(bench, ['--hub-desk', file, url], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = new Promise((resolve) => (this.pending = resolve));
    this.child.on('message', (r: Reply) => {
      const p = this.pending;
      this.pending = null;
      p?.(r);
    });
  }
  async ask(m: Task): Promise<{ times: number[]; moved?: number }> {
    const r = await new Promise<Reply>((resolve) => {
      this.pending = resolve;
      this.child.send(m);
    });
    if ('error' in r) throw new Error(`desk process: ${r.error}`);
    return r;
  }
  async close(): Promise<void> {
    await this.ask({ task: 'close' }).catch(() => undefined);
    this.child.disconnect();
  }
}

/** The hub's items: the bench's seeded desk, every item submitted, with a short body. */
function* hubDocs(n: number): Generator<Record<string, unknown>> {
  let i = 0;
  for (const item of seed(n)) yield { ...item, status: 'submitted', body: bodyFromPlainText(sentence(30, i++)) };
}

export async function hubResults(items: number, dir: string, log: (s: string) => void): Promise<Result[]> {
  // Enough items for every desk's own transitions and queued changes, and the reference's.
  const n = Math.max(items, (DESKS + 1) * (TRANSITIONS + QUEUED));
  let hub;
  try {
    hub = await freshHub();
  } catch (e) {
    log(`shared desk: not measured — PostgreSQL cannot be reached (${(e as Error).message}); start it on 127.0.0.1:5432 or set WIREDESK_TEST_PG.`);
    return [];
  }
  const bench = process.argv[1]!; // this bench's own script: each desk is a process of it
  const desks: Desk[] = [];
  try {
    await initSharedDesk(hub.url());
    const ids: string[] = [];
    const t0 = performance.now();
    await seedHubForBench(
      hub.url(),
      (function* () {
        for (const d of hubDocs(n)) {
          ids.push(d.id as string);
          yield d;
        }
      })(),
    );
    log(`shared desk: ${n} items on the hub in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const roles: string[] = [];
    for (let k = 0; k < DESKS; k++) roles.push(await hub.role('wiredesk_editor'));
    const files = roles.map((_, k) => path.join(dir, `hub-desk-${k}.sqlite`));

    const first = new Desk(bench, files[0]!, hub.url(roles[0]));
    await first.ready;
    const catchUp = await first.ask({ task: 'catchup' });
    log(`shared desk: desk 0 caught up with ${catchUp.moved} items in ${(catchUp.times[0]! / 1000).toFixed(1)} s`);
    await first.close();
    for (const f of files.slice(1)) fs.copyFileSync(files[0]!, f);

    for (let k = 0; k < DESKS; k++) desks.push(new Desk(bench, files[k]!, hub.url(roles[k])));
    await Promise.all(desks.map((d) => d.ready));
    // Each desk acts on items of its own: desk k's transitions, then its queued changes.
    const slice = (from: number, count: number) => ids.slice(from, from + count);
    const transitionIds = (k: number) => slice(k * TRANSITIONS, TRANSITIONS);
    const queuedIds = (k: number) => slice((DESKS + 1) * TRANSITIONS + k * QUEUED, QUEUED);
    const alone = DESKS; // the reference's share of items

    const pooled = (rs: { times: number[] }[]) => rs.flatMap((r) => r.times);
    const all = <T>(fn: (d: Desk, k: number) => Promise<T>) => Promise.all(desks.map(fn));

    const queueRef = await desks[0]!.ask({ task: 'queue' });
    const queueAll = await all((d) => d.ask({ task: 'queue' }));
    const transRef = await desks[0]!.ask({ task: 'transition', ids: transitionIds(alone) });
    const transAll = await all((d, k) => d.ask({ task: 'transition', ids: transitionIds(k) }));
    await all((d, k) => d.ask({ task: 'queueOffline', ids: queuedIds(k) }));
    const syncAll = await all((d) => d.ask({ task: 'sync' }));
    // The reference: one desk alone syncing 1,000 queued changes.
    await desks[0]!.ask({ task: 'queueOffline', ids: queuedIds(DESKS) });
    const syncRef = await desks[0]!.ask({ task: 'sync' });

    const extra = { desks: DESKS, hub_items: n, catch_up_s: round(catchUp.times[0]! / 1000, 1) };
    const pair = (real: { times: number[] }[], ref: { times: number[] }) => ({ real: pooled(real), ref: ref.times });
    return [
      result('hub20_queue_page', pair(queueAll, queueRef), 'the same queue page on one desk alone', 'reported', () => null, extra),
      result('hub20_transition', pair(transAll, transRef), 'the same approve on one desk alone', 'reported', () => null, extra),
      result('hub20_sync_1000', pair(syncAll, syncRef), `one desk alone syncing ${QUEUED} queued changes`, 'reported', () => null, {
        ...extra,
        changes_per_desk: QUEUED,
        changes_per_s_all_desks: round((DESKS * QUEUED) / (Math.max(...pooled(syncAll)) / 1000), 0),
        median_desk_s: round(median(pooled(syncAll)) / 1000, 1),
      }),
    ];
  } finally {
    await Promise.all(desks.map((d) => d.close()));
    await hub.drop();
  }
}
