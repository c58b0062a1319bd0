import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { testDesk } from '../../test/desk';
import { importFiles } from './importFiles';

afterEach(() => vi.restoreAllMocks());

it('--json still tells the editor what the file as a whole lost (entries skipped), on stderr beside the JSON', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-import-'));
  const file = path.join(dir, 'feed.ndjson');
  fs.writeFileSync(file, '{"uri":"urn:x:1","headlines":[{"value":"Kept"}]}\n{"not":"an item"}\n');
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (stdout.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
  const { desk } = testDesk();
  expect(await importFiles(desk, [file], { format: 'auto', dryRun: true, json: true, keepDuplicates: false })).toBe(0);
  expect((JSON.parse(stdout.join('')) as { fields: { headline: string } }[]).map((i) => i.fields.headline)).toEqual(['Kept']);
  expect(stderr.join('')).toBe(`! ${file}: Skipped 1 entry that is neither a ninjs item nor a JSON Feed item.\n`);
  fs.rmSync(dir, { recursive: true });
});

it('copy already on the desk is left out, as the Import view does, and says so; --keep-duplicates stores it again', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-import-'));
  const file = path.join(dir, 'copy.txt');
  fs.writeFileSync(file, 'Gas exports rise\nBaku/06.10.23/Turan: Gas exports to Europe rose by a tenth. ---06B---\n');
  const stdout: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (stdout.push(String(s)), true));
  const { desk } = testDesk();
  const run = async (keepDuplicates: boolean) => {
    stdout.length = 0;
    expect(await importFiles(desk, [file], { format: 'auto', dryRun: false, json: false, keepDuplicates })).toBe(0);
    return stdout.join('');
  };
  const count = () => desk.listItems({ view: 'desk', offset: 0, limit: 10 }).total;
  expect(await run(false)).toMatch(/1 item\(s\) imported as drafts\.\n$/);
  expect(count()).toBe(1);
  const again = await run(false);
  expect(again).toMatch(/^\(left out\) /);
  expect(again).toContain('! Left out: it is on the desk already (--keep-duplicates imports it again).');
  expect(again).toMatch(/0 item\(s\) imported as drafts; 1 already on the desk, left out\.\n$/);
  expect(count()).toBe(1);
  expect(await run(true)).toMatch(/1 item\(s\) imported as drafts\.\n$/);
  expect(count()).toBe(2);
  fs.rmSync(dir, { recursive: true });
});

it('a file over the item limit is refused even when copy already on the desk is left out: the items past the limit were never read', async () => {
  const { IMPORT_ITEMS_MAX } = await import('../contract');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-import-'));
  const line = (n: number) => JSON.stringify({ uri: `urn:x:${n}`, headlines: [{ value: `Story ${n}` }], body_text: `Body ${n}` });
  const first = path.join(dir, 'first.ndjson');
  fs.writeFileSync(first, `${line(0)}\n`);
  const big = path.join(dir, 'big.ndjson');
  // One story the desk has, then the limit and one more: 2 past what one import takes.
  fs.writeFileSync(big, Array.from({ length: IMPORT_ITEMS_MAX + 2 }, (_, n) => line(n)).join('\n') + '\n');
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const { desk } = testDesk();
  await importFiles(desk, [first], { format: 'auto', dryRun: false, json: false, keepDuplicates: false });
  await expect(importFiles(desk, [big], { format: 'auto', dryRun: false, json: false, keepDuplicates: false })).rejects.toThrow(/at most 10,000/);
  expect(desk.listItems({ view: 'desk', offset: 0, limit: 10 }).total).toBe(1);
  fs.rmSync(dir, { recursive: true });
}, 60_000);
