import { DeskPage } from './models/DeskPage';
import { seedItems } from './models/bulkSeed';
import { expect, test } from './fixtures';

test('a 100,000-item desk list scrolls by keyboard from top to bottom', async ({ page, server }) => {
  test.setTimeout(120_000);
  seedItems(server.dbPath, 100_000);
  await page.reload();
  const desk = new DeskPage(page);
  const rows = desk.list.getByRole('option');
  await expect(rows.first()).toContainText('BULK-099999');
  // Only what is on screen is in the page, whatever the list's length.
  expect(await rows.count()).toBeLessThan(60);
  await expect(rows.first()).toHaveAttribute('aria-setsize', '100000');

  await rows.first().click();
  await expect(desk.field('Slug')).toHaveValue('BULK-099999');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(desk.selectedRow).toContainText('BULK-099994');
  await expect(desk.selectedRow).toBeFocused();
  await expect(desk.field('Slug')).toHaveValue('BULK-099994');
  await page.keyboard.press('PageDown');
  await expect(desk.selectedRow).toContainText('BULK-099984');

  // End: the last of the 100,000 rows, fetched where it is, focused and opened.
  await page.keyboard.press('End');
  await expect(desk.selectedRow).toContainText('BULK-000000');
  await expect(desk.selectedRow).toHaveAttribute('aria-posinset', '100000');
  await expect(desk.selectedRow).toBeFocused();
  await expect(desk.field('Slug')).toHaveValue('BULK-000000');
  await expect(desk.selectedRow).toBeInViewport();
  expect(await rows.count()).toBeLessThan(60);
  await page.keyboard.press('ArrowUp');
  await expect(desk.selectedRow).toContainText('BULK-000001');
  await page.keyboard.press('Home');
  await expect(desk.selectedRow).toContainText('BULK-099999');
  await expect(desk.selectedRow).toBeInViewport();

  // Held down: 40 rows in quick succession stay in step, then open the row they stop on.
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  await expect(desk.selectedRow).toContainText('BULK-099959');
  await expect(desk.field('Slug')).toHaveValue('BULK-099959');
});
