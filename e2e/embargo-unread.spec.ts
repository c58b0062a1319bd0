/**
 * An embargo typed but not yet read as a time is not stored (the field keeps the text and says
 * what is wanted): the item must not go to review as if it had no embargo, to be published early.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';
import { seed } from './models/seed';

test('an embargo half typed (not yet a time) keeps the item from going to review until it is finished or cleared', async ({
  page,
  server: _server,
}, testInfo) => {
  const desk = new DeskPage(page);
  const id = await desk.newReadyDraft('GAS-EXPORTS');
  const submit = page.getByRole('button', { name: 'Submit for review', exact: true });
  await expect(submit).toBeEnabled();

  // The hour typed without its minutes: not a time yet, so nothing is stored.
  await desk.field('Embargo').fill('27.11.2030 9');
  await expect(submit).toBeDisabled();
  await expect(page.locator('#submit-blocked')).toContainText('Embargo not finished');
  // Listed with what stands before review; the link takes the caret to the field.
  await page
    .getByRole('region', { name: 'Before submitting' })
    .getByRole('button', { name: /^Embargo not finished/ })
    .click();
  await expect(desk.field('Embargo')).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('embargo-unread.png') });
  // Ctrl+Enter does not submit it either.
  await desk.body.click();
  await page.keyboard.press('Control+Enter');
  await desk.waitSaved();
  expect((await desk.getItem(id)).item.status).toBe('draft');

  // Finished, it is stored and the item may go.
  await desk.field('Embargo').fill('27.11.2030 09:00');
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(submit).toBeHidden();
  const { item } = await desk.getItem(id);
  expect(item.status).toBe('submitted');
  expect(item.embargo).toMatch(/^2030-11-27T09:00[+-]\d\d:\d\d$/);
});

test('an embargo half typed then cleared lets the item go without one', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await desk.newReadyDraft('GAS-EXPORTS');
  await desk.field('Embargo').fill('27.11');
  const submit = page.getByRole('button', { name: 'Submit for review', exact: true });
  await expect(submit).toBeDisabled();
  await desk.field('Embargo').fill('');
  await expect(submit).toBeEnabled();
});

test('another window spikes the item while an embargo is half typed here: the field, now read-only, shows the embargo stored (none), not the text', async ({
  page,
  server,
}) => {
  const desk = new DeskPage(page);
  await desk.newReadyDraft('GAS-EXPORTS');
  await desk.field('Embargo').fill('27.11.2030 9');

  await desk.inAnotherWindow(server.url, async (them) => {
    await them.open('GAS-EXPORTS');
    await them.page.getByRole('button', { name: 'Spike', exact: true }).click();
    await expect(them.page.getByRole('button', { name: 'Spike', exact: true })).toBeHidden();
  });

  await expect(desk.field('Embargo')).toBeDisabled();
  await expect(desk.field('Embargo')).toHaveValue('');
});

for (const status of ['approved', 'held'] as const) {
  test(`an embargo half typed in an item ${status}: it goes back to review as any edit does, so it cannot go out without the embargo, and says the embargo is not finished`, async ({
    page,
    server,
  }, testInfo) => {
    const slug = `EMBARGO-${status.toUpperCase()}`;
    const [id] = await seed(page, [{ slug, headline: 'Gas exports rise by a tenth', text: 'Gas exports to Europe rose by ten percent.', to: status }]);
    const desk = new DeskPage(page);
    await desk.open(slug);

    await desk.field('Embargo').fill('27.11.2030 9');
    // Nothing is stored (it is not a time yet), but the approval is for the item without an embargo.
    await expect(page.getByRole('note').filter({ hasText: 'Back in review' })).toBeVisible();
    const { item } = await desk.getItem(id!);
    expect(item).toMatchObject({ status: 'submitted', embargo: null, approvedRevision: null });
    const sent = await server.cli(['export', '--format', 'ninjs', '--out', path.join(server.dir, 'batch.json')]);
    expect(sent.code).toBe(1);
    expect(sent.stderr).toContain('Nothing to export');
    // Said at the field and listed, the link taking the caret to it.
    await expect(page.locator('.f-embargo')).toContainText('Type the embargo as a date and a 24-hour time');
    await desk.field('Headline').focus();
    await page
      .getByRole('region', { name: 'Before it goes out' })
      .getByRole('button', { name: /^Embargo not finished/ })
      .click();
    await expect(desk.field('Embargo')).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath(`embargo-unread-${status}.png`) });

    // Finished, it is stored; the item waits in review for the desk to approve it again.
    await page.keyboard.press('End');
    await page.keyboard.type(':00');
    await desk.waitSaved();
    const finished = (await desk.getItem(id!)).item;
    expect(finished.status).toBe('submitted');
    expect(finished.embargo).toMatch(/^2030-11-27T09:00[+-]\d\d:\d\d$/);
    await expect(page.getByRole('region', { name: 'Before it goes out' })).toBeHidden();
  });
}

test('Duplicate with an embargo half typed is refused, saying so, rather than copying the item without it', async ({ page, server: _server }, testInfo) => {
  const desk = new DeskPage(page);
  const id = await desk.newReadyDraft('GAS-EXPORTS');
  await desk.field('Embargo').fill('27.11.2030 9');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not duplicated' })).toContainText('Embargo not finished');
  await expect(desk.field('Embargo')).toHaveValue('27.11.2030 9');
  await page.screenshot({ path: testInfo.outputPath('duplicate-refused.png') });
  expect(await desk.openId()).toBe(id);
  await expect(desk.list.getByRole('option')).toHaveCount(1);

  // Finished, it duplicates with the embargo.
  await desk.field('Embargo').fill('27.11.2030 09:00');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(desk.list.getByRole('option')).toHaveCount(2);
  await expect.poll(() => desk.openId()).not.toBe(id);
  await expect(desk.field('Embargo')).toHaveValue('27.11.2030 09:00');
});
