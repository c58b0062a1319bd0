import type { FieldAria } from '@renderer/shared/Field';

interface Props extends FieldAria {
  id: string;
  /** The dateline date, ISO (YYYY-MM-DD), or '' for none. */
  value: string;
  onChange(date: string): void;
}

/** The dateline's date. */
export function DateInput({ id, value, onChange, ...aria }: Props) {
  return <input {...aria} id={id} type="date" name="date" value={value} onChange={(e) => onChange(e.target.value)} />;
}
