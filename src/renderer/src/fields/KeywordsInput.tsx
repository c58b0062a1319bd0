import { useTypedText } from './useTypedText';

interface Props {
  id: string;
  value: readonly string[];
  /** The item shown: another one starts the text again from `value`. */
  itemId?: string;
  onChange(keywords: string[]): void;
}

/** Keywords typed as a comma-separated line; the item keeps the list (the text keeps its commas while typing). */
export function KeywordsInput({ id, value, itemId, onChange }: Props) {
  const [text, setText] = useTypedText(
    itemId,
    value,
    (v) => v.join(', '),
    (t, v) => sameKeywords(keywordsOf(t), v),
  );
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
