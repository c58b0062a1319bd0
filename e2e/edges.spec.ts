/** The desk's edges as an editor (or another local program) meets them: cookies, CLI misuse. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DeskServerProcess, expect, test } from './fixtures';

const CLI = path.resolve(process.env.WIREDESK_OUT ?? 'out', 'main', 'cli.js');

function run(args: string[], opts: { closeStdoutAfter?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WIREDESK_DB: '', XDG_CONFIG_HOME: path.join(os.tmpdir(), 'wiredesk-no-such-home') },
    });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // Like `| head -1`: the reader goes away after its first line.
      if (opts.closeStdoutAfter !== undefined && stdout.split('\n').length > opts.closeStdoutAfter) c.stdout.destroy();
    });
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('the login cookie reaches neither another local server nor another desk', async ({ browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-e2e-'));
  const one = new DeskServerProcess(dir, path.join(dir, 'one.sqlite'));
  const two = new DeskServerProcess(dir, path.join(dir, 'two.sqlite'));
  // Another program on 127.0.0.1 that records the cookies it is sent.
  const seen: string[] = [];
  const other = http.createServer((req, res) => {
    seen.push(req.headers.cookie ?? '');
    res.end('other');
  });
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
  try {
    await one.start();
    await two.start();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(one.loginUrl);
    await page.goto(two.loginUrl);
    // Cookies ignore ports: only the per-run path (which another program cannot know) keeps them in.
    for (const p of ['', 'api/getSettings', 'index.html']) await page.goto(otherUrl + p);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.join('')).not.toContain('wiredesk');
    // Signing in to the second desk did not sign the browser out of the first.
    for (const desk of [one, two]) {
      await page.goto(desk.url);
      await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
      expect(await page.evaluate(async () => (await window.desk.getSettings({})).ok)).toBe(true);
    }
    await context.close();
  } finally {
    await one.stop();
    await two.stop();
    other.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI refuses a blank --db, a --db in a missing folder and an --out that is a folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-cli-'));
  try {
    const blank = await run(['list', '--db', '']);
    expect(blank.code).toBe(1);
    expect(blank.stderr).toBe("wiredesk: --db needs a file path; leave it out to use the desktop app's database.\n");

    const missing = path.join(dir, 'no', 'such', 'folder', 'desk.sqlite');
    const r = await run(['list', '--db', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not exist');
    expect(fs.existsSync(path.join(dir, 'no'))).toBe(false);

    const db = path.join(dir, 'desk.sqlite');
    const folder = await run(['export', '--format', 'ninjs', '--out', dir, '--db', db]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('is a folder; give a file name in it');
    const resend = await run(['resend', '1', '--out', dir, '--db', db]);
    expect(resend.stderr).toContain('is a folder');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a reader that stops early (| head -1) ends the CLI quietly', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-cli-'));
  try {
    const db = path.join(dir, 'desk.sqlite');
    const copy = path.join(dir, 'copy.txt');
    fs.writeFileSync(copy, Array.from({ length: 3000 }, (_, i) => `Story number ${i}\nBaku/06.10.23/Turan: Text of story ${i}. ---06B---\n-\n`).join(''));
    expect((await run(['import', copy, '--db', db])).code).toBe(0);
    const r = await run(['list', '--limit', '3000', '--db', db], { closeStdoutAfter: 1 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI reads UTF-16 and Windows-1251 files, says what it guessed, and takes --encoding', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-cli-'));
  try {
    const db = path.join(dir, 'desk.sqlite');
    const cyrillic = 'Переговоры в Баку продолжатся завтра утром, сообщил министр.';
    const cp1251 = Buffer.from(
      [...`Переговоры в Баку\nБаку/06.10.23/Туран: ${cyrillic} ---06B---\n`].map((c) =>
        c.charCodeAt(0) < 128 ? c.charCodeAt(0) : c.charCodeAt(0) - 0x410 + 0xc0,
      ),
    );
    fs.writeFileSync(path.join(dir, 'ru.txt'), cp1251);
    fs.writeFileSync(
      path.join(dir, 'u16.txt'),
      Buffer.from('\ufeffFerry traffic resumes\nAktau/07.10.23/Turan: Ferry traffic resumed. ---06B---\n', 'utf16le'),
    );
    const r = await run(['import', path.join(dir, 'ru.txt'), path.join(dir, 'u16.txt'), '--json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('ru.txt: read as Windows-1251 (Cyrillic) (a guess; choose with --encoding).');
    expect(r.stderr).toContain('u16.txt: read as UTF-16 (little-endian)');
    const items = JSON.parse(r.stdout) as { fields: { headline: string; body: unknown } }[];
    expect(items.map((i) => i.fields.headline)).toEqual(['Переговоры в Баку', 'Ferry traffic resumes']);
    expect(JSON.stringify(items[0]!.fields.body)).toContain(cyrillic);
    // The editor's word wins over the guess.
    const forced = await run(['import', path.join(dir, 'ru.txt'), '--encoding', 'windows-1252', '--dry-run', '--json', '--db', db]);
    expect(forced.stderr).toBe('');
    expect((JSON.parse(forced.stdout) as { fields: { headline: string } }[])[0]!.fields.headline).toBe('Ïåðåãîâîðû â Áàêó');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('wiredesk backup, backup --list and backup restore FILE: the current store is kept beside it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-cli-'));
  try {
    const db = path.join(dir, 'desk.sqlite');
    const copy = (n: number) => {
      const f = path.join(dir, `copy${n}.txt`);
      fs.writeFileSync(f, `Story ${n}\nBaku/06.10.23/Turan: Text ${n}. ---06B---\n`);
      return f;
    };
    const headlines = async (file = db) =>
      (JSON.parse((await run(['list', '--json', '--db', file])).stdout) as { headline: string }[]).map((i) => i.headline).sort();
    expect((await run(['import', copy(1), '--db', db])).code).toBe(0);
    const taken = await run(['backup', '--db', db]);
    expect(taken.code, taken.stderr).toBe(0);
    const backupFile = /^Backed up to (.+)\.$/m.exec(taken.stdout)![1]!;
    expect(path.dirname(backupFile)).toBe(path.join(dir, 'backups'));
    const mine = path.join(dir, 'mine.sqlite');
    expect((await run(['backup', '--out', mine, '--db', db])).code).toBe(0);
    expect((await run(['backup', '--out', mine, '--db', db])).stderr).toContain('already exists');

    const listed = await run(['backup', '--list', '--db', db]);
    expect(listed.stdout).toContain(backupFile);
    expect(listed.stdout).toContain('manual');

    expect((await run(['import', copy(2), '--db', db])).code).toBe(0);
    expect(await headlines()).toEqual(['Story 1', 'Story 2']);
    const restored = await run(['backup', 'restore', backupFile, '--db', db]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await headlines()).toEqual(['Story 1']);
    const kept = /kept as (.+)\.$/m.exec(restored.stdout)![1]!;
    expect(await headlines(kept)).toEqual(['Story 1', 'Story 2']);

    // Not a store; a store from a newer Wiredesk: refused in one line, nothing changed.
    const refused = await run(['backup', 'restore', copy(3), '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^wiredesk: .*is not a Wiredesk store.*nothing was restored\.\n$/);
    expect(await headlines()).toEqual(['Story 1']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
