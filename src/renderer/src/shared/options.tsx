import type { Category } from '@core/settings';
import { URGENCY_NAMES } from '@core/urgency';

/** <option>s for urgency 1–9 with the desk's names (1 – Flash …). */
export function UrgencyOptions() {
  return (
    <>
      {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((u) => (
        <option key={u} value={u}>
          {u}
          {URGENCY_NAMES[u] ? ` – ${URGENCY_NAMES[u]}` : ''}
        </option>
      ))}
    </>
  );
}

/** <option>s for the desk's categories; a `current` value no longer in the list is kept visible. */
export function CategoryOptions({ categories, current = '' }: { categories: readonly Category[]; current?: string }) {
  return (
    <>
      {categories.map((c) => (
        <option key={c.name} value={c.name}>
          {c.name}
        </option>
      ))}
      {current && !categories.some((c) => c.name === current) && <option value={current}>{current}</option>}
    </>
  );
}
