import { useCallback, useEffect, useState } from 'react';
import { affects } from '@core/changes';
import type { BatchDetail } from '../../../contract';
import { BATCH_STATE_WORDS, formatLabel } from '@renderer/queue/queueLib';
import { dateTime, desk } from '@renderer/shared/desk';
import { ErrorNote } from '@renderer/shared/ErrorNote';
import { FolderField, useExportFolder } from '@renderer/shared/FolderField';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import { usePaged } from '@renderer/shared/usePaged';
import { SharedBatches } from '@renderer/hub/SharedBatches';
import { useHubStatus } from '@renderer/hub/useHubStatus';
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

/** One batch: its entries, and Re-send. */
function BatchPane({ id }: { id: number }) {
  const [batch, setBatch] = useState<BatchDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [folder, setFolder] = useExportFolder();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ path: string; sha256: string } | null>(null);

  useEffect(() => {
    void desk('getBatch', { id, limit: ENTRY_PAGE }).then((r) => (r.ok ? setBatch(r.value) : setError(r.error.message)));
  }, [id]);

  const moreEntries = async () => {
    if (!batch || batch.nextEntry === null) return;
    const r = await desk('getBatch', { id, after: batch.nextEntry, limit: ENTRY_PAGE });
    if (r.ok) setBatch({ ...r.value, entries: [...batch.entries, ...r.value.entries] });
    else setError(r.error.message);
  };

  const resend = async () => {
    setBusy(true);
    setError(null);
    setSent(null);
    const r = await desk('resendBatch', { id, folder: folder.trim() });
    setBusy(false);
    if (r.ok) setSent(r.value);
    else setError(r.error.message);
  };

  return (
    <section className="q-preview q-batch" aria-label={`Batch ${id}`}>
      {batch && (
        <div className="q-batch-facts">
          <BatchFacts batch={batch} />
        </div>
      )}
      <form
        className="q-export-form q-resend"
        aria-label="Re-send"
        onSubmit={(e) => {
          e.preventDefault();
          void resend();
        }}
      >
        <FolderField value={folder} onChange={setFolder} />
        <button type="submit" disabled={busy || !batch || !folder.trim()}>
          Re-send
        </button>
      </form>
      <ErrorNote message={error} />
      {sent && (
        <p className="q-result" role="status">
          Written again to <code>{sent.path}</code>
          {sent.sha256 === batch?.sha256 ? ' — byte-identical to the original (same SHA-256).' : ` — SHA-256 ${sent.sha256}`}
        </p>
      )}
      {batch && (
        <>
          <table className="q-table q-entries" aria-label="Entries">
            <thead>
              <tr>
                <th scope="col">Slug</th>
                <th scope="col">Headline</th>
                <th scope="col" className="q-num">
                  Version
                </th>
                <th scope="col">Sent as</th>
              </tr>
            </thead>
            <tbody>
              {batch.entries.map((e) => (
                <tr key={`${e.itemId}:${e.version}:${e.kind}`} className={e.kind === 'kill' ? 'q-kill' : undefined}>
                  <td className="slug">{e.slug || '—'}</td>
                  <td>{e.headline}</td>
                  <td className="q-num">{e.version}</td>
                  <td>{e.kind === 'kill' ? 'Kill' : 'Publish'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {batch.nextEntry !== null && (
            <button type="button" className="more" onClick={() => void moreEntries()}>
              Show more entries
            </button>
          )}
        </>
      )}
    </section>
  );
}
