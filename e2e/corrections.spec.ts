import path from 'node:path';
import { publishAndCorrect, seed } from './models/seed';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';
import { QueuePage } from './models/QueuePage';

test('a correction shows what changed since the version that went out, in the queue and the editor', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const [id] = await seed(page, [
    {
      slug: 'AZERBAIJAN-KAZAKHSTAN-DEFENCE-TALKS',
      headline: 'Defence talks to resume on Friday in Baku',
      text: 'Ministers meet on Friday in Baku. The agenda covers joint exercises.',
      to: 'approved',
    },
  ]);
  await seed(page, [{ slug: 'CASPIAN-FERRY-SCHEDULE', headline: 'Caspian ferry adds a second weekly crossing', text: 'The ferry now sails twice a week.' }]);
  await publishAndCorrect(page, (a) => server.cli(a), path.join(server.dir, 'v1.json'), id!, {
    headline: 'Defence talks to resume on Thursday in Baku',
    text: 'Ministers meet on Thursday in Baku. The agenda covers joint exercises and transit.',
  });

  const queue = new QueuePage(page);
  await queue.openView('Queue');
  const row = queue.row('AZERBAIJAN-KAZAKHSTAN-DEFENCE-TALKS');
  await expect(row.locator('.flag-correction')).toHaveText('Correction v2');
  await expect(queue.row('CASPIAN-FERRY-SCHEDULE').locator('.flag')).toHaveCount(0);
  await queue.select('AZERBAIJAN-KAZAKHSTAN-DEFENCE-TALKS');
  const changes = queue.preview.getByTestId('changes');
  await expect(changes.getByRole('heading')).toContainText('Changes since v1');
  await expect(changes.getByLabel('Headline changes').locator('del')).toHaveText(['Friday']);
  await expect(changes.getByLabel('Headline changes').locator('ins')).toHaveText(['Thursday']);
  await expect(changes.getByLabel('Body changes').locator('del')).toHaveText(['Friday']);
  await expect(changes.getByLabel('Body changes').locator('ins')).toHaveText(['Thursday', /and transit/]);
  await expect(queue.previewHead.locator('.flag-correction')).toBeVisible();
  // The sign-off never breaks across lines.
  expect(await queue.wireCopy.locator('.signoff').evaluate((e) => getComputedStyle(e).whiteSpace)).toBe('nowrap');
  await page.screenshot({ path: test.info().outputPath('queue-correction-1280.png') });

  // The same changes in the editor, following the text as it is typed.
  await queue.action('Open in editor').click();
  const desk = new DeskPage(page);
  await expect(desk.field('Headline')).toHaveValue('Defence talks to resume on Thursday in Baku');
  const inEditor = page.getByRole('region', { name: 'Item' }).getByTestId('changes');
  await expect(inEditor.getByLabel('Headline changes').locator('ins')).toHaveText(['Thursday']);
  await page.screenshot({ path: test.info().outputPath('desk-1280.png') });
});

test('a kill waiting for its batch is marked Kill, not Correction', async ({ page, server }) => {
  const [id] = await seed(page, [{ slug: 'WITHDRAWN-STORY', headline: 'Story to withdraw', text: 'It went out in error.', to: 'approved' }]);
  const r = await server.cli(['export', '--format', 'ninjs', '--out', path.join(server.dir, 'v1.json')]);
  expect(r.code, r.stderr).toBe(0);
  await page.evaluate(async (id) => {
    const k = await window.desk.transition({ ids: [id], action: 'kill', note: 'Sent in error.' });
    if (!k.ok) throw new Error(k.error.message);
  }, id!);
  const queue = new QueuePage(page);
  await queue.openView('Queue');
  await queue.openTab('Killed');
  const row = queue.row('WITHDRAWN-STORY');
  await expect(row.locator('.flag-kill')).toHaveText('Kill');
  await expect(row.locator('.flag-correction')).toHaveCount(0);
  await queue.select('WITHDRAWN-STORY');
  await expect(queue.previewHead.locator('.flag-kill')).toBeVisible();
  await expect(queue.preview.getByTestId('changes')).toHaveCount(0);
});
