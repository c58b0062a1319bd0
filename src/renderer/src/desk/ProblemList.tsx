import type { FieldProblem, ProblemCode } from '@core/item';
import { focusField } from '@renderer/shared/focusField';
import './desk-preview.css';

/** Something missing: listed under the copy, not shouted at an empty field. */
const LISTED_ONLY: ReadonlySet<ProblemCode> = new Set(['REQUIRED', 'DATE_REQUIRED', 'NO_DATE', 'NO_SIGN_OFF', 'NO_CATEGORY']);

/** Whether a problem is shown at its field: what is wrong with what was typed is, and a correction's missing note. */
export function showsAtField(p: FieldProblem): boolean {
  return !LISTED_ONLY.has(p.code);
}

/** Everything that stands between the draft and review (or an item in review and the wire); each takes the caret to its field. */
export function ProblemList({ problems, title = 'Before submitting' }: { problems: readonly FieldProblem[]; title?: string }) {
  if (problems.length === 0) return null;
  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">{title}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i} className={p.severity}>
            <button type="button" className="problem-link" onClick={() => focusField(p.field)}>
              {p.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
