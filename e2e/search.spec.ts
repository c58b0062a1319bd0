import { seed } from './models/seed';
import { expect, test } from './fixtures';
import { QueuePage } from './models/QueuePage';

test('search runs across every tab with a count per tab, covers source and keywords, and marks the preview; the Editor filter takes any case', async ({
  page,
  server: _,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await seed(page, [
    {
      slug: 'AZERBAIJAN-KAZAKHSTAN-PIPELINE-TENDER',
      headline: 'Pipeline tender reopened',
      text: 'The pipeline tender was reopened on Tuesday.',
      to: 'approved',
    },
    { slug: 'GAS-PRICES', headline: 'Gas prices steady', text: 'Prices held.', keywords: ['pipeline', 'energy'] },
    { slug: 'WHEAT-HARVEST', headline: 'Wheat harvest up', text: 'The harvest grew.', source: 'agro.gov.az' },
  ]);
  const queue = new QueuePage(page);
  await queue.openView('Queue');
  await queue.expectCount('Submitted', 2);

  await queue.search.fill('pipeline');
  // Submitted holds the keyword match; Approved says it has one too.
  await expect(queue.rows).toHaveCount(1);
  await expect(queue.rows.first()).toContainText('GAS-PRICES');
  await expect(queue.tab('Submitted')).toHaveAccessibleName('Submitted 1 of 2 match');
  await expect(queue.tab('Approved')).toHaveAccessibleName('Approved 1 of 1 match');
  await expect(queue.tab('Published')).toHaveAccessibleName('Published 0 of 0 match');
  // The tabs and the filters share one line at 1280 px.
  const tops = await page
    .locator('.q-bar [role="tab"], .q-bar .q-field, .q-bar .q-clear')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().bottom)));
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(12);
  await page.screenshot({ path: test.info().outputPath('queue-search-1280.png') });

  await queue.openTab('Approved');
  await queue.select('AZERBAIJAN-KAZAKHSTAN-PIPELINE-TENDER');
  await expect(queue.wireCopy.locator('mark')).toHaveText(['pipeline']);
  await expect(queue.preview.locator('.q-preview-headline mark')).toHaveText(['Pipeline']);
  // The slug is shown whole in the row (at least 32 characters are never cut).
  const slug = queue.row('AZERBAIJAN-KAZAKHSTAN-PIPELINE-TENDER').locator('.slug');
  expect(await slug.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);

  await queue.search.fill('agro');
  await queue.openTab('Submitted');
  await expect(queue.rows).toHaveCount(1);
  await expect(queue.rows.first()).toContainText('WHEAT-HARVEST');
  await queue.search.fill('');

  await expect(queue.filter('Editor')).toHaveAttribute('list', /.+/);
  const listId = await queue.filter('Editor').getAttribute('list');
  await expect(page.locator(`datalist[id="${listId}"] option`)).toHaveCount(1);
  await expect(page.locator(`datalist[id="${listId}"] option`)).toHaveAttribute('value', 'Desk editor');
  await queue.filter('Editor').fill('desk EDITOR');
  await expect(queue.rows).toHaveCount(2);
  await queue.filter('Editor').fill('nobody');
  await expect(queue.rows).toHaveCount(0);
});
