/**
 * What stops an item: the hard limits every save keeps, and what it needs before it goes to
 * review, each as a field problem with a code the UI switches on and a message in the editor's
 * words.
 */
import { dateProblem, isIsoDate } from './dateline';
import type { ItemFields } from './item';
import { bodyToPlainText, hasWords } from './richtext';
import { SIGN_OFF_MAX, SIGN_OFF_RE, SLUG_MAX, slugProblem } from './slug';
import { isValidUrgency } from './urgency';
import type { DeskSettings } from './settings';

export const HEADLINE_SOFT_MAX = 90;
export const HEADLINE_MAX = 150;
export const FIELD_MAX = 500;
export const NOTE_MAX = 4000;
export const KEYWORDS_MAX = 30;
/** The largest body a desk stores, as the length of its JSON. */
export const BODY_JSON_MAX = 8_000_000;

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
 * so these are checked in the editor first (inputs carry the same limits). The body's size is
 * checked on the JSON a save stores (`bodyJson`), made once by the save.
 */
export function hardLimitProblems(f: Omit<ItemFields, 'body'>, bodyJson?: string): FieldProblem[] {
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
  if (bodyJson !== undefined && bodyJson.length > BODY_JSON_MAX) err('body', 'TOO_LONG', 'Body is too large.');
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
