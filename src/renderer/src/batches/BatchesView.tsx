import { useCallback, useState } from 'react';
import { affects } from '@core/changes';
import type { BatchDetail } from '../../../contract';
import { BATCH_STATE_WORDS, formatLabel } from '@renderer/queue/queueLib';
import { dateTime, desk } from '@renderer/shared/desk';
import { ErrorNote } from '@renderer/shared/ErrorNote';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import { usePaged } from '@renderer/shared/usePaged';
import { SharedBatches } from '@renderer/hub/SharedBatches';
import { useHubStatus } from '@renderer/hub/useHubStatus';
import { BatchDetailPane } from './BatchDetailPane';
import { BatchFacts } from './BatchFacts';
import { StuckBatches } from './StuckBatches';
import './batches.css';

const PAGE = 50;
/** Entries shown at a time in a batch's detail. */
const ENTRY_PAGE = 100;

/** Batch history: this desk's exports and, when joined, the shared desk's (whichever desk exported them). */
export function BatchesView() {
  const joined = useHubStatus().status?.joined ?? false;
  const [source, setSource] = useState<'desk' | 'shared'>('desk');
  const shown = joined ? source : 'desk';
  return (
    <main className="q-view" aria-label="Batches">
      {joined && (
        <div className="batches-source" role="group" aria-label="Whose batches">
          <button type="button" aria-pressed={shown === 'desk'} onClick={() => setSource('desk')}>
            This desk
          </button>
          <button type="button" aria-pressed={shown === 'shared'} onClick={() => setSource('shared')}>
            Shared desk
          </button>
          <span className="q-muted">
            {shown === 'shared' ? 'Every batch any joined desk exported, kept with its exact bytes.' : 'The batches this desk wrote.'}
          </span>
        </div>
      )}
      {shown === 'shared' ? <SharedBatches /> : <DeskBatches />}
    </main>
  );
}

/** This desk's batch history: every export, its file and hash; a batch can be sent again byte for byte. */
function DeskBatches() {
  const fetchPage = useCallback((cursor: string | null, limit = PAGE) => desk('listBatches', { cursor, limit: Math.max(PAGE, limit) }), []);
  const list = usePaged(fetchPage);
  useDeskEvents((e) => {
    if (affects(e, 'batches')) void list.refresh();
  });
  const [openId, setOpenId] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const stuck = list.items.filter((b) => b.state === 'stuck');
  const onResolved = (text: string) => {
    setNotice(text);
    setOpenId(null);
    void list.reload();
  };

  return (
    <>
      <ErrorNote message={list.error?.message ?? null} />
      {notice && (
        <p className="q-notice" role="status">
          {notice}
        </p>
      )}
      {stuck.length > 0 && <StuckBatches batches={stuck} onDone={onResolved} />}
      <div className="q-split">
        <section className="q-batches" aria-label="Batch history">
          <table className="q-table">
            <thead>
              <tr>
                <th scope="col">Batch</th>
                <th scope="col">Exported</th>
                <th scope="col">Format</th>
                <th scope="col" className="q-num">
                  Items
                </th>
                <th scope="col">File</th>
                <th scope="col">State</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((b) => (
                <tr key={b.id} aria-selected={openId === b.id} onClick={() => setOpenId(b.id)}>
                  <td>
                    <button type="button" className="q-link" aria-label={`Batch ${b.id}`} onClick={() => setOpenId(b.id)}>
                      #{b.id}
                    </button>
                  </td>
                  <td className="q-when" title={b.createdAt}>
                    <time dateTime={b.createdAt}>{dateTime(b.createdAt)}</time>
                  </td>
                  <td className="q-when">{formatLabel(b)}</td>
                  <td className="q-num">{b.itemCount}</td>
                  <td className="q-file" title={b.folder}>
                    {b.fileName}
                  </td>
                  <td className={b.state === 'written' ? undefined : 'q-warn'}>{BATCH_STATE_WORDS[b.state]}</td>
                  <td className="q-sha" title={b.sha256 ?? undefined}>
                    {b.sha256 ? b.sha256.slice(0, 12) : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.page && list.items.length === 0 && <p className="q-empty">No batches yet. Export one from the Approved tab of the Queue.</p>}
          {list.next && (
            <button type="button" className="more" onClick={() => void list.more()}>
              Show more
            </button>
          )}
        </section>
        {openId !== null ? (
          <BatchPane key={openId} id={openId} />
        ) : (
          <div className="q-preview q-none">
            <p>Select a batch to see what went out in it.</p>
          </div>
        )}
      </div>
    </>
  );
}

/** One batch of this desk: its entries, and Re-send. */
function BatchPane({ id }: { id: number }) {
  const load = useCallback((after?: number) => desk('getBatch', { id, after, limit: ENTRY_PAGE }), [id]);
  return (
    <BatchDetailPane
      label={`Batch ${id}`}
      load={load}
      resend={(folder) => desk('resendBatch', { id, folder })}
      facts={(batch: BatchDetail) => <BatchFacts batch={batch} />}
    />
  );
}
