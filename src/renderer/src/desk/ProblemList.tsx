import type { FieldProblem } from '@core/item';

/**
 * Whether a problem is shown at its field: what is wrong with what was typed is; what is
 * missing is listed under the copy only.
 */
export function showsAtField(p: FieldProblem): boolean {
  return !/ is required\.$|^No |has no date/.test(p.message);
}

/** Everything that stands between the draft and review. */
export function ProblemList({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section className="problems" aria-labelledby="problems-title">
      <h2 id="problems-title">Before submitting</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={i} className={p.severity}>
            {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
