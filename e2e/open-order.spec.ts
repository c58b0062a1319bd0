import type { Page } from '@playwright/test';
import { DeskPage } from './models/DeskPage';
import { seedItems } from './models/bulkSeed';
import { type DeskServerProcess, expect, test } from './fixtures';

const idOf = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** The desk answers getItem for `id` only once `wait` (given which request for it this is, from 1) ends: a busy desk. */
async function slowItem(page: Page, id: string, wait: (call: number) => Promise<unknown>): Promise<void> {
  let calls = 0;
  await page.route('**/api/getItem', async (route) => {
    const arg = JSON.parse(route.request().postData() ?? '{}') as { id?: string };
    if (arg.id === id) await wait(++calls);
    await route.continue();
  });
}

const late = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A desk of `n` bulk items with the top one open. */
async function deskOf(page: Page, server: DeskServerProcess, n: number): Promise<DeskPage> {
  seedItems(server.dbPath, n);
  await page.reload();
  const desk = new DeskPage(page);
  await desk.open(`BULK-${String(n - 1).padStart(6, '0')}`);
  return desk;
}

/** The page's errors and warnings as they come (Lexical warning 38: the bulk seed's bodies are empty roots, which Lexical mends on load). */
function consoleProblems(page: Page): string[] {
  const logged: string[] = [];
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !/Lexical warning #38|Failed to load resource/.test(m.text())) logged.push(m.text());
  });
  return logged;
}

/** Let the page paint and its after-paint work (the neighbours fetched ahead) run. */
const settle = (page: Page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));

test('the item last asked for is the one shown: a slow answer for an earlier key does not replace it', async ({ page, server }) => {
  const desk = await deskOf(page, server, 30);
  await settle(page);
  // Row 10 (BULK-000019) is slow to come; row 1 (BULK-000028) was fetched ahead.
  await slowItem(page, idOf(19), () => late(800));
  await desk.selectedRow.focus();
  await page.keyboard.press('PageDown');
  await desk.row('BULK-000028').click();
  await expect(desk.field('Slug')).toHaveValue('BULK-000028');
  // The late answer for the key before the click comes and goes: the clicked item stays.
  await page.waitForResponse((r) => r.url().endsWith('/api/getItem') && r.request().postData()?.includes(idOf(19)) === true);
  await settle(page);
  await expect(desk.selectedRow).toContainText('BULK-000028');
  await expect(desk.field('Slug')).toHaveValue('BULK-000028');
});

test('Enter on a row whose item is still on its way opens it once: what is typed in it stays in its editor', async ({ page, server }) => {
  const desk = await deskOf(page, server, 30);
  await settle(page);
  // Row 10 is not fetched ahead; a busy desk answers its first request late, and its second once
  // the editor has typed in the item (before the autosave has gone out), or later still.
  let typed!: () => void;
  const hasTyped = new Promise<void>((r) => (typed = r));
  await slowItem(page, idOf(19), (call) => (call === 1 ? late(300) : Promise.race([hasTyped, late(1500)])));
  await desk.selectedRow.focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Enter');
  await expect(desk.field('Slug')).toHaveValue('BULK-000019');
  const shown = await desk.shownAs();
  await desk.typeBody('Typed at once');
  typed();
  await page.waitForResponse((r) => r.url().endsWith('/api/getItem') && r.request().postData()?.includes(idOf(19)) === true);
  await settle(page);
  // The typing goes on into the same editor: the item was not opened a second time under the caret.
  await page.keyboard.type(' and on');
  await expect(desk.body).toContainText('Typed at once and on');
  await expect(desk.editor).toHaveAttribute('data-shown', shown);
  await page.reload();
  await desk.open('BULK-000019');
  await expect(desk.body).toContainText('Typed at once and on');
});

test('keys, clicks, Enter, Home and End open each item once, with no React warning in the console', async ({ page, server }) => {
  const logged = consoleProblems(page);
  page.on('pageerror', (e) => logged.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) logged.push(`${r.status()} ${r.url()}`);
  });
  const desk = await deskOf(page, server, 30);
  let gets = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/getItem')) gets++;
  });
  await desk.selectedRow.focus();
  for (const [key, slug] of [
    ['ArrowDown', 'BULK-000028'],
    ['ArrowDown', 'BULK-000027'],
    ['ArrowUp', 'BULK-000028'],
    ['End', 'BULK-000000'],
    ['Home', 'BULK-000029'],
    ['PageDown', 'BULK-000019'],
    ['PageUp', 'BULK-000029'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(desk.field('Slug')).toHaveValue(slug);
    // Which showing of the item this is: opened a second time, it would be another.
    const shown = await desk.shownAs();
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await settle(page);
    await expect(desk.editor).toHaveAttribute('data-shown', shown);
  }
  await desk.row('BULK-000028').click();
  await expect(desk.field('Slug')).toHaveValue('BULK-000028');
  // Held: the cursor runs on, the row it stops on opens.
  await desk.selectedRow.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
  await expect(desk.selectedRow).toContainText('BULK-000020');
  await expect(desk.field('Slug')).toHaveValue('BULK-000020');
  await settle(page);
  expect(gets).toBeGreaterThan(0);
  expect(logged).toEqual([]);
});

test('text typed just before another item is clicked or keyed to is stored', async ({ page, server }) => {
  const logged = consoleProblems(page);
  const desk = await deskOf(page, server, 5);
  await settle(page);
  await desk.typeBody('Typed then clicked away');
  await desk.row('BULK-000003').click();
  await expect(desk.field('Slug')).toHaveValue('BULK-000003');
  await desk.typeBody('Typed then keyed away');
  await desk.selectedRow.focus();
  // Another item opens: which one depends on whether a save while typing (after 600 ms on a slow
  // machine) has moved this one to the top of the list yet.
  await page.keyboard.press('ArrowDown');
  await expect(desk.field('Slug')).not.toHaveValue('BULK-000003');
  await expect(desk.selectedRow).not.toContainText('BULK-000003');
  // Its last save moves it to the top; the rows are clicked once they stay put.
  await expect(desk.list.getByRole('option').first()).toContainText('BULK-000003');
  await desk.open('BULK-000004');
  await expect(desk.body).toContainText('Typed then clicked away');
  await desk.open('BULK-000003');
  await expect(desk.body).toContainText('Typed then keyed away');
  await page.reload();
  await desk.open('BULK-000004');
  await expect(desk.body).toContainText('Typed then clicked away');
  expect(logged).toEqual([]);
});
