import { type Page, expect } from '@playwright/test';
import type { ItemFields } from '../../src/core/item';
import { bodyFromPlainText } from '../../src/core/richtext';

/** Items straight through the desk API, for tests about the queue rather than the editor. */
export async function seed(page: Page, items: (Partial<ItemFields> & { text: string; to?: 'draft' | 'submitted' | 'approved' | 'held' })[]): Promise<string[]> {
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
      const steps = { draft: [], submitted: ['submit'], approved: ['submit', 'approve'], held: ['submit', 'approve', 'hold'] } as const;
      for (const action of steps[to]) {
        const t = await window.desk.transition({ ids: [id], action });
        if (!t.ok) throw new Error(t.error.message);
      }
      ids.push(id);
    }
    return ids;
  }, payload);
}

/** Send one story out and start its correction with new text, through the desk API and the CLI. */
export async function publishAndCorrect(
  page: Page,
  cli: (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>,
  outFile: string,
  id: string,
  change: { headline: string; text: string },
): Promise<void> {
  const r = await cli(['export', '--format', 'ninjs', '--out', outFile]);
  expect(r.code, r.stderr).toBe(0);
  const body = bodyFromPlainText(change.text);
  await page.evaluate(
    async ({ id, headline, body }) => {
      const t = await window.desk.transition({ ids: [id], action: 'correct' });
      if (!t.ok) throw new Error(t.error.message);
      const got = await window.desk.getItem({ id });
      if (!got.ok) throw new Error(got.error.message);
      const { item } = got.value;
      const fields = {
        slug: item.slug,
        headline,
        dateline: item.dateline,
        category: item.category,
        source: item.source,
        byline: item.byline,
        signOff: item.signOff,
        urgency: item.urgency,
        embargo: item.embargo,
        keywords: item.keywords,
        editorNote: item.editorNote,
        language: item.language,
        body,
        subscriberNote: 'Corrects the day of the talks.',
      };
      const saved = await window.desk.saveDraft({ id, baseRevision: item.revision, fields });
      if (!saved.ok) throw new Error(saved.error.message);
      const s = await window.desk.transition({ ids: [id], action: 'submit' });
      if (!s.ok) throw new Error(s.error.message);
    },
    { id, headline: change.headline, body },
  );
}
