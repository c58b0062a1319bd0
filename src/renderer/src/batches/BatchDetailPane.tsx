import { type ReactNode, useEffect, useState } from 'react';
import type { DeskError } from '@core/errors';
import type { BatchEntry } from '../../../contract';
import { ErrorNote } from '@renderer/shared/ErrorNote';
import { FolderField, useExportFolder } from '@renderer/shared/FolderField';

type Reply<T> = { ok: true; value: T } | { ok: false; error: DeskError };

interface Detail {
  sha256?: string | null;
  entries: BatchEntry[];
  nextEntry: number | null;
}

interface Props<D extends Detail> {
  label: string;
  /** A page of the batch's entries after `after` (from the start without it); keep it stable (useCallback). */
  load(after?: number): Promise<Reply<D>>;
  /** Write the batch again into `folder`, from its stored bytes. */
  resend(folder: string): Promise<Reply<{ path: string; sha256: string }>>;
  /** What the batch is: its number, file, hash, who and when. */
  facts(batch: D): ReactNode;
}

/**
 * One batch, this desk's or the shared desk's: its facts, Re-send into a folder (said to be
 * byte-identical when the hash matches), and its entries a page at a time.
 */
export function BatchDetailPane<D extends Detail>({ label, load, resend, facts }: Props<D>) {
  const [batch, setBatch] = useState<D | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [folder, setFolder] = useExportFolder();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ path: string; sha256: string } | null>(null);

  useEffect(() => {
    void load().then((r) => (r.ok ? setBatch(r.value) : setError(r.error.message)));
  }, [load]);

  const moreEntries = async () => {
    if (!batch || batch.nextEntry === null) return;
    const r = await load(batch.nextEntry);
    if (r.ok) setBatch({ ...r.value, entries: [...batch.entries, ...r.value.entries] });
    else setError(r.error.message);
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    setSent(null);
    const r = await resend(folder.trim());
    setBusy(false);
    if (r.ok) setSent(r.value);
    else setError(r.error.message);
  };

  return (
    <section className="q-preview q-batch" aria-label={label}>
      {batch && <div className="q-batch-facts">{facts(batch)}</div>}
      <form
        className="q-export-form q-resend"
        aria-label="Re-send"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
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
