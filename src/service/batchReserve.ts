/**
 * Step 1 of a batch export: the reservation. A 'writing' batch is opened (its own small
 * transaction), then in one transaction, with the settings of that moment, it gets every entry's
 * exact bytes (and its fields without the body tree, for kills, corrections and the batch list),
 * handed on as they are made for its temp file; no item changes state. What goes out for each
 * item is decided here: the approved revision for a publish, the story as it went out for a kill.
 */
import { isEmbargoPast } from '../core/copy';
import { EMPTY_DATELINE } from '../core/dateline';
import { DeskFailure, ErrorCode } from '../core/errors';
import { type BatchFrame, batchFrame, framing, serializeEntry } from '../core/feed/batch';
import type { WireItem } from '../core/item';
import { bodyFromPlainText } from '../core/richtext';
import { type DeskSettings, killNotice } from '../core/settings';
import * as store from '../store/batches';
import { type Db, durably } from '../store/db';
import type { ItemStore, StoredItem } from '../store/items';
import type { ProcessLock } from '../store/owner';
import type { ArgOf } from '../contract';
import { batchFileName, writerWords } from './batchFiles';

/** What a reservation reads: the desk's store, its clock, and who this process is. */
export interface ReserveContext {
  db: Db;
  items: ItemStore;
  now: () => Date;
  lock: ProcessLock;
}

/**
 * Open a batch: a 'writing' row naming its file, with no entries yet, committed before the
 * file is created, so a writer that dies from here on leaves a batch that recovery drops along
 * with its temp file. Refuses while another batch is unfinished, or when nothing is waiting.
 */
export function openBatch(c: ReserveContext, arg: ArgOf<'exportBatch'>, by: string, at: string, settings: DeskSettings): store.BatchRow {
  const ndjson = arg.ndjson === true;
  const frame = batchFrame(arg.format, ndjson, settings);
  return durably(c.db, () => {
    refuseUnfinished(c);
    // The entries themselves are listed again when they are reserved (a whole queue's ids need not be held twice).
    const itemCount = arg.ids ? pendingIds(c, arg.ids).length : store.pendingItemCount(c.db);
    if (itemCount === 0) throw new DeskFailure(ErrorCode.NothingToExport, 'Nothing to export: no approved items and no kills waiting.');
    const id = store.insertBatch(
      c.db,
      { format: arg.format, ndjson, folder: arg.folder, itemCount, createdAt: at, createdBy: by, owner: c.lock.tag, frame },
      (n) => arg.fileName ?? batchFileName(n, arg.format, ndjson),
    );
    return store.getBatchRow(c.db, id)!;
  });
}

/**
 * Reserve an open batch's entries in one transaction, with the settings of that moment (no
 * item changes state): each pending item is read once, its entry serialised once, stored (the
 * bytes, and the fields beside them) and handed to `out` framed as the batch file, in order.
 */
export function reserveEntries(
  c: ReserveContext,
  b: store.BatchRow,
  arg: ArgOf<'exportBatch'>,
  settings: DeskSettings,
  out: (chunk: string) => void,
): store.BatchRow {
  return c.db
    .transaction(() => {
      const ids = pendingIds(c, arg.ids);
      if (ids.length === 0) throw new DeskFailure(ErrorCode.NothingToExport, 'Nothing to export: no approved items and no kills waiting.');
      if (ids.length !== b.item_count) store.setItemCount(c.db, b.id, ids.length);
      const pastEmbargo: StoredItem[] = [];
      const insert = store.entryInserter(c.db, b.id);
      const now = c.now();
      const file = framing(JSON.parse(b.frame_json!) as BatchFrame, out);
      // One item in memory at a time: a queue of thousands of long items stays small.
      ids.forEach((itemId, seq) => {
        const item = c.items.get(itemId)!;
        const { entry, kind, version } = entryFor(c.db, item, b.created_at, settings);
        if (kind === 'publish' && item.embargo !== null && isEmbargoPast(item.embargo, now)) pastEmbargo.push(item);
        // The body goes out (and is kept) as the entry's bytes; the fields are kept beside them.
        const wire = serializeEntry(b.format, { item: entry, pubStatus: kind === 'kill' ? 'canceled' : 'usable' }, { settings });
        // The state the commit changes, as it stands now: the commit goes ahead only if the
        // item is still exactly as reserved, so this is also its state just before the commit.
        const prior = {
          status: item.status,
          publishedVersion: item.publishedVersion,
          firstPublishedAt: item.firstPublishedAt,
          versionPublishedAt: item.versionPublishedAt,
        };
        try {
          insert(seq, { itemId: item.id, version, kind, revision: item.revision, entry, wire, prior });
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
            throw new DeskFailure(
              ErrorCode.AlreadyExported,
              `${item.slug || item.id} version ${version} has already gone out in a batch. Use Re-send on that batch to send it again.`,
            );
          }
          throw e;
        }
        file.entry(wire);
      });
      file.end();
      if (!arg.allowPastEmbargo) refusePastEmbargo(pastEmbargo);
      return store.getBatchRow(c.db, b.id)!;
    })
    .immediate();
}

