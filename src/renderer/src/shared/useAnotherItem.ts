import { useState } from 'react';

/**
 * Whether this render shows another item than the last (`itemId` changed), found during render:
 * React's way to adjust a component's own state to a prop, so the frame that shows the next item
 * never has the last one's half-typed text. The same item shown anew (another window's save, a
 * restored revision) is not another item: what is half typed stays, unless its value changed.
 * The component stays mounted: a switch does not rebuild its inputs (date pickers, a select of
 * zones), which cost an item switch several ms.
 */
export function useAnotherItem(itemId: string | undefined): boolean {
  const [seen, setSeen] = useState(itemId);
  if (seen === itemId) return false;
  setSeen(itemId);
  return true;
}
