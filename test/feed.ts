/** Fixtures for the feed tests (pure, so it lives beside the code it serves). */
import type { WireItem } from '../src/core/item';
import { type SerializedBody, type SerializedInline, TEXT_FORMAT, bodyFromBlocks, bodyToPlainText, paragraph, textNode } from '../src/core/richtext';
import { DEFAULT_SETTINGS, type DeskSettings } from '../src/core/settings';
import { batchChunks, type FeedFormat } from '../src/core/feed/batch';
import type { FeedContext, PubStatus } from '../src/core/feed/context';
import { type ParseFeedResult, parseFeed } from '../src/core/feed/parse';

export const TEST_SETTINGS: DeskSettings = { ...DEFAULT_SETTINGS, deskName: 'Baku desk', agency: 'Turan', defaultSignOff: '06B' };

export function feedContext(pubStatus: PubStatus = 'usable', settings: DeskSettings = TEST_SETTINGS): FeedContext {
  return { settings, pubStatus };
}

const link = (url: string, text: string): SerializedInline => ({
  type: 'link',
  url,
  rel: 'noopener noreferrer',
  target: null,
  title: null,
  children: [textNode(text)],
  direction: null,
  format: '',
  indent: 0,
  version: 1,
});

/** Every kind of node Wiredesk keeps: heading, formats, link, line break, quote, nested lists. */
export const RICH_BODY: SerializedBody = bodyFromBlocks([
  { type: 'heading', tag: 'h2', children: [textNode('Talks resume')], direction: null, format: '', indent: 0, version: 1 },
  paragraph([
    textNode('The ministers met '),
    textNode('on Friday', TEXT_FORMAT.bold),
    textNode(', '),
    textNode('in private', TEXT_FORMAT.italic | TEXT_FORMAT.underline),
    textNode(' & said "more" <soon>.'),
    { type: 'linebreak', version: 1 },
    textNode('Details: '),
    link('https://example.org/a?b=1&c=2', 'statement'),
  ]),
  {
    type: 'quote',
    children: [textNode('We are close,'), textNode(' he said', TEXT_FORMAT.bold | TEXT_FORMAT.italic | TEXT_FORMAT.underline)],
    direction: null,
    format: '',
    indent: 0,
    version: 1,
  },
  {
    type: 'list',
    listType: 'number',
    start: 3,
    tag: 'ol',
    direction: null,
    format: '',
    indent: 0,
    version: 1,
    children: [
      { type: 'listitem', value: 1, children: [textNode('border')], direction: null, format: '', indent: 0, version: 1 },
      {
        type: 'listitem',
        value: 2,
        children: [
          textNode('trade '),
          {
            type: 'list',
            listType: 'bullet',
            start: 1,
            tag: 'ul',
            direction: null,
            format: '',
            indent: 0,
            version: 1,
            children: [{ type: 'listitem', value: 1, children: [textNode('gas', TEXT_FORMAT.bold)], direction: null, format: '', indent: 0, version: 1 }],
          },
        ],
        direction: null,
        format: '',
        indent: 0,
        version: 1,
      },
    ],
  },
  paragraph([textNode('Last paragraph.')]),
]);

/** A published item with every field filled; overrides win (bodyText follows the body). */
export function makeItem(overrides: Partial<WireItem> = {}): WireItem {
  const item: WireItem = {
    id: '0190a6b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    status: 'published',
    version: 2,
    revision: 7,
    bodyText: '',
    returnNote: null,
    createdAt: '2026-11-26T08:00:00.000Z',
    updatedAt: '2026-11-26T09:30:00.000Z',
    createdBy: 'writer',
    updatedBy: 'chief',
    firstPublishedAt: '2026-11-26T09:00:00.000Z',
    versionPublishedAt: '2026-11-26T09:30:00.000Z',
    publishedVersion: 2,
    approvedRevision: 7,
    reopened: null,
    kill: null,
    versionStartedAt: '2026-11-26T09:10:00.000Z',
    slug: 'AZERBAIJAN-KAZAKHSTAN-DEFENCE',
    headline: 'Azerbaijan and Kazakhstan sign defence pact',
    dateline: { place: 'Baku', date: '2026-11-26', agency: 'Turan' },
    category: 'Politics',
    source: 'Ministry of Defence',
    byline: 'Leyla Aliyeva',
    signOff: '06B',
    urgency: 3,
    embargo: '2026-11-27T09:00+04:00',
    keywords: ['defence', 'Kazakhstan'],
    editorNote: 'Check the minister’s title before release.',
    subscriberNote: 'Corrects the minister’s title in the second paragraph.',
    language: 'en',
    body: RICH_BODY,
    ...overrides,
  };
  return { ...item, bodyText: overrides.bodyText ?? bodyToPlainText(item.body) };
}

/** The whole trip: items out through the batch writer, the text back in through parseFeed. */
export function exportThenImport(
  format: FeedFormat,
  items: WireItem[],
  opts: { pubStatus?: PubStatus; ndjson?: boolean; settings?: DeskSettings } = {},
): ParseFeedResult {
  const entries = items.map((item) => ({ item, pubStatus: opts.pubStatus ?? 'usable' }));
  return parseFeed([...batchChunks(format, opts.ndjson ?? false, entries, { settings: opts.settings ?? TEST_SETTINGS })].join(''));
}
