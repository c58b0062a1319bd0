import { useState } from 'react';
import { useNewShowing } from '@renderer/shared/useNewShowing';

interface Props {
  id: string;
  value: readonly string[];
  /** Changes when another item is shown (or the same anew): the text starts again from `value`, unless it reads as it. */
  shownAs?: number;
  onChange(keywords: string[]): void;
}

/** Keywords typed as a comma-separated line; the item keeps the list (the text keeps its commas while typing). */
export function KeywordsInput({ id, value, shownAs, onChange }: Props) {
  const [text, setText] = useState(value.join(', '));
  // What is typed stays while it reads as the keywords shown: the same item shown anew under the
  // caret keeps "defence, " (the next keyword typed is one of its own, not "defenceKazakhstan").
  useNewShowing(shownAs, () => {
    if (!sameKeywords(keywordsOf(text), value)) setText(value.join(', '));
  });
  return (
    <input
      id={id}
      name="keywords"
      value={text}
      placeholder="e.g. defence, Kazakhstan"
      onChange={(e) => {
        setText(e.target.value);
        onChange(keywordsOf(e.target.value));
      }}
    />
  );
}

/** The keywords a comma-separated line holds. */
function keywordsOf(text: string): string[] {
  return text
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

function sameKeywords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
