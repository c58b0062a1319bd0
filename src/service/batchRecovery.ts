/**
 * Batches whose writer is gone. A dead writer's 'writing' batch is dropped and its 'committed'
 * one completed from the stored bytes — before every export and at start. One whose writer
 * cannot be checked (an older Wiredesk, another host) is Stuck until an editor completes or
 * drops it.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure, ErrorCode } from '../core/errors';
import { addAudit } from '../store/audit';
import * as store from '../store/batches';
import { type Db, durably } from '../store/db';
import type { ItemStore } from '../store/items';
import type { ProcessLock } from '../store/owner';
import { fileSha256, place, removeTemps, writeProblem, writerWords } from './batchFiles';

/** The export's steps recovery reuses, and what it reads. */
export interface RecoverySteps {
  db: Db;
  items: ItemStore;
  lock: ProcessLock;
  now: () => Date;
  row(id: number): store.BatchRow;
  writeTemp(b: store.BatchRow, folder: string): Promise<{ tmp: string; sha256: string; bytes: number }>;
  /** Steps 2 and 3 for a reserved batch (a failure before the commit drops it). */
  writeAndCommit(b: store.BatchRow): Promise<void>;
  setOutcome(id: number, error: string | null): void;
}

/** After a crash: drop dead writers' unfinished batches, complete their committed ones. */
export async function recoverBatches(s: RecoverySteps): Promise<void> {
  for (const b of store.unfinishedBatches(s.db)) {
    const who = s.lock.stateOf(b.owner);
    // A live writer finishes its own batch; one that cannot be checked waits for an editor.
    if (who === 'alive' || who === 'unknown') continue;
    if (b.state === 'writing') {
      if (who === 'self') continue; // this process's export in progress
      store.deleteBatch(s.db, b.id);
      removeTemps(b.folder, b.file_name);
    } else await finishCommitted(s, b);
  }
}

/** A committed batch's file: already complete, or written now from the stored bytes. */
async function finishCommitted(s: RecoverySteps, b: store.BatchRow): Promise<void> {
  const target = path.join(b.folder, b.file_name);
  try {
    if ((await fileSha256(target)) !== b.sha256) {
      const w = await s.writeTemp(b, b.folder);
      if (w.sha256 !== b.sha256) {
        await fs.rm(w.tmp, { force: true });
        throw new DeskFailure(ErrorCode.Internal, `Batch ${b.id}: the stored bytes no longer match the recorded hash; nothing was written.`);
      }
      await place(w.tmp, target);
    }
    removeTemps(b.folder, b.file_name); // what the dead writer left
    s.setOutcome(b.id, null);
  } catch (e) {
    removeTemps(b.folder, b.file_name);
    s.setOutcome(b.id, writeProblem(e, b.folder));
  }
}

/** An unfinished batch an editor may act on: its writer must not be running. */
function stuckRow(s: RecoverySteps, id: number, action: string): store.BatchRow {
  const b = s.row(id);
  if (b.state === 'written') throw new DeskFailure(ErrorCode.IllegalTransition, `Batch ${id} is complete; there is nothing to ${action}.`);
  const who = s.lock.stateOf(b.owner);
  if (who === 'alive')
    throw new DeskFailure(ErrorCode.BatchInProgress, `Batch ${id} is still being written by ${writerWords(b.owner)}; wait for it to finish.`, { batchId: id });
  return b;
}

/** Complete a stuck batch: publish it (if it never committed) and write its stored bytes. */
export async function completeBatch(s: RecoverySteps, id: number, by: string): Promise<void> {
  const b = stuckRow(s, id, 'complete');
  if (b.state === 'writing' && !store.hasEntries(s.db, id)) {
    throw new DeskFailure(ErrorCode.IllegalTransition, `Batch ${id} has no entries: its writer stopped before reserving them, so nothing went out. Drop it.`);
  }
  store.setOwner(s.db, id, s.lock.tag);
  if (b.state === 'writing') await s.writeAndCommit({ ...b, owner: s.lock.tag });
  else await finishCommitted(s, b);
  const after = s.row(id);
  if (after.state !== 'written') throw new DeskFailure(ErrorCode.ExportFailed, `Batch ${id} could not be written: ${after.error ?? 'unknown reason'}`);
  auditBatch(s, id, 'batch completed', `Batch ${id} completed by hand`, by);
  removeTemps(b.folder, b.file_name);
}

/** Drop a stuck batch: nothing in it counts as published; its items wait for the next batch. Returns its row as it was. */
export async function dropBatch(s: RecoverySteps, id: number, by: string): Promise<store.BatchRow> {
  const b = stuckRow(s, id, 'drop');
  const target = path.join(b.folder, b.file_name);
  if (b.sha256 && (await fileSha256(target)) === b.sha256) {
    throw new DeskFailure(ErrorCode.IllegalTransition, `Batch ${id}'s file is already complete at ${target}, so it has gone out: Complete it instead.`);
  }
  durably(s.db, () => {
    if (b.state === 'committed') {
      for (const e of store.priors(s.db, id)) {
        if (e.kind !== 'publish') continue;
        const item = s.items.getState(e.itemId)!;
        if (!e.prior || item.status !== 'published' || item.publishedVersion !== e.version) {
          throw new DeskFailure(
            ErrorCode.IllegalTransition,
            `Batch ${id} cannot be dropped: ${item.slug || item.id} has moved on since (it is ${item.status}, version ${item.version}). Complete it instead.`,
          );
        }
        s.items.updateState({ ...item, ...e.prior });
      }
      auditBatch(s, id, 'batch dropped', `Batch ${id} dropped by hand; not published`, by);
    }
    store.deleteBatch(s.db, id);
  });
  removeTemps(b.folder, b.file_name);
  return b;
}

function auditBatch(s: RecoverySteps, id: number, action: string, note: string, by: string): void {
  const at = s.now().toISOString();
  for (const e of store.priors(s.db, id)) {
    const item = s.items.getState(e.itemId);
    if (item)
      addAudit(s.db, e.itemId, {
        action,
        fromStatus: item.status,
        toStatus: e.kind === 'publish' && action === 'batch dropped' ? (e.prior?.status ?? item.status) : item.status,
        version: e.version,
        note,
        at,
        by,
      });
  }
}
