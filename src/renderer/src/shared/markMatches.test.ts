import { describe, expect, it } from 'vitest';
import { matchRuns, searchWords } from './markMatches';

describe('matchRuns', () => {
  it('marks words that start with what was typed, in any case', () => {
    const runs = matchRuns('The Pipeline tender; pipelines reopened, not a subpipe.', searchWords('pipe'));
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['Pipeline', 'pipelines']);
    expect(runs.map((r) => r.text).join('')).toBe('The Pipeline tender; pipelines reopened, not a subpipe.');
  });
  it('takes every word typed and ignores punctuation in the search', () => {
    expect(
      matchRuns('Baku and Ganja', searchWords('ganja, baku'))
        .filter((r) => r.mark)
        .map((r) => r.text),
    ).toEqual(['Baku', 'Ganja']);
    expect(matchRuns('a.b (c)', searchWords('(.*)'))).toEqual([{ text: 'a.b (c)', mark: false }]);
  });
});
