import path from 'node:path';
import type { Page } from '@playwright/test';
import { bodyFromPlainText } from '../src/core/richtext';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';
import { QueuePage } from './models/QueuePage';

/** The promise: every open view shows a change made anywhere within a second. */
const LIVE_MS = 1_000;

/** Items ready for review, made through the desk API (tests here are about what other views see). */
async function ready(page: Page, slugs: string[], to: 'draft' | 'approved' = 'draft'): Promise<string[]> {
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  return page.evaluate(
    async ({ slugs, to, body }) => {
      const ids: string[] = [];
      for (const slug of slugs) {
        const dateline = { place: 'Baku', date: '2026-11-26', agency: 'Turan' };
        const r = await window.desk.createItem({ fields: { slug, headline: `${slug} headline`, dateline, category: 'Politics', signOff: '06B', body } });
        if (!r.ok) throw new Error(r.error.message);
        if (to === 'approved') for (const action of ['submit', 'approve'] as const) await window.desk.transition({ ids: [r.value.item.id], action });
        ids.push(r.value.item.id);
      }
      return ids;
    },
    { slugs, to, body: bodyFromPlainText('The ministries signed the plan.') },
  );
}

/** One item open in two windows of the desk: `a` on `page`, `b` on a second page. */
async function bothOpen(page: Page, url: string, slug: string) {
  const [id] = await ready(page, [slug]);
  await page.reload();
  const a = new DeskPage(page);
  await a.open(slug);
  const page2 = await page.context().newPage();
  await page2.goto(url);
  const b = new DeskPage(page2);
  await b.open(slug);
  return { a, b, page2, id: id! };
}

/** Marks the page, so a test can tell it was not reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 1));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

test('a CLI submit shows up in the open queue within a second, with no click', async ({ page, server }) => {
  const queue = new QueuePage(page);
  const [id] = await ready(page, ['LIVE-CLI']);
  await queue.openView('Queue');
  await queue.expectCount('Submitted', 0);
  await mark(page);

  const cli = await server.cli(['submit', id!]);
  expect(cli.code).toBe(0);
  await expect(queue.row('LIVE-CLI')).toBeVisible({ timeout: LIVE_MS });
  await expect(queue.tab('Submitted')).toHaveAccessibleName('Submitted 1', { timeout: LIVE_MS });
  await expect(queue.previewHead).toContainText('LIVE-CLI');
  expect(await stillMarked(page)).toBe(true);
});

test("a second window's desk list follows the first window's saves", async ({ page, server }) => {
  const a = new DeskPage(page);
  await a.newItem();
  await a.field('Slug').fill('LIVE-TWO');
  await a.waitSaved();
  const page2 = await page.context().newPage();
  await page2.goto(server.url);
  const b = new DeskPage(page2);
  await expect(b.row('LIVE-TWO')).toContainText('No headline');
  await mark(page2);

  await a.field('Headline').fill('Filed from the first window');
  await a.waitSaved();
  await expect(b.row('LIVE-TWO')).toContainText('Filed from the first window', { timeout: LIVE_MS });
  // A new item there appears here too.
  await a.newItem();
  await a.field('Slug').fill('LIVE-THREE');
  await a.waitSaved();
  await expect(b.row('LIVE-THREE')).toBeVisible({ timeout: LIVE_MS });
  expect(await stillMarked(page2)).toBe(true);
  await page2.close();
});

test('the open item shows "Changed by" when another window saves it, and takes their text where the editor was', async ({ page, server }, testInfo) => {
  const { a, b, page2 } = await bothOpen(page, server.url, 'LIVE-EDIT');
  await a.field('Source').click();

  // The other window's editor has another name: settings reach this window too.
  await page2.evaluate(async () => {
    const s = await window.desk.getSettings({});
    if (s.ok) await window.desk.saveSettings({ ...s.value, editorName: 'Rashad Aliyev' });
  });
  await expect(page.locator('.who')).toContainText('Rashad Aliyev', { timeout: LIVE_MS });

  await b.field('Headline').fill('Headline from the other window');
  await b.waitSaved();
  await expect(page.getByText(/^Changed by Rashad Aliyev at \d\d:\d\d$/)).toBeVisible({ timeout: LIVE_MS });
  await expect(a.field('Headline')).toHaveValue('Headline from the other window');
  // Still in the field the editor was in (this window is behind the other one, so ask the page).
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('source');
  await page.screenshot({ path: testInfo.outputPath('changed-by.png') });
  // The window that saved sees no such note about its own save.
  await expect(page2.getByText(/^Changed by/)).toBeHidden();
  await page2.close();
});

test('unsaved text is kept when someone else saves the open item: the conflict shows at once', async ({ page, server }, testInfo) => {
  const { a, b, page2, id } = await bothOpen(page, server.url, 'LIVE-KEEP');

  // This window cannot save for now (the server is out of reach): its text waits.
  await page.route('**/api/saveDraft', (r) => r.abort());
  await a.field('Desk note').fill('Check the date with the ministry');
  await expect(a.saveState).toHaveText(/^Not saved — /);

  await b.field('Headline').fill('Headline from the other window');
  await b.waitSaved();
  await expect(a.conflict).toBeVisible({ timeout: LIVE_MS });
  await expect(page.getByText(/^Changed by .+ at \d\d:\d\d$/)).toBeVisible();
  await expect(a.field('Desk note')).toHaveValue('Check the date with the ministry');
  await expect(a.field('Headline')).toHaveValue('LIVE-KEEP headline');
  await page.screenshot({ path: testInfo.outputPath('changed-by-conflict.png') });

  // Back online, the editor keeps their own text; the other window's stays in the history.
  await page.unroute('**/api/saveDraft');
  await page.getByRole('button', { name: 'Keep mine' }).click();
  await a.waitSaved();
  const stored = await a.getItem(id);
  expect([stored.item.editorNote, stored.item.headline]).toEqual(['Check the date with the ministry', 'LIVE-KEEP headline']);
  expect((await a.revisions(id)).some((r) => r.headline === 'Headline from the other window')).toBe(true);
  await page2.close();
});

