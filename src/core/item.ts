import { type Dateline, EMPTY_DATELINE } from './dateline';
import { type SerializedBody, emptyBody } from './richtext';
import { DEFAULT_URGENCY } from './urgency';
import type { DeskSettings } from './settings';
import { fieldLabel } from './problems';

// The limits and problems of an item live in problems.ts; they are part of the item's vocabulary.
export * from './problems';

export type ItemStatus = 'draft' | 'submitted' | 'approved' | 'held' | 'published' | 'killed' | 'spiked';
export const ITEM_STATUSES: readonly ItemStatus[] = ['draft', 'submitted', 'approved', 'held', 'published', 'killed', 'spiked'];

/** The fields an editor writes. */
export interface ItemFields {
  slug: string;
  headline: string;
  dateline: Dateline;
  category: string;
  source: string;
  byline: string;
  signOff: string;
  /** IPTC urgency 1 (Flash) … 9. */
  urgency: number;
  /** RFC 3339 date-time with offset, or null for no embargo. */
  embargo: string | null;
  keywords: string[];
  /** Desk note: for the desk only, never in any export. */
  editorNote: string;
  /** Note to subscribers: goes out with this version (ninjs edNote); required on a correction. */
  subscriberNote: string;
  language: string;
  body: SerializedBody;
}

export interface WireItem extends ItemFields {
  id: string;
  status: ItemStatus;
  /** Story version: 1, then 2, 3 … for each correction (write-thru). */
  version: number;
  /** Save counter for optimistic concurrency; every content save increments it. */
  revision: number;
  /** Plain text of the body, derived on save. */
  bodyText: string;
  /** Note from the chief editor when the item was returned to the writer. */
  returnNote: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  /** When version 1 first went out; null until then. */
  firstPublishedAt: string | null;
  /** When the latest published version went out; null until then. */
  versionPublishedAt: string | null;
  /** Highest version that has gone out in a batch (0 = never published). */
  publishedVersion: number;
  /** The revision the approval was given to; only that revision may go out. */
  approvedRevision: number | null;
  /** An approved or held item was edited and went back to review: who and when. */
  reopened: Stamp | null;
  /** The kill: its reason, who and when. */
  kill: (Stamp & { reason: string }) | null;
  /** When this version was started (a correction or a kill); null for version 1. */
  versionStartedAt: string | null;
}

/** Who did something, and when. */
export interface Stamp {
  at: string;
  by: string;
}

/** A row of a list or queue: enough to show, never the body. */
export interface ItemSummary {
  id: string;
  slug: string;
  headline: string;
  status: ItemStatus;
  urgency: number;
  category: string;
  version: number;
  embargo: string | null;
  updatedAt: string;
  updatedBy: string;
  /** Search snippet with matches wrapped in [[ ]]; only set for searches. */
  snippet?: string;
  /** The latest batch that carried this item, or its kill (queue tabs Published and Killed). */
  batchId?: number | null;
  /** Edited after approval and back in review: who and when. */
  reopened?: Stamp;
  /** Killed: the reason, who and when. */
  kill?: Stamp & { reason: string };
}

/** The list row of an item. */
export function summarize(
  i: Pick<WireItem, 'id' | 'slug' | 'headline' | 'status' | 'urgency' | 'category' | 'version' | 'embargo' | 'updatedAt' | 'updatedBy' | 'reopened' | 'kill'>,
): ItemSummary {
  const s: ItemSummary = {
    id: i.id,
    slug: i.slug,
    headline: i.headline,
    status: i.status,
    urgency: i.urgency,
    category: i.category,
    version: i.version,
    embargo: i.embargo,
    updatedAt: i.updatedAt,
    updatedBy: i.updatedBy,
  };
  if (i.reopened) s.reopened = i.reopened;
  if (i.kill) s.kill = i.kill;
  return s;
}

export function defaultFields(settings: Pick<DeskSettings, 'agency' | 'defaultSignOff' | 'language'>): ItemFields {
  return {
    slug: '',
    headline: '',
    dateline: { ...EMPTY_DATELINE, agency: settings.agency },
    category: '',
    source: '',
    byline: '',
    signOff: settings.defaultSignOff,
    urgency: DEFAULT_URGENCY,
    embargo: null,
    keywords: [],
    editorNote: '',
    subscriberNote: '',
    language: settings.language,
    body: emptyBody(),
  };
}

export function pickFields(i: ItemFields): ItemFields {
  return {
    slug: i.slug,
    headline: i.headline,
    dateline: { place: i.dateline.place, date: i.dateline.date, agency: i.dateline.agency },
    category: i.category,
    source: i.source,
    byline: i.byline,
    signOff: i.signOff,
    urgency: i.urgency,
    embargo: i.embargo,
    keywords: [...i.keywords],
    editorNote: i.editorNote,
    subscriberNote: i.subscriberNote,
    language: i.language,
    body: i.body,
  };
}

/**
 * Which fields differ, as labels an editor reads in the history ("Headline, Body"); every field
 * is content, so any change makes a new revision. The body is compared by the caller (a save
 * compares the bodies' JSON text, not the trees).
 */
export function changedFieldLabels(a: Omit<ItemFields, 'body'>, b: Omit<ItemFields, 'body'>, bodyChanged: boolean): string[] {
  const out: string[] = [];
  const keys = [
    'slug',
    'headline',
    'dateline',
    'category',
    'source',
    'byline',
    'signOff',
    'urgency',
    'embargo',
    'keywords',
    'editorNote',
    'subscriberNote',
    'language',
  ] as const;
  for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push(fieldLabel(k));
  if (bodyChanged) out.push(fieldLabel('body'));
  return out;
}

/**
 * JSON.stringify(pickFields(f)) without the body, pickFields' last key: what a revision stores while
 * its body is the item's own. Putting `,"body":` and the body's JSON before the closing brace gives
 * JSON.stringify(pickFields(f)) (migration 150 does so when the item's body changes).
 */
export function fieldsJsonWithoutBody(f: ItemFields): string {
  const { body: _body, ...rest } = pickFields(f);
  return JSON.stringify(rest);
}
