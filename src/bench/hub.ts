/**
 * The bench's shared-desk part: 20 desk processes (`wiredesk serve`, each on its own SQLite
 * file) joined to one fresh PostgreSQL database holding the bench's items, all listening.
 *  - hub_queue_page: a Submitted page on a desk that holds every shared item, over HTTP.
 *  - hub_transition: one approve on that desk, over HTTP (pushed to the hub before it answers),
 *    and how long until every other desk holds the approval (read from their files).
 *  - hub_sync_1000: the 20th desk, stopped and offline, submitted 1,000 items; coming back,
 *    `sync` sends them while the other 19 listen and pull them.
 * Skipped, with one line saying why, when no PostgreSQL answers (WIREDESK_BENCH_PG).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BENCH_PG, type BenchHub, hubHeads, openBenchHub, referenceInserts, referenceUpdate, seedHub } from '../hub/bench';
import { defaultFields, type ItemFields } from '../core/item';
import { bodyFromPlainText } from '../core/richtext';
import { DEFAULT_SETTINGS } from '../core/settings';
import { type Db, openDb } from '../store/db';
import { ItemStore, type StoredItem } from '../store/items';
import { Outbox } from '../store/outbox';
import { openDesk } from '../service/open';
import { type Result, interleave, result, round } from './measure';
import { seed, sentence } from './data';

const here = path.dirname(fileURLToPath(import.meta.url));

/** An item ready to submit, as a reporter files it. */
function filed(slug: string, i: number): ItemFields {
  const dateline = { place: 'Aktau', date: '2026-11-30', agency: 'Turan' };
  return {
    ...defaultFields(DEFAULT_SETTINGS),
    slug,
    headline: `Filed from the field ${i}`,
    dateline,
    category: 'Economy',
    signOff: '06B',
    body: bodyFromPlainText(sentence(80, i)),
  };
}

interface Served {
  child: ChildProcess;
  url: string;
  token: string;
  file: string;
}

async function serve(file: string, hubUrl: string): Promise<Served> {
  const token = randomBytes(18).toString('base64url');
  const child = spawn(process.execPath, [path.join(here, 'cli.js'), 'serve', '--db', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WIREDESK_TOKEN: token, WIREDESK_DB: '', WIREDESK_HUB: hubUrl },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`desk server did not start:\n${out}`)), 60_000);
    const take = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/)\?token=/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`desk server exited (${code}):\n${out}`)));
  });
  return { child, url, token, file };
}

async function api<T>(s: Served, method: string, arg: unknown): Promise<T> {
  const res = await fetch(`${s.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Wiredesk-Token': s.token },
    body: JSON.stringify(arg),
  });
  const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`);
  return r.value;
}

function stop(s: Served): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

/** Wait until `check` holds, polling; the time it took (ms). */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<number> {
  const t0 = performance.now();
  while (!(await check())) {
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 2));
  }
  return performance.now() - t0;
}

/** Desk 1 holds every item (it was on the shared desk from the start); the others joined at the hub's head. */
async function prepare(hub: BenchHub, dir: string, desks: number, n: number, log: (s: string) => void): Promise<string[]> {
  const files = Array.from({ length: desks }, (_, i) => path.join(dir, `desk-${i + 1}.sqlite`));
  const db = openDb(files[0]!);
  const items = new ItemStore(db);
  const shared: StoredItem[] = [];
  items.insertMany(
    (function* () {
      for (const item of seed(n)) {
        if (item.status !== 'draft') shared.push(item);
        yield item;
      }
    })(),
  );
  const revisions = await seedHub(hub.client, shared);
  const heads = await hubHeads(hub.client);
  const outbox = new Outbox(db);
  outbox.setSharedMany(revisions);
  outbox.setCursor('items', heads.items);
  outbox.setCursor('audit', heads.audit);
  db.close();
  for (const file of files.slice(1)) {
    const d = openDb(file);
    new Outbox(d).setCursor('items', heads.items);
    new Outbox(d).setCursor('audit', heads.audit);
    d.close();
  }
  log(`shared desk: ${n} items (${shared.length} on the hub), ${desks} desks`);
  return files;
}

