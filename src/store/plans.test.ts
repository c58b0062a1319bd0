import { describe, expect, it } from 'vitest';
import { bodyFromPlainText } from '../core/richtext';
import { readyFields, testDesk } from '../service/testing';
import { MATCH_DRIVEN_MAX } from './items';

/** A desk where "caspian" is in every item and "zangezur" in a few, spread over the tabs. */
function seeded(n = MATCH_DRIVEN_MAX + 500) {
  const { desk } = testDesk();
  const ids: string[] = [];
  desk.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const rare = i % 500 === 0 ? ' Zangezur corridor reopened.' : '';
      const { item } = desk.createItem({ fields: readyFields({ slug: `ITEM-${i}`, urgency: (i % 9) + 1, body: bodyFromPlainText(`Caspian naval exercise ${i}.${rare}`) }) });
      ids.push(item.id);
    }
    desk.transition({ ids: ids.filter((_, i) => i % 2 === 0), action: 'submit' });
  })();
  return { desk, ids };
}

describe('query plans at scale (EXPLAIN QUERY PLAN)', () => {
  const { desk, ids } = seeded();
  const plan = (search?: string) => desk.items.queuePlan({ statuses: ['submitted'], search }).join(' | ');

  it('a queue page walks the queue index in order, with no sort', () => {
    expect(plan()).toMatch(/SEARCH i USING INDEX items_queue \(status=\?\)/);
    expect(plan()).not.toMatch(/TEMP B-TREE/);
  });

  it('a rare word is driven by its matches; a common word and a short prefix by the queue index', () => {
    expect(desk.items.matchBound('zangezur')).toBe(5);
    expect(plan('zangezur')).toMatch(/SCAN items_fts VIRTUAL TABLE.*SEARCH i USING INTEGER PRIMARY KEY/);
    expect(plan('caspian zangezurx')).toMatch(/SCAN items_fts VIRTUAL TABLE/); // no item holds the second word
    expect(desk.items.matchBound('caspian')).toBeGreaterThan(MATCH_DRIVEN_MAX);
    for (const common of ['caspian', 'casp', 'ca']) {
      const p = plan(common);
      expect(p, common).toMatch(/SEARCH i USING INDEX items_queue \(status=\?\)/);
      expect(p, common).toMatch(/LIST SUBQUERY/);
      expect(p, common).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('both plans find the same items, in queue order, with snippets', () => {
    const rare = desk.queue({ tab: 'submitted', search: 'zangezur', limit: 100 }).items;
    const bySet = desk.queue({ tab: 'submitted', search: 'caspian zangezur', limit: 100 }).items; // caspian is common: index-driven
    expect(rare.length).toBe(5);
    expect(bySet.map((i) => i.id)).toEqual(rare.map((i) => i.id));
    expect(bySet[0]!.snippet).toMatch(/\[\[Zangezur\]\]/);
    const common = desk.queue({ tab: 'submitted', search: 'caspian', limit: 50 });
    expect(common.items).toHaveLength(50);
    expect(common.items.every((i) => /\[\[Caspian\]\]/.test(i.snippet ?? ''))).toBe(true);
    const urgencies = common.items.map((i) => i.urgency);
    expect(urgencies).toEqual([...urgencies].sort((a, b) => a - b));
  });

  it('tab counts are kept by triggers and agree with a full count after every kind of change', () => {
    const recount = () => Object.fromEntries((desk.db.prepare('SELECT status, count(*) AS n FROM items GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    const kept = () => Object.fromEntries(Object.entries(desk.items.countsByStatus()).filter(([, n]) => n > 0));
    expect(kept()).toEqual(recount());
    desk.transition({ ids: ids.slice(0, 40).filter((_, i) => i % 2 === 0), action: 'approve' });
    desk.transition({ ids: [ids[1]!], action: 'spike' });
    desk.db.prepare('DELETE FROM items WHERE id = ?').run(ids[3]);
    expect(kept()).toEqual(recount());
    expect(desk.queue({ tab: 'approved' }).counts.approved).toBe(20);
  });

  it('a status change does not re-index the text; a text change does', () => {
    const changes = (fn: () => void) => {
      const before = desk.db.prepare('SELECT total_changes()').pluck().get() as number;
      fn();
      return (desk.db.prepare('SELECT total_changes()').pluck().get() as number) - before;
    };
    const id = ids[6]!;
    const sameText = changes(() => desk.db.prepare('UPDATE items SET body_text = body_text, status = status WHERE id = ?').run(id));
    const newText = changes(() => desk.db.prepare("UPDATE items SET body_text = body_text || ' more' WHERE id = ?").run(id));
    expect(sameText).toBe(1); // the row only: no FTS delete and insert
    expect(newText).toBeGreaterThan(1);
    expect(desk.queue({ tab: 'submitted', search: 'zangezur caspian' }).items.map((i) => i.id)).toContain(ids[500]);
  });
});
