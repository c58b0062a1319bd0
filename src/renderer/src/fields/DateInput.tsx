import { formatDeskDate, isIsoDate, parseDeskDate } from '@core/dateline';
import { DATE_TEXT_MAX } from '@core/item';
import type { DateOrder } from '@core/settings';
import type { FieldAria } from '@renderer/shared/Field';
import { CalendarPicker } from './CalendarPicker';
import { useTypedText } from './useTypedText';

/** How the desk writes a date, shown as the empty field's hint. */
export const DATE_PATTERN: Record<DateOrder, string> = { dmy: 'dd.mm.yyyy', mdy: 'mm/dd/yyyy' };

interface Props extends FieldAria {
  id: string;
  /** The stored date: ISO (YYYY-MM-DD) once it is a real one; until then the text as typed; '' for none. */
  value: string;
  /** The desk's date order (Settings), never the browser's locale. */
  order: DateOrder;
  /** The item shown: another one starts the text again from `value`. */
  itemId?: string;
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
export function DateInput({ id, value, order, itemId, onChange, ...aria }: Props) {
  const [text, setText] = useTypedText(
    itemId,
    value,
    (v) => formatDeskDate(v, order),
    (t, v) => stored(t, order) === v,
    order,
  );
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
