import { useState } from 'react';
import { formatDeskDate, isIsoDate, parseDeskDate } from '@core/dateline';
import { DATE_TEXT_MAX } from '@core/item';
import type { DateOrder } from '@core/settings';
import type { FieldAria } from '@renderer/shared/Field';
import { useNewShowing } from '@renderer/shared/useNewShowing';
import { CalendarPicker } from './CalendarPicker';

/** How the desk writes a date, shown as the empty field's hint. */
export const DATE_PATTERN: Record<DateOrder, string> = { dmy: 'dd.mm.yyyy', mdy: 'mm/dd/yyyy' };

interface Props extends FieldAria {
  id: string;
  /** The stored date: ISO (YYYY-MM-DD) once it is a real one; until then the text as typed; '' for none. */
  value: string;
  /** The desk's date order (Settings), never the browser's locale. */
  order: DateOrder;
  /** Changes when another item is shown (or the same anew): the text starts again from `value`, unless it reads as it. */
  shownAs?: number;
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
export function DateInput({ id, value, order, shownAs, onChange, ...aria }: Props) {
  const [text, setText] = useState(() => formatDeskDate(value, order));
  // A new value from outside (the calendar, a restored revision): show it in the desk's order.
  const [seen, setSeen] = useState(value);
  // What is typed stays while it reads as the date shown: the same item shown anew under the caret
  // (another window's save) must not turn 6.10.20, typed on to 6.10.2023, into 06.10.2020.
  useNewShowing(shownAs, () => {
    if (stored(text, order) !== value) setText(formatDeskDate(value, order));
    setSeen(value);
  });
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
      <CalendarPicker type="date" what="the date" value={isIsoDate(value) ? value : ''} onPick={(iso) => type(formatDeskDate(iso, order))} />
    </span>
  );
}
