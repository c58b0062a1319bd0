/**
 * Hostile review of af9f2ae and 59392d7 (the date, embargo, keywords and toolbar kept from item
 * to item; one unload listener): the same item shown anew keeps what is being typed, and closing
 * the page does not drop typing in an item left whose save is still to go out.
 */
import type { Page } from '@playwright/test';
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

/** Another window saves the item `slug` (its headline); this window, with nothing unsaved, shows it anew. */
async function theyChangeHeadline(page: Page, url: string, slug: string): Promise<void> {
  const other = await page.context().newPage();
  await other.goto(url);
  const them = new DeskPage(other);
  await them.open(slug);
  await them.field('Headline').fill('Changed by the other window');
  await them.waitSaved();
  await other.close();
  await expect(new DeskPage(page).field('Headline')).toHaveValue('Changed by the other window');
}

test('another window saves the item while a date is half typed: the date typed on reads as typed, not into a reformatted one', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const id = await item(desk, 'DATE-ANEW', 'Body.');
  // "6.10.20" already reads as a date (2020-10-06) and is stored; the editor means 2023 and pauses.
  await desk.field('Date').click();
  await page.keyboard.type('6.10.20');
  await desk.waitSaved();
  await theyChangeHeadline(page, server.url, 'DATE-ANEW');
  await expect(desk.field('Date')).toBeFocused();
  await page.keyboard.type('23');
  await expect(desk.field('Date')).toHaveValue('6.10.2023');
  await desk.waitSaved();
  expect((await desk.getItem(id)).item.dateline.date).toBe('2023-10-06');
});

test('another window saves the item while keywords are typed: the comma typed stays, the next keyword is a keyword of its own', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const id = await item(desk, 'KEYWORDS-ANEW', 'Body.');
  await desk.field('Keywords').click();
  await page.keyboard.type('defence, ');
  await desk.waitSaved();
  await theyChangeHeadline(page, server.url, 'KEYWORDS-ANEW');
  await expect(desk.field('Keywords')).toBeFocused();
  await page.keyboard.type('Kazakhstan');
  await expect(desk.field('Keywords')).toHaveValue('defence, Kazakhstan');
  await desk.waitSaved();
  expect((await desk.getItem(id)).item.keywords).toEqual(['defence', 'Kazakhstan']);
});

test('closing the page asks to stay while typing in the item left is still to be saved (its save failed), and sends it', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await item(desk, 'BRAVO-TWO', 'Bravo body.');
  const alpha = await item(desk, 'ALPHA-ONE', 'Alpha body.');
  await page.route('**/api/saveDraft', (r) => r.abort());
  await desk.typeBody(' Typed offline.');
  await expect(desk.saveState).toHaveText(/^Not saved — /);
  await desk.open('BRAVO-TWO');

  // The desk answers again just as the page is closed: nothing unsaved in the item shown.
  await page.unroute('**/api/saveDraft');
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss(); // stay
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  await expect.poll(async () => (await desk.getItem(alpha)).item.bodyText, { timeout: 3_000 }).toBe('Alpha body. Typed offline.');
});
