import { describe, expect, it } from 'vitest';
import { emptyBody } from '../richtext';
import { NINJS2_SCHEMA_ID, NINJS3_SCHEMA_ID, toNinjs2, toNinjs3 } from './ninjs';
import { RICH_BODY, TEST_SETTINGS, feedContext, makeItem } from '../../../test/feed';
import { describeWithSchemas, expectValid, ninjsValidators } from './validators.test';

const ITEMS = {
  full: makeItem(),
  draft: makeItem({ status: 'draft', version: 1, firstPublishedAt: null, versionPublishedAt: null, embargo: null }),
  empty: makeItem({
    slug: '',
    headline: '',
    dateline: { place: '', date: '', agency: '' },
    category: '',
    source: '',
    byline: '',
    signOff: '',
    keywords: [],
    editorNote: '',
    subscriberNote: '',
    language: '',
    embargo: null,
    body: emptyBody(),
  }),
  unknownCategory: makeItem({ category: 'Weather' }),
  listLast: makeItem({ body: { root: { ...RICH_BODY.root, children: RICH_BODY.root.children.slice(3, 4) } } }),
};

describeWithSchemas('ninjs output validates against the official schemas', () => {
  for (const [name, item] of Object.entries(ITEMS)) {
    for (const pubStatus of ['usable', 'withheld', 'canceled'] as const) {
      it(`${name} item, ${pubStatus}: 3.1 and 2.2`, () => {
        const { v3, v2 } = ninjsValidators();
        expectValid(v3, toNinjs3(item, feedContext(pubStatus)));
        expectValid(v2, toNinjs2(item, feedContext(pubStatus)));
      });
    }
  }
});

describe('toNinjs3', () => {
  const n = toNinjs3(makeItem(), feedContext());

  it('maps every field in a fixed key order', () => {
    expect(Object.keys(n)).toEqual([
      'uri',
      'standard',
      'type',
      'version',
      'pubStatus',
      'urgency',
      'firstCreated',
      'versionCreated',
      'embargoedUntil',
      'language',
      'slugline',
      'headlines',
      'by',
      'located',
      'subjects',
      'infoSources',
      'edNote',
      'bodies',
    ]);
    expect(n).toMatchObject({
      uri: 'urn:wiredesk:turan:0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
      standard: { name: 'ninjs', version: '3.1', schema: NINJS3_SCHEMA_ID },
      type: 'text',
      version: '2',
      pubStatus: 'usable',
      urgency: 3,
      firstCreated: '2026-11-26T09:00:00.000Z',
      versionCreated: '2026-11-26T09:30:00.000Z',
      embargoedUntil: '2026-11-27T09:00:00+04:00',
      language: 'en',
      slugline: 'AZERBAIJAN-KAZAKHSTAN-DEFENCE',
      headlines: [{ role: 'main', value: 'Azerbaijan and Kazakhstan sign defence pact' }],
      by: 'Leyla Aliyeva',
      located: 'Baku',
      subjects: [
        { name: 'Politics', rel: 'category', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000' },
        { name: 'defence', rel: 'keyword' },
        { name: 'Kazakhstan', rel: 'keyword' },
      ],
      infoSources: [{ name: 'Ministry of Defence', role: 'source' }],
      edNote: 'Corrects the minister’s title in the second paragraph.',
    });
  });

  it('carries the wire copy as plain text and HTML, dateline first and sign-off last', () => {
    const [plain, html] = n.bodies as { role: string; contentType: string; charCount: number; wordCount: number; value: string }[];
    expect(plain).toMatchObject({ role: 'main', contentType: 'text/plain' });
    expect(plain!.value.startsWith('Baku/26.11.26/Turan: Talks resume\n')).toBe(true);
    expect(plain!.value.endsWith('Last paragraph. ---06B---')).toBe(true);
    expect(plain!.charCount).toBe([...plain!.value].length);
    expect(plain!.wordCount).toBeGreaterThan(20);
    expect(html).toMatchObject({ role: 'main', contentType: 'text/html', charCount: plain!.charCount, wordCount: plain!.wordCount });
    expect(html!.value.startsWith('<h2><span class="dateline" data-date="2026-11-26" data-agency="Turan">Baku/26.11.26/Turan:</span> Talks resume</h2>')).toBe(
      true,
    );
    expect(html!.value.endsWith('<p>Last paragraph. <span class="signoff">---06B---</span></p>')).toBe(true);
  });

  it('keeps the uri across versions and marks a kill as canceled', () => {
    const v3 = toNinjs3(makeItem({ version: 3 }), feedContext('canceled'));
    expect(v3.uri).toBe(n.uri);
    expect(v3).toMatchObject({ version: '3', pubStatus: 'canceled' });
  });

  it('omits empty fields instead of writing ""', () => {
    const e = toNinjs3(ITEMS.empty, feedContext());
    expect(Object.keys(e)).toEqual(['uri', 'standard', 'type', 'version', 'pubStatus', 'urgency', 'firstCreated', 'versionCreated']);
    expect(JSON.stringify(e)).not.toContain('""');
  });

  it('gives a category the desk does not know a subject without a URI', () => {
    expect(toNinjs3(ITEMS.unknownCategory, feedContext()).subjects).toContainEqual({ name: 'Weather', rel: 'category' });
  });

  it('uses the AP dateline when the desk does', () => {
    const ap = toNinjs3(makeItem(), feedContext('usable', { ...TEST_SETTINGS, datelineStyle: 'ap' }));
    expect(JSON.stringify(ap.bodies)).toContain('BAKU, Nov. 26 (Turan) —');
  });
});

describe('toNinjs2', () => {
  it('is 3.1 with 2.x property names and standard', () => {
    const n = toNinjs2(makeItem(), feedContext());
    expect(n).toMatchObject({
      standard: { name: 'ninjs', version: '2.2', schema: NINJS2_SCHEMA_ID },
      pubstatus: 'usable',
      firstcreated: '2026-11-26T09:00:00.000Z',
      versioncreated: '2026-11-26T09:30:00.000Z',
      embargoed: '2026-11-27T09:00:00+04:00',
      ednote: 'Corrects the minister’s title in the second paragraph.',
      infosources: [{ name: 'Ministry of Defence', role: 'source' }],
    });
    expect((n.bodies as Record<string, unknown>[])[0]).toHaveProperty('contenttype', 'text/plain');
    expect(JSON.stringify(n)).not.toMatch(/"[a-z]+[A-Z]\w*":/);
  });
});
