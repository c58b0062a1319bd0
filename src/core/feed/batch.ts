/**
 * Streaming batch serialization: a batch of any size goes out chunk by chunk.
 * Array form is `[\n` item `,\n` item `\n]\n`; NDJSON is one item per line; JSON Feed is
 * the feed object with its items streamed inside. The same entries always give the same
 * bytes: fixed key order, and no clock read here (dates come from the items).
 */
import { DeskFailure, ErrorCode } from '../errors';
import type { WireItem } from '../item';
import type { FeedContext, PubStatus } from './context';
import { jsonFeedHeader, toJsonFeedItem } from './jsonfeed';
import { toNinjs2, toNinjs3 } from './ninjs';

export const FEED_FORMATS = ['ninjs', 'ninjs2', 'jsonfeed'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export interface FeedEntry {
  item: WireItem;
  /** `canceled` for a kill. */
  pubStatus: PubStatus;
}

const SERIALIZERS: Record<FeedFormat, (item: WireItem, ctx: FeedContext) => object> = {
  ninjs: toNinjs3,
  ninjs2: toNinjs2,
  jsonfeed: toJsonFeedItem,
};

/**
 * The batch as string chunks. JSON Feed has no NDJSON form: asking for one throws a
 * DeskFailure (INVALID_ARGUMENT) at the call, before anything is written.
 */
export function batchChunks(format: FeedFormat, ndjson: boolean, entries: Iterable<FeedEntry>, ctx: Omit<FeedContext, 'pubStatus'>): Generator<string, void, undefined> {
  if (format === 'jsonfeed' && ndjson) {
    throw new DeskFailure(ErrorCode.InvalidArgument, 'JSON Feed has no NDJSON form; export it as a single JSON Feed file.');
  }
  return chunks(format, ndjson, entries, ctx);
}

function* chunks(format: FeedFormat, ndjson: boolean, entries: Iterable<FeedEntry>, ctx: Omit<FeedContext, 'pubStatus'>): Generator<string, void, undefined> {
  const serialize = SERIALIZERS[format];
  const json = (e: FeedEntry) => JSON.stringify(serialize(e.item, { ...ctx, pubStatus: e.pubStatus }));
  if (ndjson) {
    for (const e of entries) yield `${json(e)}\n`;
    return;
  }
  // The feed object is stringified without its items, then reopened to stream them in.
  const [open, close] = format === 'jsonfeed' ? [`${JSON.stringify(jsonFeedHeader(ctx.settings)).slice(0, -1)},"items":[`, ']}'] : ['[', ']'];
  yield `${open}\n`;
  let first = true;
  for (const e of entries) {
    yield first ? json(e) : `,\n${json(e)}`;
    first = false;
  }
  yield `${first ? '' : '\n'}${close}\n`;
}
