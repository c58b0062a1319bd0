import { useEffect, useState } from 'react';
import type { FieldProblem } from '@core/item';
import type { DateOrder } from '@core/settings';
import { Field, type FieldAria } from '@renderer/shared/Field';
import { CalendarPicker } from './CalendarPicker';
import { useTypedText } from './useTypedText';
import { DATE_PATTERN } from './DateInput';
import { TIME_PATTERN, ZONES, formatEmbargoText, parseEmbargoText, splitEmbargo } from './embargoTime';

interface Props {
  idPrefix: string;
  /** RFC 3339 with its offset, or null for no embargo. */
  value: string | null;
  /** The desk's date order (Settings), never the browser's locale. */
  order: DateOrder;
  /** The item shown: another one starts the zone and the text again from `value`. */
  itemId?: string;
  onChange(embargo: string | null): void;
  /** Told what is wrong while the text typed is not yet a time (and so not stored), null once it is. */
  onUnread?(message: string | null): void;
  problem?: Pick<FieldProblem, 'message' | 'severity'>;
}

/**
 * Embargo: a date and 24-hour time typed in the desk's order ("27.11.2030 09:00"), one tab stop,
 * with a calendar button beside it; and the time zone it is meant in (kept while the time is
 * empty). Text that is not yet a time stays in the field, with a message saying what is wanted;
 * the stored embargo changes only when it reads as one.
 */
export function EmbargoInput({ idPrefix, value, order, itemId, onChange, onUnread, problem }: Props) {
  const embargo = splitEmbargo(value);
  const [zone, setZone] = useState(embargo.zone);
  const [text, setText, another] = useTypedText(
    itemId,
    value,
    (v) => formatEmbargoText(splitEmbargo(v).local, order),
    (t, v) => readsAs(t, order, splitEmbargo(v).local),
    order,
  );
  const parsed = parseEmbargoText(text, order);
  // The zone chosen is kept while the time is empty or half typed, for the item it was chosen for (it
  // is meant for the time being typed); a time stored and shown brings its own (from another window,
  // a restored revision): the field keeps the zone it showed.
  if (another || (embargo.local && parsed.ok && zone !== embargo.zone)) setZone(embargo.zone);
  const unread = parsed.ok ? null : parsed.message;
  useEffect(() => onUnread?.(unread), [onUnread, unread]);
  const type = (next: string) => {
    setText(next);
    const r = parseEmbargoText(next, order);
    if (r.ok && (r.local !== embargo.local || (r.local && zone !== embargo.zone))) onChange(r.local ? `${r.local}${zone}` : null);
  };
  const id = `${idPrefix}embargo`;
  const shown = parsed.ok ? problem : { message: parsed.message, severity: 'error' as const };
  return (
    <div className="row">
      <Field id={id} label="Embargo" className="f-embargo" problem={shown}>
        <EmbargoText
          id={id}
          text={text}
          local={embargo.local}
          order={order}
          onType={type}
          onBlur={() => parsed.ok && setText(formatEmbargoText(parsed.local, order))}
        />
      </Field>
      <Field id={`${idPrefix}embargo-zone`} label="Time zone" className="f-zone">
        <select
          id={`${idPrefix}embargo-zone`}
          name="embargoZone"
          value={zone}
          onChange={(e) => {
            setZone(e.target.value);
            // Half typed, the zone waits for the time: the one stored is not moved into it meanwhile.
            if (embargo.local && parsed.ok) onChange(`${embargo.local}${e.target.value}`);
          }}
        >
          {ZONES.map((z) => (
            <option key={z} value={z}>
              UTC{z}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

interface TextProps extends FieldAria {
  id: string;
  text: string;
  /** The stored local date-time, for the calendar. */
  local: string;
  order: DateOrder;
  onType(text: string): void;
  onBlur(): void;
}

/** The typed embargo and its calendar button (out of the tab order, as the date's). */
function EmbargoText({ id, text, local, order, onType, onBlur, ...aria }: TextProps) {
  return (
    <span className="date-input">
      <input
        {...aria}
        id={id}
        name="embargo"
        value={text}
        maxLength={40}
        placeholder={`${DATE_PATTERN[order]} ${TIME_PATTERN}`}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onType(e.target.value)}
        onBlur={onBlur}
      />
      <CalendarPicker type="datetime-local" what="the embargo" value={local} onPick={(iso) => onType(formatEmbargoText(iso, order))} />
    </span>
  );
}

/** Whether typed text reads as the stored local date-time (text not yet a time reads as nothing stored). */
function readsAs(text: string, order: DateOrder, local: string): boolean {
  const r = parseEmbargoText(text, order);
  return r.ok && r.local === local;
}
