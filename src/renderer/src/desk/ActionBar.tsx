import { embargoLine } from '@core/copy';
import type { WireItem } from '@core/item';
import { ACTION_LABELS, type EditorAction } from '@core/workflow';
import { shortTime } from '@renderer/shared/desk';
import { SaveStateText } from './SaveStateText';
import type { SaveState } from './useAutosave';

interface Props {
  item: WireItem;
  /** The embargo as typed (the stored one may lag behind). */
  embargo: string | null;
  saveState: SaveState;
  /** Someone else's change to this item: who and when. */
  changed: { by: string; at: string } | null;
  showHistory: boolean;
  onToggleHistory(): void;
  onDuplicate(): void;
  onAction(action: EditorAction): void;
  /** Why Submit is not offered yet; null when it is. */
  submitBlocked: string | null;
}

/** The item's head: status, version, embargo, save state, and what can be done with it now. */
export function ActionBar({ item, embargo, saveState, changed, showHistory, onToggleHistory, onDuplicate, onAction, submitBlocked }: Props) {
  return (
    <div className="item-head">
      <span className={`status status-${item.status}`}>{item.status}</span>
      <span className="version" title="Story version">
        v{item.version}
      </span>
      {embargo && <span className="embargo-badge">{embargoLine(embargo)}</span>}
      <SaveStateText state={saveState} />
      {changed && (
        <span className="changed-by" aria-live="polite" title={changed.at}>
          Changed by {changed.by} at {shortTime(changed.at)}
        </span>
      )}
      <span className="spacer" />
      <button type="button" onClick={onToggleHistory} aria-pressed={showHistory}>
        History
      </button>
      <button type="button" onClick={onDuplicate}>
        Duplicate
      </button>
      {item.status === 'draft' && item.publishedVersion === 0 && (
        <button type="button" className="danger" onClick={() => onAction('spike')}>
          {ACTION_LABELS.spike}
        </button>
      )}
      {item.status === 'spiked' && (
        <button type="button" onClick={() => onAction('restore')}>
          {ACTION_LABELS.restore}
        </button>
      )}
      {item.status === 'published' && (
        <button type="button" onClick={() => onAction('correct')}>
          {ACTION_LABELS.correct}
        </button>
      )}
      {item.status === 'draft' && (
        // Some shells show no tooltip on a disabled button: the wrapper says why too.
        <span className="submit-wrap" title={submitBlocked ?? 'Submit for review (Ctrl+Enter)'}>
          <button
            type="button"
            className="primary"
            onClick={() => onAction('submit')}
            disabled={submitBlocked !== null}
            title={submitBlocked ?? undefined}
            aria-describedby={submitBlocked ? 'submit-blocked' : undefined}
          >
            {ACTION_LABELS.submit}
          </button>
          {submitBlocked && (
            <span id="submit-blocked" className="visually-hidden">
              {submitBlocked}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
