import { useRef } from 'react';

interface Props {
  /** The browser's picker: a date, or a date and time. */
  type: 'date' | 'datetime-local';
  /** What is picked, e.g. "the date" (the button's name: "Choose the date from a calendar"). */
  what: string;
  /** The current value in the picker's own ISO form; '' for none. */
  value: string;
  /** A value picked (ISO, as the picker gives it). */
  onPick(iso: string): void;
}

/**
 * The calendar button beside a typed date field, and the browser picker it opens. Both stay out
 * of the tab order: the typed field is the one stop.
 */
export function CalendarPicker({ type, what, value, onPick }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="date-pick"
        tabIndex={-1}
        title="Choose from a calendar"
        aria-label={`Choose ${what} from a calendar`}
        onClick={() => picker.current?.showPicker()}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
          <path d={type === 'date' ? 'M1.5 6h13M5 1v3M11 1v3' : 'M1.5 6h13M5 1v3M11 1v3M8 8.5v2.5l1.5 1'} stroke="currentColor" />
        </svg>
      </button>
      <input
        ref={picker}
        type={type}
        className="date-picker"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => e.target.value && onPick(e.target.value)}
      />
    </>
  );
}
