import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';
import { QueuePage } from './models/QueuePage';
import { seed } from './models/seed';

// Publishing integrity as the editor meets it: reviews that mean review, strict dates, kills
// that say why, stuck batches with a way out. Screenshots at a laptop's 1280x800.
test.use({ viewport: { width: 1280, height: 800 } });

test('an approved item edited in the editor goes back to review, and the queue says who edited it and when', async ({ page, server: _server }, testInfo) => {
  const desk = new DeskPage(page);
  const queue = new QueuePage(page);
  const [id] = await seed(page, [{ slug: 'BAKU-BUDGET', headline: 'Parliament adopts the 2024 budget', text: 'The budget was adopted.', to: 'approved' }]);

  await queue.openView('Queue');
  await queue.openTab('Approved');
  await queue.select('BAKU-BUDGET');
  await queue.action('Open in editor').click();
  await expect(desk.field('Slug')).toHaveValue('BAKU-BUDGET');
  await expect(page.getByText('Editing it sends it back to review')).toBeVisible();

  await desk.field('Headline').fill('Parliament adopts the 2024 budget after a nine-hour debate');
  await desk.waitSaved();
  await expect(page.getByRole('note')).toHaveText(
    /^Back in review: edited after approval\. Desk editor changed it at \d\d:\d\d; it goes out only once it is approved again\.$/,
  );
  await expect(page.locator('.item-head .status')).toHaveText('submitted');
  await expect(desk.selectedRow).toContainText('submitted');
  expect((await desk.getItem(id!)).item).toMatchObject({ status: 'submitted', reopened: { by: 'Desk editor' } });
  await page.screenshot({ path: testInfo.outputPath('reopened-editor.png') });

  await queue.openView('Queue');
  await queue.openTab('Submitted');
  await expect(queue.row('BAKU-BUDGET')).toContainText(/Edited after approval — by Desk editor at \d\d:\d\d/);
  await queue.select('BAKU-BUDGET');
  await expect(queue.preview.getByText(/^Edited after approval — by Desk editor at \d\d:\d\d$/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('reopened-queue.png') });

  // Approved again, the mark is gone.
  await queue.action('Approve').click();
  await expect(queue.notice).toHaveText('BAKU-BUDGET is now approved.');
  await queue.openTab('Approved');
  await expect(queue.row('BAKU-BUDGET')).toBeVisible();
  await expect(queue.row('BAKU-BUDGET')).not.toContainText('Edited after approval');
});

test('dates are typed in the desk order; a half-typed or impossible date is shown at the field and holds Submit back', async ({
  page,
  server: _server,
}, testInfo) => {
  const desk = new DeskPage(page);
  await desk.newItem();
  await desk.field('Slug').fill('DATE-CHECK');
  await desk.field('Headline').fill('Dates are strict');
  await desk.field('Place').fill('Baku');
  await desk.typeBody('The date decides the dateline.');
  const date = desk.field('Date');
  const submit = page.getByRole('button', { name: 'Submit for review' });
  await expect(date).toHaveAttribute('placeholder', 'dd.mm.yyyy');

  await date.fill('6.10.');
  await expect(date).toHaveAccessibleDescription('The date "6.10." is not complete: give day, month and year.');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAttribute('title', /^Not ready to submit: The date "6\.10\." is not complete: give day, month and year\./);
  // Shown as typed in the dateline, never silently dropped from it.
  await expect(desk.preview).toHaveText(/^Baku\/6\.10\.\/Turan: /);
  await page.screenshot({ path: testInfo.outputPath('date-incomplete.png') });

  await date.fill('31.02.2023');
  await expect(date).toHaveAccessibleDescription('The date "31.02.2023" is not a real calendar date.');
  await expect(submit).toHaveAccessibleDescription(/^Not ready to submit: The date "31\.02\.2023" is not a real calendar date\./);
  await desk.waitSaved();
  // Kept as typed over a reload: nothing the editor typed is lost.
  await page.reload();
  await expect(date).toHaveValue('31.02.2023');
  await expect(date).toHaveAttribute('aria-invalid', 'true');

  await date.fill('6.10.23');
  await expect(date).not.toHaveAttribute('aria-invalid', 'true');
  await expect(desk.preview).toHaveText(/^Baku\/06\.10\.23\/Turan: /);
  await expect(submit).toBeEnabled();
  // One tab stop: the calendar button is for the mouse; Tab goes on to Agency, and the date reads back in full.
  await date.press('Tab');
  await expect(desk.field('Agency')).toBeFocused();
  await expect(date).toHaveValue('06.10.2023');

  // The calendar fills the field in the desk's order.
  await expect(page.getByRole('button', { name: 'Choose the date from a calendar' })).toBeVisible();
  await page.locator('.f-date input[type="date"]').fill('2023-10-09', { force: true });
  await expect(date).toHaveValue('09.10.2023');
  await expect(desk.preview).toHaveText(/^Baku\/09\.10\.23\/Turan: /);
  await desk.waitSaved();
  expect((await desk.getItem(await desk.openId())).item.dateline.date).toBe('2023-10-09');

  // A desk that writes month first: the same date reads 10/09/2023, and typing follows that order.
  await desk.openView('Settings');
  await expect(page.locator('#order-example-dmy')).toHaveText('06.10.2023');
  await page.getByRole('radio', { name: 'Month, day, year' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Saved \d/);
  await desk.openView('Desk');
  await expect(date).toHaveValue('10/09/2023');
  await expect(date).toHaveAttribute('placeholder', 'mm/dd/yyyy');
  await date.fill('10/12/2023');
  await expect(desk.preview).toHaveText(/^Baku\/12\.10\.23\/Turan: /);
  await page.screenshot({ path: testInfo.outputPath('date-mdy.png') });
});

test('Settings: the kill notice template is checked at its field, and a kill shows its reason, who, when and the notice', async ({
  page,
  server,
}, testInfo) => {
  const desk = new DeskPage(page);
  const queue = new QueuePage(page);
  await desk.openView('Settings');
  const template = page.getByLabel('Kill notice template', { exact: true });
  await expect(template).toHaveValue('KILL — {slug}. {reason} Do not use this story.');
  await template.fill('WITHDRAWN: {slug}. Do not use.');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Not saved — The kill notice must contain {reason}.');
  await expect(template).toHaveAttribute('aria-invalid', 'true');
  await expect(template).toHaveAccessibleDescription('The kill notice must contain {reason}.');
  await template.fill('WITHDRAWN: {slug}. {reason} Do not use.');
  await expect(page.locator('#kill-example')).toHaveText('WITHDRAWN: AZERBAIJAN-DEFENCE. The ministry withdrew its statement. Do not use.');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Saved \d/);
  await expect(template).not.toHaveAttribute('aria-invalid', 'true');
  await template.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-kill.png') });

  const [id] = await seed(page, [{ slug: 'GAS-FIGURES', headline: 'Gas exports rise', text: 'Exports rose.', to: 'approved' }]);
  await page.evaluate(async (folder) => {
    const r = await window.desk.exportBatch({ format: 'ninjs', folder });
    if (!r.ok) throw new Error(r.error.message);
  }, server.dir);
  await queue.openView('Queue');
  await queue.openTab('Published');
  await queue.select('GAS-FIGURES');
  await queue.actWithNote('Kill', 'The ministry corrected its figures.');
  await queue.openTab('Killed');
  await expect(queue.row('GAS-FIGURES')).toContainText(/Killed by Desk editor at \d\d:\d\d: The ministry corrected its figures\./);
  await queue.select('GAS-FIGURES');
  await expect(queue.preview).toContainText('WITHDRAWN: GAS-FIGURES. The ministry corrected its figures. Do not use.');
  await page.screenshot({ path: testInfo.outputPath('killed-queue.png') });
  expect((await desk.getItem(id!)).item.kill).toMatchObject({ reason: 'The ministry corrected its figures.', by: 'Desk editor' });
});

