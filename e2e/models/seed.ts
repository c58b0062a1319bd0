import { type Page, expect } from '@playwright/test';
import type { ItemFields } from '../../src/core/item';
import { bodyFromPlainText } from '../../src/core/richtext';

/** Items straight through the desk API, for tests about the queue rather than the editor. */
export async function seed(page: Page, items: (Partial<ItemFields> & { text: string; to?: 'draft' | 'submitted' | 'approved' })[]): Promise<string[]> {
  const payload = items.map(({ text, to = 'submitted', ...f }) => ({
    to,
    fields: { dateline: { place: 'Baku', date: '2026-11-26', agency: 'Turan' }, signOff: '06B', category: 'Politics', ...f, body: bodyFromPlainText(text) },
  }));
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  return page.evaluate(async (all) => {
    const ids: string[] = [];
    for (const { fields, to } of all) {
      const r = await window.desk.createItem({ fields });
      if (!r.ok) throw new Error(r.error.message);
      const id = r.value.item.id;
      for (const action of to === 'draft' ? [] : to === 'submitted' ? (['submit'] as const) : (['submit', 'approve'] as const)) {
        const t = await window.desk.transition({ ids: [id], action });
        if (!t.ok) throw new Error(t.error.message);
      }
      ids.push(id);
    }
    return ids;
  }, payload);
}
