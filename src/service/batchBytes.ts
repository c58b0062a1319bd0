/** A batch's file as it was reserved: its stored bytes, or (a batch of an older Wiredesk) rebuilt from its snapshots. */
import { DeskFailure, ErrorCode } from '../core/errors';
import { type BatchFrame, type FeedEntry, batchChunks, framedChunks } from '../core/feed/batch';
import type { DeskSettings } from '../core/settings';
import * as store from '../store/batches';
import type { Db } from '../store/db';

/** Entries read a page at a time: no statement stays open across a file write. */
const PAGE = 500;

/** The batch's bytes as chunks. Only an older batch, stored without bytes, depends on `settings`. */
export function batchBytes(db: Db, b: store.BatchRow, settings: () => DeskSettings): Iterable<string> {
  if (b.frame_json) return framedChunks(JSON.parse(b.frame_json) as BatchFrame, storedWires(db, b.id));
  return batchChunks(b.format, b.ndjson === 1, snapshots(db, b.id), { settings: settings() });
}

function* storedWires(db: Db, batchId: number): Generator<string> {
  for (const w of store.entryWires(db, batchId, PAGE)) {
    if (w === null) throw new DeskFailure(ErrorCode.Internal, `Batch ${batchId} has an entry without its stored bytes.`);
    yield w;
  }
}

function* snapshots(db: Db, batchId: number): Generator<FeedEntry> {
  let after = -1;
  for (;;) {
    const rows = store.entryPage(db, batchId, after, PAGE);
    for (const r of rows) yield { item: r.snapshot, pubStatus: r.kind === 'kill' ? 'canceled' : 'usable' };
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.seq;
  }
}
