import type { ChangeEvent } from 'react';
import { SLUG_MAX, normalizeSlug } from '@core/slug';
import type { FieldAria } from '@renderer/shared/Field';

interface Props extends FieldAria {
  id: string;
  value: string;
  onChange(slug: string): void;
  /** The slug stays the same across versions of a story. */
  locked?: boolean;
}

/** The slug as typed: uppercase, a space becomes a hyphen at once, the caret stays where it was. */
export function SlugInput({ id, value, onChange, locked = false, ...aria }: Props) {
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const el = e.target;
    const caret = el.selectionStart ?? el.value.length;
    const next = normalizeSlug(el.value.replace(/[\s_]+$/, '-')).slice(0, SLUG_MAX);
    onChange(next);
    const at = Math.min(caret, next.length);
    requestAnimationFrame(() => el.setSelectionRange(at, at));
  };
  return (
    <input
      {...aria}
      id={id}
      name="slug"
      value={value}
      maxLength={SLUG_MAX}
      readOnly={locked}
      title={locked ? 'The slug stays the same across versions of a story.' : undefined}
      placeholder="e.g. AZERBAIJAN-DEFENCE"
      spellCheck={false}
      autoComplete="off"
      onChange={change}
    />
  );
}
