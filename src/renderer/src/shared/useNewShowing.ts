import { useState } from 'react';

/**
 * Runs `reset` when `shownAs` changes (another item shown, or the same one anew), during render:
 * React's way to adjust a component's own state to a prop, so the frame that shows the next item
 * never has the last one's half-typed text. The component stays mounted: a switch does not
 * rebuild its inputs (date pickers, a select of zones), which cost an item switch several ms.
 */
export function useNewShowing(shownAs: unknown, reset: () => void): void {
  const [seen, setSeen] = useState(shownAs);
  if (seen !== shownAs) {
    setSeen(shownAs);
    reset();
  }
}
