/**
 * Exporting on a joined desk: under the desk-wide advisory lock, catch up with the hub, export
 * what is approved as a local batch, record the batch on the hub (number from the hub's
 * sequence, exact bytes, each item version once desk-wide) and push the publications.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { recordBatch, withExportLock } from '../hub/hub';
import { durably } from '../store/db';
import type { BatchDetail, BatchEntry } from '../contract';
import { type HubSync, emptyReport } from './hub';

export function exportShared(sync: HubSync, run: () => Promise<BatchDetail>): Promise<BatchDetail> {
  return sync.exclusive(() =>
    sync.withHub((c) =>
      withExportLock(c, async () => {
        const report = emptyReport();
        await sync.push(c, report);
        await sync.pull(c, report);
        const batch = await run();
        const entries: BatchEntry[] = [];
        for (let page = batch; ; page = sync.service.getBatch({ id: batch.id, after: page.nextEntry, limit: 500 })) {
          entries.push(...page.entries);
          if (page.nextEntry === null) break;
        }
        durably(sync.service.db, () => {
          for (const e of entries)
            sync.enqueue(e.itemId, e.kind === 'publish' ? 'publish' : 'kill sent', e.kind === 'publish' ? 'approved' : 'killed', `Batch ${batch.id}`);
        });
        const bytes = await fs.readFile(path.join(batch.folder, batch.fileName));
        sync.lastHubBatch = await recordBatch(c, {
          format: batch.format,
          ndjson: batch.ndjson,
          fileName: batch.fileName,
          sha256: batch.sha256 ?? '',
          bytes,
          entries: entries.map((e) => ({ itemId: e.itemId, version: e.version, kind: e.kind })),
        });
        await sync.push(c, report);
        sync.note({}, { moved: true });
        return batch;
      }),
    ),
  );
}
