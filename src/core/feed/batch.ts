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

import { type FeedFormat, hasNdjson } from '../vocabulary';

export { FEED_FORMATS, type FeedFormat } from '../vocabulary';

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

/** The bytes around a batch's entries: what opens it, goes between entries, and closes it. */
export interface BatchFrame {
  open: string;
  /** Between two entries. */
  sep: string;
  /** After every entry. */
  term: string;
  close: string;
  /** The close when there are no entries at all. */
  empty: string;
}

function assertFormat(format: FeedFormat, ndjson: boolean): void {
  if (ndjson && !hasNdjson(format)) {
    throw new DeskFailure(ErrorCode.InvalidArgument, 'JSON Feed has no NDJSON form; export it as a single JSON Feed file.');
  }
}

/** The frame of a batch file. JSON Feed has no NDJSON form: asking for one throws INVALID_ARGUMENT. */
export function batchFrame(format: FeedFormat, ndjson: boolean, settings: FeedContext['settings']): BatchFrame {
  assertFormat(format, ndjson);
  if (ndjson) return { open: '', sep: '', term: '\n', close: '', empty: '' };
  // The feed object is stringified without its items, then reopened to stream them in.
  const [open, close] = format === 'jsonfeed' ? [`${JSON.stringify(jsonFeedHeader(settings)).slice(0, -1)},"items":[`, ']}'] : ['[', ']'];
  return { open: `${open}\n`, sep: ',\n', term: '', close: `\n${close}\n`, empty: `${close}\n` };
}

/** One entry exactly as it goes into a batch file (no line break). */
export function serializeEntry(format: FeedFormat, entry: FeedEntry, ctx: Omit<FeedContext, 'pubStatus'>): string {
  return JSON.stringify(SERIALIZERS[format](entry.item, { ...ctx, pubStatus: entry.pubStatus }));
}

/** What frames a batch file's entries, given the parts as they come (not joined): `entry` for each entry's bytes, then `end`. */
export interface Framing {
  entry(bytes: string): void;
  end(): void;
}

/** Frame a batch file's entries into `out`: what opens it now, what goes between and after each entry, and what ends it. */
export function framing(frame: BatchFrame, out: (part: string) => void): Framing {
  let entries = 0;
  if (frame.open) out(frame.open);
  return {
    entry(bytes) {
      if (entries++ > 0 && frame.sep) out(frame.sep);
      out(bytes);
      if (frame.term) out(frame.term);
    },
    end() {
      const end = entries === 0 ? frame.empty : frame.close;
      if (end) out(end);
    },
  };
}

/** A batch file as chunks from its frame and its serialised entries: what opens it, then one chunk per entry, then its end. */
export function* framedChunks(frame: BatchFrame, entries: Iterable<string>): Generator<string, void, undefined> {
  let chunk = '';
  const file = framing(frame, (part) => (chunk += part));
  if (chunk) yield chunk;
  for (const e of entries) {
    chunk = '';
    file.entry(e);
    yield chunk;
  }
  chunk = '';
  file.end();
  if (chunk) yield chunk;
}

/**
 * The batch as string chunks. JSON Feed has no NDJSON form: asking for one throws a
 * DeskFailure (INVALID_ARGUMENT) at the call, before anything is written.
 */
export function batchChunks(
  format: FeedFormat,
  ndjson: boolean,
  entries: Iterable<FeedEntry>,
  ctx: Omit<FeedContext, 'pubStatus'>,
): Generator<string, void, undefined> {
  const frame = batchFrame(format, ndjson, ctx.settings);
  return framedChunks(
    frame,
    mapIter(entries, (e) => serializeEntry(format, e, ctx)),
  );
}

function* mapIter<T, U>(items: Iterable<T>, fn: (t: T) => U): Generator<U> {
  for (const t of items) yield fn(t);
}