export async function hubResults(o: {
  quick: boolean;
  wanted: (...names: string[]) => boolean;
  n: number;
  dir: string;
  log: (s: string) => void;
}): Promise<Result[]> {
  if (!o.wanted('hub_queue_page', 'hub_transition', 'hub_sync_1000')) return [];
  const hub = await openBenchHub();
  if ('missing' in hub) {
    o.log(`shared desk: skipped — no PostgreSQL at ${BENCH_PG} (${hub.missing}). Set WIREDESK_BENCH_PG to a server where this user may create databases.`);
    return [];
  }
  const desks = Number(process.env.BENCH_HUB_DESKS ?? 20);
  const dir = fs.mkdtempSync(path.join(o.dir, 'hub-'));
  const servers: Served[] = [];
  const results: Result[] = [];
  try {
    const files = await prepare(hub, dir, desks, o.n, o.log);
    for (const f of files) servers.push(await serve(f, hub.url));
    await until(async () => (await Promise.all(servers.map((s) => api<{ connection: string }>(s, 'hubStatus', {})))).every((st) => st.connection === 'online'));
    o.log(`shared desk: ${servers.length} desk servers listening`);
    const main = servers[0]!;
    const readers = files.slice(1).map((f) => openDb(f, { readonly: true }));
    const stores = new Map<Db, ItemStore>(readers.map((r) => [r, new ItemStore(r)]));
    const statusIn = (db: Db, id: string) => stores.get(db)!.getState(id)?.status ?? null;

    if (o.wanted('hub_queue_page')) {
      const pair = await interleave(
        o.quick ? 20 : 50,
        () => api(main, 'queue', { tab: 'submitted', limit: 100 }),
        () => api(main, 'getSettings', {}),
      );
      results.push(
        result('hub_queue_page', pair, 'the same desk server answering getSettings (the HTTP round trip alone)', 'p95 < 50 ms', (r) => r.p95 < 50, {
          desks: servers.length,
          items: o.n,
        }),
      );
    }

    if (o.wanted('hub_transition')) {
      const page = await api<{ items: { id: string; slug: string; headline: string; urgency: number; status: string }[] }>(main, 'queue', {
        tab: 'submitted',
        limit: 100,
      });
      const ids = page.items.map((i) => i.id);
      const spread: number[] = [];
      let k = 0;
      const pair = await interleave(
        o.quick ? 10 : 20,
        async () => {
          const id = ids[k++]!;
          await api(main, 'transition', { ids: [id], action: 'approve' });
          const t0 = performance.now();
          await until(() => readers.every((r) => statusIn(r, id) === 'approved'));
          spread.push(performance.now() - t0);
        },
        () => referenceUpdate(hub.client, { ...page.items[k]!, id: page.items[k]!.id }),
      );
      const sorted = [...spread].sort((a, b) => a - b);
      results.push(
        result('hub_transition', pair, 'one guarded UPDATE of the same document in a plain table', 'p95 < 100 ms', (r) => r.p95 < 100, {
          desks: servers.length,
          then_on_every_other_desk_median_ms: round(sorted[Math.floor(sorted.length / 2)] ?? 0, 1),
          then_on_every_other_desk_max_ms: round(sorted[sorted.length - 1] ?? 0, 1),
        }),
      );
    }

    if (o.wanted('hub_sync_1000')) {
      const last = servers.pop()!;
      await stop(last);
      const real: number[] = [];
      const ref: number[] = [];
      const spread: number[] = [];
      for (let rep = 0; rep < (o.quick ? 2 : 3); rep++) {
        // Offline (nothing answers on port 1): 1,000 items written and submitted, each a change in the outbox.
        const away = openDesk(last.file, { hub: 'postgres://bench@127.0.0.1:1/offline' });
        const batch: { id: string; status: string; slug: string; headline: string; urgency: number }[] = [];
        for (let i = 0; i < 1000; i++) {
          const { item } = await away.handlers.createItem({ fields: filed(`FIELD-${rep}-${i}`, i) });
          await away.handlers.transition({ ids: [item.id], action: 'submit' });
          batch.push({ ...item, status: 'submitted' });
        }
        await away.close();
        const back = openDesk(last.file, { hub: hub.url });
        const t0 = performance.now();
        const report = await back.hub!.sync();
        real.push(performance.now() - t0);
        if (report.pushed.length !== 1000) throw new Error(`sync sent ${report.pushed.length} of 1000`);
        const lastId = batch[batch.length - 1]!.id;
        spread.push(await until(() => readers.slice(0, -1).every((r) => statusIn(r, lastId) === 'submitted')));
        await back.close();
        const r0 = performance.now();
        await referenceInserts(hub.client, batch);
        ref.push(performance.now() - r0);
      }
      results.push(
        result(
          'hub_sync_1000',
          { real, ref },
          '1,000 INSERTs of the same documents in one transaction into a plain table',
          'under 30 s',
          (r) => r.median < 30_000,
          {
            desks_listening: servers.length,
            then_on_every_other_desk_after_ms: round(Math.max(...spread), 0),
          },
        ),
      );
    }
    for (const r of readers) r.close();
  } finally {
    await Promise.all(servers.map(stop));
    await hub.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
