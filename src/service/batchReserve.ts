/**
 * Step 1 of a batch export: the reservation. In one transaction, with the settings of that
 * moment, a 'writing' batch gets every entry's exact bytes (and its fields without the body tree,
 * for kills, corrections and the batch list); no item changes state. What goes out for each item is
 * decided here: the approved revision for a publish, the story as it went out for a kill.
 */
import { isEmbargoPast } from '../core/copy';
import { EMPTY_DATELINE } from '../core/dateline';
import { DeskFailure, ErrorCode } from '../core/errors';
import { batchFrame, serializeEntry } from '../core/feed/batch';
import type { WireItem } from '../core/item';
import { bodyFromPlainText } from '../core/richtext';
import { type DeskSettings, killNotice } from '../core/settings';
import * as store from '../store/batches';
import type { Db } from '../store/db';
import type { ItemStore, StoredItem } from '../store/items';
import type { ProcessLock } from '../store/owner';
import type { ArgOf } from '../contract';
import { batchFileName, writerWords } from './batchFiles';

/** What a reservation reads: the desk's store, its settings and clock, and who this process is. */
export interface ReserveContext {
  db: Db;
  items: ItemStore;
  settings: () => DeskSettings;
  now: () => Date;
  lock: ProcessLock;
}

/** Reserve a batch of the pending entries (or the chosen ones); returns its row, state 'writing'. */
export function reserveBatch(c: ReserveContext, arg: ArgOf<'exportBatch'>, by: string): store.BatchRow {
  const at = c.now().toISOString();
  const settings = c.settings();
  const ndjson = arg.ndjson === true;
  const frame = batchFrame(arg.format, ndjson, settings);
  return c.db
    .transaction(() => {
      refuseUnfinished(c);
      const ids = pendingIds(c, arg.ids);
      if (ids.length === 0) throw new DeskFailure(ErrorCode.NothingToExport, 'Nothing to export: no approved items and no kills waiting.');
      if (!arg.allowPastEmbargo) refusePastEmbargo(c, ids);
      const id = store.insertBatch(
        c.db,
        { format: arg.format, ndjson, folder: arg.folder, itemCount: ids.length, createdAt: at, createdBy: by, owner: c.lock.tag, frame },
        (n) => arg.fileName ?? batchFileName(n, arg.format, ndjson),
      );
      const insert = store.entryInserter(c.db, id);
      // One item in memory at a time: a queue of thousands of long items stays small.
      ids.forEach((itemId, seq) => {
        const item = c.items.get(itemId)!;
        const { entry, kind, version } = entryFor(c.db, item, at, settings);
        const wire = serializeEntry(arg.format, { item: entry, pubStatus: kind === 'kill' ? 'canceled' : 'usable' }, { settings });
        // The body goes out (and is kept) as the entry's bytes; the fields are kept beside them.
        const { body: _body, ...head } = entry;
        // The state the commit changes, as it stands now: the commit goes ahead only if the
        // item is still exactly as reserved, so this is also its state just before the commit.
        const prior = {
          status: item.status,
          publishedVersion: item.publishedVersion,
          firstPublishedAt: item.firstPublishedAt,
          versionPublishedAt: item.versionPublishedAt,
        };
        try {
          insert(seq, { itemId: item.id, version, kind, revision: item.revision, head, wire, prior });
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
            throw new DeskFailure(
              ErrorCode.AlreadyExported,
              `${item.slug || item.id} version ${version} has already gone out in a batch. Use Re-send on that batch to send it again.`,
            );
          }
          throw e;
        }
      });
      return store.getBatchRow(c.db, id)!;
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

function refusePastEmbargo(c: ReserveContext, ids: string[]): void {
  const inBatch = new Set(ids);
  const past = store.embargoedApproved(c.db).filter((i) => inBatch.has(i.id) && isEmbargoPast(i.embargo, c.now()));
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
 * reason as the note to subscribers, dated at the kill.
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
