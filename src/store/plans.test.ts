import { describe, expect, it } from 'vitest';
import { defaultFields } from '../core/item';
import { bodyFromPlainText } from '../core/richtext';
import { DEFAULT_SETTINGS } from '../core/settings';
import { openDb } from './db';
import { ItemStore, matchDrivenMax, newStoredItem, snippetOf, type StoredItem } from './items';

function item(i: number, text: string, status: StoredItem['status']): StoredItem {
  const body = bodyFromPlainText(text);
  const at = new Date(Date.parse('2026-11-26T10:00:00Z') + i * 1000).toISOString();
  const fields = { ...defaultFields(DEFAULT_SETTINGS), slug: `ITEM-${i}`, headline: `Council item ${i}`, urgency: (i % 9) + 1, body };
  return { ...newStoredItem(fields, { id: `item-${String(i).padStart(6, '0')}`, at, by: 'x' }), status };
}

/** A desk where "caspian" is in every item and "zangezur" in a few; every other item submitted. */
function seeded(n = 2500) {
  const items = new ItemStore(openDb(':memory:'));
  const ids: string[] = [];
  function* all() {
    for (let i = 0; i < n; i++) {
      const rare = i % 500 === 0 ? ' Zangezur corridor reopened.' : '';
      const it = item(i, `Caspian naval exercise ${i}.${rare}`, i % 2 === 0 ? 'submitted' : 'draft');
      ids.push(it.id);
      yield it;
    }
  }
  items.insertMany(all());
  return { items, ids, db: items.db };
}

describe('query plans at scale (EXPLAIN QUERY PLAN)', () => {
  const { items, ids, db } = seeded();
  const plan = (search?: string) => items.queuePlan({ statuses: ['submitted'], search }).join(' | ');
  const page = (search: string, limit = 100) => items.queue({ statuses: ['submitted'], search }, limit).items;
  const setStatus = (id: string, status: StoredItem['status']) => items.updateState({ ...items.getState(id)!, status });

  it('a queue page walks the queue index in order, with no sort', () => {
    expect(plan()).toMatch(/SEARCH i USING INDEX items_queue \(status=\?\)/);
    expect(plan()).not.toMatch(/TEMP B-TREE/);
  });

  it('a rare word is driven by its matches; a common word and a short prefix by the queue index', () => {
    expect(items.matchBound('zangezur')).toBe(5);
    expect(plan('zangezur')).toMatch(/SCAN items_fts VIRTUAL TABLE.*SEARCH i USING INTEGER PRIMARY KEY/);
    expect(plan('caspian zangezurx')).toMatch(/SCAN items_fts VIRTUAL TABLE/); // no item holds the second word
    expect(items.matchBound('caspian')).toBeGreaterThan(matchDrivenMax(100, 2500));
    for (const common of ['caspian', 'casp', 'ca']) {
      const p = plan(common);
      expect(p, common).toMatch(/SEARCH i USING INDEX items_queue \(status=\?\)/);
      expect(p, common).toMatch(/LIST SUBQUERY/);
      expect(p, common).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('both plans find the same items, in queue order, with snippets', () => {
    const rare = page('zangezur');
    const bySet = page('caspian zangezur'); // caspian is common: index-driven
    expect(rare.length).toBe(5);
    expect(bySet.map((i) => i.id)).toEqual(rare.map((i) => i.id));
    expect(bySet[0]!.snippet).toMatch(/\[\[Zangezur\]\]/);
    const common = page('caspian', 50);
    expect(common).toHaveLength(50);
    expect(common.every((i) => /\[\[Caspian\]\]/.test(i.snippet ?? ''))).toBe(true);
    const urgencies = common.map((i) => i.urgency);
    expect(urgencies).toEqual([...urgencies].sort((a, b) => a - b));
  });

  it('matches per tab are counted alike whether the matches (a rare word) or the status index (a common one) drive the count', () => {
    const counted = (search: string) => Object.fromEntries(Object.entries(items.queueMatches({ search })).filter(([, n]) => n > 0));
    expect(counted('zangezur')).toEqual({ submitted: 5 });
    expect(counted('caspian')).toEqual({ submitted: 1250, draft: 1250 });
    expect(counted('caspian zangezur')).toEqual({ submitted: 5 });
    expect(counted('zangezurx')).toEqual({});
  });

  it('tab counts are kept by triggers and agree with a full count after every kind of change', () => {
    const recount = () =>
      Object.fromEntries(
        (db.prepare('SELECT status, count(*) AS n FROM items GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
      );
    const kept = () => Object.fromEntries(Object.entries(items.countsByStatus()).filter(([, n]) => n > 0));
    expect(kept()).toEqual(recount());
    for (const id of ids.slice(0, 40).filter((_, i) => i % 2 === 0)) setStatus(id, 'approved');
    setStatus(ids[1]!, 'spiked');
    setStatus(ids[5]!, 'draft'); // no change: counts stay
    db.prepare('DELETE FROM items WHERE id = ?').run(ids[3]);
    expect(kept()).toEqual(recount());
    expect(items.countsByStatus().approved).toBe(20);
  });

  it('a status change does not re-index the text; a text change does', () => {
    const changes = (fn: () => void) => {
      const before = db.prepare('SELECT total_changes()').pluck().get() as number;
      fn();
      return (db.prepare('SELECT total_changes()').pluck().get() as number) - before;
    };
    const id = ids[6]!;
    const sameText = changes(() => db.prepare('UPDATE items SET body_text = body_text, status = status WHERE id = ?').run(id));
    const newText = changes(() => db.prepare("UPDATE items SET body_text = body_text || ' more' WHERE id = ?").run(id));
    expect(sameText).toBe(1); // the row only: no FTS delete and insert
    expect(newText).toBeGreaterThan(1);
    expect(page('zangezur caspian').map((i) => i.id)).toContain(ids[500]);
  });
});

describe('list-row snippets', () => {
  it('mark the first word a search term starts, folded as the index folds it, with a few words around', () => {
    expect(snippetOf('The Çaspian naval exercise began at dawn near Baku on Monday with ships from four navies taking part.', ['casp', 'naval'])).toBe(
      'The [[Çaspian]] [[naval]] exercise began at dawn near Baku on Monday with ships from…',
    );
    expect(snippetOf('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen target', ['target'])).toBe(
      '…fourteen fifteen sixteen [[target]]',
    );
    expect(snippetOf('nothing here', ['zangezur'])).toBeNull();
  });
});
