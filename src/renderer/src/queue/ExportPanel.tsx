import { useState } from 'react';
import { ErrorCode } from '@core/errors';
import type { BatchDetail, FeedFormatName, QueuePage } from '../../../contract';
import { BatchFacts } from '@renderer/batches/BatchFacts';
import { desk } from '@renderer/shared/desk';
import { ErrorNote } from '@renderer/shared/ErrorNote';
import { FolderField, useExportFolder } from '@renderer/shared/FolderField';
import { QField } from '@renderer/shared/QField';
import { FEED_FORMATS, pastEmbargoIds } from './queueLib';

/** Export the pending entries (approved items and kills not yet sent) as one batch file. */
export function ExportPanel({ nextBatch, onExported }: { nextBatch?: QueuePage['nextBatch']; onExported(b: BatchDetail): void }) {
  const [format, setFormat] = useState<FeedFormatName>('ninjs');
  const [ndjson, setNdjson] = useState(false);
  const [folder, setFolder] = useExportFolder();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BatchDetail | null>(null);
  const [error, setError] = useState<{ message: string; pastEmbargo: boolean } | null>(null);

  const run = async (allowPastEmbargo: boolean) => {
    setBusy(true);
    setError(null);
    setResult(null);
    const r = await desk('exportBatch', {
      format,
      ndjson: ndjson && format !== 'jsonfeed',
      folder: folder.trim(),
      ...(allowPastEmbargo ? { allowPastEmbargo } : {}),
    });
    setBusy(false);
    if (r.ok) {
      setResult(r.value);
      onExported(r.value);
    } else {
      setError({ message: r.error.message, pastEmbargo: r.error.code === ErrorCode.ValidationFailed && pastEmbargoIds(r.error.details).length > 0 });
    }
  };

  return (
    <section className="q-export" aria-label="Export">
      <form
        className="q-export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(false);
        }}
      >
        <QField label="Format">
          {(id) => (
            <select id={id} value={format} onChange={(e) => setFormat(e.target.value as FeedFormatName)}>
              {FEED_FORMATS.map((f) => (
                <option key={f.format} value={f.format}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </QField>
        <label className="q-check" title={format === 'jsonfeed' ? 'JSON Feed has no NDJSON form.' : 'One ninjs item per line'}>
          <input type="checkbox" checked={ndjson && format !== 'jsonfeed'} disabled={format === 'jsonfeed'} onChange={(e) => setNdjson(e.target.checked)} />
          NDJSON
        </label>
        <FolderField value={folder} onChange={setFolder} />
        <button type="submit" className="primary" disabled={busy || !folder.trim()} title={folder.trim() ? undefined : 'Choose a folder to export to.'}>
          Export batch
        </button>
        <span className="q-muted q-export-hint" aria-live="polite">
          {nextBatch
            ? `Next batch: ${nextBatch.approved} approved item${nextBatch.approved === 1 ? '' : 's'}, ${nextBatch.kills} kill${nextBatch.kills === 1 ? '' : 's'} waiting.`
            : 'Sends every approved item and every kill not yet sent.'}
        </span>
      </form>
      <ErrorNote message={error?.message ?? null}>
        {error?.pastEmbargo && (
          <button type="button" className="danger" disabled={busy} onClick={() => void run(true)}>
            Export anyway
          </button>
        )}
      </ErrorNote>
      {result && (
        <div className="q-result" role="status" aria-label="Export result">
          <BatchFacts batch={result} />
        </div>
      )}
    </section>
  );
}
