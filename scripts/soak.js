// `npm run soak`: the desk server killed with SIGKILL at random moments while a scripted
// editor (the same HTTP calls the desk page makes) creates, types into, saves, submits,
// approves and exports items. After every kill: PRAGMA integrity_check, every acknowledged
// save still there, every acknowledged batch file on disk with its recorded hash.
//   node scripts/soak.js [--rounds 200] [--seed N]      (npm test runs 50 rounds)
// Exit 0 when nothing was lost; prints one summary line either way.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ensureBuilt, root } from './build.js';

const CLI = path.join(root, 'out', 'main', 'cli.js');

/** mulberry32: a seeded generator, so a failing run can be replayed with --seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WIREDESK_DB: '' } });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`desk server did not start:\n${out}`)), 20_000);
    const onData = (d) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/)\?token=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1], token: decodeURIComponent(m[2]) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`desk server exited (${code}) before it was ready:\n${out}`));
    });
  });
}

const body = (text) => ({
  root: {
    type: 'root',
    version: 1,
    format: '',
    indent: 0,
    direction: null,
    children: [
      {
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: null,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
      },
    ],
  },
});

/** The scripted editor's state: what the desk acknowledged, and so must never lose. */
class Editor {
  constructor(random, folder) {
    this.random = random;
    this.folder = folder;
    /** id → { revision, headline, status } as last acknowledged */
    this.items = new Map();
    /** batch id → { file, sha256 } for batches acknowledged as written */
    this.batches = new Map();
    this.acked = { saves: 0, transitions: 0, batches: 0 };
    this.n = 0;
  }

