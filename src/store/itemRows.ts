/** An item as a row of the items table and back: the one mapping of its columns (whole rows and state-only ones). */
import { type ItemFields, type ItemStatus, type WireItem, pickFields } from '../core/item';
import { type SerializedBody, bodyToPlainText } from '../core/richtext';

export interface ItemRow {
  id: string;
  slug: string;
  headline: string;
  dateline_place: string;
  dateline_date: string;
  dateline_agency: string;
  category: string;
  source: string;
  byline: string;
  sign_off: string;
  urgency: number;
  embargo: string | null;
  keywords: string;
  editor_note: string;
  subscriber_note: string;
  language: string;
  body_json: string;
  body_text: string;
  status: ItemStatus;
  held_from: ItemStatus | null;
  version: number;
  revision: number;
  published_version: number;
  return_note: string | null;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
  first_published_at: string | null;
  version_published_at: string | null;
  approved_revision: number | null;
  reopened_at: string | null;
  reopened_by: string | null;
  kill_reason: string | null;
  killed_at: string | null;
  killed_by: string | null;
  version_started_at: string | null;
}

export interface StoredItem extends WireItem {
  heldFrom: ItemStatus | null;
}

/** The workflow state of an item: what a transition or a publish may change. */
export const STATE_COLUMNS = [
  'subscriber_note',
  'status',
  'held_from',
  'version',
  'revision',
  'published_version',
  'return_note',
  'updated_at',
  'updated_by',
  'first_published_at',
  'version_published_at',
  'approved_revision',
  'reopened_at',
  'reopened_by',
  'kill_reason',
  'killed_at',
  'killed_by',
  'version_started_at',
] as const satisfies readonly (keyof ItemRow)[];

/** An item without its text: enough for a workflow step and its list row. */
export type ItemState = Pick<
  StoredItem,
  | 'id'
  | 'slug'
  | 'headline'
  | 'urgency'
  | 'category'
  | 'embargo'
  | 'subscriberNote'
  | 'status'
  | 'heldFrom'
  | 'version'
  | 'revision'
  | 'publishedVersion'
  | 'returnNote'
  | 'updatedAt'
  | 'updatedBy'
  | 'firstPublishedAt'
  | 'versionPublishedAt'
  | 'approvedRevision'
  | 'reopened'
  | 'kill'
  | 'versionStartedAt'
>;

export type StateRow = Pick<ItemRow, (typeof STATE_COLUMNS)[number]>;
type WorkflowState = Omit<ItemState, 'id' | 'slug' | 'headline' | 'urgency' | 'category' | 'embargo'>;

/** The workflow-state columns as the item's fields: the one mapping for whole rows and state-only ones. */
export function stateFromRow(r: StateRow): WorkflowState {
  return {
    subscriberNote: r.subscriber_note,
    status: r.status,
    heldFrom: r.held_from,
    version: r.version,
    revision: r.revision,
    publishedVersion: r.published_version,
    returnNote: r.return_note,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    firstPublishedAt: r.first_published_at,
    versionPublishedAt: r.version_published_at,
    approvedRevision: r.approved_revision,
    reopened: r.reopened_at !== null ? { at: r.reopened_at, by: r.reopened_by ?? '' } : null,
    kill: r.killed_at !== null ? { reason: r.kill_reason ?? '', at: r.killed_at, by: r.killed_by ?? '' } : null,
    versionStartedAt: r.version_started_at,
  };
}

export function stateToRow(s: WorkflowState): StateRow {
  return {
    subscriber_note: s.subscriberNote,
    status: s.status,
    held_from: s.heldFrom,
    version: s.version,
    revision: s.revision,
    published_version: s.publishedVersion,
    return_note: s.returnNote,
    updated_at: s.updatedAt,
    updated_by: s.updatedBy,
    first_published_at: s.firstPublishedAt,
    version_published_at: s.versionPublishedAt,
    approved_revision: s.approvedRevision,
    reopened_at: s.reopened?.at ?? null,
    reopened_by: s.reopened?.by ?? null,
    kill_reason: s.kill?.reason ?? null,
    killed_at: s.kill?.at ?? null,
    killed_by: s.kill?.by ?? null,
    version_started_at: s.versionStartedAt,
  };
}

export function fromRow(r: ItemRow): StoredItem {
  return itemFromRow(r, JSON.parse(r.body_json) as SerializedBody);
}

/** The item of a row with the body given: parsed, or left out where only its stored JSON text is compared (a save). */
export function itemFromRow<B>(r: ItemRow, body: B): Omit<StoredItem, 'body'> & { body: B } {
  // Not `{ ...stateFromRow(r), id: … }`: V8 (Node 20) builds a literal that adds properties after a
  // spread on a slow path, some 50 µs an item (a third of a second per 10,000-item export); this is ~2 µs.
  return Object.assign(stateFromRow(r), {
    id: r.id,
    slug: r.slug,
    headline: r.headline,
    dateline: { place: r.dateline_place, date: r.dateline_date, agency: r.dateline_agency },
    category: r.category,
    source: r.source,
    byline: r.byline,
    signOff: r.sign_off,
    urgency: r.urgency,
    embargo: r.embargo,
    keywords: JSON.parse(r.keywords) as string[],
    editorNote: r.editor_note,
    language: r.language,
    body,
    bodyText: r.body_text,
    createdAt: r.created_at,
    createdBy: r.created_by,
  });
}

/** The row of an item; `bodyJson` is its body's JSON text when the caller has it (a save). */
export function toRow(i: StoredItem, bodyJson = JSON.stringify(i.body)): ItemRow {
  return {
    ...stateToRow(i),
    id: i.id,
    slug: i.slug,
    headline: i.headline,
    dateline_place: i.dateline.place,
    dateline_date: i.dateline.date,
    dateline_agency: i.dateline.agency,
    category: i.category,
    source: i.source,
    byline: i.byline,
    sign_off: i.signOff,
    urgency: i.urgency,
    embargo: i.embargo,
    keywords: JSON.stringify(i.keywords),
    editor_note: i.editorNote,
    language: i.language,
    body_json: bodyJson,
    body_text: i.bodyText,
    created_at: i.createdAt,
    created_by: i.createdBy,
  };
}

/** A new item as stored: a draft at version 1, revision 1, by `by` at `at`; callers override what differs. */
export function newStoredItem(fields: ItemFields, o: { id: string; at: string; by: string }): StoredItem {
  return {
    ...pickFields(fields),
    id: o.id,
    bodyText: bodyToPlainText(fields.body),
    status: 'draft',
    heldFrom: null,
    version: 1,
    revision: 1,
    publishedVersion: 0,
    returnNote: null,
    createdAt: o.at,
    updatedAt: o.at,
    createdBy: o.by,
    updatedBy: o.by,
    firstPublishedAt: null,
    versionPublishedAt: null,
    approvedRevision: null,
    reopened: null,
    kill: null,
    versionStartedAt: null,
  };
}

export const COLUMNS: readonly (keyof ItemRow)[] = [
  'id',
  'slug',
  'headline',
  'dateline_place',
  'dateline_date',
  'dateline_agency',
  'category',
  'source',
  'byline',
  'sign_off',
  'urgency',
  'embargo',
  'keywords',
  'editor_note',
  'language',
  'body_json',
  'body_text',
  'status',
  'held_from',
  'version',
  'revision',
  'published_version',
  'return_note',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'first_published_at',
  'version_published_at',
  'subscriber_note',
  'approved_revision',
  'reopened_at',
  'reopened_by',
  'kill_reason',
  'killed_at',
  'killed_by',
  'version_started_at',
];
