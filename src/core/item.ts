import { type Dateline, EMPTY_DATELINE, dateProblem, isIsoDate } from './dateline';
import { type SerializedBody, bodyToPlainText, emptyBody, hasWords } from './richtext';
import { SIGN_OFF_MAX, SIGN_OFF_RE, SLUG_MAX, slugProblem } from './slug';
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
    subscriberNote: '',
    language: settings.language,
    body: emptyBody(),
  };
}

export type FieldName = keyof ItemFields | 'dateline.place' | 'dateline.date' | 'dateline.agency';

/** What is wrong with a field, as a code the UI switches on (the message is for the editor). */
export const PROBLEM_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'INVALID',
  'DATE_INCOMPLETE',
  'DATE_IMPOSSIBLE',
  'DATE_REQUIRED',
  'NO_DATE',
  'NO_SIGN_OFF',
  'NO_CATEGORY',
  'UNKNOWN_CATEGORY',
  'SUBSCRIBER_NOTE_REQUIRED',
  'SLUG_FIXED',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface FieldProblem {
  field: FieldName;
  code: ProblemCode;
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
export function hardLimitProblems(f: Omit<ItemFields, 'body'>): FieldProblem[] {
  const p: FieldProblem[] = [];
  const err = (field: FieldName, code: ProblemCode, message: string) => p.push({ field, code, message, severity: 'error' });
  if (f.headline.length > HEADLINE_MAX) err('headline', 'TOO_LONG', `Headline is ${f.headline.length} characters; the limit is ${HEADLINE_MAX}.`);
  if (f.slug.length > SLUG_MAX) err('slug', 'TOO_LONG', `Slug is ${f.slug.length} characters; the limit is ${SLUG_MAX}.`);
  if (!isValidUrgency(f.urgency)) err('urgency', 'INVALID', 'Urgency must be a whole number from 1 (Flash) to 9.');
  if (f.embargo !== null && !isZonedDateTime(f.embargo))
    err('embargo', 'INVALID', 'Embargo must be a date and time with a time zone, e.g. 2026-11-27T09:00+04:00.');
  if (f.dateline.date.length > DATE_TEXT_MAX) err('dateline.date', 'TOO_LONG', `A date is at most ${DATE_TEXT_MAX} characters.`);
  for (const [field, value] of [
    ['dateline.place', f.dateline.place],
    ['dateline.agency', f.dateline.agency],
    ['category', f.category],
    ['source', f.source],
    ['byline', f.byline],
    ['language', f.language],
  ] as const) {
    if (value.length > FIELD_MAX) err(field, 'TOO_LONG', `${fieldLabel(field)} is longer than ${FIELD_MAX} characters.`);
  }
  if (f.signOff.length > SIGN_OFF_MAX) err('signOff', 'TOO_LONG', `Sign-off is a short desk code of at most ${SIGN_OFF_MAX} letters or digits, e.g. 06B.`);
  for (const field of ['editorNote', 'subscriberNote'] as const) {
    if (f[field].length > NOTE_MAX) err(field, 'TOO_LONG', `${fieldLabel(field)} is longer than ${NOTE_MAX} characters.`);
  }
  if (f.keywords.length > KEYWORDS_MAX) err('keywords', 'TOO_LONG', `At most ${KEYWORDS_MAX} keywords.`);
  return p;
}

/** The longest date text kept as typed (a date that is not yet a real one). */
export const DATE_TEXT_MAX = 40;

/** What submission checks besides the fields: the version, and the desk's date rules. */
export interface SubmissionContext {
  /** The story version being submitted: 2 and up is a correction, which needs a note to subscribers. */
  version?: number;
  settings?: Pick<DeskSettings, 'categories' | 'dateOrder' | 'datelineStyle'>;
  /** The body's plain text, when the caller has just derived it (a save): not derived again. */
  bodyText?: string;
}

/** Everything an item needs before it goes to review, in the editor's words. */
export function submissionProblems(f: ItemFields, ctx: SubmissionContext = {}): FieldProblem[] {
  const { settings, version = 1 } = ctx;
  const p = hardLimitProblems(f);
  const err = (field: FieldName, code: ProblemCode, message: string) => p.push({ field, code, message, severity: 'error' });
  const warn = (field: FieldName, code: ProblemCode, message: string) => p.push({ field, code, message, severity: 'warning' });
  if (f.headline.trim() === '') err('headline', 'REQUIRED', 'Headline is required.');
  else if (f.headline.length > HEADLINE_SOFT_MAX)
    warn('headline', 'TOO_LONG', `Headline is ${f.headline.length} characters; keep it under ${HEADLINE_SOFT_MAX}.`);
  if (f.slug === '') err('slug', 'REQUIRED', 'Slug is required.');
  else {
    const s = slugProblem(f.slug);
    if (s && f.slug.length <= SLUG_MAX) err('slug', 'INVALID', s);
  }
  if (f.dateline.place.trim() === '') err('dateline.place', 'REQUIRED', 'Dateline place is required.');
  const dateCode = dateProblem(f.dateline.date, settings?.dateOrder ?? 'dmy');
  if (dateCode === 'DATE_INCOMPLETE') err('dateline.date', dateCode, `The date "${f.dateline.date}" is not complete: give day, month and year.`);
  else if (dateCode === 'DATE_IMPOSSIBLE') err('dateline.date', dateCode, `The date "${f.dateline.date}" is not a real calendar date.`);
  else if (f.dateline.date === '') {
    if ((settings?.datelineStyle ?? 'slash') === 'slash')
      err('dateline.date', 'DATE_REQUIRED', 'The dateline needs a date in the desk style (Place/dd.mm.yy/Agency).');
    else warn('dateline.date', 'NO_DATE', 'Dateline has no date.');
  }
  if (f.signOff !== '' && !SIGN_OFF_RE.test(f.signOff)) err('signOff', 'INVALID', 'Sign-off must be letters and digits only, e.g. 06B.');
  if (f.signOff === '') warn('signOff', 'NO_SIGN_OFF', 'No sign-off.');
  if (!hasWords(ctx.bodyText ?? bodyToPlainText(f.body))) err('body', 'REQUIRED', 'Body is empty.');
  if (f.category === '') warn('category', 'NO_CATEGORY', 'No category.');
  else if (settings && !settings.categories.some((c) => c.name === f.category))
    warn('category', 'UNKNOWN_CATEGORY', `Category "${f.category}" is not in the desk's list.`);
  if (f.language.trim() === '') err('language', 'REQUIRED', 'Language is required.');
  if (version >= 2 && f.subscriberNote.trim() === '')
    err('subscriberNote', 'SUBSCRIBER_NOTE_REQUIRED', `Version ${version} is a correction: tell subscribers what changed in the Note to subscribers.`);
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
    editorNote: 'Desk note',
    subscriberNote: 'Note to subscribers',
    language: 'Language',
    body: 'Body',
  };
  return labels[field];
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

/** JSON.stringify(pickFields(f)), with the body's JSON text already at hand (the body is pickFields' last key). */
export function fieldsJson(f: ItemFields, bodyJson: string): string {
  const { body: _body, ...rest } = pickFields(f);
  const head = JSON.stringify(rest);
  return head === '{}' ? `{"body":${bodyJson}}` : `${head.slice(0, -1)},"body":${bodyJson}}`;
}
