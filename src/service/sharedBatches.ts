/**
 * The shared desk's batches, as any joined desk sees them: the history (whoever exported), each
 * batch's entries, and re-sending one from the bytes kept on the shared desk, byte for byte.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsc } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure, ErrorCode } from '../core/errors';
import { FEED_FORMATS, type FeedFormat } from '../core/vocabulary';
import { type HubBatchRow, hubBatch, hubBatchBytes, hubBatchEntries, hubBatches } from '../hub/hub';
import type { ArgOf, SharedBatchSummary, ValueOf } from '../contract';
import { place, writeProblem } from './batchFiles';
import type { HubSync } from './hub';

function summary(r: HubBatchRow): SharedBatchSummary {
  const format = (FEED_FORMATS as readonly string[]).includes(r.format) ? (r.format as FeedFormat) : 'ninjs';
  return {
    no: r.no,
    format,
    ndjson: r.ndjson,
    fileName: r.fileName,
    sha256: r.sha256,
    bytes: r.bytes,
    itemCount: r.itemCount,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

const notFound = (no: number) => new DeskFailure(ErrorCode.NotFound, `The shared desk has no batch ${no}.`);

export async function listSharedBatches(sync: HubSync, { cursor, limit = 50 }: ArgOf<'listSharedBatches'>): Promise<ValueOf<'listSharedBatches'>> {
  const before = cursor ? Number(cursor) : null;
  if (before !== null && (!Number.isInteger(before) || before < 1))
    throw new DeskFailure(ErrorCode.InvalidArgument, 'This page link is not one the desk handed out.');
  const rows = await sync.withHub((c) => hubBatches(c, before, limit + 1));
  const items = rows.slice(0, limit).map(summary);
  return { items, next: rows.length > limit ? String(items[items.length - 1]!.no) : null };
}

export async function getSharedBatch(sync: HubSync, { no, after = -1, limit = 100 }: ArgOf<'getSharedBatch'>): Promise<ValueOf<'getSharedBatch'>> {
  return sync.withHub(async (c) => {
    const b = await hubBatch(c, no);
    if (!b) throw notFound(no);
    const rows = await hubBatchEntries(c, no, after, limit + 1);
    const entries = rows.slice(0, limit);
    return {
      ...summary(b),
      entries: entries.map((e) => ({ itemId: e.itemId, version: e.version, kind: e.kind, slug: e.slug, headline: e.headline })),
      nextEntry: rows.length > limit ? entries[entries.length - 1]!.seq : null,
    };
  });
}

/** Write the bytes kept on the shared desk into a new file (never over one), after checking them against the recorded SHA-256. */
export async function resendSharedBatch(sync: HubSync, { no, folder, fileName }: ArgOf<'resendSharedBatch'>): Promise<ValueOf<'resendSharedBatch'>> {
  const kept = await sync.withHub((c) => hubBatchBytes(c, no));
  if (!kept) throw notFound(no);
  const sha256 = createHash('sha256').update(kept.bytes).digest('hex');
  if (sha256 !== kept.sha256 || sha256 !== kept.hubSha256) {
    throw new DeskFailure(ErrorCode.Internal, `The bytes of shared desk batch ${no} do not match its recorded SHA-256; nothing was written.`);
  }
  const dir = path.resolve(folder);
  const target = path.join(dir, fileName ?? kept.fileName);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await fs.open(tmp, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o644);
    try {
      await fh.writeFile(kept.bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await place(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new DeskFailure(ErrorCode.ExportFailed, `Shared desk batch ${no} not re-sent. ${writeProblem(e, dir)}`);
  }
  return { path: target, sha256 };
}
