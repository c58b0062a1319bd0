/**
 * IPTC's own ninjs examples (../shared/corpora/iptc-ninjs-examples/: 47 files from AP,
 * dpa, NTB, TT, SIPA, Business Wire and the standard's documentation): every file imports;
 * text items keep headline (or an event's title), body, date, byline and place; and what
 * Wiredesk then exports of every imported item is valid ninjs 3.1 and 2.2.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../richtext';
import { toNinjs2, toNinjs3 } from './ninjs';
import { type ImportedItem, parseFeed } from './parse';
import { feedContext, makeItem } from '../../../test/feed';
import { HAVE_SCHEMAS, expectValid, ninjsValidators } from './validators.test';

const dir = new URL('../../../../shared/corpora/iptc-ninjs-examples/', import.meta.url);
const present = existsSync(dir);
const files = present
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

type Obj = Record<string, unknown>;
const lower = (o: Obj): Obj => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
const plainWords = (s: string): string =>
  s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** What the source item says, read here independently of the importer. */
function expected(raw: Obj): { text: boolean; headline: string; bodyStart: string; date: string; byline: string; place: string } {
  const o = lower(raw);
  const headlines = (Array.isArray(o.headlines) ? o.headlines : []) as Obj[];
  const bodies = ((Array.isArray(o.bodies) ? o.bodies : []) as Obj[]).map(lower);
  const kind = (b: Obj) => String(b.contenttype ?? 'text/plain');
  const readable = bodies.find((b) => /html/i.test(kind(b))) ?? bodies.find((b) => /plain/i.test(kind(b))) ?? bodies.find((b) => /nitf/i.test(kind(b)));
  const descriptions = (Array.isArray(o.descriptions) ? o.descriptions : []) as Obj[];
  const story = readable ? String(readable.value) : o.type === 'text' ? String(descriptions.find((d) => d.role === 'text')?.value ?? '') : '';
  const nitfBody = /<body\.content[^>]*>([\s\S]*?)<\/body\.content>/i.exec(story)?.[1];
  const withoutHead = story.replace(/<head\b[\s\S]*?<\/head>/gi, '');
  return {
    text: o.type === 'text' || (o.type === undefined && bodies.length > 0),
    headline: String((headlines.find((h) => h.role === 'main') ?? headlines[0])?.value ?? o.title ?? '').trim(),
    bodyStart: plainWords(nitfBody ?? withoutHead)
      .split(' ')
      .slice(0, 6)
      .join(' '),
    date: /^(\d{4}-\d{2}-\d{2})T/.exec(String(o.firstcreated ?? o.versioncreated ?? ''))?.[1] ?? '',
    byline: String(o.by ?? ''),
    place: String(o.located ?? ''),
  };
}

describe.skipIf(!present)(present ? 'the IPTC ninjs examples' : `the IPTC ninjs examples — SKIPPED: ${fileURLToPath(dir)} is absent`, () => {
  it('are all there', () => {
    expect(files).toHaveLength(47);
  });

  const imported: { file: string; item: ImportedItem }[] = [];
  let textItems = 0;

  it.each(files)('%s imports, text items keeping headline, body, date, byline and place', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const r = parseFeed(text);
    if ('error' in r) throw new Error(`${file}: ${r.error}`);
    expect(r.format).toBe('ninjs');
    const raws = [JSON.parse(text)].flat() as Obj[];
    expect(r.items).toHaveLength(raws.length);
    for (const [n, item] of r.items.entries()) {
      imported.push({ file, item });
      const want = expected(raws[n]!);
      const f = item.fields;
      // Every item keeps its headline, or its title when it has no headlines (events).
      expect(f.headline).toBe(want.headline);
      if (!want.text) continue;
      textItems++;
      const body = plainWords(bodyToPlainText(f.body));
      expect(body.length, `${file}: body`).toBeGreaterThan(0);
      expect(body.startsWith(want.bodyStart), `${file}: body starts "${body.slice(0, 60)}", expected "${want.bodyStart}"`).toBe(true);
      expect(f.dateline.date).toBe(want.date);
      expect(f.byline).toBe(want.byline);
      expect(f.dateline.place).toBe(want.place);
    }
  });

  it.skipIf(!HAVE_SCHEMAS)('exports every imported item as schema-valid ninjs 3.1 and 2.2', () => {
    expect(imported.length).toBeGreaterThanOrEqual(47);
    expect(textItems).toBeGreaterThanOrEqual(20);
    const { v3, v2 } = ninjsValidators();
    for (const { item } of imported) {
      const wire = makeItem({ ...item.fields, id: '0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b', status: 'published' });
      expectValid(v3, toNinjs3(wire, feedContext()));
      expectValid(v2, toNinjs2(wire, feedContext()));
    }
  });
});
