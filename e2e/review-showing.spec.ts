/**
 * Hostile review of af9f2ae and 59392d7 (the date, embargo, keywords and toolbar kept from item
 * to item; one unload listener): the same item shown anew keeps what is being typed. (Closing the
 * page with typing of an item left still to be saved: review-reuse.spec.ts.)
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';

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
