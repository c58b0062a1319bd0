import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, offTheFeed, test } from './fixtures';
import { DeskPage } from './models/DeskPage';
import { QueuePage } from './models/QueuePage';
import { seed } from './models/seed';

interface Draft {
  slug: string;
  headline: string;
  place: string;
  date: string;
  category: string;
  signOff: string;
  urgency?: string;
  embargo?: { local: string; zone: string };
  body: string;
}

/** Write an item in the editor, field by field, and submit it for review. */
async function draftAndSubmit(desk: DeskPage, d: Draft): Promise<void> {
  await desk.openView('Desk');
  await desk.newItem();
  await desk.field('Slug').fill(d.slug);
  await desk.field('Headline').fill(d.headline);
  await desk.field('Place').fill(d.place);
  await desk.field('Date').fill(d.date);
  await expect(desk.field('Agency')).toHaveValue('Turan');
  await desk.field('Category').selectOption(d.category);
  await desk.field('Sign-off').fill(d.signOff);
  if (d.urgency) await desk.field('Urgency').selectOption({ label: d.urgency });
  if (d.embargo) {
    // The zone select is labelled "Time zone" beside "Embargo" (or "Embargo time zone").
    await desk.page.getByLabel(/^(Embargo )?time zone$/i).selectOption(d.embargo.zone);
    await desk.field('Embargo').fill(d.embargo.local);
  }
  await desk.typeBody(d.body);
  await desk.waitSaved();
  await desk.page.getByRole('button', { name: 'Submit for review', exact: true }).click();
  await expect(desk.page.getByRole('button', { name: 'Submit for review', exact: true })).toBeHidden();
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('two items go from draft to a published batch, a correction and a kill; the Batches view shows all three', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const queue = new QueuePage(page);
  const A = 'AZERBAIJAN-KAZAKHSTAN-DEFENCE';
  const B = 'AZERBAIJAN-GAS-EXPORTS';

  await draftAndSubmit(desk, {
    slug: A,
    headline: 'Azerbaijan and Kazakhstan sign a military cooperation plan',
    place: 'Baku',
    date: '2026-11-26',
    category: 'Politics',
    signOff: '06B',
    urgency: '1 – Flash',
    body: 'The plan of bilateral military cooperation for 2027 was signed in Baku.',
  });
  await draftAndSubmit(desk, {
    slug: B,
    headline: 'Gas exports to Europe rise by a tenth',
    place: 'Baku',
    date: '2026-11-26',
    category: 'Economy',
    signOff: '07C',
    embargo: { local: '2099-11-27T09:00', zone: '+04:00' },
    body: 'Gas exports to Europe rose by ten percent, the ministry said.',
  });

  // Review: A goes back to the writer with a note.
  await queue.openView('Queue');
  await queue.expectCount('Submitted', 2);
  await expect(queue.rows.first()).toContainText(A); // Flash first
  await expect(queue.rows.first()).toContainText('FLASH');
  await expect(queue.row(B)).toContainText('EMBARGOED until 2099-11-27 09:00 UTC+04:00');
  await queue.select(A);
  await expect(queue.wireCopy).toContainText('Baku/26.11.26/Turan: The plan of bilateral military cooperation');
  await expect(queue.wireCopy).toContainText('---06B---');
  await queue.actWithNote('Return to writer', 'Say who signed the plan.');
  await expect(queue.notice).toHaveText(`${A} is now a draft.`);
  await queue.expectCount('Submitted', 1);
  await expect(queue.rows).toHaveCount(1);

  // The writer sees the note, fixes the copy and submits again.
  await desk.openView('Desk');
  await desk.open(A);
  await expect(page.getByRole('note')).toContainText('Say who signed the plan.');
  await desk.typeBody(' The defence ministers signed it.');
  await desk.waitSaved();
  await page.getByRole('button', { name: 'Submit for review', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Submit for review', exact: true })).toBeHidden();

  // Both approved at once: Ctrl+A in the list, then bulk approve.
  await queue.openView('Queue');
  await queue.expectCount('Submitted', 2);
  await queue.select(A);
  await queue.row(A).press('Control+a');
  await expect(queue.rows.and(page.locator('[aria-selected="true"]'))).toHaveCount(2);
  await queue.bulk('Approve').click();
  await expect(queue.notice).toContainText('are now approved.');
  await queue.expectCount('Submitted', 0);
  await queue.expectCount('Approved', 2);

  await queue.openTab('Approved');
  await expect(queue.rows).toHaveCount(2);

  // Batch 1: both items, the embargo carried.
  const first = await queue.exportBatch(server.dir);
  expect(first.id).toBe(1);
  expect(first.path).toBe(path.join(server.dir, 'wiredesk-batch-000001-ninjs.json'));
  await expect(queue.exportResult).toContainText('2 items');
  expect(sha256(first.path)).toBe(first.sha256);
  const batch1 = readJson(first.path);
  expect(batch1.map((e) => e.slugline).sort()).toEqual([B, A].sort());
  const gas = batch1.find((e) => e.slugline === B)!;
  expect(gas.embargoedUntil).toBe('2099-11-27T09:00:00+04:00');
  expect(gas.pubStatus).toBe('usable');
  expect(batch1.find((e) => e.slugline === A)!.embargoedUntil).toBeUndefined();
  await queue.expectCount('Approved', 0);
  await queue.expectCount('Published', 2);

  // A correction: open A from the Published tab, correct it, send version 2.
  await queue.openTab('Published');
  await queue.select(A);
  await queue.action('Open in editor').click();
  await expect(desk.field('Slug')).toHaveValue(A);
  await page.getByRole('button', { name: 'Correct', exact: true }).click();
  await expect(page.locator('.item-head .version')).toHaveText('v2');
  await desk.field('Headline').fill('Azerbaijan and Kazakhstan defence ministers sign a cooperation plan');
  // A correction tells subscribers what changed: Submit waits for the note, and says so.
  const submit = page.getByRole('button', { name: 'Submit for review', exact: true });
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAttribute('title', /Note to subscribers/);
  await expect(desk.field('Note to subscribers')).toHaveAttribute('aria-invalid', 'true');
  await desk.field('Note to subscribers').fill('Corrects the headline: the defence ministers signed.');
  await desk.waitSaved();
  await submit.click();
  await expect(submit).toBeHidden();

  await queue.openView('Queue'); // back on the Published tab, where we left it
  await queue.openTab('Submitted');
  await expect(queue.row(A)).toContainText('Correction');
  await queue.select(A);
  await expect(queue.previewHead).toContainText('Correction');
  await expect(queue.preview).toContainText('Note to subscribers: Corrects the headline: the defence ministers signed.');
  await queue.action('Approve').click();
  await expect(queue.notice).toHaveText(`${A} is now approved.`);
  await queue.openTab('Approved');
  const second = await queue.exportBatch(server.dir);
  expect(second.id).toBe(2);
  const batch2 = readJson(second.path);
  expect(batch2).toHaveLength(1);
  expect(batch2[0]).toMatchObject({
    slugline: A,
    version: '2',
    pubStatus: 'usable',
    edNote: 'Corrects the headline: the defence ministers signed.',
    headlines: [{ role: 'main', value: 'Azerbaijan and Kazakhstan defence ministers sign a cooperation plan' }],
  });

  // The kill: from the Published tab, with its reason; it goes out in batch 3.
  await queue.openTab('Published');
  await queue.select(A);
  await queue.actWithNote('Kill', 'Withdrawn at the ministry’s request.');
  await expect(queue.notice).toHaveText(`${A} is now killed.`);
  await queue.expectCount('Killed', 1);
  await queue.expectCount('Published', 1);
  // The Killed tab says why, who and when, and what goes out instead of the story.
  await queue.openTab('Killed');
  await expect(queue.row(A)).toContainText(/Killed by Desk editor at \d\d:\d\d: Withdrawn at the ministry’s request\./);
  await queue.select(A);
  await expect(queue.preview.getByText(/^Killed by Desk editor at/)).toContainText('Withdrawn at the ministry’s request.');
  await expect(queue.preview).toContainText(`KILL — ${A}. Withdrawn at the ministry’s request. Do not use this story.`);
  await queue.openTab('Approved');
  const third = await queue.exportBatch(server.dir);
  expect(third.id).toBe(3);
  const batch3 = readJson(third.path);
  expect(batch3).toHaveLength(1);
  expect(batch3[0]).toMatchObject({ slugline: A, version: '3', pubStatus: 'canceled', edNote: 'Withdrawn at the ministry’s request.' });
  expect((batch3[0] as { bodies: { value: string }[] }).bodies[0]!.value).toBe(`KILL — ${A}. Withdrawn at the ministry’s request. Do not use this story.`);

  // History: three batches, newest first; batch 3 holds the kill and re-sends byte for byte.
  await queue.openView('Batches');
  await expect(queue.batchRows).toHaveCount(3);
  await expect(queue.batchRows.first()).toContainText('#3');
  await expect(queue.batchRows.nth(2)).toContainText('wiredesk-batch-000001-ninjs.json');
  await expect(queue.batchRows.nth(2)).toContainText(first.sha256.slice(0, 12));
  const pane = await queue.openBatch(3);
  await expect(queue.entries(pane)).toHaveCount(1);
  await expect(queue.entries(pane).first()).toContainText(A);
  await expect(queue.entries(pane).first()).toContainText('Kill');
  const again = path.join(server.dir, 'again');
  fs.mkdirSync(again);
  await expect(await queue.resend(pane, again)).toContainText('byte-identical');
  expect(fs.readFileSync(path.join(again, 'wiredesk-batch-000003-ninjs.json'))).toEqual(fs.readFileSync(third.path));
});

test('an export to a folder that cannot be written changes nothing', async ({ page, server }) => {
  const queue = new QueuePage(page);
  await seed(page, [
    { slug: 'ONE', headline: 'First approved item', text: 'One.', to: 'approved' },
    { slug: 'TWO', headline: 'Second approved item', text: 'Two.', to: 'approved' },
  ]);
  const aFile = path.join(server.dir, 'not-a-folder');
  fs.writeFileSync(aFile, 'x');
  const missing = path.join(server.dir, 'no', 'such', 'folder');

  await queue.openView('Queue');
  await queue.openTab('Approved');
  await queue.expectCount('Approved', 2);
  await expect(queue.exportButton).toBeDisabled(); // no folder yet
  for (const [target, why] of [
    [aFile, `${aFile} is not a folder.`],
    [missing, `The folder ${missing} does not exist.`],
  ] as const) {
    await queue.folder.fill(target);
    await queue.exportButton.click();
    await expect(queue.alert).toContainText('Batch not exported; no item changed state.');
    await expect(queue.alert).toContainText(why);
    await expect(queue.exportResult).toBeHidden();
    await queue.expectCount('Approved', 2);
    await queue.expectCount('Published', 0);
    await expect(queue.rows).toHaveCount(2);
  }
  expect(fs.readFileSync(aFile, 'utf8')).toBe('x');
  expect(fs.existsSync(missing)).toBe(false);
  await queue.openView('Batches');
  await expect(page.getByText('No batches yet.')).toBeVisible();
  await expect(queue.batchRows).toHaveCount(0);
});

test('a past embargo stops the export until the editor says "Export anyway"', async ({ page, server }) => {
  const queue = new QueuePage(page);
  await seed(page, [{ slug: 'LATE-EMBARGO', headline: 'An embargo that has passed', embargo: '2020-01-01T09:00+04:00', text: 'Old news.', to: 'approved' }]);
  await queue.openView('Queue');
  await queue.openTab('Approved');
  await expect(queue.row('LATE-EMBARGO')).toContainText('EMBARGOED until 2020-01-01 09:00 UTC+04:00');
  await expect(queue.row('LATE-EMBARGO')).toContainText('Embargo passed');

  await queue.folder.fill(server.dir);
  await queue.exportButton.click();
  await expect(queue.alert).toContainText('The embargo has already passed for LATE-EMBARGO');
  await queue.expectCount('Approved', 1);
  await page.getByRole('button', { name: 'Export anyway' }).click();
  const result = await queue.readResult();
  expect(readJson(result.path)[0]).toMatchObject({ slugline: 'LATE-EMBARGO', embargoedUntil: '2020-01-01T09:00:00+04:00' });
  await queue.expectCount('Published', 1);
});

test('search marks the matches as text, filters narrow the tab, and Flash items lead', async ({ page, server: _ }) => {
  const queue = new QueuePage(page);
  await seed(page, [
    { slug: 'ROUTINE-PIPELINE', headline: 'Pipeline talks resume', category: 'Economy', text: 'Talks on the pipeline resumed in Baku on <b>Tuesday</b>.' },
    { slug: 'FLASH-QUAKE', headline: 'Earthquake hits the Caspian coast', category: 'Society', urgency: 1, text: 'A strong earthquake hit the coast.' },
    { slug: 'BULLETIN-VOTE', headline: 'Parliament passes the budget', category: 'Politics', urgency: 2, text: 'The budget passed.' },
    {
      slug: 'EMBARGOED-REPORT',
      headline: 'Central bank report',
      category: 'Economy',
      embargo: '2099-01-01T10:00Z',
      text: 'The report will be published on Friday.',
    },
  ]);
  await queue.openView('Queue');
  await queue.expectCount('Submitted', 4);
  await expect(queue.rows.nth(0)).toContainText('FLASH-QUAKE');
  await expect(queue.rows.nth(1)).toContainText('BULLETIN-VOTE');
  await expect(queue.row('FLASH-QUAKE')).toHaveClass(/q-hot/);
  await expect(queue.row('ROUTINE-PIPELINE')).not.toHaveClass(/q-hot/);
  await expect(queue.row('EMBARGOED-REPORT')).toContainText('EMBARGOED until 2099-01-01 10:00 UTC');
  await expect(queue.row('EMBARGOED-REPORT')).not.toContainText('Embargo passed');

  // A body-only match: the snippet comes from the body, markup-looking text stays text.
  await queue.search.fill('tuesday');
  await expect(queue.rows).toHaveCount(1);
  const hit = queue.row('ROUTINE-PIPELINE');
  await expect(hit.locator('mark')).toHaveText(['Tuesday']);
  await expect(hit).toContainText('on <b>Tuesday</b>.');
  await expect(hit.locator('.q-snippet b')).toHaveCount(0);
  await queue.search.fill('');

  await queue.filter('Category').selectOption('Economy');
  await expect(queue.rows).toHaveCount(2);
  await queue.filter('Urgency').selectOption('1');
  await expect(queue.page.getByText('No items match the filters.')).toBeVisible();
  await queue.page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(queue.rows).toHaveCount(4);
  await queue.filter('Editor').fill('Someone Else');
  await expect(queue.rows).toHaveCount(0);
  await queue.filter('Editor').fill('Desk editor');
  await expect(queue.rows).toHaveCount(4);

  // The tab and filters survive a look at the desk; the list is fresh on return.
  await queue.filter('Category').selectOption('Economy');
  await expect(queue.rows).toHaveCount(2);
  await queue.openView('Desk');
  await page.evaluate(async () => {
    const r = await window.desk.createItem({
      fields: { slug: 'LATE-ECONOMY', headline: 'Late economy item', category: 'Economy', dateline: { place: 'Baku', date: '2026-11-26', agency: 'Turan' } },
    });
    if (!r.ok) throw new Error(r.error.message);
    const { id, slug, headline, dateline, category, source, byline, signOff, urgency, embargo, keywords, editorNote, subscriberNote, language } = r.value.item;
    const body = { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Late.' }] }] } };
    const fields = { slug, headline, dateline, category, source, byline, signOff, urgency, embargo, keywords, editorNote, subscriberNote, language, body };
    const saved = await window.desk.saveDraft({ id, baseRevision: 1, fields: fields as never });
    if (!saved.ok) throw new Error(saved.error.message);
    const sent = await window.desk.transition({ ids: [id], action: 'submit' });
    if (!sent.ok) throw new Error(sent.error.message);
  });
  await queue.openView('Queue');
  await expect(queue.filter('Category')).toHaveValue('Economy');
  await expect(queue.rows).toHaveCount(3);
});

test('keyboard multi-select: Space toggles, Shift+Arrow extends, Ctrl+A selects the tab; bulk hold', async ({ page, server: _ }) => {
  const queue = new QueuePage(page);
  await seed(page, [
    { slug: 'K-ONE', headline: 'One', urgency: 3, text: 'One.' },
    { slug: 'K-TWO', headline: 'Two', urgency: 4, text: 'Two.' },
    { slug: 'K-THREE', headline: 'Three', urgency: 5, text: 'Three.' },
  ]);
  await queue.openView('Queue');
  await queue.select('K-ONE');
  const selected = queue.rows.and(page.locator('[aria-selected="true"]'));
  await page.keyboard.press('Space');
  await expect(selected).toHaveCount(1);
  await expect(queue.row('K-ONE')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(selected).toHaveText([/K-ONE/, /K-TWO/]);
  await expect(queue.previewHead).toContainText('K-TWO');
  await page.keyboard.press('ArrowDown');
  await expect(queue.previewHead).toContainText('K-THREE');
  await expect(selected).toHaveCount(2);
  await page.keyboard.press('Space');
  await expect(selected).toHaveCount(3);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(selected).toHaveText([/K-ONE/, /K-THREE/]);
  await page.keyboard.press('Escape');
  await expect(selected).toHaveCount(0);
  await page.keyboard.press('Control+a');
  await expect(selected).toHaveCount(3);
  await expect(queue.selectAll).toBeChecked();
  await queue.checkbox('K-TWO').click();
  await expect(selected).toHaveCount(2);

  await queue.bulk('Hold').click();
  await expect(queue.notice).toHaveText('K-ONE, K-THREE are now on hold.');
  await queue.expectCount('Held', 2);
  await queue.expectCount('Submitted', 1);
  await queue.openTab('Held');
  await queue.select('K-THREE');
  await queue.action('Release').click();
  await expect(queue.notice).toHaveText('K-THREE is now submitted for review.');
  await queue.expectCount('Held', 1);

  // Enter opens the current item in the editor.
  await queue.openTab('Submitted');
  await queue.select('K-TWO');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Slug', { exact: true })).toHaveValue('K-TWO');
});

test('an action on an item someone else moved shows the refusal and the queue as it stands', async ({ page, server }) => {
  // Before the change feed brings the move to this window.
  await offTheFeed(page);
  const queue = new QueuePage(page);
  const [id] = await seed(page, [{ slug: 'RACE', headline: 'Two editors, one item', text: 'Body.' }]);
  await queue.openView('Queue');
  await queue.select('RACE');
  const cli = await server.cli(['approve', id!]);
  expect(cli.code).toBe(0);
  await queue.action('Approve').click();
  await expect(queue.alert).toContainText('Only an item submitted for review can be approved; this item is approved.');
  await queue.expectCount('Submitted', 0);
  await queue.expectCount('Approved', 1);
  await expect(queue.rows).toHaveCount(0);
});

test('Return to writer needs a note; the list loads its next page as it scrolls to the end', async ({ page, server: _ }) => {
  const queue = new QueuePage(page);
  await seed(
    page,
    Array.from({ length: 101 }, (_, i) => ({ slug: `ITEM-${String(i).padStart(3, '0')}`, headline: `Item ${i}`, text: `Body ${i}.` })),
  );
  await queue.openView('Queue');
  await queue.expectCount('Submitted', 101);
  // Only the rows in view are in the page; End reaches the last one loaded and the next page follows.
  expect(await queue.rows.count()).toBeLessThan(50);
  await expect(queue.rows.first()).toHaveAttribute('aria-setsize', /^(100|101)$/);
  await queue.rows.first().click();
  await page.keyboard.press('End');
  await expect(queue.rows.first()).toHaveAttribute('aria-setsize', '101');
  await page.keyboard.press('End');
  await expect(queue.previewHead).toContainText('ITEM-000');
  await expect(queue.list.locator('[aria-current="true"]')).toHaveAttribute('aria-posinset', '101');

  await queue.select('ITEM-000');
  await queue.action('Return to writer').click();
  const form = page.getByRole('form', { name: 'Return to writer' });
  await expect(form.getByLabel('Note')).toBeFocused();
  await expect(form.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await form.getByLabel('Note').fill('   ');
  await expect(form.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toBeHidden();
  await queue.expectCount('Submitted', 101);
});

test('a large batch shows its entries a page at a time', async ({ page, server }) => {
  const queue = new QueuePage(page);
  await seed(
    page,
    Array.from({ length: 101 }, (_, i) => ({
      slug: `BATCH-${String(i).padStart(3, '0')}`,
      headline: `Item ${i}`,
      text: `Body ${i}.`,
      to: 'approved' as const,
    })),
  );
  await queue.openView('Queue');
  await queue.openTab('Approved');
  const { id } = await queue.exportBatch(server.dir);
  await queue.openView('Batches');
  const pane = await queue.openBatch(id);
  await expect(queue.entries(pane)).toHaveCount(100);
  await pane.getByRole('button', { name: 'Show more entries' }).click();
  await expect(queue.entries(pane)).toHaveCount(101);
  await expect(pane.getByRole('button', { name: 'Show more entries' })).toBeHidden();
});
