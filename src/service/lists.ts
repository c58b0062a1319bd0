/**
 * The desk's list reads behind the contract: the desk list, a queue page with its counts (and,
 * with a search, matches in every tab), and the published version a correction is read against.
 */
import type { ItemStatus } from '../core/item';
import { publishedBefore } from '../store/batches';
import type { Db } from '../store/db';
import type { ItemStore, StoredItem } from '../store/items';
import type { ArgOf, QueueTab, ValueOf } from '../contract';

const TAB_STATUS: Record<QueueTab, ItemStatus> = {
  submitted: 'submitted',
  approved: 'approved',
  held: 'held',
  published: 'published',
  killed: 'killed',
  spiked: 'spiked',
};

const DESK_STATUSES: ItemStatus[] = ['draft', 'submitted', 'approved', 'held', 'published', 'killed'];

export function deskList(items: ItemStore, { view, statuses, cursor, offset, limit }: ArgOf<'listItems'>): ValueOf<'listItems'> {
  return items.list(statuses ?? (view === 'spiked' ? ['spiked'] : DESK_STATUSES), limit ?? 100, cursor, offset);
}

export function queuePage(items: ItemStore, q: ArgOf<'queue'>, pendingKills: () => number): ValueOf<'queue'> {
  const filter = { category: q.category, urgency: q.urgency, editor: q.editor, search: q.search };
  const page = items.queue(
    { statuses: [TAB_STATUS[q.tab]], withBatch: q.tab === 'published' || q.tab === 'killed', ...filter },
    q.limit ?? 100,
    q.cursor,
    q.offset,
  );
  const byStatus = items.countsByStatus();
  return { ...page, counts: perTab(byStatus), nextBatch: { approved: byStatus.approved, kills: pendingKills() } };
}

const perTab = (n: Record<ItemStatus, number>) =>
  Object.fromEntries(Object.entries(TAB_STATUS).map(([tab, status]) => [tab, n[status]])) as Record<QueueTab, number>;

/** A search runs in every tab, with the other filters: how many each tab holds. */
export function queueMatchCounts(items: ItemStore, q: ArgOf<'queueMatches'>): ValueOf<'queueMatches'> {
  return perTab(items.queueMatches({ category: q.category, urgency: q.urgency, editor: q.editor, search: q.search }));
}

/** The version that went out before the item's current one, as this desk's batches carried it. */
export function publishedVersion(db: Db, item: StoredItem): ValueOf<'getPublished'> {
  const sent = publishedBefore(db, item.id, item.version);
  if (!sent) return null;
  return { version: sent.version, headline: sent.item.headline, bodyText: sent.item.bodyText, publishedAt: sent.item.versionPublishedAt };
}
