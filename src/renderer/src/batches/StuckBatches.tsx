import { useState } from 'react';
import { batchPath, formatLabel } from '@renderer/queue/queueLib';
import { dateTime, desk } from '@renderer/shared/desk';
import { ErrorNote } from '@renderer/shared/ErrorNote';
import type { BatchSummary } from '../../../contract';

interface Props {
  batches: readonly BatchSummary[];
  /** A batch was completed or dropped: what happened, in words. */
  onDone(notice: string): void;
}

/**
 * Batches whose writer stopped where Wiredesk cannot tell whether it still runs (another host,
 * an older Wiredesk). Nothing else goes out until the editor completes or drops each one.
 */
export function StuckBatches({ batches, onDone }: Props) {
  return (
    <section className="q-stuck" aria-labelledby="stuck-title">
      <h2 id="stuck-title">Stuck batches</h2>
      <p className="q-muted">
        Their writer stopped and Wiredesk cannot check whether it is still running. No export can run until each is completed (its stored file is written and
        its items count as published) or dropped (nothing in it goes out; its items wait for the next export).
      </p>
      <ul>
        {batches.map((b) => (
          <StuckBatch key={b.id} batch={b} onDone={onDone} />
        ))}
      </ul>
    </section>
  );
}

function StuckBatch({ batch: b, onDone }: { batch: BatchSummary; onDone(notice: string): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const complete = async () => {
    setBusy(true);
    setError(null);
    const r = await desk('completeBatch', { id: b.id });
    setBusy(false);
    if (r.ok) onDone(`Batch ${b.id} completed: ${r.value.itemCount} ${r.value.itemCount === 1 ? 'entry' : 'entries'} written to ${batchPath(r.value)}.`);
    else setError(r.error.message);
  };
  const drop = async () => {
    setBusy(true);
    setError(null);
    const r = await desk('dropBatch', { id: b.id });
    setBusy(false);
    setConfirming(false);
    if (r.ok) onDone(`Batch ${b.id} dropped: nothing in it was published; its items wait for the next export.`);
    else setError(r.error.message);
  };

  return (
    <li className="q-stuck-batch" aria-label={`Stuck batch ${b.id}`}>
      <p className="q-stuck-facts">
        <strong>Batch {b.id}</strong> · {b.itemCount} {b.itemCount === 1 ? 'item' : 'items'} · {formatLabel(b)} · started{' '}
        <time dateTime={b.createdAt}>{dateTime(b.createdAt)}</time> by {b.createdBy}
        {b.owner ? (
          <>
            {' '}
            · writer {b.owner.host}, pid {b.owner.pid}, since <time dateTime={b.owner.since}>{dateTime(b.owner.since)}</time>
          </>
        ) : (
          ' · its writer cannot be checked from here (another computer, or an older Wiredesk)'
        )}
      </p>
      {b.error && <p className="q-warn">{b.error}</p>}
      {confirming ? (
        <div className="q-confirm" role="group" aria-label={`Drop batch ${b.id}?`}>
          <span>Drop batch {b.id}? Nothing in it goes out; its items wait for the next export.</span>
          <button type="button" className="danger" disabled={busy} onClick={() => void drop()}>
            Drop batch {b.id}
          </button>
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="q-stuck-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void complete()}>
            Complete
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
            Drop…
          </button>
        </div>
      )}
      <ErrorNote message={error} />
    </li>
  );
}
