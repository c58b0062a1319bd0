import { useState } from 'react';
import type { FieldProblem } from '@core/item';
import { Field } from '@renderer/shared/Field';
import { ZONES, splitEmbargo } from './embargoTime';

interface Props {
  idPrefix: string;
  /** RFC 3339 with its offset, or null for no embargo. */
  value: string | null;
  onChange(embargo: string | null): void;
  problem?: Pick<FieldProblem, 'message' | 'severity'>;
}

/** Embargo: a local date and time, and the time zone it is meant in (kept while the time is empty). */
export function EmbargoInput({ idPrefix, value, onChange, problem }: Props) {
  const embargo = splitEmbargo(value);
  const [zone, setZone] = useState(embargo.zone);
  return (
    <div className="row">
      <Field id={`${idPrefix}embargo`} label="Embargo" className="f-embargo" problem={problem}>
        <input
          id={`${idPrefix}embargo`}
          type="datetime-local"
          name="embargo"
          value={embargo.local}
          onChange={(e) => onChange(e.target.value ? `${e.target.value}${zone}` : null)}
        />
      </Field>
      <Field id={`${idPrefix}embargo-zone`} label="Time zone" className="f-zone">
        <select
          id={`${idPrefix}embargo-zone`}
          name="embargoZone"
          value={embargo.local ? embargo.zone : zone}
          onChange={(e) => {
            setZone(e.target.value);
            if (embargo.local) onChange(`${embargo.local}${e.target.value}`);
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
