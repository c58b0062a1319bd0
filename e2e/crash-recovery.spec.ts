/**
 * Issue 9's crash harness: the desk server is SIGKILLed in the middle of 2,000-item exports
 * while its parent does not reap it — its pid stays a zombie, which `kill(pid, 0)` reports as
 * alive — and a new server starts on the same database at once. Recovery must not be fooled:
 * after every restart no batch is left writing, committed or stuck, every published item went
 * out in a complete file whose SHA-256 matches the record, and the next export is not refused.
 */
import { test, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve(process.env.WIREDESK_OUT ?? 'out', 'main', 'cli.js');
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const ITEMS = 2000;
const TOKEN = 'crash-harness-token-0123456789abcdef';

function cli(db: string, ...args: string[]): { code: number; stdout: string } {
  try {
    return {
      code: 0,
      stdout: execFileSync(process.execPath, [CLI, ...args, '--db', db], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] }),
    };
  } catch (e) {
    const { status, stderr } = e as { status: number; stderr: string };
    throw new Error(`wiredesk ${args.join(' ').slice(0, 80)} exited ${status}: ${String(stderr)}`, { cause: e });
  }
}

/** A desk server whose parent is `sleep` (it never reaps): killed, its pid stays a zombie. */
class UnreapedServer {
  readonly shell: ChildProcess;
  pid = 0;
  base = '';
  log = '';

  constructor(db: string) {
    this.shell = spawn('sh', ['-c', `"${process.execPath}" "${CLI}" serve --db "${db}" & echo "PID=$!"; exec sleep 3600`], {
      env: { ...process.env, WIREDESK_TOKEN: TOKEN, WIREDESK_DB: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.shell.stderr!.on('data', (d: Buffer) => (this.log += d.toString()));
  }

  async started(): Promise<void> {
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
      this.shell.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const pid = /PID=(\d+)/.exec(out);
        const url = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
        if (pid && url) {
          clearTimeout(timer);
          this.pid = Number(pid[1]);
          this.base = url[1]!.replace(/\?.*$/, '');
          resolve();
        }
      });
    });
  }

  /** One API call on a fresh connection (a pooled one may have been closed by the server meanwhile). */
  call<T>(method: string, arg: object): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> {
    const body = JSON.stringify(arg);
    return new Promise((resolve, reject) => {
      const req = http.request(
        new URL(`api/${method}`, this.base),
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-wiredesk-token': TOKEN } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolve(JSON.parse(text) as { ok: boolean; value?: T; error?: { code: string; message: string } }));
          res.on('error', reject);
        },
      );
      req.on('error', (e) => reject(new Error(`${method} failed: ${e.message}; server pid ${this.pid} is ${this.stat()}; its log:\n${this.log}`)));
      req.end(body);
    });
  }

  /** SIGKILL the server; its parent (sleep) does not reap it. */
  crash(): void {
    process.kill(this.pid, 'SIGKILL');
  }

  stat(): string {
    try {
      return fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(' ')[2]!;
    } catch {
      return 'gone';
    }
  }

  /** Wait until the killed server is a zombie (dying takes a moment); its final state. */
  async zombie(): Promise<string> {
    for (let i = 0; i < 100 && this.stat() !== 'Z'; i++) await new Promise((r) => setTimeout(r, 20));
    return this.stat();
  }

  dispose(): void {
    try {
      if (this.pid > 0) process.kill(this.pid, 'SIGKILL'); // the server (still running, or already a zombie)
    } catch {
      // gone already
    }
    this.shell.kill('SIGKILL'); // sleep goes, and init reaps the zombie
  }
}

/** Bring the desk to 2,000 approved items. */
function seedApproved(dir: string, db: string, round: number): void {
  const approved = (JSON.parse(cli(db, 'list', '--json', '--status', 'approved', '--limit', '5000').stdout) as unknown[]).length;
  const missing = ITEMS - approved;
  if (missing <= 0) return;
  const copy = Array.from(
    { length: missing },
    (_, i) => `Round ${round} item ${i} headline\nBaku/06.10.23/Turan: Body of round ${round} item ${i} about the Caspian. ---06B---\n-`,
  ).join('\n');
  const file = path.join(dir, `seed-${round}.txt`);
  fs.writeFileSync(file, copy);
  expect(cli(db, 'import', file).code).toBe(0);
  const drafts = (JSON.parse(cli(db, 'list', '--json', '--status', 'draft', '--limit', '5000').stdout) as { id: string }[]).map((i) => i.id);
  for (const action of ['submit', 'approve']) for (let i = 0; i < drafts.length; i += 1000) expect(cli(db, action, ...drafts.slice(i, i + 1000)).code).toBe(0);
}