  async call(server, method, arg) {
    const res = await fetch(`${server.base}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Wiredesk-Token': server.token },
      body: JSON.stringify(arg),
    });
    const reply = await res.json();
    if (res.status !== 200) throw new Error(`${method}: HTTP ${res.status} ${JSON.stringify(reply)}`);
    if (!reply.ok && reply.error.code === 'INTERNAL') throw new Error(`${method}: INTERNAL ${reply.error.message}`);
    return reply;
  }

  fields(id, headline) {
    return {
      slug: `SOAK-${id.slice(0, 8).toUpperCase()}`,
      headline,
      dateline: { place: 'Baku', date: '2026-11-30', agency: 'Turan' },
      category: 'Politics',
      source: 'soak',
      byline: '',
      signOff: '06B',
      urgency: 1 + Math.floor(this.random() * 9),
      embargo: null,
      keywords: [],
      editorNote: '',
      subscriberNote: '',
      language: 'en',
      body: body(`${headline}. The talks continue in Baku, officials said.`),
    };
  }

  /** One editor step; returns when the desk answered (or the connection died). */
  async step(server) {
    const r = this.random();
    const drafts = [...this.items].filter(([, i]) => i.status === 'draft');
    if (r < 0.2 || drafts.length === 0) {
      const reply = await this.call(server, 'createItem', { fields: { headline: 'New item' } });
      if (!reply.ok) return;
      const { id, revision } = reply.value.item;
      this.items.set(id, { revision, headline: 'New item', status: 'draft' });
      const saved = await this.save(server, id);
      if (!saved) return;
      return;
    }
    const [id] = drafts[Math.floor(this.random() * drafts.length)];
    if (r < 0.75) return void (await this.save(server, id));
    if (r < 0.9) {
      for (const action of ['submit', 'approve']) {
        const t = await this.call(server, 'transition', { ids: [id], action });
        if (!t.ok) return void (await this.resync(server, id));
        this.items.get(id).status = t.value[0].status;
        this.acked.transitions++;
      }
      return;
    }
    const e = await this.call(server, 'exportBatch', { format: this.random() < 0.5 ? 'ninjs' : 'jsonfeed', folder: this.folder });
    if (e.ok && e.value.state === 'written') {
      this.batches.set(e.value.id, { file: path.join(e.value.folder, e.value.fileName), sha256: e.value.sha256 });
      this.acked.batches++;
      for (const i of this.items.values()) if (i.status === 'approved') i.status = 'published';
    }
  }

  /** Type a little and save (an autosave of one sitting). */
  async save(server, id) {
    const item = this.items.get(id);
    const headline = `Talks resume in Baku, take ${++this.n}`;
    // Autosaves of one sitting fold into one revision: a save whose answer is lost to the kill
    // may still have landed on the acknowledged revision.
    item.inflight = headline;
    const reply = await this.call(server, 'saveDraft', {
      id,
      baseRevision: item.revision,
      fields: this.fields(id, headline),
      session: `${server.sitting}-${id}`,
    });
    if (!reply.ok) {
      await this.resync(server, id);
      return false;
    }
    this.items.set(id, { revision: reply.value.item.revision, headline, status: reply.value.item.status });
    this.acked.saves++;
    return true;
  }

  /** After a refusal (a save that landed but whose answer was lost): take the desk's state as it is. */
  async resync(server, id) {
    const reply = await this.call(server, 'getItem', { id });
    if (reply.ok) {
      const it = reply.value.item;
      this.items.set(id, { revision: it.revision, headline: it.headline, status: it.status });
    }
  }

  /** What must hold after a crash; returns the problems found. */
  check(dbFile) {
    const problems = [];
    const db = new Database(dbFile);
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
      const get = db.prepare('SELECT revision, headline, status FROM items WHERE id = ?');
      for (const [id, want] of this.items) {
        const row = get.get(id);
        if (!row) problems.push(`acknowledged item ${id} is gone`);
        else if (row.revision < want.revision) problems.push(`item ${id}: revision ${row.revision}, but ${want.revision} was acknowledged`);
        else if (row.revision === want.revision && row.headline !== want.headline && row.headline !== want.inflight)
          problems.push(`item ${id}: acknowledged headline "${want.headline}" became "${row.headline}"`);
      }
    } finally {
      db.close();
    }
    for (const [id, b] of this.batches) {
      if (!fs.existsSync(b.file)) problems.push(`batch ${id}: ${b.file} is missing`);
      else if (createHash('sha256').update(fs.readFileSync(b.file)).digest('hex') !== b.sha256)
        problems.push(`batch ${id}: ${b.file} does not match its recorded hash`);
    }
    return problems;
  }
}

export async function soak({ rounds, seed, log = () => undefined }) {
  const random = rng(seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-soak-'));
  const db = path.join(dir, 'desk.sqlite');
  const folder = path.join(dir, 'batches');
  fs.mkdirSync(folder);
  const editor = new Editor(random, folder);
  const problems = [];
  let round = 0;
  try {
    for (round = 1; round <= rounds && problems.length === 0; round++) {
      const server = await startServer(db);
      // Each start is a new sitting of the editor (a new window after the crash).
      server.sitting = `soak-${round}`;
      let running = true;
      // The editor works until the kill; a request cut off by it is simply not acknowledged.
      const work = (async () => {
        while (running) {
          try {
            await editor.step(server);
          } catch (e) {
            if (running) problems.push(`round ${round}: ${e.message}`);
            return;
          }
        }
      })();
      await new Promise((r) => setTimeout(r, 100 + random() * 600));
      running = false;
      server.child.kill('SIGKILL');
      await new Promise((r) => server.child.once('exit', r));
      await work;
      problems.push(...editor.check(db).map((p) => `round ${round}: ${p}`));
      log(`round ${round}: ${editor.items.size} items, ${editor.acked.saves} saves, ${editor.acked.batches} batches acknowledged`);
    }
  } finally {
    if (problems.length === 0) fs.rmSync(dir, { recursive: true, force: true });
  }
  return { rounds: round - 1, seed, ...editor.acked, items: editor.items.size, problems, dir };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' }, seed: { type: 'string' }, verbose: { type: 'boolean' } } });
  const rounds = Number(values.rounds);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!ensureBuilt()) process.exit(1);
  const t0 = Date.now();
  const r = await soak({ rounds, seed, log: values.verbose ? (l) => process.stdout.write(`${l}\n`) : undefined });
  for (const p of r.problems) process.stdout.write(`LOST ${p}\n`);
  process.stdout.write(
    `soak: ${r.rounds} rounds survived of ${rounds} (seed ${seed}, ${((Date.now() - t0) / 1000).toFixed(0)} s): ${r.items} items, ${r.saves} saves, ${r.transitions} transitions and ${r.batches} batches acknowledged; ${r.problems.length === 0 ? 'nothing lost' : `${r.problems.length} problem(s), store kept in ${r.dir}`}.\n`,
  );
  process.exit(r.problems.length === 0 && r.rounds === rounds ? 0 : 1);
}