test('the open item shows "Changed by" when the CLI moves it, with no click', async ({ page, server }) => {
  const a = new DeskPage(page);
  const [id] = await ready(page, ['LIVE-MOVE']);
  await page.reload();
  await a.open('LIVE-MOVE');
  await expect(page.locator('.item-head .status')).toHaveText('draft');

  expect((await server.cli(['submit', id!])).code).toBe(0);
  await expect(page.getByText(/^Changed by .+ at \d\d:\d\d$/)).toBeVisible({ timeout: LIVE_MS });
  await expect(page.locator('.item-head .status')).toHaveText('submitted');
  await expect(a.selectedRow).toContainText('submitted');
});

test('a batch exported by the CLI appears in the open Batches view and empties the Approved tab', async ({ page, server }) => {
  const queue = new QueuePage(page);
  await ready(page, ['LIVE-BATCH'], 'approved');
  await queue.openView('Batches');
  await expect(page.getByText('No batches yet.')).toBeVisible();

  expect((await server.cli(['export', '--format', 'ninjs', '--out', path.join(server.dir, 'out.json')])).code).toBe(0);
  await expect(queue.batchRows).toHaveCount(1, { timeout: LIVE_MS });
  await queue.openView('Queue');
  await queue.expectCount('Approved', 0);
});

test("this window's own save of an approved item (back to review) is not someone else's change", async ({ page, server: _ }) => {
  const a = new DeskPage(page);
  await ready(page, ['LIVE-OWN'], 'approved');
  await page.reload();
  await a.open('LIVE-OWN');
  await a.field('Headline').fill('A late fix before the batch');
  await a.waitSaved();
  await expect(a.selectedRow).toContainText('submitted');
  // Well past the time the feed takes to bring the save back here.
  await page.waitForTimeout(LIVE_MS);
  await expect(page.getByText(/^Changed by/)).toBeHidden();
  await expect(a.field('Headline')).toHaveValue('A late fix before the batch');
});

test('an arrow key opens the next item as it stands now, even when it was changed elsewhere after the desk fetched it ahead', async ({ page, server }) => {
  const [older] = await ready(page, ['OLDER-ITEM', 'NEWER-ITEM']);
  await page.reload();
  const a = new DeskPage(page);
  await a.open('NEWER-ITEM'); // the item below it in the list, OLDER-ITEM, is fetched ahead
  await expect(a.field('Slug')).toHaveValue('NEWER-ITEM');
  await page.waitForTimeout(300);
  // Another window changes OLDER-ITEM's headline (not its place in the list: the title only).
  const page2 = await page.context().newPage();
  await page2.goto(server.url);
  const b = new DeskPage(page2);
  await b.open('OLDER-ITEM');
  await b.field('Headline').fill('Changed in the other window');
  await b.waitSaved();
  await page2.close();
  await page.waitForTimeout(LIVE_MS);
  await a.open('NEWER-ITEM');
  await a.selectedRow.focus();
  const below = await page.evaluate(() => document.querySelector('[role="option"][aria-selected="true"]')?.nextElementSibling?.getAttribute('data-id'));
  await page.keyboard.press(below === older ? 'ArrowDown' : 'ArrowUp');
  await expect(a.field('Slug')).toHaveValue('OLDER-ITEM');
  await expect(a.field('Headline')).toHaveValue('Changed in the other window');
});
