import { useState } from 'react';
import { useAnotherItem } from '@renderer/shared/useAnotherItem';

/**
 * The text of a field typed in its own form (a date, an embargo, keywords) over a stored `value`.
 * Another item, or a new value from outside (the calendar, a restored revision, another window's
 * save), shows `format(value)`; but what is typed stays while it `readsAs` the value, so the same
 * item shown anew under the caret does not turn 6.10.20, being typed on to 6.10.2023, into
 * 06.10.2020, nor "defence, " into "defence" (and the next keyword into "defenceKazakhstan").
 * Another `reading` (the desk's date order, changed in Settings by another window) shows
 * `format(value)` too: text typed in the old order reads as another date in the new one.
 * The third value says whether this render shows another item (for a field's other state).
 */
export function useTypedText<T>(
  itemId: string | undefined,
  value: T,
  format: (value: T) => string,
  readsAs: (text: string, value: T) => boolean,
  reading = '',
): [string, (text: string) => void, boolean] {
  const [text, setText] = useState(() => format(value));
  const [seen, setSeen] = useState({ value, reading });
  const another = useAnotherItem(itemId);
  if (another || value !== seen.value || reading !== seen.reading) {
    setSeen({ value, reading });
    if (another || reading !== seen.reading || !readsAs(text, value)) setText(format(value));
  }
  return [text, setText, another];
}
