import { describe, expect, it } from 'vitest';
import { DeskFailure } from '../errors';
import { FEED_FORMATS, type FeedEntry, batchChunks } from './batch';
import { TEST_SETTINGS, makeItem } from '../../../test/feed';

const ctx = { settings: TEST_SETTINGS };
const entries = (): FeedEntry[] => [
  { item: makeItem(), pubStatus: 'usable' },
  { item: makeItem({ id: 'b', headline: 'Kill: wrong figures', status: 'killed' }), pubStatus: 'canceled' },
  { item: makeItem({ id: 'c', headline: 'Third' }), pubStatus: 'withheld' },
];
const bytes = (...args: Parameters<typeof batchChunks>) => [...batchChunks(...args)].join('');

describe('batchChunks', () => {
  it.each(FEED_FORMATS)('%s: the same entries give the same bytes', (format) => {
    expect(bytes(format, false, entries(), ctx)).toBe(bytes(format, false, entries(), ctx));
    if (format !== 'jsonfeed') expect(bytes(format, true, entries(), ctx)).toBe(bytes(format, true, entries(), ctx));
  });

  it.each(['ninjs', 'ninjs2'] as const)('%s array: "[", one object a line joined by ",", "]"', (format) => {
    const text = bytes(format, false, entries(), ctx);
    const lines = text.split('\n');
    expect(lines[0]).toBe('[');
    expect(lines.slice(-2)).toEqual([']', '']);
    expect(lines.slice(1, -2).map((l) => l.endsWith(',') || l.endsWith('}'))).toEqual([true, true, true]);
    const parsed = JSON.parse(text) as { uri: string }[];
    expect(parsed.map((o) => o.uri.split(':').at(-1))).toEqual(['0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b', 'b', 'c']);
  });

  it.each(['ninjs', 'ninjs2'] as const)('%s NDJSON: one JSON object per line', (format) => {
    const text = bytes(format, true, entries(), ctx);
    expect(text.endsWith('}\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => (JSON.parse(l) as Record<string, unknown>)[format === 'ninjs' ? 'pubStatus' : 'pubstatus'])).toEqual([
      'usable',
      'canceled',
      'withheld',
    ]);
  });

  it('JSON Feed: the envelope with the items streamed inside', () => {
    const chunks = [...batchChunks('jsonfeed', false, entries(), ctx)];
    expect(chunks[0]).toBe('{"version":"https://jsonfeed.org/version/1.1","title":"Baku desk","items":[\n');
    expect(chunks.at(-1)).toBe('\n]}\n');
    const feed = JSON.parse(chunks.join('')) as { items: { title: string }[] };
    expect(feed.items.map((i) => i.title)).toEqual(['Azerbaijan and Kazakhstan sign defence pact', 'Kill: wrong figures', 'Third']);
  });

  it('streams: one chunk per item, pulled lazily from the iterable', () => {
    let pulled = 0;
    function* source(): Generator<FeedEntry> {
      for (const e of entries()) {
        pulled++;
        yield e;
      }
    }
    const it = batchChunks('ninjs', true, source(), ctx);
    it.next();
    expect(pulled).toBe(1);
    expect([...it]).toHaveLength(2);
  });

  it.each(FEED_FORMATS)('%s: an empty batch is still valid JSON', (format) => {
    const text = bytes(format, false, [], ctx);
    expect(JSON.parse(text)).toEqual(format === 'jsonfeed' ? { version: 'https://jsonfeed.org/version/1.1', title: 'Baku desk', items: [] } : []);
    expect(bytes(format === 'jsonfeed' ? 'ninjs' : format, true, [], ctx)).toBe('');
  });

  it('refuses JSON Feed as NDJSON at the call, before any chunk', () => {
    expect(() => batchChunks('jsonfeed', true, entries(), ctx)).toThrow(DeskFailure);
    expect(() => batchChunks('jsonfeed', true, entries(), ctx)).toThrow(/JSON Feed has no NDJSON form/);
  });
});