interface Batch {
  id: number;
  state: string;
  folder: string;
  fileName: string;
  sha256: string | null;
  itemCount: number;
}

test('SIGKILL during 2,000-item exports with the pid left a zombie: recovery is never fooled', async () => {
  test.setTimeout(ROUNDS * 45_000 + 60_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-crash-'));
  const db = path.join(dir, 'desk.sqlite');
  const out = path.join(dir, 'feeds');
  fs.mkdirSync(out);
  const servers: UnreapedServer[] = [];
  const tally = { zombies: 0, wholeBatch: 0, nothing: 0, at: {} as Record<string, number> };
  let lastId: number;
  try {
    let server = new UnreapedServer(db);
    servers.push(server);
    await server.started();
    // How long one export of 2,000 items takes here: kills are spread over that time.
    seedApproved(dir, db, -1);
    const t0 = Date.now();
    expect((await server.call('exportBatch', { format: 'ninjs', folder: out })).ok).toBe(true);
    const exportMs = Date.now() - t0;
    lastId = 1;
    for (let round = 0; round < ROUNDS; round++) {
      seedApproved(dir, db, round);
      const before = (JSON.parse(cli(db, 'batches', '--json').stdout) as Batch[]).length;
      // Start an export and kill the server somewhere inside it (or just after).
      const exporting = server.call('exportBatch', { format: round % 2 ? 'ninjs2' : 'ninjs', folder: out }).catch(() => null);
      await new Promise((r) => setTimeout(r, Math.floor(exportMs * (0.05 + 1.45 * Math.random()))));
      server.crash();
      await exporting;
      if ((await server.zombie()) === 'Z') tally.zombies++;
      // Where the kill left the newest batch (read only: no recovery runs here).
      const look = new Database(db, { readonly: true, fileMustExist: true });
      const newest = look.prepare('SELECT id, state FROM batches ORDER BY id DESC LIMIT 1').get() as { id: number; state: string } | undefined;
      look.close();
      const at = newest && newest.id > lastId ? newest.state : 'before reserve';
      tally.at[at] = (tally.at[at] ?? 0) + 1;
      // Restart at once, on the same database.
      server = new UnreapedServer(db);
      servers.push(server);
      await server.started();

      const page = await server.call<{ items: Batch[] }>('listBatches', { limit: 500 });
      expect(page.ok).toBe(true);
      const batches = page.value!.items;
      expect(batches.filter((b) => b.state !== 'written')).toEqual([]);
      lastId = Math.max(0, ...batches.map((b) => b.id));
      if (batches.length > before) tally.wholeBatch++;
      else tally.nothing++;
      // Every published item went out in a complete file whose hash matches the record.
      let inFiles = 0;
      for (const b of batches) {
        const file = path.join(b.folder, b.fileName);
        expect(fs.existsSync(file)).toBe(true);
        expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(b.sha256);
        inFiles += b.itemCount;
      }
      const counts = (await server.call<{ counts: Record<string, number> }>('queue', { tab: 'published', limit: 1 })).value!.counts;
      expect(counts.published).toBe(inFiles);
      expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
    // And nothing is refused afterwards: the next export goes through.
    seedApproved(dir, db, ROUNDS);
    const last = await server.call<Batch>('exportBatch', { format: 'ninjs', folder: out });
    expect(last.error).toBeUndefined();
    expect(last.value).toMatchObject({ state: 'written', itemCount: ITEMS });
    test.info().annotations.push({
      type: 'crash rounds',
      description: `${ROUNDS} rounds (export of ${ITEMS} items ≈ ${exportMs} ms): ${tally.zombies} killed servers left as zombies, ${tally.wholeBatch} batches went out whole, ${tally.nothing} left nothing published; the kill found the batch ${JSON.stringify(tally.at)}`,
    });
    expect(tally.zombies).toBe(ROUNDS);
  } finally {
    for (const s of servers) s.dispose();
  }
});
