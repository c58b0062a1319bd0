import { type Dateline, EMPTY_DATELINE, isIsoDate } from './dateline';
import { type SerializedBody, bodyToPlainText, countWords, emptyBody } from './richtext';
import { SIGN_OFF_RE, SLUG_MAX, slugProblem } from './slug';
import { DEFAULT_URGENCY, isValidUrgency } from './urgency';
import type { DeskSettings } from './settings';

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
  /** Internal note for the desk; never published. */
  editorNote: string;
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
}

/** The list row of an item. */
export function summarize(i: WireItem): ItemSummary {
  return { id: i.id, slug: i.slug, headline: i.headline, status: i.status, urgency: i.urgency, category: i.category, version: i.version, embargo: i.embargo, updatedAt: i.updatedAt, updatedBy: i.updatedBy };
}

export const HEADLINE_SOFT_MAX = 90;
export const HEADLINE_MAX = 150;
export const FIELD_MAX = 500;
export const NOTE_MAX = 4000;
export const KEYWORDS_MAX = 30;

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
    language: settings.language,
    body: emptyBody(),
  };
}

export type FieldName = keyof ItemFields | 'dateline.place' | 'dateline.date' | 'dateline.agency';

export interface FieldProblem {
  field: FieldName;
  message: string;
  /** error: the item cannot be submitted (or saved, for hard limits); warning: it may, with care. */
  severity: 'error' | 'warning';
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an RFC 3339 date-time that carries a zone (Z or ±hh:mm). */
export function isZonedDateTime(s: string): boolean {
  const m = RFC3339.exec(s);
  if (!m || !isIsoDate(m[1]!)) return false;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return false;
  return !Number.isNaN(Date.parse(s));
}

/**
 * Limits that hold for every save, draft or not. A save that breaks one is refused,
 * so these are checked in the editor first (inputs carry the same limits).
 */
export function hardLimitProblems(f: ItemFields): FieldProblem[] {
  const p: FieldProblem[] = [];
  const err = (field: FieldName, message: string) => p.push({ field, message, severity: 'error' });
  if (f.headline.length > HEADLINE_MAX) err('headline', `Headline is ${f.headline.length} characters; the limit is ${HEADLINE_MAX}.`);
  if (f.slug.length > SLUG_MAX) err('slug', `Slug is ${f.slug.length} characters; the limit is ${SLUG_MAX}.`);
  if (!isValidUrgency(f.urgency)) err('urgency', 'Urgency must be a whole number from 1 (Flash) to 9.');
  if (f.embargo !== null && !isZonedDateTime(f.embargo)) err('embargo', 'Embargo must be a date and time with a time zone, e.g. 2026-11-27T09:00+04:00.');
  if (f.dateline.date !== '' && !isIsoDate(f.dateline.date)) err('dateline.date', 'Dateline date is not a real calendar date.');
  for (const [field, value] of [
    ['dateline.place', f.dateline.place],
    ['dateline.agency', f.dateline.agency],
    ['category', f.category],
    ['source', f.source],
    ['byline', f.byline],
    ['language', f.language],
  ] as const) {
    if (value.length > FIELD_MAX) err(field, `${fieldLabel(field)} is longer than ${FIELD_MAX} characters.`);
  }
  if (f.signOff.length > 8) err('signOff', 'Sign-off is a short desk code of at most 8 letters or digits, e.g. 06B.');
  if (f.editorNote.length > NOTE_MAX) err('editorNote', `Editor's note is longer than ${NOTE_MAX} characters.`);
  if (f.keywords.length > KEYWORDS_MAX) err('keywords', `At most ${KEYWORDS_MAX} keywords.`);
  return p;
}

/** Everything an item needs before it goes to review, in the editor's words. */
export function submissionProblems(f: ItemFields, settings?: Pick<DeskSettings, 'categories'>): FieldProblem[] {
  const p = hardLimitProblems(f);
  const err = (field: FieldName, message: string) => p.push({ field, message, severity: 'error' });
  const warn = (field: FieldName, message: string) => p.push({ field, message, severity: 'warning' });
  if (f.headline.trim() === '') err('headline', 'Headline is required.');
  else if (f.headline.length > HEADLINE_SOFT_MAX) warn('headline', `Headline is ${f.headline.length} characters; keep it under ${HEADLINE_SOFT_MAX}.`);
  if (f.slug === '') err('slug', 'Slug is required.');
  else {
    const s = slugProblem(f.slug);
    if (s && f.slug.length <= SLUG_MAX) err('slug', s);
  }
  if (f.dateline.place.trim() === '') err('dateline.place', 'Dateline place is required.');
  if (f.dateline.date === '') warn('dateline.date', 'Dateline has no date.');
  if (f.signOff !== '' && !SIGN_OFF_RE.test(f.signOff)) err('signOff', 'Sign-off must be letters and digits only, e.g. 06B.');
  if (f.signOff === '') warn('signOff', 'No sign-off.');
  if (countWords(bodyToPlainText(f.body)) === 0) err('body', 'Body is empty.');
  if (f.category === '') warn('category', 'No category.');
  else if (settings && !settings.categories.some((c) => c.name === f.category)) warn('category', `Category "${f.category}" is not in the desk's list.`);
  if (f.language.trim() === '') err('language', 'Language is required.');
  return p;
}

export function fieldLabel(field: FieldName): string {
  const labels: Record<FieldName, string> = {
    slug: 'Slug',
    headline: 'Headline',
    dateline: 'Dateline',
    'dateline.place': 'Place',
    'dateline.date': 'Date',
    'dateline.agency': 'Agency',
    category: 'Category',
    source: 'Source',
    byline: 'Byline',
    signOff: 'Sign-off',
    urgency: 'Urgency',
    embargo: 'Embargo',
    keywords: 'Keywords',
    editorNote: "Editor's note",
    language: 'Language',
    body: 'Body',
  };
  return labels[field];
}

/** Fields whose change makes a new revision (all of them: every field is content). */
export function sameFields(a: ItemFields, b: ItemFields): boolean {
  return JSON.stringify(pickFields(a)) === JSON.stringify(pickFields(b));
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
    language: i.language,
    body: i.body,
  };
}

/** Which fields differ, as labels an editor reads in the history ("Headline, Body"). */
export function changedFieldLabels(a: ItemFields, b: ItemFields): string[] {
  const out: string[] = [];
  const keys: (keyof ItemFields)[] = ['slug', 'headline', 'dateline', 'category', 'source', 'byline', 'signOff', 'urgency', 'embargo', 'keywords', 'editorNote', 'language', 'body'];
  for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push(fieldLabel(k));
  return out;
}

/** UUIDv7 from a millisecond time and 10 random bytes (supplied by the caller: core has no RNG). */
export function uuidv7(ms: number, random: Uint8Array): string {
  const b = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  for (let i = 0; i < 10; i++) b[6 + i] = random[i] ?? 0;
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