/** Refuse while another batch is unfinished: say who is writing it, or that it is stuck. */
function refuseUnfinished(c: ReserveContext): void {
  for (const b of store.unfinishedBatches(c.db)) {
    const who = c.lock.stateOf(b.owner);
    if (who === 'alive' || who === 'self') {
      throw new DeskFailure(
        ErrorCode.BatchInProgress,
        `Batch ${b.id} is still being written by ${who === 'self' ? 'this Wiredesk' : writerWords(b.owner)}. Export again when it has finished.`,
        {
          batchId: b.id,
        },
      );
    }
    throw new DeskFailure(
      ErrorCode.BatchStuck,
      `Batch ${b.id} was left unfinished by ${writerWords(b.owner)}, which cannot be checked from here. Complete it (write its stored file) or Drop it (nothing published) in Batches, or run: wiredesk batches --complete ${b.id} / --drop ${b.id}.`,
      { batchId: b.id },
    );
  }
}

/** Pending entries in batch order, or the chosen ones (which must all be pending). */
function pendingIds(c: ReserveContext, ids?: string[]): string[] {
  const pending = store.pendingItemIds(c.db);
  if (!ids) return pending;
  const wanted = new Set(ids);
  const chosen = pending.filter((id) => wanted.has(id));
  if (chosen.length < wanted.size) {
    const ready = new Set(chosen);
    const labels = [...wanted]
      .filter((id) => !ready.has(id))
      .map((id) => c.items.get(id)?.slug || id)
      .join(', ');
    throw new DeskFailure(ErrorCode.ValidationFailed, `Only approved items (and kills not yet sent) go out in a batch: ${labels}.`);
  }
  return chosen;
}

/** Refuse the whole batch when an embargo it would publish has passed (unless told to export anyway). */
function refusePastEmbargo(past: StoredItem[]): void {
  if (past.length > 0) {
    throw new DeskFailure(
      ErrorCode.ValidationFailed,
      `The embargo has already passed for ${past.map((i) => `${i.slug || i.id} (${i.embargo})`).join(', ')}. Change the embargo, or export anyway.`,
      { pastEmbargo: past.map((i) => i.id) },
    );
  }
}

/**
 * What goes out for an item. A publish carries exactly the approved revision. A kill is a
 * new version: the story as it last went out, its text replaced by the kill notice, the
 * reason as the note to subscribers, dated at the kill and never embargoed.
 */
function entryFor(db: Db, item: StoredItem, at: string, settings: DeskSettings): { entry: WireItem; kind: store.EntryKind; version: number } {
  const { heldFrom: _h, ...wire } = item;
  if (item.status === 'killed') {
    const sent = store.publishedHead(db, item.id, item.publishedVersion) ?? { ...wire, version: item.publishedVersion };
    const kill = item.kill ?? { reason: '', at: item.updatedAt, by: item.updatedBy };
    const version = Math.max(item.version, item.publishedVersion + 1);
    const notice = killNotice(settings.killTemplate, sent.slug || sent.id, kill.reason);
    const entry: WireItem = {
      ...sent,
      status: 'killed',
      version,
      versionPublishedAt: kill.at,
      subscriberNote: kill.reason,
      // A kill takes effect when it is sent: an embargo on it would hold it back with the story.
      embargo: null,
      dateline: { ...EMPTY_DATELINE },
      signOff: '',
      body: bodyFromPlainText(notice),
      bodyText: notice,
      kill,
    };
    return { entry, kind: 'kill', version };
  }
  if (item.approvedRevision !== item.revision) {
    throw new DeskFailure(
      ErrorCode.UnreviewedChange,
      `${item.slug || item.id} changed after it was approved (revision ${item.revision}; the approval was for ${item.approvedRevision ?? 'none'}). Approve it again; nothing was exported.`,
      { itemId: item.id },
    );
  }
  const versionCreated = item.version >= 2 && item.versionStartedAt ? item.versionStartedAt : at;
  return {
    entry: { ...wire, status: 'published', publishedVersion: item.version, firstPublishedAt: item.firstPublishedAt ?? at, versionPublishedAt: versionCreated },
    kind: 'publish',
    version: item.version,
  };
}
