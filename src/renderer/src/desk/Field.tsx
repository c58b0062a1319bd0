import { type ReactElement, cloneElement, isValidElement, type ReactNode } from 'react';
import type { FieldProblem } from '../../../core/item';

interface Props {
  /** The id of the control inside; the label points at it. */
  id: string;
  label: string;
  className?: string;
  problem?: FieldProblem;
  /** Shown beside the label, outside the accessible name (e.g. a counter). */
  extra?: ReactNode;
  children: ReactNode;
}

/** A labelled wire field with its problem, if any, announced as the control's description. */
export function Field({ id, label, className = '', problem, extra, children }: Props) {
  return (
    <div className={`field ${className}`}>
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
        {extra}
      </div>
      {problem && isValidElement(children) ? cloneElement(children as ReactElement<{ 'aria-describedby'?: string }>, { 'aria-describedby': `${id}-problem` }) : children}
      {problem && (
        <span id={`${id}-problem`} className={problem.severity === 'error' ? 'field-error' : 'field-warning'} role={problem.severity === 'error' ? 'alert' : undefined}>
          {problem.message}
        </span>
      )}
    </div>
  );
}
