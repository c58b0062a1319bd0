/**
 * `wiredesk import FILE… [--format auto|text|ninjs|jsonfeed] [--dry-run] [--json]`, run as the
 * editor runs it: the built CLI in a child process, each test on a fresh temporary database.
 * No browser.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve(process.env.WIREDESK_OUT ?? 'out', 'main', 'cli.js');
const SAMPLE = path.resolve('../shared/samples/turan-page.txt');
/** Prints the process's peak memory (KB) on stderr as it exits. */
const REPORT_PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir = '';
let db = '';
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-cli-import-'));
  db = path.join(dir, 'desk.sqlite');
});
test.afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function wiredesk(args: string[], nodeArgs: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [...nodeArgs, CLI, ...args, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, WIREDESK_DB: '' } });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('error', reject);
    c.on('exit', (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr }));
  });
}

/** A file in this test's folder. */
function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

async function stored(): Promise<{ id: string; slug: string; headline: string }[]> {
  const r = await wiredesk(['list', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { id: string; slug: string; headline: string }[];
}

/** Exit 1, one line on stderr saying `message`, nothing on stdout, nothing stored. */
async function expectRefused(r: Run, message: string | RegExp): Promise<void> {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).toMatch(/^wiredesk: /);
  expect(r.stderr).toMatch(message);
  expect(r.stdout).toBe('');
  expect(await stored()).toEqual([]);
}

function sample(): string {
  test.skip(!fs.existsSync(SAMPLE), `the sample ${SAMPLE} is not there`);
  return fs.readFileSync(SAMPLE, 'utf8');
}

test('--dry-run prints each item found (slug, dateline, headline, warnings) and stores nothing', async () => {
  const text = sample();
  const r = await wiredesk(['import', file('turan.txt', text), '--dry-run']);
  expect(r.code, r.stderr).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0]).toBe(
    '(dry run)  AZERBAIJAN-KAZAKHSTAN-APPROVED-PLAN  Baku/2023-10-06/Turan  Azerbaijan and Kazakhstan approved the "Plan of bilateral military cooperation for 2024"',
  );
  expect(lines.filter((l) => l.startsWith('(dry run)'))).toHaveLength(5);
  expect(r.stdout).toContain('    ! Dropped page furniture: "Leave a review".');
  expect(lines.at(-1)).toBe('5 item(s) found; nothing stored (dry run).');
  expect(await stored()).toEqual([]);

  const json = await wiredesk(['import', path.join(dir, 'turan.txt'), '--dry-run', '--json']);
  expect(json.code, json.stderr).toBe(0);
  const items = JSON.parse(json.stdout) as {
    id: string | null;
    fields: { slug: string; dateline: object; signOff: string; source: string };
    warnings: string[];
  }[];
  expect(items).toHaveLength(5);
  expect(items.every((i) => i.id === null)).toBe(true);
  expect(items[0]!.fields).toMatchObject({ dateline: { place: 'Baku', date: '2023-10-06', agency: 'Turan' }, signOff: '06B', source: 'mod.gov.az' });
  expect(await stored()).toEqual([]);
});

