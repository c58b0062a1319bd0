import type { ReactNode } from 'react';

/** A refusal or failure, announced, with room for what to do about it. */
export function ErrorNote({ message, children }: { message: string | null; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div className="q-error" role="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}
