import { describe, expect, it } from 'vitest';
import { bodyFromPlainText } from '../core/richtext';
import { testDesk, readyFields } from '../../test/desk';

describe('queue search over a large desk', () => {
  it('finds exactly the right items among 10,000 (slug, headline and body), within the tab and filters', () => {
    const { desk, clock } = testDesk();
    const places = ['Baku', 'Ganja', 'Sumgait', 'Lankaran', 'Shaki'];
    const expected = { pipeline: [] as string[], kazanSubmitted: [] as string[], slugHit: '' };
    desk.db.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        clock.advance(1);
        const pipeline = i % 97 === 0;
        const kazan = i % 250 === 0;
        const text = `${places[i % places.length]} council met on item ${i}.${pipeline ? ' The pipeline tender was reopened.' : ''}${kazan ? ' Flights to Kazan were suspended.' : ''}`;
        const { item } = desk.createItem({
          fields: readyFields({
            slug: i === 4242 ? 'ZANGEZUR-CORRIDOR' : `ITEM-${i}`,
            headline: `Council item ${i}`,
            urgency: (i % 9) + 1,
            category: i % 2 ? 'Politics' : 'Economy',
            body: bodyFromPlainText(text),
          }),
        });
        if (i % 3 === 0) desk.transition({ ids: [item.id], action: 'submit' });
        if (pipeline && i % 3 === 0) expected.pipeline.push(item.id);
        if (kazan && i % 3 === 0) expected.kazanSubmitted.push(item.id);
        if (i === 4242) expected.slugHit = item.id;
      }
    })();

    const all = (search: string, extra: object = {}) => {
      const found: string[] = [];
      let cursor: string | null | undefined;
      do {
        const page = desk.queue({ tab: 'submitted', search, limit: 100, cursor, ...extra });
        found.push(...page.items.map((i) => i.id));
        cursor = page.next;
      } while (cursor);
      return found;
    };
    expect(all('pipeline').sort()).toEqual([...expected.pipeline].sort());
    expect(all('Kazan suspended').sort()).toEqual([...expected.kazanSubmitted].sort());
    expect(all('pipel')).toHaveLength(expected.pipeline.length); // prefix match as the editor types
    expect(all('zangezur')).toEqual([expected.slugHit]); // by slug (item 4242 is submitted)
    expect(all('zangezur', { urgency: 1 })).toEqual([]);
    expect(desk.queue({ tab: 'submitted', search: 'council' }).counts.submitted).toBe(3334);
    const economy = all('pipeline', { category: 'Economy' });
    expect(economy.length).toBeGreaterThan(0);
    expect(economy.length).toBeLessThan(expected.pipeline.length);
    const first = desk.queue({ tab: 'submitted', search: 'pipeline', limit: 5 }).items;
    expect(first.map((i) => i.urgency)).toEqual([...first.map((i) => i.urgency)].sort((a, b) => a - b));
    expect(first[0]!.snippet).toMatch(/\[\[pipeline\]\]/);
  }, 180_000); // seeding 10,000 items is slow on a loaded 2-core machine
});
