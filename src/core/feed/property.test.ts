import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type WireItem, pickFields } from '../item';
import { type SerializedBlock, type SerializedInline, type SerializedText, bodyFromBlocks, emptyBody } from '../richtext';
import { sanitizeBody } from '../sanitize';
import { batchChunks, FEED_FORMATS } from './batch';
import { TEST_SETTINGS, exportThenImport, makeItem } from '../../../test/feed';
import { HAVE_SCHEMAS, expectValid, jsonFeedValidator, ninjsValidators } from './validators.test';

const HOSTILE = [
  '"quoted" \\ back\\slash',
  "it's",
  '</script><script>alert(1)</script>',
  '<span class="signoff">---X---</span>',
  '<span class="dateline" data-date="1999-01-01">',
  '\u202Eevil\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627',
  '😀👨‍👩‍👧🇦🇿',
  'nul\u0000here',
  '&amp; &#39; &lt;b&gt; &nbsp;',
  '$& $1 $$ $`',
  ' leading',
  'trailing ',
  '\r\n\t',
  '\u2028\u2029',
  '---',
];

/** Any text, with the nasty cases mixed in often. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...HOSTILE),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 5 }).map((a) => a.join('')),
);
const visible = hostile.filter((s) => s.trim() !== '');

/** A run of text nodes as Lexical keeps it: neighbours never share a format. */
function runs(texts: { text: string; format: number }[]): SerializedText[] {
  const out: SerializedText[] = [];
  for (const t of texts) {
    const last = out.at(-1);
    if (last && last.format === t.format) last.text += t.text;
    else out.push({ type: 'text', text: t.text, format: t.format, detail: 0, mode: 'normal', style: '', version: 1 });
  }
  return out;
}
const textRuns = (text: fc.Arbitrary<string>) =>
  fc.array(fc.record({ text, format: fc.constantFrom(0, 1, 2, 8, 11) }), { minLength: 1, maxLength: 3 }).map(runs);

const inlines: fc.Arbitrary<SerializedInline[]> = fc
  .array(
    fc.oneof(
      textRuns(visible),
      fc.constant([{ type: 'linebreak', version: 1 }] as SerializedInline[]),
      fc
        .tuple(fc.constantFrom('https://example.org/?q=a&b=c&amp;d#x', 'mailto:desk@example.org'), textRuns(visible))
        .map(([url, children]): SerializedInline[] => [
          { type: 'link', url, rel: 'noopener noreferrer', target: null, title: null, children, direction: null, format: '', indent: 0, version: 1 },
        ]),
    ),
    { minLength: 1, maxLength: 4 },
  )
  // Separately generated runs may meet with one format; join them the way Lexical would.
  .map((parts) =>
    parts.flat().reduce<SerializedInline[]>((acc, n) => {
      const last = acc.at(-1);
      if (n.type === 'text' && last?.type === 'text' && last.format === n.format) last.text += n.text;
      else acc.push(n.type === 'text' ? { ...n } : n);
      return acc;
    }, []),
  );

const block: fc.Arbitrary<unknown> = fc.oneof(
  inlines.map((children) => ({ type: 'paragraph', children })),
  inlines.map((children) => ({ type: 'heading', tag: 'h2', children })),
  inlines.map((children) => ({ type: 'quote', children })),
  fc.record({ listType: fc.constantFrom('bullet', 'number'), items: fc.array(inlines, { minLength: 1, maxLength: 3 }) }).map(({ listType, items }) => ({
    type: 'list',
    listType,
    start: 1,
    children: items.map((children) => ({ type: 'listitem', children })),
  })),
);

/** A body as the store keeps it: sanitized, with no block that is only whitespace (the HTML leaves those out). */
const body = fc.array(block, { maxLength: 4 }).map((blocks) => {
  const b = sanitizeBody(bodyFromBlocks(blocks as SerializedBlock[]));
  const shown = b.root.children.filter(
    (x) => x.type === 'list' || x.children.some((c) => (c.type === 'text' && c.text.trim()) || (c.type === 'link' && c.children.some((t) => t.text.trim()))),
  );
  return shown.length > 0 ? bodyFromBlocks(shown) : emptyBody();
});

