/** Word-level changes between two texts (the `diff` library), for showing a correction. */
import { diffWords } from 'diff';

export interface DiffPart {
  text: string;
  kind: 'same' | 'ins' | 'del';
}

/** Longest a word diff may take before the view says "too many changes" instead (5,000-word bodies). */
const DIFF_TIMEOUT_MS = 300;

/** The changes from `before` to `after`, word by word; null when they are too many to work out in time. */
export function wordDiff(before: string, after: string): DiffPart[] | null {
  if (before === after) return before ? [{ text: before, kind: 'same' }] : [];
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return null;
  return changes.map((c) => ({ text: c.value, kind: c.added ? 'ins' : c.removed ? 'del' : 'same' }));
}

export function hasChanges(parts: readonly DiffPart[] | null): boolean {
  return parts === null || parts.some((p) => p.kind !== 'same');
}
