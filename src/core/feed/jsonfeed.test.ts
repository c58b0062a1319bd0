import { describe, expect, it } from 'vitest';
import { emptyBody } from '../richtext';
import { JSON_FEED_VERSION, jsonFeedHeader, toJsonFeedItem } from './jsonfeed';
import { TEST_SETTINGS, feedContext, makeItem } from '../../../test/feed';
import { expectValid, jsonFeedValidator } from './validators.test';

const validate = jsonFeedValidator();
const feedOf = (...items: object[]) => ({ ...jsonFeedHeader(TEST_SETTINGS), items });

describe('JSON Feed 1.1', () => {
  it('validates for a full, a draft and an empty item', () => {
    const items = [
      makeItem(),
      makeItem({ status: 'draft', firstPublishedAt: null, versionPublishedAt: null, embargo: null, editorNote: '' }),
      makeItem({
        headline: '',
        byline: '',
        keywords: [],
        category: '',
        language: '',
        signOff: '',
        dateline: { place: '', date: '', agency: '' },
        body: emptyBody(),
      }),
    ].map((i) => toJsonFeedItem(i, feedContext()));
    expectValid(validate, feedOf(...items));
  });

  it('has the feed envelope and maps every field', () => {
    expect(jsonFeedHeader(TEST_SETTINGS)).toEqual({ version: JSON_FEED_VERSION, title: 'Baku desk' });
    const item = makeItem();
    const j = toJsonFeedItem(item, feedContext());
    expect(Object.keys(j)).toEqual([
      'id',
      'title',
      'content_html',
      'content_text',
      'date_published',
      'date_modified',
      'authors',
      'tags',
      'language',
      '_wiredesk',
    ]);
    expect(j).toMatchObject({
      id: 'urn:wiredesk:turan:0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
      title: 'Azerbaijan and Kazakhstan sign defence pact',
      date_published: '2026-11-26T09:00:00.000Z',
      date_modified: '2026-11-26T09:30:00.000Z',
      authors: [{ name: 'Leyla Aliyeva' }],
      tags: ['defence', 'Kazakhstan', 'Politics'],
      language: 'en',
      _wiredesk: {
        slug: item.slug,
        dateline: item.dateline,
        signOff: '06B',
        urgency: 3,
        category: 'Politics',
        source: 'Ministry of Defence',
        version: 2,
        status: 'published',
        embargo: '2026-11-27T09:00+04:00',
        note: item.subscriberNote,
        keywords: item.keywords,
        body: item.body,
      },
    });
    expect(j.content_text).toMatch(/^Baku\/26\.11\.26\/Turan: Talks resume\n[\s\S]* ---06B---$/);
    expect(j.content_html).toContain('<span class="signoff">---06B---</span></p>');
  });

  it('never carries the desk note, leaves out an empty note to subscribers, and does not repeat a category that is also a keyword', () => {
    const j = toJsonFeedItem(makeItem({ editorNote: 'DESK-ONLY', subscriberNote: '', keywords: ['Politics', 'oil'] }), feedContext());
    expect(JSON.stringify(j)).not.toContain('DESK-ONLY');
    expect(j._wiredesk).not.toHaveProperty('note');
    expect(j.tags).toEqual(['Politics', 'oil']);
  });
});
