import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonPieces, writeJson } from './json';

const values: unknown[] = [
  null,
  'text "quoted" \n ünïcödé',
  {
    ok: true,
    value: {
      items: Array.from({ length: 300 }, (_, i) => ({
        n: i,
        skip: undefined,
        fn: () => i,
        when: new Date(i),
        nested: [[i], { deep: { deeper: { deepest: [i, i] } } }],
      })),
    },
  },
  Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? undefined : i % 3 === 1 ? () => i : Symbol('s'))),
  Object.assign(Object.create(null) as object, { a: 1, b: [1, 2] }),
  { toJSON: () => 'replaced', other: 1 },
  { list: Array.from({ length: 70 }, (_, i) => ({ toJSON: () => ({ i }) })) },
  [],
  {},
];

describe('JSON in pieces', () => {
  it('gives exactly what JSON.stringify gives', () => {
    for (const v of values) expect([...jsonPieces(v)].join('')).toBe(JSON.stringify(v) ?? 'null');
  });

  it('splits a long array into one piece per element or smaller', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ i, text: 'x'.repeat(100) }));
    const pieces = [...jsonPieces({ ok: true, value: { items } })];
    expect(pieces.length).toBeGreaterThan(1000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200);
  });

  it('writes the whole text, waiting for a slow reader', async () => {
    const got: string[] = [];
    let waits = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        got.push(chunk.toString('utf8'));
        waits++;
        setImmediate(done);
      },
    });
    const value = { ok: true, value: { items: Array.from({ length: 5000 }, (_, i) => ({ i, text: `item ${i} — ${'ж'.repeat(100)}` })) } };
    await writeJson(slow, value);
    await new Promise((r) => slow.on('finish', r));
    expect(got.join('')).toBe(JSON.stringify(value));
    expect(waits).toBeGreaterThan(1);
  });
});