test('a stuck batch is shown with Complete and Drop; Complete writes its stored bytes, Drop asks first and publishes nothing', async ({
  page,
  server,
}, testInfo) => {
  const queue = new QueuePage(page);
  const out = path.join(server.dir, 'out');
  fs.mkdirSync(out);
  // Two batches of one item each, written by this desk.
  const batches: { id: number; file: string; sha256: string }[] = [];
  for (const slug of ['STUCK-ONE', 'STUCK-TWO']) {
    await seed(page, [{ slug, headline: `${slug} headline`, text: 'Body.', to: 'approved' }]);
    batches.push(
      await page.evaluate(async (folder) => {
        const r = await window.desk.exportBatch({ format: 'ninjs', folder });
        if (!r.ok) throw new Error(r.error.message);
        return { id: r.value.id, file: `${r.value.folder}/${r.value.fileName}`, sha256: r.value.sha256! };
      }, out),
    );
  }
  // As an older Wiredesk on another machine would leave them: committed, file not in place,
  // written by a process this desk cannot check.
  await server.stop();
  const db = new Database(server.dbPath);
  db.prepare("UPDATE batches SET state = 'committed', owner = 'otherhost:4123'").run();
  db.close();
  for (const b of batches) fs.rmSync(b.file);
  await server.start();
  await page.goto(server.loginUrl);

  await queue.openView('Batches');
  const one = queue.stuckBatch(batches[0]!.id);
  const two = queue.stuckBatch(batches[1]!.id);
  await expect(one).toContainText(`Batch ${batches[0]!.id} · 1 item · ninjs 3.1 · started`);
  await expect(one).toContainText('its writer cannot be checked from here');
  await expect(queue.batchRows.first()).toContainText('Stuck');
  await expect(queue.batchRows.first()).toContainText(/\d{1,2} \w{3} \d{4}, \d\d:\d\d/); // date and time, not time alone
  await page.screenshot({ path: testInfo.outputPath('stuck-batches.png') });

  // Complete: the stored bytes go out, the same file as before.
  await one.getByRole('button', { name: 'Complete', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'completed' })).toHaveText(
    `Batch ${batches[0]!.id} completed: 1 entry written to ${batches[0]!.file}.`,
  );
  expect(createHash('sha256').update(fs.readFileSync(batches[0]!.file)).digest('hex')).toBe(batches[0]!.sha256);
  await expect(one).toBeHidden();

  // Drop asks first; Cancel leaves it.
  await two.getByRole('button', { name: 'Drop…' }).click();
  const confirm = two.getByRole('group', { name: `Drop batch ${batches[1]!.id}?` });
  await expect(confirm).toContainText('Nothing in it goes out');
  await page.screenshot({ path: testInfo.outputPath('stuck-drop-confirm.png') });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await two.getByRole('button', { name: 'Drop…' }).click();
  await two.getByRole('button', { name: `Drop batch ${batches[1]!.id}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'dropped' })).toHaveText(
    `Batch ${batches[1]!.id} dropped: nothing in it was published; its items wait for the next export.`,
  );
  await expect(page.getByRole('region', { name: 'Stuck batches' })).toBeHidden();
  await expect(queue.batchRows).toHaveCount(1);
  expect(fs.existsSync(batches[1]!.file)).toBe(false);

  // The dropped item waits in Approved for the next export.
  await queue.openView('Queue');
  await queue.openTab('Approved');
  await expect(queue.row('STUCK-TWO')).toBeVisible();
});
