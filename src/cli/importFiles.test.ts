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
  expect(await importFiles(desk, [file], 'auto', true, true)).toBe(0);
  expect((JSON.parse(stdout.join('')) as { fields: { headline: string } }[]).map((i) => i.fields.headline)).toEqual(['Kept']);
  expect(stderr.join('')).toBe(`! ${file}: Skipped 1 entry that is neither a ninjs item nor a JSON Feed item.\n`);
  fs.rmSync(dir, { recursive: true });
});
