import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../core/richtext';
import { IMPORT_ITEMS_MAX } from '../contract';
import { dispatch } from './dispatch';
import { readyFields, testDesk } from '../../test/desk';

const COPY = `Kazakh central bank holds key rate
ASTANA, Oct 6 (Reuters) - Kazakhstan's central bank kept its base rate unchanged on Friday.
(Reporting by Olzhas Auyezov)

Oil steadies as traders weigh supply
LONDON, Oct 6 (Reuters) - Oil prices held steady on Friday.
(Reporting by Anna Kowalski)
`;

describe('import: copy already on the desk', () => {
  it('warns when the same copy is pasted again, matching headline, dateline and body', () => {
    const { desk } = testDesk();
    const first = desk.parseImport({ text: COPY });
    expect(first.items.map((i) => i.duplicateOf)).toEqual([null, null]);
    const { ids } = desk.acceptImport({ items: [first.items[0]!.fields] });

    const again = desk.parseImport({ text: COPY });
    expect(again.items[0]!.duplicateOf).toEqual({ id: ids[0], slug: 'KAZAKH-CENTRAL-BANK-HOLDS', status: 'draft' });
    expect(again.items[0]!.warnings[0]).toBe('Already on the desk as KAZAKH-CENTRAL-BANK-HOLDS (draft): same headline, dateline and body.');
    // The second story was not imported the first time.
    expect(again.items[1]!.duplicateOf).toBeNull();
  });

  it('does not warn when the body or the dateline differs, or when the item was spiked', () => {
    const { desk } = testDesk();
    const { ids } = desk.acceptImport({ items: [desk.parseImport({ text: COPY }).items[0]!.fields] });
    expect(desk.parseImport({ text: COPY.replace('on Friday.', 'on Thursday.') }).items[0]!.duplicateOf).toBeNull();
    expect(desk.parseImport({ text: COPY.replace('ASTANA, Oct 6', 'ASTANA, Oct 7') }).items[0]!.duplicateOf).toBeNull();
    desk.transition({ ids, action: 'spike' });
    expect(desk.parseImport({ text: COPY }).items[0]!.duplicateOf).toBeNull();
  });

  it('warns of a feed item already on the desk too', () => {
    const { desk } = testDesk();
    const feed = JSON.stringify({
      uri: 'urn:x:1',
      headlines: [{ value: 'Quake hits coast' }],
      bodies: [{ contentType: 'text/plain', value: 'A quake hit the coast.' }],
    });
    desk.acceptImport({ items: [desk.parseImport({ text: feed }).items[0]!.fields] });
    expect(desk.parseImport({ text: feed }).items[0]!.duplicateOf).not.toBeNull();
  });
});

describe('import: agency, dropped lines, limit', () => {
  it('says when the desk agency stands in for one the copy does not name, and lists what it left out', () => {
    const { desk } = testDesk();
    const [item] = desk.parseImport({ text: 'Markets rally after rate cut\nShares rose on Friday.\nAdvertisement\nBonds fell.' }).items;
    expect(item!.agencyFromDesk).toBe(true);
    expect(item!.fields.dateline.agency).toBe(desk.getSettings().agency);
    expect(item!.dropped).toEqual([expect.objectContaining({ text: 'Advertisement', kind: 'furniture', paragraph: 1 })]);
    expect(item!.fields.body).toEqual({ paragraphs: ['Shares rose on Friday.', 'Bonds fell.'] });
  });

  it('stops reading wire copy past the limit and says so; the view and the CLI then refuse to store it', () => {
    const { desk } = testDesk();
    const story = (n: number) => `Story ${n}\nBAKU (AP) — Text ${n}.\n`;
    const text = Array.from({ length: IMPORT_ITEMS_MAX + 50 }, (_, n) => story(n)).join('\n');
    const r = desk.parseImport({ text });
    expect(r.items).toHaveLength(IMPORT_ITEMS_MAX + 1);
    expect(r.warnings.at(-1)).toMatch(
      /^The text holds more than 10,000 items; one import takes at most 10,000\. Leave some out or split it\. Reading stopped at character [\d,]+\.$/,
    );
    const stopped = Number(/character ([\d,]+)/.exec(r.warnings.at(-1)!)![1]!.replace(/,/g, ''));
    expect(text.slice(stopped).startsWith(`Story ${IMPORT_ITEMS_MAX + 1}\n`)).toBe(true);
  });
});

describe('import: what the preview carries', () => {
  it("sends no text back and wire-copy bodies as plain paragraphs; the import makes them the editor's rich text", () => {
    const { desk } = testDesk();
    const preview = desk.parseImport({ text: COPY });
    expect(preview).not.toHaveProperty('text');
    expect(JSON.stringify(preview)).not.toContain(COPY.slice(0, 60));
    expect(preview.items[0]!.fields.body).toEqual({
      paragraphs: ["Kazakhstan's central bank kept its base rate unchanged on Friday.", '(Reporting by Olzhas Auyezov)'],
    });
    // Spans are offsets into the text the caller holds.
    const headline = preview.items[0]!.recognised.find((s) => s.field === 'headline')!;
    expect(COPY.slice(headline.start, headline.end)).toBe('Kazakh central bank holds key rate');

    const { ids } = desk.acceptImport({ items: preview.items.map((i) => i.fields) });
    const stored = desk.getItem({ id: ids[0]! }).item;
    expect(stored.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(bodyToPlainText(stored.body)).toBe("Kazakhstan's central bank kept its base rate unchanged on Friday.\n(Reporting by Olzhas Auyezov)");
  });

  it("keeps a feed's formatted body as rich text, losslessly, and a plain one as paragraphs", () => {
    const { desk } = testDesk();
    const entry = (uri: string, html: string) => ({ uri, headlines: [{ value: `Headline ${uri}` }], bodies: [{ contentType: 'text/html', value: html }] });
    const feed = [entry('urn:x:1', '<p>Plain one.</p><p>Plain two.</p>'), entry('urn:x:2', '<p>Some <b>bold</b> words.</p>')]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const [plain, rich] = desk.parseImport({ text: feed }).items;
    expect(plain!.fields.body).toEqual({ paragraphs: ['Plain one.', 'Plain two.'] });
    expect(rich!.fields.body).toHaveProperty('rich');
    const { ids } = desk.acceptImport({ items: [rich!.fields] });
    expect(desk.getItem({ id: ids[0]! }).item.body).toEqual((rich!.fields.body as { rich: unknown }).rich);
  });
});

describe('import: what acceptImport takes', () => {
  it('refuses a body that is neither paragraphs nor rich text, storing nothing', async () => {
    const { desk } = testDesk();
    for (const body of [{ paragraphs: 'one string' }, { paragraphs: [1, 2] }, { text: 'x' }, { paragraphs: ['a'], rich: {} }]) {
      const r = await dispatch(desk, 'acceptImport', { items: [{ ...readyFields(), body }] });
      expect(r, JSON.stringify(body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await dispatch(desk, 'acceptImport', { items: [{ ...readyFields(), body: { paragraphs: ['Fine.'] } }] })).toMatchObject({ ok: true });
    expect(desk.listItems({ view: 'desk' }).items).toHaveLength(1);
  });
});
