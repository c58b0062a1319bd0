import { shortTime } from '@renderer/shared/desk';
import type { SaveState } from './useAutosave';

export function saveStateText(s: SaveState): string {
  switch (s.kind) {
    case 'saved':
      return `Saved ${shortTime(s.at)}`;
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved — ${s.reason}`;
    case 'conflict':
      return 'Not saved — someone else changed this item';
  }
}

/** Where the autosave stands, announced politely. */
export function SaveStateText({ state }: { state: SaveState }) {
  return (
    <span className={`save-state save-${state.kind}`} role="status" aria-live="polite">
      {saveStateText(state)}
    </span>
  );
}
