import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type FreshHub, freshHub, pgProxy } from '../test/hub';

/** Two desks as two `wiredesk` processes with their own SQLite files, on one fresh PostgreSQL database. */
const CLI = path.resolve(process.env.WIREDESK_OUT ?? 'out', 'main', 'cli.js');

const COPY = `Ferry traffic resumes on the Caspian
Aktau/07.10.23/Turan: Ferry traffic between Baku and Aktau resumed on Saturday. ---06B---
-
Baku stock exchange opens a bond market
Baku/07.10.23/Turan: The exchange listed its first corporate bonds. ---06B---
-
Caspian summit moves to Aktau
Aktau/07.10.23/Turan: The summit of the Caspian states will meet in Aktau. ---06B---
`;

type Run = { code: number; stdout: string; stderr: string };
function run(args: string[], db: string, hub: string): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, WIREDESK_HUB: hub };
    const c = spawn(process.execPath, [CLI, ...args, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function desk(hubUrl: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-hub-e2e-'));
  fs.writeFileSync(path.join(dir, 'copy.txt'), COPY);
  const db = path.join(dir, 'desk.sqlite');
  return { dir, cli: (...args: string[]) => run(args, db, hubUrl) };
}

async function drafts(d: ReturnType<typeof desk>): Promise<string[]> {
  expect((await d.cli('import', path.join(d.dir, 'copy.txt'))).code).toBe(0);
  const r = await d.cli('list', '--json', '--status', 'draft');
  return (JSON.parse(r.stdout) as { id: string }[]).map((i) => i.id);
}

async function queue(d: ReturnType<typeof desk>): Promise<{ counts: Record<string, number>; tabs: Record<string, { id: string; status: string }[]> }> {
  const r = await d.cli('queue', '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

let hub: FreshHub;
test.beforeEach(async () => {
  test.slow(); // a dozen desk processes per test on a shared 2-core machine
  hub = await freshHub();
  const init = await run(['hub', 'init'], '/dev/null', hub.url());
  expect(init.code, init.stderr).toBe(0);
  expect(init.stdout).toMatch(/schema 0 → \d+; roles wiredesk_writer and wiredesk_editor ready/);
});
test.afterEach(async () => {
  await hub.drop();
});

test('desk A submits, desk B sees it, approves it; A sees the approval; the hub audit shows the roles', async () => {
  const [writer, editor] = [await hub.role('wiredesk_writer'), await hub.role('wiredesk_editor')];
  const a = desk(hub.url(writer));
  const b = desk(hub.url(editor));
  const [id] = await drafts(a);
  const submitted = await a.cli('submit', id!);
  expect(submitted.code, submitted.stderr).toBe(0);
  expect(submitted.stderr).toBe('');

  const q = await queue(b);
  expect(q.counts.submitted).toBe(1);
  expect(q.tabs.submitted!.map((i) => i.id)).toEqual([id]);

  // A writer cannot approve on the shared desk, whatever its local settings say.
  const [other] = await drafts(a);
  expect((await a.cli('submit', other!)).code).toBe(0);
  const refused = await a.cli('approve', other!);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/only an editor \(wiredesk_editor\)/);
  expect(JSON.parse((await a.cli('show', other!, '--json')).stdout).status).toBe('submitted');

  expect((await b.cli('approve', id!)).code).toBe(0);
  const synced = await a.cli('sync');
  expect(synced.stdout).toMatch(new RegExp(`↓ ${id}  .*approved \\(${editor}\\)`));
  expect(JSON.parse((await a.cli('show', id!, '--json')).stdout).status).toBe('approved');

  const audit = await hub.audit(id);
  expect(audit).toEqual([
    { action: 'submit', actor: writer },
    { action: 'approve', actor: editor },
  ]);
});

test('offline: A submits 3 items with the hub cut off, comes back, and they appear in B', async () => {
  const proxy = await pgProxy();
  try {
    const a = desk(hub.url(undefined, proxy.host));
    const b = desk(hub.url());
    const ids = await drafts(a);
    expect(ids).toHaveLength(3);
    await proxy.stop();
    const offline = await a.cli('submit', ...ids);
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stderr.trim()).toBe('Offline — 3 changes waiting');
    expect((await a.cli('hub', 'status')).stdout).toMatch(/offline · 3 change\(s\) waiting/);
    expect((await queue(b)).counts.submitted).toBe(0);

    await proxy.start();
    const back = await a.cli('sync');
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toMatch(/Pushed 3 change\(s\), pulled \d+ item\(s\), 0 conflict\(s\); 0 waiting\./);
    expect((await queue(b)).tabs.submitted!.map((i) => i.id).sort()).toEqual([...ids].sort());
  } finally {
    await proxy.close();
  }
});

test('two editors acting on one item at once: one wins, the other is told who did what and when', async () => {
  const [e1, e2] = [await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
  const a = desk(hub.url(e1));
  const b = desk(hub.url(e2));
  const [id] = await drafts(a);
  expect((await a.cli('submit', id!)).code).toBe(0);
  await queue(b);
  const [ra, rb] = await Promise.all([a.cli('approve', id!), b.cli('hold', id!)]);
  expect([ra.code, rb.code].sort()).toEqual([0, 1]);
  const loser = ra.code === 1 ? ra : rb;
  const winnerRole = ra.code === 1 ? e2 : e1;
  expect(loser.stderr).toMatch(new RegExp(`${winnerRole} did "(Approve|Hold)" at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC .*was not applied`));
  expect(await hub.audit(id)).toHaveLength(2);
});

test('two desks export at once: each item goes out once, the batch is on the hub, A sees it published', async () => {
  const [writer, e1, e2] = [await hub.role('wiredesk_writer'), await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
  const a = desk(hub.url(writer));
  const b = desk(hub.url(e1));
  const c = desk(hub.url(e2));
  const ids = await drafts(a);
  expect((await a.cli('submit', ...ids)).code).toBe(0);
  expect((await b.cli('approve', ...ids)).code).toBe(0);
  await queue(c);
  const [rb, rc] = await Promise.all([
    b.cli('export', '--format', 'ninjs', '--out', path.join(b.dir, 'out.json')),
    c.cli('export', '--format', 'ninjs', '--out', path.join(c.dir, 'out.json')),
  ]);
  expect([rb.code, rc.code].sort()).toEqual([0, 1]);
  const won = rb.code === 0 ? rb : rc;
  const winner = rb.code === 0 ? b : c;
  expect(won.stdout).toMatch(/^Batch 1 \(shared desk batch 1\): 3 item\(s\)/);
  expect((rb.code === 0 ? rc : rb).stderr).toMatch(/nothing/i);
  const batches = await hub.batches();
  expect(batches).toHaveLength(1);
  expect([...batches[0]!.items].sort()).toEqual([...ids].sort());
  const bytes = fs.readFileSync(path.join(winner.dir, 'out.json'));
  expect(batches[0]!.sha).toBe(createHash('sha256').update(bytes).digest('hex'));
  const synced = await a.cli('sync');
  expect(synced.code, synced.stderr).toBe(0);
  expect((await queue(a)).counts).toMatchObject({ published: 3, approved: 0, submitted: 0 });
});

test('two editors kill and correct one published item at once: one wins, the other is told who did what and when', async () => {
  const [e1, e2] = [await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
  const a = desk(hub.url(e1));
  const b = desk(hub.url(e2));
  const [id] = await drafts(a);
  expect((await a.cli('submit', id!)).code).toBe(0);
  expect((await a.cli('approve', id!)).code).toBe(0);
  const exported = await a.cli('export', '--format', 'ninjs', '--out', path.join(a.dir, 'v1.json'));
  expect(exported.code, exported.stderr).toBe(0);
  expect((await queue(b)).counts).toMatchObject({ published: 1 });

  const [ra, rb] = await Promise.all([a.cli('kill', id!, '--note', 'The ferry never sailed.'), b.cli('correct', id!)]);
  expect([ra.code, rb.code].sort()).toEqual([0, 1]);
  const loser = ra.code === 1 ? ra : rb;
  const winnerRole = ra.code === 1 ? e2 : e1;
  expect(loser.stderr).toMatch(new RegExp(`${winnerRole} did "(Kill|Correct)" at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC .*was not applied`));
  // The hub holds the winner's change alone; both desks come to the same state.
  const actions = (await hub.audit(id)).map((r) => r.action);
  expect(actions.filter((x) => x === 'kill' || x === 'correct')).toHaveLength(1);
  for (const d of [a, b]) expect((await d.cli('sync')).code).toBe(0);
  const [qa, qb] = [await queue(a), await queue(b)];
  expect(qa.counts).toEqual(qb.counts);
});
