import type { WireItem } from '@core/item';
import { shortTime } from '@renderer/shared/desk';

interface Props {
  /** The revision someone else saved while this editor was typing. */
  theirs: WireItem;
  onKeepMine(): void;
  onTakeTheirs(): void;
}

/** Someone else saved the item meanwhile: nothing is lost, the editor chooses which text stays on top. */
export function ConflictBanner({ theirs, onKeepMine, onTakeTheirs }: Props) {
  return (
    <div className="conflict" role="alert">
      <p>
        <strong>{theirs.updatedBy}</strong> saved this item at {shortTime(theirs.updatedAt)} while you were editing. Your text is not lost: choose which one
        stays on top; the other stays in the history.
      </p>
      <button type="button" className="primary" onClick={onKeepMine}>
        Keep mine
      </button>
      <button type="button" onClick={onTakeTheirs}>
        Reload theirs
      </button>
    </div>
  );
}
