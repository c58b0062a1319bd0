import { useState } from 'react';
import { useNewShowing } from '@renderer/shared/useNewShowing';

interface Props {
  id: string;
  value: readonly string[];
  /** Changes when another item is shown (or the same anew): the text starts again from `value`. */
  shownAs?: number;
  onChange(keywords: string[]): void;
}

/** Keywords typed as a comma-separated line; the item keeps the list (the text keeps its commas while typing). */
export function KeywordsInput({ id, value, shownAs, onChange }: Props) {
  const [text, setText] = useState(value.join(', '));
  useNewShowing(shownAs, () => setText(value.join(', ')));
  return (
    <input
      id={id}
      name="keywords"
      value={text}
      placeholder="e.g. defence, Kazakhstan"
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
