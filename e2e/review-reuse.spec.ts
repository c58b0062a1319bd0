/**
 * Hostile review of the one item editor for every item (e71bac2): what is typed around a switch,
 * or an item shown anew, stays where the editor put it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';

/** Typing in item ALPHA-ONE while its saves fail, then item BRAVO-TWO opened; saves still refused. */
async function typedOfflineThenLeft(page: Page): Promise<{ desk: DeskPage; alpha: string }> {
  const desk = new DeskPage(page);
  await desk.newSavedItem('BRAVO-TWO', 'Bravo body.');
  const alpha = await desk.newSavedItem('ALPHA-ONE', 'Alpha body.');
  await page.route('**/api/saveDraft', (r) => r.abort());
  await desk.typeBody(' Typed offline.');
  await expect(desk.saveState).toHaveText(/^Not saved — /);
  await desk.open('BRAVO-TWO');
  return { desk, alpha };
}

/** A new item that can be submitted: every field the desk asks for, saved. */
async function ready(desk: DeskPage, slug: string, body: string): Promise<string> {
  await desk.newItem();
  await desk.field('Slug').fill(slug);
  await desk.field('Headline').fill(`${slug} headline`);
  await desk.field('Place').fill('Baku');
  await desk.field('Date').fill('06.10.2023');
  await desk.field('Category').selectOption({ index: 1 });
  await desk.field('Sign-off').fill('06B');
  await desk.typeBody(body);
  await desk.waitSaved();
  return desk.openId();
}

test('keys typed in the body right after Ctrl+Enter submits land where the caret was', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  const id = await ready(desk, 'SUBMIT-TYPED', 'Some body.');
  // The caret is at the end of the body; Ctrl+Enter submits and the item is shown anew (still editable).
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: 'Submit for review', exact: true })).toBeHidden();
  await page.keyboard.type(' More.');
  await expect(desk.body).toHaveText('Some body. More.');
  await desk.waitSaved();
  expect((await desk.getItem(id)).item.bodyText).toBe('Some body. More.');
});

test('text typed while saves fail is stored once the desk answers again, though another item was opened meanwhile', async ({ page, server: _server }) => {
  const { desk, alpha } = await typedOfflineThenLeft(page);
  await page.unroute('**/api/saveDraft');
  await expect.poll(async () => (await desk.getItem(alpha)).item.bodyText, { timeout: 8_000 }).toBe('Alpha body. Typed offline.');
});

test('another window saves the item shown, nothing unsaved here: the keys typed next go where the caret was', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const id = await desk.newSavedItem('LIVE-CARET', 'First line here.');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'First'.length; i++) await page.keyboard.press('ArrowRight');
  const other = await page.context().newPage();
  await other.goto(server.url);
  const them = new DeskPage(other);
  await them.open('LIVE-CARET');
  await them.field('Headline').fill('Changed by the other window');
  await them.waitSaved();
  // Shown anew here, theirs, with the caret still in the body.
  await expect(desk.field('Headline')).toHaveValue('Changed by the other window');
  await page.keyboard.type(' typed');
  await expect(desk.body).toHaveText('First typed line here.');
  await desk.waitSaved();
  expect((await desk.getItem(id)).item.bodyText).toBe('First typed line here.');
  await other.close();
});

test('closing the page asks to stay while typing in the item left is still to be saved (its save failed), and sends it', async ({ page, server: _server }) => {
  const { desk, alpha } = await typedOfflineThenLeft(page);

  // The desk answers again as the page is closed (nothing unsaved in the item shown); the saves are
  // held until the page has asked, so the retry of the item left cannot have gone out before it.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/saveDraft', async (r) => {
    await held;
    await r.continue();
  });
  expect(await desk.closeAskingToStay()).toBe('beforeunload'); // and stays
  release();
  await expect.poll(async () => (await desk.getItem(alpha)).item.bodyText, { timeout: 8_000 }).toBe('Alpha body. Typed offline.');
});