test('import stores every item as a draft; the first keeps its fields and loses its dateline from the body', async () => {
  const text = sample();
  const r = await wiredesk(['import', file('turan.txt', text), '--json']);
  expect(r.code, r.stderr).toBe(0);
  const printed = JSON.parse(r.stdout) as { id: string }[];
  expect(printed).toHaveLength(5);
  const list = await stored();
  expect(list.map((i) => i.id).sort()).toEqual(printed.map((i) => i.id).sort());

  const show = await wiredesk(['show', printed[0]!.id, '--json']);
  const item = JSON.parse(show.stdout) as { status: string; slug: string; signOff: string; bodyText: string; dateline: object };
  expect(item).toMatchObject({
    status: 'draft',
    slug: 'AZERBAIJAN-KAZAKHSTAN-APPROVED-PLAN',
    signOff: '06B',
    dateline: { place: 'Baku', date: '2023-10-06', agency: 'Turan' },
  });
  expect(item.bodyText).toMatch(/^The "Plan of bilateral/);
  expect(item.bodyText).not.toContain('---06B---');
});

test('mixed line endings (CRLF, CR, LF) read as lines', async () => {
  const p = file(
    'mixed.txt',
    'Mixed endings headline\r\nBaku/06.10.23/Turan: First body line.\r\nSecond line.\rThird line. ---06B---\n-\r\nAnother item text.\n',
  );
  const r = await wiredesk(['import', p, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const [first, second] = JSON.parse(r.stdout) as { id: string }[];
  const item = JSON.parse((await wiredesk(['show', first!.id, '--json'])).stdout) as { headline: string; bodyText: string; signOff: string };
  expect(item).toMatchObject({ headline: 'Mixed endings headline', bodyText: 'First body line.\nSecond line.\nThird line.', signOff: '06B' });
  const other = JSON.parse((await wiredesk(['show', second!.id, '--json'])).stdout) as { bodyText: string };
  expect(other.bodyText).toBe('Another item text.');
});

test('ninjs (NDJSON) and JSON Feed files import; --format must match the file', async () => {
  const ninjs = (n: number) =>
    JSON.stringify({
      uri: `urn:example:${n}`,
      slugline: `NINJS-${n}`,
      headlines: [{ role: 'main', value: `Ninjs headline ${n}` }],
      language: 'en',
      bodies: [{ contenttype: 'text/plain', value: 'Body.' }],
    });
  const feed = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Agency',
    items: [{ id: 'urn:example:feed:1', title: 'Feed headline', content_text: 'Feed body.' }],
  });
  const ndjsonFile = file('items.ndjson', `${ninjs(1)}\n${ninjs(2)}\n`);
  const feedFile = file('feed.json', feed);

  await expectRefused(await wiredesk(['import', ndjsonFile, '--format', 'jsonfeed']), 'This file is ninjs, not a JSON Feed.');
  const r = await wiredesk(['import', ndjsonFile, feedFile, '--format', 'auto']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('3 item(s) imported as drafts.');
  expect((await stored()).map((i) => i.headline).sort()).toEqual(['Feed headline', 'Ninjs headline 1', 'Ninjs headline 2']);
});

test.describe('unreadable or invalid input: exit 1, one clear line, nothing stored', () => {
  const cases: { name: string; content: string | Buffer; args?: string[]; message: RegExp }[] = [
    { name: 'empty.txt', content: '', message: /empty\.txt: The text is empty/ },
    { name: 'blank.txt', content: '  \n\n\t\n', message: /blank\.txt: The text is empty/ },
    {
      name: 'photo.png',
      content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xd8, 0xfe]),
      message: /photo\.png (is not valid UTF-8 text|looks like a binary file)/,
    },
    { name: 'zeros.bin', content: Buffer.alloc(4096), message: /zeros\.bin:? (This )?looks like a binary file/ },
    {
      name: 'latin1.txt',
      content: Buffer.from('Baku/06.10.23/Turan: Caf\xe9 society. ---06B---\n', 'latin1'),
      args: ['--encoding', 'utf-8'],
      message: /latin1\.txt is not valid UTF-8 text; name its encoding with --encoding/,
    },
    { name: 'copy.txt', content: 'Baku/06.10.23/Turan: Text. ---06B---', args: ['--encoding', 'ebcdic'], message: /--encoding is one of utf-8, utf-16le/ },
    { name: 'other.json', content: '{"hello": "world"}\n', message: /other\.json: This file is neither ninjs nor JSON Feed/ },
    { name: 'numbers.json', content: '[1, 2, 3]', message: /neither ninjs nor JSON Feed/ },
    { name: 'broken.ndjson', content: '{"uri": "urn:x:1"}\n{"uri": \n', message: /Line 2 is not valid JSON/ },
    { name: 'copy.txt', content: 'Baku/06.10.23/Turan: Text. ---06B---', args: ['--format', 'ninjs'], message: /copy\.txt: This file is not JSON/ },
    { name: 'copy.txt', content: 'Baku/06.10.23/Turan: Text. ---06B---', args: ['--format', 'xml'], message: /--format is auto, text, ninjs or jsonfeed/ },
  ];
  for (const c of cases) {
    test(`${c.name}${c.args ? ` ${c.args.join(' ')}` : ''}`, async () => {
      await expectRefused(await wiredesk(['import', file(c.name, c.content), ...(c.args ?? [])]), c.message);
    });
  }

  test('no file, a missing file, a folder', async () => {
    await expectRefused(await wiredesk(['import']), /Name at least one file/);
    await expectRefused(await wiredesk(['import', path.join(dir, 'nope.txt')]), /Cannot read .*nope\.txt: no such file/);
    await expectRefused(await wiredesk(['import', dir]), /is not a file/);
  });

  test('a file without read permission', async () => {
    test.skip(process.getuid?.() === 0, 'root reads every file');
    const p = file('secret.txt', 'Baku/06.10.23/Turan: Text. ---06B---');
    fs.chmodSync(p, 0o000);
    await expectRefused(await wiredesk(['import', p]), /Cannot read .*secret\.txt/);
  });

  test('one bad file among good ones: no half-import', async () => {
    const good = file('good.txt', 'Baku/06.10.23/Turan: The plan was signed. ---06B---');
    const bad = file('bad.txt', Buffer.from([0x41, 0xc3, 0x28, 0x0a, 0, 0, 0]));
    await expectRefused(await wiredesk(['import', good, bad]), /bad\.txt looks like a binary file/);
    await expectRefused(await wiredesk(['import', good, path.join(dir, 'missing.txt')]), /no such file/);
  });
});

