/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Each item carries the whole Wiredesk
 * item in the `_wiredesk` extension (Lexical body included), so an import is lossless.
 */
import type { Dateline } from '../dateline';
import type { ItemStatus, WireItem } from '../item';
import type { SerializedBody } from '../richtext';
import type { DeskSettings } from '../settings';
import { type FeedContext, itemUri } from './context';
import { feedCopy } from './html';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface WiredeskExtension {
  slug: string;
  dateline: Dateline;
  signOff: string;
  urgency: number;
  category: string;
  source: string;
  version: number;
  status: ItemStatus;
  embargo: string | null;
  /** The note to subscribers; left out when empty. The desk note is never exported. */
  note?: string;
  keywords: string[];
  body: SerializedBody;
}

/** The feed object without its items; a batch streams the items inside it. */
export function jsonFeedHeader(settings: Pick<DeskSettings, 'deskName'>): { version: string; title: string } {
  return { version: JSON_FEED_VERSION, title: settings.deskName };
}

export function toJsonFeedItem(item: WireItem, ctx: Pick<FeedContext, 'settings'>): Record<string, unknown> {
  const copy = feedCopy(item, ctx.settings.datelineStyle);
  const tags = [...new Set(item.category ? [...item.keywords, item.category] : item.keywords)];
  const ext: WiredeskExtension = {
    slug: item.slug,
    dateline: { place: item.dateline.place, date: item.dateline.date, agency: item.dateline.agency },
    signOff: item.signOff,
    urgency: item.urgency,
    category: item.category,
    source: item.source,
    version: item.version,
    status: item.status,
    embargo: item.embargo,
    ...(item.subscriberNote ? { note: item.subscriberNote } : {}),
    keywords: item.keywords,
    body: item.body,
  };
  const out: Record<string, unknown> = { id: itemUri(ctx.settings.agency, item.id) };
  if (item.headline) out.title = item.headline;
  out.content_html = copy.html;
  out.content_text = copy.text;
  if (item.firstPublishedAt) out.date_published = item.firstPublishedAt;
  if (item.versionPublishedAt) out.date_modified = item.versionPublishedAt;
  if (item.byline) out.authors = [{ name: item.byline }];
  if (tags.length > 0) out.tags = tags;
  if (item.language) out.language = item.language;
  out._wiredesk = ext;
  return out;
}
