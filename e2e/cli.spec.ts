import { test, expect } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The `wiredesk` CLI over a fresh database: the same service and rules as the app. */
const CLI = path.resolve(process.env.WIREDESK_OUT ?? 'out', 'main', 'cli.js');

const COPY = `Azerbaijan and Kazakhstan sign defence plan
Baku/06.10.23/Turan: The plan was signed between the ministries of defence. ---06B---
-
Ferry traffic resumes on the Caspian
Aktau/07.10.23/Turan: Ferry traffic between Baku and Aktau resumed on Saturday. ---06B---
`;

function run(args: string[], db: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [CLI, ...args, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function freshDesk() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-cli-'));
  const db = path.join(dir, 'desk.sqlite');
  fs.writeFileSync(path.join(dir, 'copy.txt'), COPY);
  return { dir, db, cli: (...args: string[]) => run(args, db) };
}

async function ids(cli: (...a: string[]) => ReturnType<typeof run>, status?: string): Promise<string[]> {
  const r = await cli('list', '--json', '--limit', '5000', ...(status ? ['--status', status] : []));
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { id: string }[]).map((i) => i.id);
}

test('submit, approve, export a batch, re-send it byte for byte', async () => {
  const { dir, cli } = freshDesk();
  expect((await cli('import', path.join(dir, 'copy.txt'))).code).toBe(0);
  const both = await ids(cli);
  expect(both).toHaveLength(2);

  const illegal = await cli('approve', ...both);
  expect(illegal.code).toBe(1);
  expect(illegal.stderr.trim().split('\n')).toHaveLength(1);
  expect(illegal.stderr).toMatch(/Only an item submitted for review can be approved/);
  expect(await ids(cli, 'approved')).toEqual([]);

  expect((await cli('submit', ...both)).code).toBe(0);
  expect((await cli('approve', ...both)).code).toBe(0);
  const queue = JSON.parse((await cli('queue', '--json')).stdout);
  expect(queue.counts).toMatchObject({ approved: 2, submitted: 0 });

  const out = path.join(dir, 'batch.json');
  const exported = await cli('export', '--format', 'ninjs', '--out', out);
  expect(exported.code).toBe(0);
  const items = JSON.parse(fs.readFileSync(out, 'utf8')) as { slugline: string; pubStatus: string; located: string }[];
  expect(items.map((i) => i.located).sort()).toEqual(['Aktau', 'Baku']);
  expect(await ids(cli, 'published')).toHaveLength(2);

  const again = await cli('export', '--format', 'ninjs', '--out', path.join(dir, 'twice.json'));
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/Nothing to export/);
  expect(fs.existsSync(path.join(dir, 'twice.json'))).toBe(false);

  const copy = path.join(dir, 'copy-of-1.json');
  expect((await cli('resend', '1', '--out', copy)).code).toBe(0);
  expect(fs.readFileSync(copy).equals(fs.readFileSync(out))).toBe(true);
  expect((await cli('batches')).stdout).toMatch(/#1 .* 2 item\(s\) .* written/);
});

test('a preview exports any selection and changes nothing', async () => {
  const { dir, cli } = freshDesk();
  await cli('import', path.join(dir, 'copy.txt'));
  const out = path.join(dir, 'preview.ndjson');
  const r = await cli('export', '--preview', '--format', 'ninjs2', '--ndjson', '--status', 'draft', '--out', out);
  expect(r.code).toBe(0);
  const lines = fs
    .readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines).toHaveLength(2);
  expect(lines.map((l) => l.pubstatus)).toEqual(['withheld', 'withheld']); // ninjs 2.x spelling; drafts are not offered for use
  expect(await ids(cli, 'draft')).toHaveLength(2);
  expect((await cli('batches', '--json')).stdout.trim()).toBe('[]');
});

test('user errors exit 1 with one clear line; --help on every command', async () => {
  const { dir, cli } = freshDesk();
  for (const args of [
    ['frobnicate'],
    ['export', '--format', 'rss', '--out', 'x'],
    ['show', '0190a0a0-0000-7000-8000-000000000000'],
    ['kill'],
    ['list', '--status', 'lost'],
    ['export', '--preview', '--format', 'ninjs', '--status', 'bogus', '--out', path.join(dir, 'p.json')],
    ['export', '--preview', '--format', 'ninjs', '--ids', 'nope', '--out', path.join(dir, 'p.json')],
    ['import', path.join(dir, 'missing.txt')],
  ]) {
    const r = await cli(...args);
    expect(r.code, args.join(' ')).toBe(1);
    expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    expect(r.stderr).toMatch(/^wiredesk: /);
  }
  for (const command of ['serve', 'list', 'show', 'queue', 'approve', 'export', 'batches', 'resend', 'import']) {
    const r = await cli(command, '--help');
    expect(r.code, command).toBe(0);
    expect(r.stdout, command).toMatch(/^Usage: wiredesk /);
  }
});

