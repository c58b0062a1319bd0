/**
 * The item editor stays mounted from item to item (a switch draws the next item into it rather
 * than building a new editor): nothing of the item left may show in, or be saved to, the next.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedItems } from './models/bulkSeed';
import { DeskPage } from './models/DeskPage';

/** From now on, whether the item editor (copy, counts, banners) ever shows `text` while the slug field reads `slug`. */
async function watchPreview(page: Page, slug: string, text: string): Promise<() => Promise<boolean>> {
  await page.evaluate(
    ({ slug, text }) => {
      const w = window as unknown as { __mixed: boolean };
      w.__mixed = false;
      const look = () => {
        const shown = document.querySelector<HTMLInputElement>('input[name="slug"]')?.value === slug;
        if (shown && document.querySelector('.item-editor')?.textContent?.includes(text)) w.__mixed = true;
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      const frame = () => (look(), requestAnimationFrame(frame));
      frame();
    },
    { slug, text },
  );
  return () => page.evaluate(() => (window as unknown as { __mixed: boolean }).__mixed);
}

test('the next item shows whole at once: its body, copy and fields, and no undo, date or scroll of the item left', async ({ page, server: _server }) => {
  await page.setViewportSize({ width: 1100, height: 600 });
  const desk = new DeskPage(page);
  const bravoId = await desk.newSavedItem('BRAVO-TWO', 'Bravo body text.', 'Bravo headline');
  await desk.field('Date').fill('06.10.2023');
  await desk.waitSaved();
  await desk.newSavedItem('ALPHA-ONE', 'Alpha body text.', 'Alpha headline');
  const bravo = await desk.getItem(bravoId);

  // Half a date typed, more body typed (not saved yet), and the fields scrolled down.
  await desk.field('Date').fill('12.1');
  await desk.typeBody(' Alpha to undo.');
  await page.locator('.item-editor .fields').evaluate((el) => (el.scrollTop = el.scrollHeight));
  const isMixed = await watchPreview(page, 'BRAVO-TWO', 'Alpha');

  await desk.open('BRAVO-TWO');
  await expect(desk.body).toHaveText('Bravo body text.');
  await expect(desk.preview).toContainText('Bravo body text.');
  await expect(desk.field('Headline')).toHaveValue('Bravo headline');
  await expect(desk.field('Date')).toHaveValue('06.10.2023');
  await expect.poll(() => page.locator('.item-editor .fields').evaluate((el) => el.scrollTop)).toBe(0);
  expect(await isMixed(), 'the other item showed in this one').toBe(false);

  // Undo has nothing to take back here: the other item's typing is not in this body's history.
  await expect(page.getByRole('button', { name: /^Undo/ })).toBeDisabled();
  await desk.body.click();
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await expect(desk.body).toHaveText('Bravo body text.');
  await page.waitForTimeout(800); // longer than the autosave's wait
  expect((await desk.getItem(bravoId)).item.revision).toBe(bravo.item.revision);

  // What was typed in the item left went to that item.
  await desk.open('ALPHA-ONE');
  await expect(desk.body).toHaveText('Alpha body text. Alpha to undo.');
  await page.reload();
  await desk.open('ALPHA-ONE');
  await expect(desk.body).toHaveText('Alpha body text. Alpha to undo.');
});

test('a published item after a draft takes no typing; the draft after it does, and keeps it', async ({ page, server }) => {
  seedItems(server.dbPath, 1, { status: 'published', prefix: 'GONE' });
  await page.reload();
  const desk = new DeskPage(page);
  const draftId = await desk.newSavedItem('DRAFT-ONE', 'Draft text.', 'A draft');

  await desk.open('GONE-000000');
  await expect(desk.body).toHaveAttribute('contenteditable', 'false');
  await expect(desk.field('Headline')).toBeDisabled();
  await desk.body.click();
  await page.keyboard.type('nothing');
  await expect(desk.body).not.toContainText('nothing');

  await desk.open('DRAFT-ONE');
  await expect(desk.body).toHaveAttribute('contenteditable', 'true');
  await desk.typeBody(' More.');
  await desk.waitSaved();
  expect(JSON.stringify((await desk.getItem(draftId)).item.body)).toContain('Draft text. More.');
});

test('what was half done in the item left (keywords, an embargo zone, a link address) does not show in the next', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await desk.newSavedItem('BRAVO-TWO', 'Bravo body text.', 'Bravo headline');
  await desk.newSavedItem('ALPHA-ONE', 'Alpha body text.', 'Alpha headline');

  // Keywords typed with a trailing comma (the list is stored, the comma only shown), a zone chosen
  // with no embargo time (kept in the field, not stored), a link address half typed.
  await desk.field('Keywords').fill('defence,');
  await desk.field('Time zone').selectOption('+05:00');
  await desk.waitSaved();
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await page.getByRole('textbox', { name: 'Link address' }).fill('https://half.example/');

  await desk.open('BRAVO-TWO');
  await expect(desk.field('Headline')).toHaveValue('Bravo headline');
  await expect(desk.field('Keywords')).toHaveValue('');
  await expect(desk.field('Time zone')).not.toHaveValue('+05:00');
  await expect(page.getByRole('textbox', { name: 'Link address' })).toHaveCount(0);

  // Back in the item left: its keywords as stored.
  await desk.open('ALPHA-ONE');
  await expect(desk.field('Keywords')).toHaveValue('defence');
});

test('closing the page asks to stay while the item shown (after a switch) has typing not yet stored, and that typing is saved', async ({
  page,
  server: _server,
}) => {
  const desk = new DeskPage(page);
  await desk.newSavedItem('BRAVO-TWO', 'Bravo body text.', 'Bravo headline');
  const alphaId = await desk.newSavedItem('ALPHA-ONE', 'Alpha body text.', 'Alpha headline');
  await desk.open('BRAVO-TWO');
  const bravoId = await desk.openId();

  // Its saves held on their way until the page has asked: typing not yet stored, however fast the autosave.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/saveDraft', async (r) => {
    await held;
    await r.continue();
  });
  await desk.typeBody(' Typed last.');
  expect(await desk.closeAskingToStay()).toBe('beforeunload'); // and stays
  release();
  await desk.waitSaved();
  await expect.poll(async () => JSON.stringify((await desk.getItem(bravoId)).item.body)).toContain('Typed last.');
  expect(JSON.stringify((await desk.getItem(alphaId)).item.body)).not.toContain('Typed last.');
});
