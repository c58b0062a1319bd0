import { count } from './words';

/** Cards drawn at a time, with their stretch of the original text; every item is imported. */
export const CARD_PAGE = 50;

interface Props {
  /** First item of the page shown (0-based). */
  first: number;
  total: number;
  onFirst(first: number): void;
  /** Show item `n` (0-based): its page, its card. */
  onGoTo(n: number): void;
}

/** "Items 51–100 of 10,001" and the way to the other pages: a page of cards is what the view draws. */
export function Pager({ first, total, onFirst, onGoTo }: Props) {
  if (total <= CARD_PAGE) return null;
  const last = Math.min(first + CARD_PAGE, total);
  const lastPage = Math.floor((total - 1) / CARD_PAGE) * CARD_PAGE;
  return (
    <nav className="imp-pager" aria-label="Pages of items">
      <button type="button" disabled={first === 0} onClick={() => onFirst(0)} aria-label="First page">
        «
      </button>
      <button type="button" disabled={first === 0} onClick={() => onFirst(Math.max(0, first - CARD_PAGE))}>
        Previous
      </button>
      <span className="imp-page">
        Items {count(first + 1)}–{count(last)} of {count(total)}
      </span>
      <button type="button" disabled={last >= total} onClick={() => onFirst(first + CARD_PAGE)}>
        Next
      </button>
      <button type="button" disabled={first === lastPage} onClick={() => onFirst(lastPage)} aria-label="Last page">
        »
      </button>
      <label className="imp-goto">
        Go to item{' '}
        <input
          type="number"
          min={1}
          max={total}
          placeholder="No."
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            const n = Number(e.currentTarget.value);
            if (Number.isInteger(n) && n >= 1 && n <= total) onGoTo(n - 1);
          }}
        />
      </label>
    </nav>
  );
}
