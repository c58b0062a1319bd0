/**
 * IPTC ninjs 3.1 and 2.2. Both schemas are closed, so a Wiredesk field without a ninjs
 * property travels where the schema allows it:
 *  - category: a subject with rel "category" (and the IPTC Media Topic URI when the desk knows it);
 *  - keywords: subjects with rel "keyword";
 *  - source: an infoSource with role "source";
 *  - dateline place: `located`; its date and agency: data attributes on the HTML body's dateline span;
 *  - sign-off: the sign-off span at the end of the HTML body;
 *  - note to subscribers: `edNote` (the desk note is never exported).
 * 2.2 spells the same properties in lowercase and calls the embargo `embargoed`.
 */
import { countCharacters, countWords } from '../richtext';
import type { WireItem } from '../item';
import { mediaTopicUri } from '../settings';
import { type FeedContext, itemUri, withSeconds } from './context';
import { feedCopy } from './html';

export const NINJS3_SCHEMA_ID = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';
export const NINJS2_SCHEMA_ID = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#';

export type NinjsObject = Record<string, unknown>;

/** Drop undefined members: the schemas are closed and an empty field is left out, never "". */
function defined(o: Record<string, unknown>): NinjsObject {
  const out: NinjsObject = {};
  for (const k of Object.keys(o)) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
const nonEmpty = (s: string): string | undefined => (s === '' ? undefined : s);
const nonEmptyList = <T>(a: T[]): T[] | undefined => (a.length === 0 ? undefined : a);

function ninjs(item: WireItem, ctx: FeedContext, standard: { version: string; schema: string }): NinjsObject {
  const { settings } = ctx;
  const copy = feedCopy(item, settings.datelineStyle);
  const counts = copy.text ? { charCount: countCharacters(copy.text), wordCount: countWords(copy.text) } : {};
  const bodies = [
    { contentType: 'text/plain', value: copy.text },
    { contentType: 'text/html', value: copy.html },
  ]
    .filter((b) => b.value !== '')
    .map((b) => ({ role: 'main', contentType: b.contentType, ...counts, value: b.value }));
  const category = settings.categories.find((c) => c.name === item.category);
  const topicUri = category ? mediaTopicUri(category.mediaTopic) : '';
  const subjects = [
    ...(item.category ? [defined({ name: item.category, rel: 'category', uri: /^https?:\/\//.test(topicUri) ? topicUri : undefined })] : []),
    ...item.keywords.map((k) => ({ name: k, rel: 'keyword' })),
  ];
  return defined({
    uri: itemUri(settings.agency, item.id),
    standard: { name: 'ninjs', ...standard },
    type: 'text',
    version: String(item.version),
    pubStatus: ctx.pubStatus,
    urgency: item.urgency,
    firstCreated: item.firstPublishedAt ?? undefined,
    versionCreated: item.versionPublishedAt ?? undefined,
    embargoedUntil: item.embargo === null ? undefined : withSeconds(item.embargo),
    language: nonEmpty(item.language),
    slugline: nonEmpty(item.slug),
    headlines: item.headline ? [{ role: 'main', value: item.headline }] : undefined,
    by: nonEmpty(item.byline),
    located: nonEmpty(item.dateline.place),
    subjects: nonEmptyList(subjects),
    infoSources: item.source ? [{ name: item.source, role: 'source' }] : undefined,
    // The note to subscribers; the desk note never leaves the desk.
    edNote: nonEmpty(item.subscriberNote),
    bodies: nonEmptyList(bodies),
  });
}

export function toNinjs3(item: WireItem, ctx: FeedContext): NinjsObject {
  return ninjs(item, ctx, { version: '3.1', schema: NINJS3_SCHEMA_ID });
}

export function toNinjs2(item: WireItem, ctx: FeedContext): NinjsObject {
  return ninjs2Keys(ninjs(item, ctx, { version: '2.2', schema: NINJS2_SCHEMA_ID })) as NinjsObject;
}

/** 3.x property names to 2.x ones, at every depth (only keys change, never values). */
export function ninjs2Keys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ninjs2Keys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === 'embargoedUntil' ? 'embargoed' : k.toLowerCase(), ninjs2Keys(v)]));
}
