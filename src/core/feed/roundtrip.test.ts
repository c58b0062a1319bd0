import { describe, expect, it } from 'vitest';
import { type WireItem, pickFields } from '../item';
import { bodyFromBlocks, bodyFromPlainText, emptyBody, paragraph, textNode } from '../richtext';
import { FEED_FORMATS, type FeedFormat } from './batch';
import type { ImportedItem } from './parse';
import { RICH_BODY, TEST_SETTINGS, exportThenImport, makeItem } from '../../../test/feed';

/** What a feed carries back: every field but the desk note, which never leaves the desk. */
const sent = (i: WireItem) => ({ ...pickFields(i), editorNote: '' });

function roundTrip(format: FeedFormat, items: WireItem[], opts: Parameters<typeof exportThenImport>[2] = {}): ImportedItem[] {
  const result = exportThenImport(format, items, opts);
  if ('error' in result) throw new Error(result.error);
  expect(result.format).toBe(format === 'jsonfeed' ? 'jsonfeed' : 'ninjs');
  expect([...result.warnings, ...result.items.flatMap((i) => i.warnings)]).toEqual([]);
  return result.items;
}

const CASES: Record<string, WireItem> = {
  'every field': makeItem(),
  'embargo with seconds': makeItem({ embargo: '2026-11-27T09:00:30.5-05:00' }),
  'no embargo, UTC item': makeItem({ embargo: null }),
  'embargo in UTC': makeItem({ embargo: '2026-11-27T05:00Z' }),
  'empty fields': makeItem({
    slug: '',
    headline: '',
    category: '',
    source: '',
    byline: '',
    signOff: '',
    keywords: [],
    editorNote: '',
    subscriberNote: '',
    language: '',
    embargo: null,
    dateline: { place: '', date: '', agency: '' },
    body: emptyBody(),
  }),
  'dateline without date or agency': makeItem({ dateline: { place: 'Ganja', date: '', agency: '' } }),
  'body starts and ends with a list': makeItem({
    body: bodyFromBlocks([RICH_BODY.root.children[3]!, paragraph([textNode(' spaced ')]), RICH_BODY.root.children[3]!]),
  }),
  'plain body': makeItem({ body: bodyFromPlainText('One.\nTwo & <three>.') }),
  'formatted first and last runs': makeItem({ body: bodyFromBlocks([paragraph([textNode('Bold', 1), textNode(' then plain, then '), textNode('all', 11)])]) }),
  'unknown category, duplicate keywords': makeItem({ category: 'Weather', keywords: ['a', 'a', 'Weather'] }),
};

describe.each(FEED_FORMATS)('%s export then import', (format) => {
  it.each(Object.entries(CASES))('%s: every field comes back', (_name, item) => {
    const [back] = roundTrip(format, [item]);
    expect(back!.fields).toEqual(sent(item));
    expect(back!.id).toBe(item.id);
    expect(back!.version).toBe(item.version);
  });

  it('keeps many items in order', () => {
    const items = Object.values(CASES).map((item, i) => ({ ...item, id: `id-${i}` }));
    expect(roundTrip(format, items).map((i) => i.id)).toEqual(items.map((i) => i.id));
  });

  it('brings a kill back as killed', () => {
    const item = makeItem({ status: 'killed' });
    expect(roundTrip(format, [item], { pubStatus: 'canceled' })[0]!.status).toBe('killed');
  });
});

describe.each(['ninjs', 'ninjs2'] as const)('%s as NDJSON', (format) => {
  it('round-trips', () => {
    const items = [makeItem(), makeItem({ id: 'second', headline: 'Second' })];
    expect(roundTrip(format, items, { ndjson: true }).map((i) => i.fields)).toEqual(items.map(sent));
  });
});

describe('the AP dateline style', () => {
  it('round-trips through ninjs too (the span carries date and agency)', () => {
    const item = makeItem();
    const [back] = roundTrip('ninjs', [item], { settings: { ...TEST_SETTINGS, datelineStyle: 'ap' } });
    expect(back!.fields).toEqual(sent(item));
  });
});

describe('what ninjs cannot carry', () => {
  it('drops the dateline date and agency when there is no place (no dateline is rendered)', () => {
    const item = makeItem({ dateline: { place: '', date: '2026-11-26', agency: 'Turan' } });
    expect(roundTrip('ninjs', [item])[0]!.fields.dateline).toEqual({ place: '', date: '', agency: '' });
    expect(roundTrip('jsonfeed', [item])[0]!.fields.dateline).toEqual(item.dateline);
  });

  it('writes an embargo with seconds (RFC 3339) and reads ":00" seconds back as the editor types them', () => {
    expect(roundTrip('ninjs', [makeItem({ embargo: '2026-11-27T09:00:00+04:00' })])[0]!.fields.embargo).toBe('2026-11-27T09:00+04:00');
  });

  it('keeps the words but not empty paragraphs or text direction of the body', () => {
    const body = bodyFromBlocks([paragraph([]), { ...paragraph([textNode('שלום')]), direction: 'rtl' }, paragraph([textNode('  ')])]);
    expect(roundTrip('ninjs', [makeItem({ body })])[0]!.fields.body).toEqual(bodyFromBlocks([paragraph([textNode('שלום')])]));
  });
});
