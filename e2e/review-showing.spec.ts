/**
 * Hostile review of af9f2ae and 59392d7 (the date, embargo, keywords and toolbar kept from item
 * to item; one unload listener): the same item shown anew keeps what is being typed, or chosen
 * and not yet stored. (Closing the page with typing of an item left still to be saved:
 * review-reuse.spec.ts.)
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';

/** Another window saves the item `slug` (its headline), and this window shows it anew. */
async function theyChangeHeadline(page: Page, url: string, slug: string): Promise<void> {
  await new DeskPage(page).theySave(url, slug, (them) => them.field('Headline').fill('Changed by the other window'));
  await expect(new DeskPage(page).field('Headline')).toHaveValue('Changed by the other window');
}

test('another window saves the item while a date is half typed: the date typed on reads as typed, not into a reformatted one', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const id = await desk.newSavedItem('DATE-ANEW', 'Body.');
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
  const id = await desk.newSavedItem('KEYWORDS-ANEW', 'Body.');
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

test('another window saves the item while an embargo is half typed in a chosen zone: the text and the zone stay, and the embargo is stored in that zone', async ({
  page,
  server,
}) => {
  const desk = new DeskPage(page);
  const id = await desk.newSavedItem('EMBARGO-ANEW', 'Body.');
  // A zone chosen with no time yet (kept in the field, not stored), then a time begun: not yet one.
  await desk.field('Time zone').selectOption('+04:00');
  await desk.field('Embargo').click();
  await page.keyboard.type('27.11.20');
  await theyChangeHeadline(page, server.url, 'EMBARGO-ANEW');
  await expect(desk.field('Embargo')).toHaveValue('27.11.20');
  await expect(desk.field('Time zone')).toHaveValue('+04:00');
  await desk.field('Embargo').click();
  await page.keyboard.press('End');
  await page.keyboard.type('30 09:00');
  await desk.waitSaved();
  expect((await desk.getItem(id)).item.embargo).toBe('2030-11-27T09:00+04:00');
});

test('another window saves the item while a link address is half typed: the address stays to be finished', async ({ page, server }) => {
  const desk = new DeskPage(page);
  await desk.newSavedItem('LINK-ANEW', 'Body.');
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await page.getByRole('textbox', { name: 'Link address' }).fill('https://half.example/');
  await theyChangeHeadline(page, server.url, 'LINK-ANEW');
  await expect(page.getByRole('textbox', { name: 'Link address' })).toHaveValue('https://half.example/');
});

test('another window changes the date, the keywords and the embargo: the same item shown anew shows theirs', async ({ page, server }) => {
  const desk = new DeskPage(page);
  await desk.newSavedItem('VALUES-ANEW', 'Body.');
  await desk.field('Date').fill('6.10.23');
  await desk.field('Keywords').fill('defence,');
  await desk.waitSaved();
  await new DeskPage(page).theySave(server.url, 'VALUES-ANEW', async (them) => {
    await them.field('Date').fill('07.10.2023');
    await them.field('Keywords').fill('economy, oil');
    await them.field('Embargo').fill('01.12.2030 10:00');
  });
  await expect(desk.field('Date')).toHaveValue('07.10.2023');
  await expect(desk.field('Keywords')).toHaveValue('economy, oil');
  await expect(desk.field('Embargo')).toHaveValue('01.12.2030 10:00');
});

test('another window saves the item while the caret is out of the body: the marks pressed in the toolbar are those of no text, not of the caret left', async ({
  page,
  server,
}) => {
  const desk = new DeskPage(page);
  await desk.newSavedItem('MARKS-ANEW', 'Plain words. ');
  const bold = page.getByRole('button', { name: 'Bold', exact: true });
  await desk.body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Bold words');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await desk.field('Keywords').click();
  await desk.waitSaved();
  await theyChangeHeadline(page, server.url, 'MARKS-ANEW');
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  // Back in the body, the toolbar follows the caret again.
  await desk.body.click();
  await page.keyboard.press('Control+End');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
});