const item: fc.Arbitrary<WireItem> = fc
  .record({
    slug: hostile,
    headline: hostile,
    place: visible, // ninjs carries the dateline date and agency only when there is a dateline
    date: fc.constantFrom('', '2026-11-26', '2000-02-29'),
    agency: hostile,
    category: fc.oneof(hostile, fc.constantFrom('Politics', 'Sports')),
    source: hostile,
    byline: hostile,
    // The copy shows the code trimmed (formatSignOff).
    signOff: hostile.map((s) => s.trim()),
    urgency: fc.integer({ min: 1, max: 9 }),
    embargo: fc.constantFrom(null, '2026-11-27T09:00+04:00', '2026-11-27T09:00:59.123-03:30', '2026-12-31T23:59Z'),
    keywords: fc.array(hostile, { maxLength: 4 }),
    editorNote: hostile,
    language: hostile,
    body,
  })
  .map(({ place, date, agency, ...f }) => makeItem({ ...f, dateline: { place, date, agency } }));

const validators = HAVE_SCHEMAS ? ninjsValidators() : null;
const jsonFeed = jsonFeedValidator();

function checkFormats(items: WireItem[]): void {
  for (const format of FEED_FORMATS) {
    const text = [
      ...batchChunks(
        format,
        false,
        items.map((i) => ({ item: i, pubStatus: 'usable' as const })),
        { settings: TEST_SETTINGS },
      ),
    ].join('');
    const parsed = JSON.parse(text) as Record<string, unknown>[] | { items: Record<string, unknown>[] };
    const objects = Array.isArray(parsed) ? parsed : parsed.items;
    if (format === 'jsonfeed') expectValid(jsonFeed, parsed);
    else if (validators) for (const o of objects) expectValid(format === 'ninjs' ? validators.v3 : validators.v2, o);
    const html = objects.flatMap((o) =>
      format === 'jsonfeed'
        ? [o.content_html]
        : ((o.bodies ?? []) as Record<string, unknown>[]).filter((b) => /html/.test(String(b.contentType ?? b.contenttype))).map((b) => b.value),
    );
    expect(html.length).toBe(items.length);
    for (const h of html) expect(h).not.toMatch(/<script/i);
    const back = exportThenImport(format, items);
    if ('error' in back) throw new Error(back.error);
    // Every field comes back but the desk note, which never leaves the desk.
    expect(back.items.map((i) => i.fields)).toEqual(items.map((i) => ({ ...pickFields(i), editorNote: '' })));
  }
}

describe(`hostile text in every field${HAVE_SCHEMAS ? '' : ' (ninjs schema checks skipped: ../shared/schemas not found)'}`, () => {
  it('stays valid JSON, validates, never emits raw <script, and round-trips', () => {
    fc.assert(
      fc.property(item, (i) => checkFormats([i])),
      { numRuns: 150 },
    );
  });

  it('does the same with 100 KB paragraphs', () => {
    const huge = fc.tuple(visible, fc.constantFrom(0, 1, 11)).map(([s, format]) => ({ s: `${s} `.repeat(Math.ceil(100_000 / (s.length + 1))), format }));
    fc.assert(
      fc.property(item, huge, (i, { s, format }) => {
        const big = makeItem({
          ...i,
          headline: s,
          editorNote: s,
          body: sanitizeBody(
            bodyFromBlocks([
              { type: 'paragraph', children: [{ type: 'text', text: s, format }] } as never,
              ...i.body.root.children.filter((b) => b.children.length > 0),
            ]),
          ),
        });
        checkFormats([big]);
      }),
      { numRuns: 8 },
    );
  });
});

describe('sign-off with replacement patterns', () => {
  it('a sign-off containing "$&" round-trips through ninjs', () => {
    const item = makeItem({ signOff: 'A$&B' });
    const back = exportThenImport('ninjs', [item]);
    expect('items' in back && back.items[0]!.fields.signOff).toBe('A$&B');
  });
});
