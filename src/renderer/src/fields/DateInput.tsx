import { useRef, useState } from 'react';
import { formatDeskDate, isIsoDate, parseDeskDate } from '@core/dateline';
import { DATE_TEXT_MAX } from '@core/item';
import type { DateOrder } from '@core/settings';
import type { FieldAria } from '@renderer/shared/Field';

/** How the desk writes a date, shown as the empty field's hint. */
export const DATE_PATTERN: Record<DateOrder, string> = { dmy: 'dd.mm.yyyy', mdy: 'mm/dd/yyyy' };

interface Props extends FieldAria {
  id: string;
  /** The stored date: ISO (YYYY-MM-DD) once it is a real one; until then the text as typed; '' for none. */
  value: string;
  /** The desk's date order (Settings), never the browser's locale. */
  order: DateOrder;
  onChange(date: string): void;
}

/** What a typed date is stored as: ISO when it is a real date, else the text itself (kept, never lost). */
function stored(text: string, order: DateOrder): string {
  const r = parseDeskDate(text, order);
  return r.ok ? r.iso : text;
}

/**
 * The dateline's date, typed in the desk's order (06.10.2023 or 10/06/2023): one text field,
 * one tab stop. A calendar button beside it fills it in by mouse. What is not (yet) a real date
 * stays as typed; the field's problem says why.
 */
export function DateInput({ id, value, order, onChange, ...aria }: Props) {
  const [text, setText] = useState(() => formatDeskDate(value, order));
  const picker = useRef<HTMLInputElement>(null);
  // A new value from outside (the calendar, a restored revision): show it in the desk's order.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (stored(text, order) !== value) setText(formatDeskDate(value, order));
  }

  const type = (next: string) => {
    setText(next);
    onChange(stored(next, order));
  };

  return (
    <span className="date-input">
      <input
        {...aria}
        id={id}
        name="date"
        value={text}
        maxLength={DATE_TEXT_MAX}
        placeholder={DATE_PATTERN[order]}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => type(e.target.value)}
        // A real date reads back in full once the editor moves on: 6.10.23 → 06.10.2023.
        onBlur={() => isIsoDate(value) && setText(formatDeskDate(value, order))}
      />
      <button
        type="button"
        className="date-pick"
        tabIndex={-1}
        title="Choose from a calendar"
        aria-label="Choose the date from a calendar"
        onClick={() => picker.current?.showPicker()}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={isIsoDate(value) ? value : ''}
        onChange={(e) => e.target.value && type(formatDeskDate(e.target.value, order))}
      />
    </span>
  );
}
