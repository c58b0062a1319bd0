/**
 * Hostile review of 0b073bb (the date, embargo, keywords and toolbar start afresh only for another
 * item): what is kept over the same item shown anew must still act on the item as it now stands.
 */
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';

/** The editor moves the embargo (clears the time and types another): the zone the field showed, +05:00, stays and is stored with it. */
async function movesEmbargoInItsZone(desk: DeskPage, id: string): Promise<void> {
  await desk.field('Embargo').fill('');
  await expect(desk.field('Time zone')).toHaveValue('+05:00');
  await desk.field('Embargo').fill('02.12.2030 11:00');
  await desk.waitSaved();
  expect((await desk.getItem(id)).item.embargo).toBe('2030-12-02T11:00+05:00');
}

test('another window sets an embargo in its zone; the time cleared here and typed again stays in the zone the field showed', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const id = await desk.newSavedItem('ZONE-THEIRS', 'Body.');
  await desk.field('Time zone').selectOption('+02:00');
  await desk.theySave(server.url, 'ZONE-THEIRS', async (them) => {
    await them.field('Time zone').selectOption('+05:00');
    await them.field('Embargo').fill('01.12.2030 10:00');
  });
  await expect(desk.field('Embargo')).toHaveValue('01.12.2030 10:00');
  await expect(desk.field('Time zone')).toHaveValue('+05:00');
  await movesEmbargoInItsZone(desk, id);
});

test('a revision restored brings its embargo zone: the time cleared and typed again is meant in it', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  const id = await desk.newSavedItem('ZONE-RESTORED', 'Body.');
  await desk.field('Time zone').selectOption('+05:00');
  await desk.field('Embargo').fill('01.12.2030 10:00');
  await desk.waitSaved();
  const first = (await desk.getItem(id)).item.revision;
  // A pause starts the next revision: the embargo dropped, another zone chosen.
  await page.waitForTimeout(3_100);
  await desk.field('Embargo').fill('');
  await desk.field('Time zone').selectOption('+02:00');
  await desk.field('Headline').fill('Second headline');
  await desk.waitSaved();
  await page.getByRole('button', { name: 'History' }).click();
  await desk.history.getByRole('button', { name: `Restore revision ${first}` }).click();
  await expect(desk.field('Embargo')).toHaveValue('01.12.2030 10:00');
  await expect(desk.field('Time zone')).toHaveValue('+05:00');
  await movesEmbargoInItsZone(desk, id);
});

test('another window saves while a link address is half typed: Enter does not close it without a link, the words chosen again take it', async ({
  page,
  server,
}) => {
  const desk = new DeskPage(page);
  const id = await desk.newSavedItem('LINK-THEIRS', 'See the ministry');
  await desk.body.click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 'ministry'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Control+K');
  const address = page.getByRole('textbox', { name: 'Link address' });
  await expect(address).toBeFocused();
  await address.fill('https://mod.gov');
  await desk.theySave(server.url, 'LINK-THEIRS', (them) => them.field('Headline').fill('Changed by the other window'));
  await expect(desk.field('Headline')).toHaveValue('Changed by the other window');
  // The body was loaded anew under the address field: the words it was for are no longer chosen.
  await address.press('End');
  await page.keyboard.type('.az/');
  await address.press('Enter');
  await expect(address).toHaveValue('https://mod.gov.az/');
  await expect(page.getByText('Select the words to link in the body, then Apply link.')).toBeVisible();
  await desk.body.click();
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 'ministry'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.getByRole('button', { name: 'Apply link' }).click();
  await expect(desk.body.locator('a')).toHaveText('ministry');
  await desk.waitSaved();
  expect(JSON.stringify((await desk.getItem(id)).item.body)).toContain('"url":"https://mod.gov.az/"');
});
