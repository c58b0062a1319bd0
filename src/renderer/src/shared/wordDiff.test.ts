import { describe, expect, it } from 'vitest';
import { hasChanges, wordDiff } from './wordDiff';

describe('wordDiff', () => {
  it('marks the changed word, keeps the rest', () => {
    const parts = wordDiff('Talks resume on Friday in Baku.', 'Talks resume on Thursday in Baku.')!;
    expect(parts.filter((p) => p.kind === 'del').map((p) => p.text.trim())).toEqual(['Friday']);
    expect(parts.filter((p) => p.kind === 'ins').map((p) => p.text.trim())).toEqual(['Thursday']);
    expect(
      parts
        .filter((p) => p.kind !== 'del')
        .map((p) => p.text)
        .join(''),
    ).toBe('Talks resume on Thursday in Baku.');
    expect(
      parts
        .filter((p) => p.kind !== 'ins')
        .map((p) => p.text)
        .join(''),
    ).toBe('Talks resume on Friday in Baku.');
    expect(hasChanges(parts)).toBe(true);
  });

  it('says when nothing changed', () => {
    expect(hasChanges(wordDiff('Same text.', 'Same text.'))).toBe(false);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('finds a few changes in a 5,000-word body', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `word${i}`);
    const changed = [...words];
    changed[10] = 'CHANGED';
    changed.splice(4000, 1);
    const parts = wordDiff(words.join(' '), changed.join(' '))!;
    expect(parts.filter((p) => p.kind === 'ins').map((p) => p.text.trim())).toEqual(['CHANGED']);
    expect(parts.filter((p) => p.kind === 'del').map((p) => p.text.trim())).toEqual(['word10', 'word4000']);
  });
});
