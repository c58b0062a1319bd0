import { useCallback, useState } from 'react';
import { affects } from '@core/changes';
import { FEED_FORMAT_LABELS } from '@core/vocabulary';
import { dateTime, desk } from '@renderer/shared/desk';
import { ErrorNote } from '@renderer/shared/ErrorNote';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import { usePaged } from '@renderer/shared/usePaged';
import type { SharedBatchDetail, SharedBatchSummary } from '../../../contract';
import { BatchDetailPane } from '@renderer/batches/BatchDetailPane';
import './hub.css';

const PAGE = 50;
const ENTRY_PAGE = 100;

const formatOf = (b: SharedBatchSummary) => `${FEED_FORMAT_LABELS[b.format]}${b.ndjson ? ' (NDJSON)' : ''}`;

/** The shared desk's batches, whichever desk exported them; any can be sent again from the bytes kept there. */
export function SharedBatches() {
  const fetchPage = useCallback((cursor: string | null, limit = PAGE) => desk('listSharedBatches', { cursor, limit: Math.max(PAGE, limit) }), []);
  const list = usePaged(fetchPage);
  // A batch from another desk arrives with the publications it made.
  useDeskEvents((e) => {
    if (affects(e, 'batches') || affects(e, 'hub')) void list.refresh();
  });
  const [openNo, setOpenNo] = useState<number | null>(null);
  return (
    <>
      <ErrorNote message={list.error?.message ?? null} />
      <div className="q-split">
        <section className="q-batches" aria-label="Shared desk batches">
          <table className="q-table">
            <thead>
              <tr>
                <th scope="col">Batch</th>
                <th scope="col">Exported</th>
                <th scope="col">By</th>
                <th scope="col">Format</th>
                <th scope="col" className="q-num">
                  Items
                </th>
                <th scope="col">File</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((b) => (
                <tr key={b.no} aria-selected={openNo === b.no} onClick={() => setOpenNo(b.no)}>
                  <td>
                    <button type="button" className="q-link" aria-label={`Shared batch ${b.no}`} onClick={() => setOpenNo(b.no)}>
                      S{b.no}
                    </button>
                  </td>
                  <td className="q-when" title={b.createdAt}>
                    <time dateTime={b.createdAt}>{dateTime(b.createdAt)}</time>
                  </td>
                  <td className="mono">{b.createdBy}</td>
                  <td className="q-when">{formatOf(b)}</td>
                  <td className="q-num">{b.itemCount}</td>
                  <td className="q-file">{b.fileName}</td>
                  <td className="q-sha" title={b.sha256}>
                    {b.sha256.slice(0, 12)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.page && list.items.length === 0 && <p className="q-empty">No batches on the shared desk yet.</p>}
          {list.next && (
            <button type="button" className="more" onClick={() => void list.more()}>
              Show more
            </button>
          )}
        </section>
        {openNo !== null ? (
          <SharedBatchPane key={openNo} no={openNo} />
        ) : (
          <div className="q-preview q-none">
            <p>Select a batch to see what went out in it, and to send it again.</p>
          </div>
        )}
      </div>
    </>
  );
}

/** One shared desk batch: its facts, its entries, and Re-send from the bytes kept on the shared desk. */
function SharedBatchPane({ no }: { no: number }) {
  const load = useCallback((after?: number) => desk('getSharedBatch', { no, after, limit: ENTRY_PAGE }), [no]);
  return (
    <BatchDetailPane
      label={`Shared batch ${no}`}
      load={load}
      resend={(folder) => desk('resendSharedBatch', { no, folder })}
      facts={(batch: SharedBatchDetail) => (
        <>
          <p className="q-facts-title">
            <strong>Shared desk batch {batch.no}</strong> · {batch.itemCount} {batch.itemCount === 1 ? 'item' : 'items'} · {formatOf(batch)}
          </p>
          <dl className="q-facts">
            <dt>File</dt>
            <dd>
              <code>{batch.fileName}</code> ({batch.bytes.toLocaleString('en')} bytes, kept on the shared desk)
            </dd>
            <dt>SHA-256</dt>
            <dd>
              <code data-testid="shared-batch-sha">{batch.sha256}</code>
            </dd>
            <dt>Exported</dt>
            <dd title={batch.createdAt}>
              {dateTime(batch.createdAt)} by <code>{batch.createdBy}</code>
            </dd>
          </dl>
        </>
      )}
    />
  );
}