/** Start a CLI export of many items and SIGKILL it after `ms`. */
function exportKilledAfter(db: string, out: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const c: ChildProcess = spawn(process.execPath, [CLI, 'export', '--format', 'ninjs', '--out', out, '--db', db], { stdio: 'ignore' });
    const t = setTimeout(() => c.kill('SIGKILL'), ms);
    c.on('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

test('an export killed at any moment leaves the whole batch or nothing, and a re-run has no duplicate or gap', async () => {
  test.setTimeout(180_000);
  const { dir, db, cli } = freshDesk();
  // 1,500 approved items (import → submit → approve in bulk).
  const many = Array.from({ length: 1500 }, (_, i) => `Item ${i} headline here\nBaku/06.10.23/Turan: Body of item ${i} about the Caspian. ---06B---\n-`).join(
    '\n',
  );
  fs.writeFileSync(path.join(dir, 'many.txt'), many);
  expect((await cli('import', path.join(dir, 'many.txt'))).code).toBe(0);
  const drafts = await ids(cli, 'draft');
  expect(drafts).toHaveLength(1500);
  for (const action of ['submit', 'approve']) {
    for (let i = 0; i < drafts.length; i += 500) expect((await cli(action, ...drafts.slice(i, i + 500))).code).toBe(0);
  }
  expect(await ids(cli, 'approved')).toHaveLength(1500);

  const out = path.join(dir, 'batch.json');
  const outcomes: string[] = [];
  for (const ms of [150, 300, 450, 600, 900]) {
    await exportKilledAfter(db, out, ms);
    const batches = JSON.parse((await cli('batches', '--json')).stdout) as { id: number; state: string; sha256: string; itemCount: number }[];
    // Opening the desk (the `batches` command) has finished any recovery.
    expect(batches.every((b) => b.state === 'written')).toBe(true);
    const published = (await cli('queue', '--json')).stdout;
    const counts = JSON.parse(published).counts as Record<string, number>;
    outcomes.push(`killed at ${ms} ms: ${batches.length === 0 ? 'nothing recorded' : 'whole batch'}`);
    if (batches.length === 0) {
      expect(counts.approved).toBe(1500);
      expect(fs.existsSync(out)).toBe(false);
    } else {
      expect(batches).toHaveLength(1);
      expect(counts).toMatchObject({ approved: 0, published: 1500 });
      expect(createHash('sha256').update(fs.readFileSync(out)).digest('hex')).toBe(batches[0]!.sha256);
      expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toHaveLength(1500);
      break;
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }
  test.info().annotations.push({ type: 'kills', description: outcomes.join('; ') });
  // Whatever happened above, finishing the export gives each item exactly once.
  const batches = JSON.parse((await cli('batches', '--json')).stdout) as { itemCount: number }[];
  if (batches.length === 0) expect((await cli('export', '--format', 'ninjs', '--out', out)).code).toBe(0);
  const final = JSON.parse((await cli('batches', '--json')).stdout) as { itemCount: number }[];
  expect(final).toHaveLength(1);
  expect(final[0]!.itemCount).toBe(1500);
  const uris = (JSON.parse(fs.readFileSync(out, 'utf8')) as { uri: string }[]).map((o) => o.uri);
  expect(new Set(uris).size).toBe(1500);
});

test('a database that is not one, or a first run with no user-data folder: a clear line, or a new desk', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-cli-'));
  const notes = path.join(dir, 'notes.txt');
  fs.writeFileSync(notes, 'not a database\n'.repeat(100));
  const r = await run(['list'], notes);
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toEqual([`wiredesk: Cannot open the desk database ${notes}: it is not a Wiredesk database. It has not been changed.`]);
  // The default database lives in a folder a fresh machine does not have yet.
  const home = path.join(dir, 'home');
  const fresh = await new Promise<{ code: number; stderr: string }>((resolve) => {
    const c = spawn(process.execPath, [CLI, 'list', '--json'], {
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: '', WIREDESK_DB: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
  });
  expect(fresh).toEqual({ code: 0, stderr: '' });
  expect(fs.existsSync(path.join(home, '.config', 'Wiredesk', 'wiredesk.sqlite'))).toBe(true);
});
