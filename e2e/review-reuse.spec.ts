/**
 * Hostile review of the one item editor for every item (e71bac2): what is typed around a switch,
 * or an item shown anew, stays where the editor put it.
 */
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';

/** A new item with this slug and body, saved. */
async function item(desk: DeskPage, slug: string, body: string): Promise<string> {
  await desk.newItem();
  await desk.field('Slug').fill(slug);
  await desk.field('Headline').fill(`${slug} headline`);
  await desk.typeBody(body);
  await desk.waitSaved();
  return desk.openId();
}

test('text typed while saves fail is stored once the desk answers again, though another item was opened meanwhile', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await item(desk, 'BRAVO-TWO', 'Bravo body.');
  const alpha = await item(desk, 'ALPHA-ONE', 'Alpha body.');
  await page.route('**/api/saveDraft', (r) => r.abort());
  await desk.typeBody(' Typed offline.');
  await expect(desk.saveState).toHaveText(/^Not saved — /);
  await desk.open('BRAVO-TWO');
  await page.unroute('**/api/saveDraft');
  await expect.poll(async () => (await desk.getItem(alpha)).item.bodyText, { timeout: 8_000 }).toBe('Alpha body. Typed offline.');
});
