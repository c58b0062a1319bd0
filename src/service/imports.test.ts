import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../core/richtext';
import { IMPORT_ITEMS_MAX } from '../contract';
import { testDesk } from './testing';

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
    const feed = JSON.stringify({ uri: 'urn:x:1', headlines: [{ value: 'Quake hits coast' }], bodies: [{ contentType: 'text/plain', value: 'A quake hit the coast.' }] });
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
    expect(bodyToPlainText(item!.fields.body)).toBe('Shares rose on Friday.\nBonds fell.');
  });

  it('stops reading wire copy past the limit and says so; the view and the CLI then refuse to store it', () => {
    const { desk } = testDesk();
    const story = (n: number) => `Story ${n}\nBAKU (AP) — Text ${n}.\n`;
    const text = Array.from({ length: IMPORT_ITEMS_MAX + 50 }, (_, n) => story(n)).join('\n');
    const r = desk.parseImport({ text });
    expect(r.items).toHaveLength(IMPORT_ITEMS_MAX + 1);
    expect(r.warnings.at(-1)).toMatch(/^The text holds more than 10,000 items; one import takes at most 10,000\. Leave some out or split it\. Reading stopped at character [\d,]+\.$/);
    const stopped = Number(/character ([\d,]+)/.exec(r.warnings.at(-1)!)![1]!.replace(/,/g, ''));
    expect(text.slice(stopped).startsWith(`Story ${IMPORT_ITEMS_MAX + 1}\n`)).toBe(true);
  });
});
