import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileFill, writeFile } from './batchFiles';

/** Chunks of every size around the 1 MB buffer, in ASCII and in characters of two to four bytes. */
function chunks(): string[] {
  const out: string[] = [];
  const pieces = ['Baku ', 'Bakı — ', 'Azərbaycan ', '🇦🇿 ', '"quoted"\n'];
  for (let i = 0; i < 1500; i++) out.push(pieces[i % pieces.length]!.repeat(1 + (i % 700)));
  out.push('ə'.repeat(1_300_000), '', 'x', '🙂'.repeat(400_000));
  for (let i = 0; i < 300; i++) out.push(pieces[(i * 7) % pieces.length]!.repeat(1 + ((i * 131) % 3000)));
  return out;
}

describe('a file filled with chunks', () => {
  it.each(['push', 'write'] as const)('holds exactly the UTF-8 of its chunks, with their hash and size (%s)', async (how) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-fill-'));
    const file = path.join(dir, 'out.json');
    const all = chunks();
    let done: { sha256: string; bytes: number };
    if (how === 'write') done = await writeFile(file, all);
    else {
      const fill = await FileFill.create(file);
      for (const c of all) fill.push(c);
      done = await fill.finish();
    }
    const expected = Buffer.from(all.join(''), 'utf8');
    const written = fs.readFileSync(file);
    expect(written.equals(expected)).toBe(true);
    expect(done).toEqual({ sha256: createHash('sha256').update(expected).digest('hex'), bytes: expected.length });
  });

  it('never writes over a file, and abort removes its own', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-fill-'));
    const file = path.join(dir, 'taken.json');
    fs.writeFileSync(file, 'theirs');
    await expect(FileFill.create(file)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(file, 'utf8')).toBe('theirs');
    const mine = await FileFill.create(path.join(dir, 'mine.json'));
    mine.push('part');
    await mine.abort();
    expect(fs.readdirSync(dir)).toEqual(['taken.json']);
  });
});
