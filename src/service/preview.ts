/** A preview export (CLI --preview): any selection, as items stand now, changing nothing. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure, ErrorCode } from '../core/errors';
import { type FeedEntry, batchChunks } from '../core/feed/batch';
import type { ItemStatus } from '../core/item';
import type { DeskSettings } from '../core/settings';
import type { FeedFormatName } from '../contract';
import type { Db } from '../store/db';
import { type ItemStore, selectionPage } from '../store/items';
import { place, writeFile, writeProblem } from './batchFiles';

const PAGE = 500;

export interface PreviewSelection {
  format: FeedFormatName;
  ndjson: boolean;
  statuses?: ItemStatus[];
  ids?: string[];
  since?: string;
}

/**
 * What a preview says of an item: usable only once it has been approved (or has gone out), so that
 * a preview file dropped into a feed folder offers no unreviewed story for use; a killed one is canceled.
 */
function previewStatus(item: { status: ItemStatus; revision: number; approvedRevision: number | null }): 'usable' | 'withheld' | 'canceled' {
  if (item.status === 'killed') return 'canceled';
  // An approved text changed since (a hand edit, an older Wiredesk) is withheld, as an export refuses it.
  if (item.status === 'approved') return item.approvedRevision === item.revision ? 'usable' : 'withheld';
  return item.status === 'published' ? 'usable' : 'withheld';
}

/** Stream the selection a page at a time into `target` (via `tempName` beside it); how many items were written. */
export async function writePreview(db: Db, items: ItemStore, settings: DeskSettings, tempName: string, sel: PreviewSelection, target: string): Promise<number> {
  if (sel.since !== undefined && Number.isNaN(Date.parse(sel.since)))
    throw new DeskFailure(ErrorCode.InvalidArgument, `--since must be a date-time such as 2026-11-26T09:00Z, not "${sel.since}".`);
  const selection = { statuses: sel.statuses, ids: sel.ids, since: sel.since === undefined ? undefined : new Date(sel.since).toISOString() };
  let count = 0;
  function* all(): Generator<FeedEntry> {
    let after = '';
    for (;;) {
      const ids = selectionPage(db, selection, after, PAGE);
      for (const id of ids) {
        const { heldFrom: _h, ...item } = items.get(id)!;
        count++;
        yield { item, pubStatus: previewStatus(item) };
      }
      if (ids.length < PAGE) return;
      after = ids[ids.length - 1]!;
    }
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, tempName);
  try {
    await writeFile(tmp, batchChunks(sel.format, sel.ndjson, all(), { settings }));
    await place(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    if (e instanceof DeskFailure) throw e;
    throw new DeskFailure(ErrorCode.ExportFailed, `Preview not written. ${writeProblem(e, dir)}`);
  }
  return count;
}
