/**
 * Hostile review of 501b41e, 0183c31 and 492fa78 (an embargo typed but not yet a time keeps the
 * item from review; a read-only item's fields show what is stored).
 */
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';

/** A draft ready for review whose embargo, typed in UTC, is stored as `stored`; its id. */
async function embargoedDraft(desk: DeskPage, slug: string, typed: string, stored: string): Promise<string> {
  const id = await desk.newReadyDraft(slug);
  await desk.field('Time zone').selectOption('+00:00');
  await desk.field('Embargo').fill(typed);
  await desk.waitSaved();
  expect((await desk.getItem(id)).item.embargo).toBe(stored);
  return id;
}

test('a zone chosen while a new embargo time is half typed over a stored one keeps the text, and the stored embargo does not move', async ({
  page,
  server: _server,
}) => {
  const desk = new DeskPage(page);
  const id = await embargoedDraft(desk, 'ZONE-UNREAD', '27.11.2030 09:00', '2030-11-27T09:00+00:00');
  const submit = page.getByRole('button', { name: 'Submit for review', exact: true });

  // Moved a day on and into Baku time: the hour typed, the zone chosen before the minutes.
  await desk.field('Embargo').fill('28.11.2030 9');
  await expect(submit).toBeDisabled();
  await desk.field('Time zone').selectOption('+04:00');
  // The text is still the one being typed, Submit still waits for it, and nothing was stored meanwhile.
  await expect(desk.field('Embargo')).toHaveValue('28.11.2030 9');
  await expect(desk.field('Time zone')).toHaveValue('+04:00');
  await expect(submit).toBeDisabled();
  expect((await desk.getItem(id)).item.embargo).toBe('2030-11-27T09:00+00:00');

  // Finished, it is stored in the zone chosen.
  await desk.field('Embargo').click();
  await page.keyboard.press('End');
  await page.keyboard.type(':00');
  await desk.waitSaved();
  expect((await desk.getItem(id)).item.embargo).toBe('2030-11-28T09:00+04:00');
  await expect(desk.field('Time zone')).toHaveValue('+04:00');
  await expect(submit).toBeEnabled();
});

test('another window turns the date order to month first: the embargo shown reads as the one stored, and goes out as shown', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const id = await embargoedDraft(desk, 'ORDER-EMBARGO', '12.11.2030 09:00', '2030-11-12T09:00+00:00');

  await desk.inAnotherWindow(server.url, (them) =>
    them.page.evaluate(async () => {
      const s = await window.desk.getSettings({});
      if (!s.ok) throw new Error(s.error.message);
      const r = await window.desk.saveSettings({ ...s.value, dateOrder: 'mdy' });
      if (!r.ok) throw new Error(r.error.message);
    }),
  );
  await expect(desk.field('Embargo')).toHaveAttribute('placeholder', 'mm/dd/yyyy hh:mm');

  // 12 November, in the order the field now reads: not "12.11.2030", which it reads as 11 December.
  await expect(desk.field('Embargo')).toHaveValue('11/12/2030 09:00');
  await desk.field('Embargo').focus();
  await desk.field('Embargo').press('Tab');
  await expect(desk.field('Embargo')).toHaveValue('11/12/2030 09:00');
  await expect(desk.field('Date')).toHaveValue('11/26/2026');
  await page.getByRole('button', { name: 'Submit for review', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Submit for review', exact: true })).toBeHidden();
  expect((await desk.getItem(id)).item.embargo).toBe('2030-11-12T09:00+00:00');
});
