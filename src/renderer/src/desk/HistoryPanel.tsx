import { useEffect, useState } from 'react';
import type { AuditRecord, HistoryEntry } from '../../../service/contract';
import { desk, shortTime } from '../lib/desk';
import type { SaveState } from './useAutosave';

interface Props {
  itemId: string;
  /** Reload the history whenever the save state moves on. */
  saveState: SaveState;
  onRestore(revision: number): Promise<void>;
}

/** Every saved revision (time, who, what changed) and the workflow trail; restore makes a new revision. */
export function HistoryPanel({ itemId, saveState, onRestore }: Props) {
  const [revisions, setRevisions] = useState<HistoryEntry[]>([]);
  const [audit, setAudit] = useState<AuditRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const savedAt = saveState.kind === 'saved' ? saveState.at : null;

  useEffect(() => {
    let live = true;
    void desk('history', { id: itemId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setRevisions(r.value.revisions);
        setAudit(r.value.audit);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [itemId, savedAt]);

  return (
    <aside className="history" aria-label="History">
      <h2>Revisions</h2>
      {error && <p className="field-error">{error}</p>}
      <ol className="revisions">
        {revisions.map((r, i) => (
          <li key={r.revision}>
            <div>
              <strong>r{r.revision}</strong> · v{r.version} · {shortTime(r.savedAt)} · {r.savedBy}
            </div>
            <div className="changed">{r.note || (r.changed.length ? `Changed ${r.changed.join(', ')}` : 'Created')}</div>
            {i > 0 && (
              <button type="button" aria-label={`Restore revision ${r.revision}`} onClick={() => void onRestore(r.revision)}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
      <h2>Workflow</h2>
      <ol className="audit">
        {audit.map((a, i) => (
          <li key={i}>
            {shortTime(a.at)} · {a.by}: {a.action} ({a.fromStatus} → {a.toStatus}, v{a.version}){a.note ? ` — ${a.note}` : ''}
          </li>
        ))}
      </ol>
    </aside>
  );
}
