/** Pure helpers shared by the queue and batch views (no React, no desk calls). */
import type { ItemStatus } from '@core/item';
import { type EditorAction, transition } from '@core/workflow';
import type { BatchSummary, FeedFormatName } from '../../../contract';

export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** The service's search snippet ("… the [[plan]] was …") as text runs, the matches marked. */
export function snippetParts(raw: string): SnippetPart[] {
  const snippet = readableKeywords(raw);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const m of snippet.matchAll(/\[\[([\s\S]*?)\]\]/g)) {
    if (m.index > at) parts.push({ text: snippet.slice(at, m.index), mark: false });
    if (m[1]) parts.push({ text: m[1], mark: true });
    at = m.index + m[0].length;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), mark: false });
  return parts;
}

/** A match in the keywords comes as their stored list (["a","b"]): shown as the desk writes them. */
function readableKeywords(snippet: string): string {
  if (!/^(…)?\["|"\](…)?$/.test(snippet)) return snippet;
  return `Keywords: ${snippet
    .replace(/^(…)?\["?/, '$1')
    .replace(/"?\](…)?$/, '$1')
    .replaceAll('","', ', ')}`;
}

/** Review actions offered for one item in the queue, in button order. */
export const REVIEW_ACTIONS = ['approve', 'return', 'hold', 'release', 'kill', 'correct'] as const satisfies readonly EditorAction[];
/** Actions taken on several selected items at once (none of them needs a note). */
export const BULK_ACTIONS = ['approve', 'hold', 'release'] as const satisfies readonly EditorAction[];

/** The actions the workflow allows for an item as it stands (the state machine decides, not the view). */
export function allowedActions<A extends EditorAction>(actions: readonly A[], item: { status: ItemStatus; publishedVersion: number }): A[] {
  return actions.filter((a) => transition({ status: item.status, publishedVersion: item.publishedVersion, heldFrom: null }, a, 'note').ok);
}

/** Ids from `a` to `b` inclusive, in list order (either direction). */
export function idRange(ids: readonly string[], a: string, b: string): string[] {
  const i = ids.indexOf(a);
  const j = ids.indexOf(b);
  if (i < 0 || j < 0) return [b];
  return ids.slice(Math.min(i, j), Math.max(i, j) + 1);
}

export const FEED_FORMATS: readonly { format: FeedFormatName; label: string }[] = [
  { format: 'ninjs', label: 'ninjs 3.1' },
  { format: 'ninjs2', label: 'ninjs 2.2' },
  { format: 'jsonfeed', label: 'JSON Feed 1.1' },
];

export function formatLabel(b: Pick<BatchSummary, 'format' | 'ndjson'>): string {
  const label = FEED_FORMATS.find((f) => f.format === b.format)?.label ?? b.format;
  return b.ndjson ? `${label} (NDJSON)` : label;
}

export const BATCH_STATE_WORDS: Record<BatchSummary['state'], string> = {
  writing: 'Writing',
  committed: 'Committed, file not yet in place',
  written: 'Written',
  stuck: 'Stuck: complete or drop it',
};

/** Where a batch's file is, with the folder's own separator. */
export function batchPath(b: Pick<BatchSummary, 'folder' | 'fileName'>): string {
  const sep = b.folder.includes('\\') && !b.folder.includes('/') ? '\\' : '/';
  return b.folder.endsWith(sep) ? b.folder + b.fileName : `${b.folder}${sep}${b.fileName}`;
}

/** The item ids a VALIDATION_FAILED export names as past their embargo, if any. */
export function pastEmbargoIds(details: unknown): string[] {
  const ids = (details as { pastEmbargo?: unknown } | undefined)?.pastEmbargo;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

/** Where the cursor goes when `removed` leave the list: the next row that stays, else the one before. */
export function nextCurrent(ids: readonly string[], removed: readonly string[], current: string | null): string | null {
  const gone = new Set(removed);
  const at = current ? ids.indexOf(current) : -1;
  if (at < 0) return current;
  for (let i = at; i < ids.length; i++) if (!gone.has(ids[i]!)) return ids[i]!;
  for (let i = at - 1; i >= 0; i--) if (!gone.has(ids[i]!)) return ids[i]!;
  return null;
}
