/**
 * The desk's one service contract. Types only plus the table of method names, so the
 * preload and the renderer can import it without pulling in Node or zod. The service
 * implements `DeskHandlers`; IPC, HTTP and the preload are derived from `DESK_METHODS`.
 */
import type { Result } from '../core/errors';
import type { FieldProblem, ItemFields, ItemStatus, ItemSummary, WireItem } from '../core/item';
import type { DeskSettings } from '../core/settings';
import type { EditorAction } from '../core/workflow';

export type { Result } from '../core/errors';
export type { AuditRecord, HistoryEntry, Page } from '../core/records';
import type { AuditRecord, HistoryEntry, Page } from '../core/records';
import type { DroppedLine } from '../core/wirecopy/parse';
import type { ImportFields } from '../core/importFields';
export type { ImportBody, ImportFields } from '../core/importFields';

import { type DeskListView, type FeedFormat, type ImportFormat, QUEUE_TABS as TAB_NAMES, QUEUE_TAB_LABELS, type QueueTab } from '../core/vocabulary';
export { IMPORT_ITEMS_MAX } from '../core/vocabulary';
export type { ImportFormat, QueueTab };
import type { HubMethods } from './hub';
export type * from './hub';
export type DeskView = DeskListView;
export type FeedFormatName = FeedFormat;
/** The queue's tabs with their labels (the words are defined in core/vocabulary). */
export const QUEUE_TABS: readonly { tab: QueueTab; label: string }[] = TAB_NAMES.map((tab) => ({ tab, label: QUEUE_TAB_LABELS[tab] }));

export interface ItemDetail {
  item: WireItem;
  /** What stands between this item and submission, in the editor's words. */
  problems: FieldProblem[];
}

export interface QueueQuery {
  tab: QueueTab;
  category?: string;
  urgency?: number;
  editor?: string;
  search?: string;
  cursor?: string | null;
  /** Ask for rows from this position on instead of after a cursor; the page then carries `total`. */
  offset?: number;
  limit?: number;
}

/** A search across every tab, with the queue's other filters. */
export type QueueMatchQuery = Pick<QueueQuery, 'category' | 'urgency' | 'editor'> & { search: string };

export interface QueuePage extends Page<ItemSummary> {
  counts: Record<QueueTab, number>;
  /** What the next batch would carry: approved items and kills not yet sent. */
  nextBatch: { approved: number; kills: number };
}

export interface BatchSummary {
  id: number;
  /**
   * writing/committed: a running Wiredesk is writing it; written: done; stuck: its writer is
   * gone or cannot be checked, and it could not be finished by itself — Complete or Drop it.
   */
  state: 'writing' | 'committed' | 'written' | 'stuck';
  format: FeedFormatName;
  ndjson: boolean;
  folder: string;
  fileName: string;
  sha256: string | null;
  bytes: number | null;
  itemCount: number;
  createdAt: string;
  createdBy: string;
  error: string | null;
  /** Who is (or was) writing an unfinished batch; null once written. */
  owner: { host: string; pid: number; since: string } | null;
}

export interface BatchEntry {
  itemId: string;
  version: number;
  kind: 'publish' | 'kill';
  slug: string;
  headline: string;
}

export interface BatchDetail extends BatchSummary {
  /** A page of the batch's entries, in the order they went out. */
  entries: BatchEntry[];
  /** Pass as `after` for the next page of entries; null after the last. */
  nextEntry: number | null;
}

/** A story as it last went out before its current version: what a correction changes. */
export interface PublishedVersion {
  version: number;
  headline: string;
  bodyText: string;
  publishedAt: string | null;
}

/** A recognised field: offsets into the original text (the text itself is not sent back). */
export interface ImportSpan {
  field: string;
  start: number;
  end: number;
}

export interface ImportCandidate {
  /** The body as plain paragraphs where that loses nothing (always for wire copy); the rich text only for a feed's formatted body. */
  fields: ImportFields;
  warnings: string[];
  recognised: ImportSpan[];
  /** Slice of the original text this item came from (text imports only): offsets into the text the caller sent. */
  original: { start: number; end: number } | null;
  /** Lines left out (page furniture, rules, end markers), each with the body paragraph it goes back before. */
  dropped: DroppedLine[];
  /** The copy names no agency: the dateline's agency is the desk's own. */
  agencyFromDesk: boolean;
  /** An item already on the desk (not spiked) with the same headline, dateline and body. */
  duplicateOf: { id: string; slug: string; status: ItemStatus } | null;
}

/**
 * What an import would give. The text is never sent back: the caller has it, and every
 * span and `original` is an offset into it.
 */
export interface ImportPreview {
  format: Exclude<ImportFormat, 'auto'>;
  items: ImportCandidate[];
  warnings: string[];
}

