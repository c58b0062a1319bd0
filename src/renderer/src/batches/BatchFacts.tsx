import { BATCH_STATE_WORDS, batchPath, formatLabel } from '@renderer/queue/queueLib';
import { dateTime } from '@renderer/shared/desk';
import type { BatchSummary } from '../../../contract';
import './batches.css';

/** What a batch is and where its file went. */
export function BatchFacts({ batch }: { batch: BatchSummary }) {
  return (
    <>
      <p className="q-facts-title">
        <strong>Batch {batch.id}</strong> · {batch.itemCount} {batch.itemCount === 1 ? 'item' : 'items'} · {formatLabel(batch)} ·{' '}
        {BATCH_STATE_WORDS[batch.state]}
      </p>
      <dl className="q-facts">
        <dt>File</dt>
        <dd>
          <code data-testid="batch-path">{batchPath(batch)}</code>
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code data-testid="batch-sha">{batch.sha256 ?? '—'}</code>
        </dd>
        <dt>Exported</dt>
        <dd title={batch.createdAt}>
          {dateTime(batch.createdAt)} by {batch.createdBy}
        </dd>
      </dl>
      {batch.error && <p className="q-warn">{batch.error}</p>}
    </>
  );
}
