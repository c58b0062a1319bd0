export interface Choice<V extends string> {
  value: V;
  label: string;
  /** What the choice looks like on the desk's own example. */
  example: string;
}

interface Props<V extends string> {
  name: string;
  /** The id of the heading that names the group. */
  labelledBy: string;
  /** Ids: `${prefix}-${value}` for a choice's label, `${examplePrefix}-${value}` for its example. */
  prefix: string;
  examplePrefix: string;
  choices: readonly Choice<V>[];
  value: V;
  onChange(value: V): void;
  className?: string;
}

/** One of a few house rules, each shown as it would look (dateline style, date order). */
export function ChoiceGroup<V extends string>({ name, labelledBy, prefix, examplePrefix, choices, value, onChange, className = '' }: Props<V>) {
  return (
    <div className="dateline-styles" role="radiogroup" aria-labelledby={labelledBy}>
      {choices.map((c) => (
        <label key={c.value} className={`style-choice ${className}`}>
          <input
            type="radio"
            name={name}
            value={c.value}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
            aria-labelledby={`${prefix}-${c.value}`}
            aria-describedby={`${examplePrefix}-${c.value}`}
          />
          <span id={`${prefix}-${c.value}`} className="style-name">
            {c.label}
          </span>
          <code id={`${examplePrefix}-${c.value}`} className="style-example">
            {c.example}
          </code>
        </label>
      ))}
    </div>
  );
}
