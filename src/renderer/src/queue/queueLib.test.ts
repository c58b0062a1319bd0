import { describe, expect, it } from 'vitest';
import { BULK_ACTIONS, REVIEW_ACTIONS, allowedActions, batchPath, formatLabel, idRange, nextCurrent, pastEmbargoIds, snippetParts } from './queueLib';

describe('snippetParts', () => {
  it('marks the [[ ]] runs and keeps everything else as plain text', () => {
    expect(snippetParts('…talks on the [[pipeline]] in <b>Baku</b> [[resumed]]')).toEqual([
      { text: '…talks on the ', mark: false },
      { text: 'pipeline', mark: true },
      { text: ' in <b>Baku</b> ', mark: false },
      { text: 'resumed', mark: true },
    ]);
  });
  it('leaves an unmatched bracket alone and drops empty marks', () => {
    expect(snippetParts('a [[b')).toEqual([{ text: 'a [[b', mark: false }]);
    expect(snippetParts('[[]]x')).toEqual([{ text: 'x', mark: false }]);
  });
});

describe('allowedActions', () => {
  const at = (status: Parameters<typeof allowedActions>[1]['status'], publishedVersion = 0) => allowedActions(REVIEW_ACTIONS, { status, publishedVersion });
  it('follows the workflow state machine', () => {
    expect(at('submitted')).toEqual(['approve', 'return', 'hold']);
    expect(at('approved')).toEqual(['return', 'hold']);
    expect(at('held')).toEqual(['return', 'release']);
    expect(at('published', 1)).toEqual(['kill', 'correct']);
    expect(at('killed', 1)).toEqual([]);
    expect(at('spiked')).toEqual([]);
  });
  it('offers in bulk only the actions without a note', () => {
    expect(allowedActions(BULK_ACTIONS, { status: 'submitted', publishedVersion: 0 })).toEqual(['approve', 'hold']);
    expect(allowedActions(BULK_ACTIONS, { status: 'published', publishedVersion: 0 })).toEqual([]);
  });
});

describe('list helpers', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('idRange runs either way', () => {
    expect(idRange(ids, 'b', 'd')).toEqual(['b', 'c', 'd']);
    expect(idRange(ids, 'c', 'a')).toEqual(['a', 'b', 'c']);
    expect(idRange(ids, 'x', 'c')).toEqual(['c']);
  });
  it('nextCurrent moves to the next row that stays, else back', () => {
    expect(nextCurrent(ids, ['b'], 'b')).toBe('c');
    expect(nextCurrent(ids, ['b', 'c', 'd'], 'c')).toBe('a');
    expect(nextCurrent(ids, ids, 'a')).toBeNull();
    expect(nextCurrent(ids, ['a'], 'c')).toBe('c');
  });
});

describe('batch helpers', () => {
  it('joins the path with the folder’s separator', () => {
    expect(batchPath({ folder: '/out', fileName: 'b.json' })).toBe('/out/b.json');
    expect(batchPath({ folder: '/out/', fileName: 'b.json' })).toBe('/out/b.json');
    expect(batchPath({ folder: 'C:\\out', fileName: 'b.json' })).toBe('C:\\out\\b.json');
  });
  it('names formats as the desk does', () => {
    expect(formatLabel({ format: 'ninjs', ndjson: true })).toBe('ninjs 3.1 (NDJSON)');
    expect(formatLabel({ format: 'jsonfeed', ndjson: false })).toBe('JSON Feed 1.1');
  });
  it('reads the past-embargo ids from error details, tolerating anything else', () => {
    expect(pastEmbargoIds({ pastEmbargo: ['x', 1] })).toEqual(['x']);
    expect(pastEmbargoIds(undefined)).toEqual([]);
    expect(pastEmbargoIds({ problems: [] })).toEqual([]);
  });
});

describe('snippetParts of a keyword match', () => {
  it('reads as keywords, not as the stored list', () => {
    const parts = snippetParts('["[[pipeline]]","energy"]');
    expect(parts.map((p) => p.text).join('')).toBe('Keywords: pipeline, energy');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['pipeline']);
  });
});
