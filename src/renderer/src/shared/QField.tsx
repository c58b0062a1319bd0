import { type ReactNode, useId } from 'react';

/** A small labelled control: the label above, pointing at the control by id. */
export function QField({ label, className = '', children }: { label: string; className?: string; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className={`q-field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
