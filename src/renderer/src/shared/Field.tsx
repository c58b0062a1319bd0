import { type ReactElement, cloneElement, isValidElement, type ReactNode } from 'react';
import type { FieldProblem } from '@core/item';

/** What a Field tells its control about its state; a component used as a control passes them on. */
export interface FieldAria {
  'aria-describedby'?: string;
  'aria-required'?: boolean;
  'aria-invalid'?: boolean;
}

interface Props {
  /** The id of the control inside; the label points at it. */
  id: string;
  label: string;
  className?: string;
  problem?: Pick<FieldProblem, 'message' | 'severity'>;
  /** Needed before the item can be submitted: marked beside the label, outside its name. */
  required?: boolean;
  /** Shown beside the label, outside the accessible name (e.g. a counter). */
  extra?: ReactNode;
  children: ReactNode;
}

/** A labelled wire field with its problem, if any, announced as the control's description. */
export function Field({ id, label, className = '', problem, required = false, extra, children }: Props) {
  const control =
    (problem || required) && isValidElement(children)
      ? cloneElement(children as ReactElement<FieldAria>, {
          'aria-describedby': problem ? `${id}-problem` : undefined,
          'aria-required': required || undefined,
          'aria-invalid': problem?.severity === 'error' || undefined,
        })
      : children;
  return (
    <div className={`field ${className}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="required" aria-hidden="true">
            required
          </span>
        )}
        {extra}
      </div>
      {control}
      {problem && (
        <span
          id={`${id}-problem`}
          className={problem.severity === 'error' ? 'field-error' : 'field-warning'}
          role={problem.severity === 'error' ? 'alert' : undefined}
        >
          {problem.message}
        </span>
      )}
    </div>
  );
}
