import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { seed } from './models/seed';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';
import { QueuePage } from './models/QueuePage';

/** Serious and critical accessibility problems on the page as it stands, in words a report can show. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('Desk, Queue, Batches, Import and Settings have no serious or critical accessibility problems (axe-core)', async ({ page, server }) => {
  test.setTimeout(120_000);
  const [published] = await seed(page, [
    { slug: 'AXE-PUBLISHED', headline: 'Published story for the batch', text: 'It went out.', to: 'approved' },
    { slug: 'AXE-REVIEW', headline: 'Story waiting for review', text: 'Waiting.', embargo: '2030-01-01T09:00:00+04:00' },
  ]);
  const r = await server.cli(['export', '--format', 'ninjs', '--out', path.join(server.dir, 'batch.json')]);
  expect(r.code, r.stderr).toBe(0);
  expect(published).toBeTruthy();
  const desk = new DeskPage(page);
  const queue = new QueuePage(page);

  await page.reload();
  await desk.open('AXE-REVIEW');
  expect(await seriousViolations(page), 'Desk').toEqual([]);
  await desk.newItem(); // an empty draft: problems listed, Submit disabled
  expect(await seriousViolations(page), 'Desk, new item').toEqual([]);

  await queue.openView('Queue');
  await queue.select('AXE-REVIEW');
  await queue.search.fill('story');
  await expect(queue.preview.locator('mark').first()).toBeVisible();
  expect(await seriousViolations(page), 'Queue').toEqual([]);
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  expect(await seriousViolations(page), 'Command palette').toEqual([]);
  await page.keyboard.press('Escape');

  await queue.openView('Batches');
  await queue.openBatch(1);
  expect(await seriousViolations(page), 'Batches').toEqual([]);

  await desk.openView('Import');
  await expect(page.getByRole('main', { name: 'Import' })).toBeVisible();
  expect(await seriousViolations(page), 'Import').toEqual([]);

  await desk.openView('Settings');
  await expect(page.getByLabel('Desk name', { exact: true })).toBeVisible();
  expect(await seriousViolations(page), 'Settings').toEqual([]);
});