/** Every method: the desk's own below, the shared desk's in ./hub. */
export interface DeskMethods extends HubMethods {
  getSettings: { arg: Record<string, never>; value: DeskSettings };
  saveSettings: { arg: DeskSettings; value: DeskSettings };
  createItem: { arg: { fields?: Partial<ItemFields> }; value: ItemDetail };
  getItem: { arg: { id: string }; value: ItemDetail };
  /** The desk list, newest first; `statuses` narrows it (the CLI's --status). With `offset` instead of `cursor`: that slice, and its `total`. */
  listItems: { arg: { view: DeskView; statuses?: ItemStatus[]; cursor?: string | null; offset?: number; limit?: number }; value: Page<ItemSummary> };
  /**
   * Save the editor's fields; refused with STALE_REVISION when someone saved since baseRevision.
   * `session` names one editor window's sitting: its autosaves within a minute make one revision.
   * `unfinished`: a field typed in the editor but not stored yet (an embargo not yet a time). It
   * is an edit under way: an approved or held item goes back to review even though no field changed.
   */
  saveDraft: { arg: { id: string; baseRevision: number; fields: ItemFields; session?: string; unfinished?: 'embargo' }; value: ItemDetail };
  duplicateItem: { arg: { id: string }; value: ItemDetail };
  history: { arg: { id: string }; value: { revisions: HistoryEntry[]; audit: AuditRecord[] } };
  getRevision: { arg: { id: string; revision: number }; value: ItemFields };
  restoreRevision: { arg: { id: string; revision: number; baseRevision: number }; value: ItemDetail };
  /** One action on one or more items: all of them change, or none. */
  transition: { arg: { ids: string[]; action: EditorAction; note?: string }; value: ItemSummary[] };
  queue: { arg: QueueQuery; value: QueuePage };
  /**
   * How many items match a search in each tab (the search runs across all of them; other filters
   * apply too). Asked for beside the page, so the page's rows never wait for counts over every match.
   */
  queueMatches: { arg: QueueMatchQuery; value: Record<QueueTab, number> };
  /** Everyone who wrote or edited on this desk, for the Editor filter. */
  listEditors: { arg: Record<string, never>; value: string[] };
  /** The latest published version before the item's current one (null if none went out). */
  getPublished: { arg: { id: string }; value: PublishedVersion | null };
  /** Write the pending entries (or `ids`) as one batch file into `folder`; items publish only once it is safely written. */
  exportBatch: {
    arg: { format: FeedFormatName; ndjson?: boolean; folder: string; fileName?: string; ids?: string[]; allowPastEmbargo?: boolean };
    value: BatchDetail;
  };
  listBatches: { arg: { cursor?: string | null; limit?: number }; value: Page<BatchSummary> };
  getBatch: { arg: { id: number; after?: number; limit?: number }; value: BatchDetail };
  resendBatch: { arg: { id: number; folder: string; fileName?: string }; value: { path: string; sha256: string } };
  /** Write any selection as a feed file without changing any item (the CLI's export --preview). */
  previewExport: {
    arg: { format: FeedFormatName; ndjson?: boolean; statuses?: ItemStatus[]; ids?: string[]; since?: string; target: string };
    value: { path: string; count: number };
  };
  /** A stuck batch: publish it (if it never committed) and write its stored bytes. */
  completeBatch: { arg: { id: number }; value: BatchDetail };
  /** A stuck batch: nothing in it counts as published; its items wait for the next batch. */
  dropBatch: { arg: { id: number }; value: BatchSummary };
  parseImport: { arg: { text: string; format?: ImportFormat }; value: ImportPreview };
  /** Store found items as drafts, all or none; plain-paragraph bodies become the editor's rich text here. */
  acceptImport: { arg: { items: ImportFields[] }; value: { ids: string[] } };
}

export type DeskMethod = keyof DeskMethods;
export type ArgOf<K extends DeskMethod> = DeskMethods[K]['arg'];
export type ValueOf<K extends DeskMethod> = DeskMethods[K]['value'];

/** What the renderer sees as `window.desk`: every method, asynchronous, never throwing. */
export type DeskApi = { [K in DeskMethod]: (arg: ArgOf<K>) => Promise<Result<ValueOf<K>>> };

/** What the service implements: a missing method is a compile error. */
export type DeskHandlers = { [K in DeskMethod]: (arg: ArgOf<K>) => ValueOf<K> | Promise<ValueOf<K>> };

/** Every method name; a missing or unknown key fails to compile. */
const METHOD_TABLE: Record<DeskMethod, true> = {
  getSettings: true,
  saveSettings: true,
  createItem: true,
  getItem: true,
  listItems: true,
  saveDraft: true,
  duplicateItem: true,
  history: true,
  getRevision: true,
  restoreRevision: true,
  transition: true,
  queue: true,
  queueMatches: true,
  listEditors: true,
  getPublished: true,
  exportBatch: true,
  listBatches: true,
  getBatch: true,
  resendBatch: true,
  previewExport: true,
  completeBatch: true,
  dropBatch: true,
  parseImport: true,
  acceptImport: true,
  hubStatus: true,
  joinHub: true,
  leaveHub: true,
  syncHub: true,
  listSharedBatches: true,
  getSharedBatch: true,
  resendSharedBatch: true,
  listHubConflicts: true,
  dismissHubConflict: true,
};
export const DESK_METHODS = Object.keys(METHOD_TABLE) as DeskMethod[];

/**
 * Methods whose one large text may travel over HTTP as the request body itself
 * (text/plain; charset=utf-8), the rest of the argument in the query string: a 38 MB paste
 * is then neither JSON-escaped by the page nor parsed again by the server.
 */
export const TEXT_BODY_ARGS: { readonly [K in DeskMethod]?: keyof ArgOf<K> & string } = { parseImport: 'text' };

export function isDeskMethod(name: string): name is DeskMethod {
  return Object.prototype.hasOwnProperty.call(METHOD_TABLE, name);
}

export const IPC_PREFIX = 'desk:';

export type { ItemStatus };

export type { ChangeScope, DeskChange, DeskChanges } from '../core/changes';
/** Electron: main sends every change-feed message to each window on this channel. */
export const CHANGES_CHANNEL = 'desk-changes';
/** Desk server: the change feed as Server-Sent Events (GET, token-checked like every API call). */
export const CHANGES_PATH = 'api/events';