// eslint-disable-next-line no-empty-pattern -- Playwright hands testInfo only as the second argument
test('a 50 MB file is imported or refused in one clear line, in bounded memory, never half-imported', async ({}, testInfo) => {
  test.setTimeout(180_000);
  const item = fs.existsSync(SAMPLE) ? fs.readFileSync(SAMPLE, 'utf8') : 'A headline\nBaku/06.10.23/Turan: Body text of the item. ---06B---\n';
  const big = path.join(dir, 'big.txt');
  const chunk = `${item}\n-\n`;
  fs.writeFileSync(big, chunk.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(chunk))));
  expect(fs.statSync(big).size).toBeGreaterThanOrEqual(50 * 1024 * 1024);

  const r = await wiredesk(['import', big], ['--import', REPORT_PEAK]);
  const peakMb = Number(/peak-rss-kb (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const said = r.stderr.replace(/^peak-rss-kb.*\n/m, '');
  testInfo.annotations.push({
    type: 'peak memory',
    description: `${Math.round(peakMb)} MB; exit ${r.code}; ${said.trim() || r.stdout.trimEnd().split('\n').at(-1)}`,
  });
  expect([0, 1], said).toContain(r.code);
  expect(peakMb, 'peak memory of the CLI in MB').toBeLessThan(1500);
  const list = await wiredesk(['list', '--json', '--limit', '1']);
  if (r.code === 0) {
    expect(r.stdout).toMatch(/item\(s\) imported as drafts\.\n$/);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  } else {
    expect(said.trimEnd().split('\n')).toHaveLength(1);
    expect(said).toMatch(/^wiredesk: /);
    expect(JSON.parse(list.stdout)).toEqual([]);
  }
});

test('more items than one import takes: refused in the editor’s words, not the service’s', async () => {
  const many = Array.from({ length: 10_001 }, (_, n) => `Item ${n} text.`).join('\n-\n');
  const r = await wiredesk(['import', file('many.txt', many)]);
  await expectRefused(r, /10,?000/);
  expect(r.stderr).not.toMatch(/acceptImport|expected array/);
});
