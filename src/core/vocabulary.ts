/**
 * The desk's words, each defined once: the zod enums, the CLI's help and checks and the UI's
 * options are all built from these lists.
 */

/** Feed formats a batch or preview is written in, with the label an editor reads. */
export const FEED_FORMATS = ['ninjs', 'ninjs2', 'jsonfeed'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const FEED_FORMAT_LABELS: Record<FeedFormat, string> = {
  ninjs: 'IPTC ninjs 3.1',
  ninjs2: 'IPTC ninjs 2.2',
  jsonfeed: 'JSON Feed 1.1',
};

/** NDJSON (one item per line) exists for ninjs only: a JSON Feed is one document. */
export function hasNdjson(format: FeedFormat): boolean {
  return format !== 'jsonfeed';
}

/** The publishing queue's tabs, in order, with their labels. */
export const QUEUE_TABS = ['submitted', 'approved', 'held', 'published', 'killed', 'spiked'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];
export const QUEUE_TAB_LABELS: Record<QueueTab, string> = {
  submitted: 'Submitted',
  approved: 'Approved',
  held: 'Held',
  published: 'Published',
  killed: 'Killed',
  spiked: 'Spiked',
};

/** The desk list's two views. */
export const DESK_VIEWS = ['desk', 'spiked'] as const;
export type DeskListView = (typeof DESK_VIEWS)[number];

/** What an import reads the input as; auto decides from the text. */
export const IMPORT_FORMATS = ['auto', 'text', 'ninjs', 'jsonfeed'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  auto: 'Detect',
  text: 'Wire copy (text)',
  ninjs: 'ninjs (JSON or NDJSON)',
  jsonfeed: 'JSON Feed',
};

/** The largest file an import reads (bytes); its text is at most as many characters. */
export const IMPORT_MAX_BYTES = 60 * 1024 * 1024;
/** Most items one import stores (one transaction). */
export const IMPORT_ITEMS_MAX = 10_000;

/** How this desk's link to its shared desk stands, with the words Settings shows. */
export const HUB_CONNECTIONS = ['online', 'offline', 'refused', 'unknown'] as const;
export type HubConnection = (typeof HUB_CONNECTIONS)[number];
export const HUB_CONNECTION_LABELS: Record<HubConnection, string> = {
  online: 'Connected',
  offline: 'Offline',
  refused: 'Refused by the shared desk',
  unknown: 'Not checked yet',
};

/** What a PostgreSQL role may do on a shared desk: its Wiredesk group. */
export const HUB_ROLE_KINDS = ['editor', 'writer', 'none'] as const;
export type HubRoleKind = (typeof HUB_ROLE_KINDS)[number];
export const HUB_ROLE_LABELS: Record<HubRoleKind, string> = {
  editor: 'editor (wiredesk_editor): reviews, kills and exports',
  writer: 'writer (wiredesk_writer): submits and takes back own items',
  none: 'neither a Wiredesk writer nor an editor',
};

/** "3 changes waiting", "1 change waiting", "no changes waiting". */
export function waitingWords(n: number): string {
  return n === 0 ? 'no changes waiting' : `${n} change${n === 1 ? '' : 's'} waiting`;
}

/** The line a joined desk shows while its shared desk cannot be reached: "Offline — 3 changes waiting". */
export function offlineBanner(waiting: number): string {
  return `Offline — ${waitingWords(waiting)}`;
}
