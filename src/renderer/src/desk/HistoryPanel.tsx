import { useCallback } from 'react';
import { ACTION_LABELS, type WorkflowAction } from '@core/workflow';
import type { AuditRecord, HistoryEntry } from '../../../contract';
import { desk, shortTime } from '@renderer/shared/desk';
import { useDeskValue } from '@renderer/shared/useDeskValue';
import type { SaveState } from './useAutosave';
import './desk-history.css';

interface Props {
  itemId: string;
  /** Reload the history whenever the save state moves on. */
  saveState: SaveState;
  onRestore(revision: number): Promise<void>;
}

/** What a revision did, in words: "Restored revision 2: changed Headline, Body". */
export function revisionWords(r: HistoryEntry): string {
  const changed = r.changed.length > 0 ? `Changed ${r.changed.join(', ')}` : '';
  if (r.note && changed) return `${r.note}: ${changed.charAt(0).toLowerCase()}${changed.slice(1)}`;
  return r.note || changed || 'Saved with no changes';
}

function auditWords(a: AuditRecord): string {
  const verb = a.action === 'create' ? 'Created' : (ACTION_LABELS[a.action as WorkflowAction] ?? a.action);
  const move = a.fromStatus !== a.toStatus ? ` (${a.fromStatus} → ${a.toStatus})` : '';
  return `${verb}${move}${a.note && a.note !== 'Created' ? ` — ${a.note}` : ''}`;
}

/** Every saved revision (time, who, what changed) and the workflow trail; restore makes a new revision. */
export function HistoryPanel({ itemId, saveState, onRestore }: Props) {
  const savedAt = saveState.kind === 'saved' ? saveState.at : null;
  const fetchHistory = useCallback(() => desk('history', { id: itemId }), [itemId]);
  const { value, error } = useDeskValue(fetchHistory, savedAt);
  const revisions = value?.revisions ?? [];
  const audit = value?.audit ?? [];

  return (
    <aside className="history" aria-label="History">
      <h2 id="history-revisions">Revisions</h2>
      {error && <p className="field-error">{error}</p>}
      <ol className="revisions" aria-labelledby="history-revisions">
        {revisions.map((r, i) => (
          <li key={r.revision} aria-current={i === 0 ? 'true' : undefined}>
            <div className="rev-head">
              <time dateTime={r.savedAt}>{shortTime(r.savedAt)}</time>
              <span className="rev-who">{r.savedBy}</span>
              <span className="rev-no" title={`Revision ${r.revision} of story version ${r.version}`}>
                r{r.revision} · v{r.version}
              </span>
            </div>
            <div className="changed">{revisionWords(r)}</div>
            {i === 0 ? (
              <span className="current-tag">Current</span>
            ) : (
              <button type="button" aria-label={`Restore revision ${r.revision}`} onClick={() => void onRestore(r.revision)}>
                Restore
              </button>
            )}
          </li>
        ))}
      </ol>
      <h2 id="history-workflow">Workflow</h2>
      <ol className="audit" aria-labelledby="history-workflow">
        {audit.map((a, i) => (
          <li key={i}>
            <div className="rev-head">
              <time dateTime={a.at}>{shortTime(a.at)}</time>
              <span className="rev-who">{a.by}</span>
              <span className="rev-no">v{a.version}</span>
            </div>
            <div className="changed">{auditWords(a)}</div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
