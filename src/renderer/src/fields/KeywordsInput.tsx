import { useState } from 'react';

/** Keywords typed as a comma-separated line; the item keeps the list (the text keeps its commas while typing). */
export function KeywordsInput({ id, value, onChange }: { id: string; value: readonly string[]; onChange(keywords: string[]): void }) {
  const [text, setText] = useState(value.join(', '));
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
