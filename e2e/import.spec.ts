import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { type DeskServerProcess, expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';
import { ImportPage } from './models/ImportPage';

const SAMPLE = path.resolve('../shared/samples/turan-page.txt');
const HEADLINE = 'Azerbaijan and Kazakhstan approved the "Plan of bilateral military cooperation for 2024"';

/** What the store holds, through the CLI on the same database. */
async function stored(server: DeskServerProcess): Promise<{ id: string; slug: string }[]> {
  const r = await server.cli(['list', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { id: string; slug: string }[];
}

/** The desk list as another window of the same desk shows it. */
async function expectDeskEmpty(page: Page, server: DeskServerProcess): Promise<void> {
  const other = await page.context().newPage();
  await other.goto(server.url);
  await expect(new DeskPage(other).list.getByRole('option')).toHaveCount(0);
  await expect(new DeskPage(other).list).toContainText('No items yet');
  await other.close();
}

test('pasted wire copy: items found beside the highlighted text, edited, imported as drafts in one go', async ({ page, server }, testInfo) => {
  test.skip(!fs.existsSync(SAMPLE), `the sample ${SAMPLE} is not there`);
  const desk = new DeskPage(page);
  const imp = new ImportPage(page);
  await desk.openView('Import');
  await imp.findIn(fs.readFileSync(SAMPLE, 'utf8'));

  await expect(imp.items).toHaveCount(5);
  await expect(imp.field(1, 'Headline')).toHaveValue(HEADLINE);
  await expect(imp.field(1, 'Place')).toHaveValue('Baku');
  await expect(imp.field(1, 'Date')).toHaveValue('06.10.2023'); // in the desk's date order
  await expect(imp.field(1, 'Agency')).toHaveValue('Turan');
  await expect(imp.field(1, 'Sign-off')).toHaveValue('06B');
  await expect(imp.field(1, 'Source')).toHaveValue('mod.gov.az');
  await expect(imp.field(1, 'Category')).toHaveValue('Politics');
  await expect(imp.item(1).getByRole('document', { name: 'Body' })).toContainText(/^The "Plan of bilateral/);
  await expect(imp.warnings(5)).toContainText('Dropped page furniture: "Leave a review"');

  // The original, with what went where highlighted.
  await expect(imp.marks('Headline')).toHaveText([HEADLINE]);
  await expect(imp.marks('Place')).toHaveText(['Baku']);
  await expect(imp.marks('Agency')).toHaveText(['Turan']);
  await expect(imp.marks('Source')).toHaveText(['mod.gov.az']);
  await expect(imp.marks('Sign-off')).toHaveText([/06B/]);
  await expect(imp.marks('Dropped: page furniture')).toHaveText(['Leave a review']);
  await page.screenshot({ path: testInfo.outputPath('import-view.png') });

  await imp.field(1, 'Slug').fill('turan defence plan');
  await expect(imp.field(1, 'Slug')).toHaveValue('TURAN-DEFENCE-PLAN');
  await expect(imp.importButton).toHaveText('Import 5 items');

  // Nothing is stored until the editor imports.
  await expectDeskEmpty(page, server);
  expect(await stored(server)).toEqual([]);

  await imp.importButton.click();
  await expect(imp.imported.getByRole('status')).toHaveText('5 drafts created on the Desk.');
  expect(await stored(server)).toHaveLength(5);

  await imp.imported.getByRole('button', { name: 'Open TURAN-DEFENCE-PLAN' }).click();
  await expect(desk.field('Slug')).toHaveValue('TURAN-DEFENCE-PLAN');
  await expect(desk.field('Headline')).toHaveValue(HEADLINE);
  await expect(desk.field('Place')).toHaveValue('Baku');
  await expect(desk.field('Date')).toHaveValue('06.10.2023');
  await expect(desk.field('Agency')).toHaveValue('Turan');
  await expect(desk.field('Sign-off')).toHaveValue('06B');
  await expect(desk.field('Source')).toHaveValue('mod.gov.az');
  await expect(desk.body).toHaveText(/^The "Plan of bilateral/);
  await expect(desk.list.getByRole('option')).toHaveCount(5);
});

test('a binary, a wrongly encoded, an empty or a foreign JSON file is refused in plain words and nothing is stored', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const imp = new ImportPage(page);
  await desk.openView('Import');
  const files = [
    {
      name: 'photo.png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8]),
      message: 'photo.png looks like a binary file',
    },
    { name: 'zeros.bin', buffer: Buffer.alloc(4096), message: 'zeros.bin looks like a binary file' },
    { name: 'empty.txt', buffer: Buffer.alloc(0), message: 'The text is empty' },
    { name: 'other.json', buffer: Buffer.from('{"hello": "world"}\n'), message: 'neither ninjs nor JSON Feed' },
  ];
  for (const f of files) {
    await imp.openFile({ name: f.name, mimeType: 'application/octet-stream', buffer: f.buffer });
    await expect(imp.error).toContainText(f.message);
    await expect(imp.error).toContainText(/[.]$/);
    await expect(imp.items).toHaveCount(0);
  }
  // A feed format chosen for wire copy is refused too.
  await imp.format.selectOption({ label: 'ninjs' });
  await imp.findIn('Baku/06.10.23/Turan: The plan was signed. ---06B---');
  await expect(imp.error).toContainText('not JSON');
  expect(await stored(server)).toEqual([]);
  await expectDeskEmpty(page, server);
});

test('a ninjs file (NDJSON) imports through the same view, without a text to highlight', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const imp = new ImportPage(page);
  await desk.openView('Import');
  const entry = (n: number) => ({
    uri: `urn:example:item:${n}`,
    slugline: `FEED-ITEM-${n}`,
    headlines: [{ role: 'main', value: `Feed headline ${n}` }],
    located: 'Baku',
    language: 'en',
    bodies: [{ contenttype: 'text/plain', value: `Feed body ${n}.` }],
  });
  const ndjson = [entry(1), entry(2)].map((e) => JSON.stringify(e)).join('\n');
  await imp.openFile({ name: 'feed.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) });
  await expect(imp.items).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Items found' }).getByRole('status')).toHaveText('Found 2 items in a ninjs file.');
  await expect(imp.original).toHaveCount(0);
  await expect(imp.field(2, 'Slug')).toHaveValue('FEED-ITEM-2');
  await expect(imp.field(2, 'Headline')).toHaveValue('Feed headline 2');

  await imp.item(1).getByLabel('Include').uncheck();
  await expect(imp.importButton).toHaveText('Import 1 item');
  await imp.importButton.click();
  await expect(imp.imported.getByRole('status')).toHaveText('1 draft created on the Desk.');
  expect((await stored(server)).map((i) => i.slug)).toEqual(['FEED-ITEM-2']);
});

test('found items and their edits survive a look at another view', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const imp = new ImportPage(page);
  await desk.openView('Import');
  await imp.findIn('Ferry traffic resumes\nAktau/07.10.23/Turan: Ferry traffic resumed on Saturday. ---06B---\n');
  await expect(imp.items).toHaveCount(1);
  await imp.field(1, 'Slug').fill('CASPIAN-FERRY');
  await desk.openView('Desk');
  await desk.openView('Import');
  await expect(imp.field(1, 'Slug')).toHaveValue('CASPIAN-FERRY');
  expect(await stored(server)).toEqual([]);
});

test('agency copy: furniture left out can be put back, the desk agency is flagged, and a second paste is recognised as already on the desk', async ({
  page,
  server,
}, testInfo) => {
  const desk = new DeskPage(page);
  const imp = new ImportPage(page);
  await desk.openView('Import');
  const copy = [
    'Senate passes farm bill',
    'WASHINGTON (AP) — The Senate passed a farm bill early Friday.',
    'Advertisement',
    'Lawmakers said the bill would extend crop insurance.',
    '-',
    'Markets rally after rate cut',
    'Shares rose on Friday.',
    'Bonds fell.',
  ].join('\n');
  await imp.findIn(copy);
  await expect(imp.items).toHaveCount(2);
  await expect(imp.field(1, 'Agency')).toHaveValue('AP');
  await expect(imp.item(1).getByText('The copy names no agency')).toHaveCount(0);
  // The second story names no agency: the desk's own stands in, and the card says so.
  await expect(imp.field(2, 'Agency')).toHaveValue('Turan');
  await expect(imp.item(2).getByText('The copy names no agency: this is the desk’s own. Check it.')).toBeVisible();

  const body = imp.item(1).getByRole('document', { name: 'Body' });
  await expect(body).toHaveText('The Senate passed a farm bill early Friday.\nLawmakers said the bill would extend crop insurance.');
  await imp.item(1).getByText('Left out 1 line').click();
  await expect(imp.item(1).getByRole('list', { name: 'Left out' })).toContainText('page furniture Advertisement');
  await page.screenshot({ path: testInfo.outputPath('import-left-out.png') });
  await imp.item(1).getByRole('button', { name: 'Put back “Advertisement”' }).click();
  await expect(body).toHaveText('The Senate passed a farm bill early Friday.\nAdvertisement\nLawmakers said the bill would extend crop insurance.');
  await expect(imp.item(1).getByRole('list', { name: 'Left out' })).toContainText('put back');
  await imp.importButton.click();
  await expect(imp.imported.getByRole('status')).toHaveText('2 drafts created on the Desk.');

  // The same copy again: the first story went in with the line put back, so only the second
  // matches the desk exactly; it starts left out, with a notice.
  await imp.findIn(copy);
  await expect(imp.items).toHaveCount(2);
  await expect(imp.item(2).getByRole('note')).toHaveText(/^Already on the desk as MARKETS-RALLY-RATE-CUT \(draft\)/);
  await expect(imp.item(2).getByRole('checkbox', { name: 'Include' })).not.toBeChecked();
  await expect(imp.item(1).getByRole('note')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Items found' })).toContainText('1 item already on the desk, left out.');
  await expect(imp.importButton).toHaveText('Import 1 item');
  await page.screenshot({ path: testInfo.outputPath('import-duplicate.png') });
  expect(await stored(server)).toHaveLength(2);
});

test('a paste too long to edit is read-only and shown a page of items at a time; every item is imported', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const imp = new ImportPage(page);
  await desk.openView('Import');
  const story = (n: number) =>
    `Harbour talks round ${n}\nBAKU (AP) — Delegations met at the harbour for round ${n} of the talks on Caspian shipping rules and port fees.\n`;
  const copy = Array.from({ length: 1500 }, (_, n) => story(n + 1)).join('\n');
  expect(copy.length).toBeGreaterThan(200_000);
  await imp.pasteLarge(copy);

  // Not in the box: named and sized, read-only.
  await expect(imp.paste).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Text to import' })).toContainText(
    `Pasted text — ${copy.length.toLocaleString('en-GB')} characters: too long to edit here.`,
  );
  await expect(page.getByRole('region', { name: 'Items found' }).getByRole('status')).toHaveText('Found 1,500 items in wire copy text.');
  await expect(imp.pages).toContainText('Items 1–50 of 1,500');
  await expect(imp.items).toHaveCount(50);
  await expect(imp.original).toContainText('Characters 1–');
  await expect(imp.marks('Headline')).toHaveCount(50);

  await imp.pages.getByRole('button', { name: 'Next' }).click();
  await expect(imp.pages).toContainText('Items 51–100 of 1,500');
  await expect(imp.item(51)).toBeVisible();
  await expect(imp.item(1)).toHaveCount(0);
  await expect(imp.marks('Headline').first()).toHaveText('Harbour talks round 51');

  await imp.pages.getByLabel('Go to item').fill('1234');
  await imp.pages.getByLabel('Go to item').press('Enter');
  await expect(imp.pages).toContainText('Items 1,201–1,250 of 1,500');
  await expect(imp.field(1234, 'Headline')).toHaveValue('Harbour talks round 1234');
  await imp.field(1234, 'Slug').fill('HARBOUR-1234');
  await imp.item(1234).getByRole('button', { name: 'Show in text' }).click();
  await expect(imp.original.locator('#imp-src-1233')).toHaveClass(/imp-pointed/);

  await expect(imp.importButton).toHaveText('Import 1,500 items');
  await imp.importButton.click();
  await expect(imp.imported.getByRole('status')).toHaveText('1,500 drafts created on the Desk.', { timeout: 60_000 });
  const all = (await server.cli(['list', '--json', '--limit', '2000'])).stdout;
  const slugs = (JSON.parse(all) as { slug: string }[]).map((i) => i.slug);
  expect(slugs).toHaveLength(1500);
  expect(slugs).toContain('HARBOUR-1234');
});

/** Windows-1251: Cyrillic А..я at 0xC0..0xFF (what many agencies in the region still send). */
const cp1251 = (s: string) => Buffer.from([...s].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : c.charCodeAt(0) - 0x410 + 0xc0)));

test('a file in another encoding is read in its likely encoding, which the editor can change', async ({ page, server }) => {
  const desk = new DeskPage(page);
  const imp = new ImportPage(page);
  await desk.openView('Import');
  const encoding = page.getByLabel('Encoding');

  const russian = 'Президент принял делегацию в Баку. Переговоры продолжатся завтра утром.';
  await imp.openFile({ name: 'baku-1251.txt', mimeType: 'text/plain', buffer: cp1251(`Баку/06.10.23/Туран: ${russian} ---06B---\n`) });
  await expect(encoding).toHaveValue('windows-1251');
  await expect(imp.paste).toHaveValue(new RegExp(russian));
  await expect(imp.items).toHaveCount(1);

  // The editor overrules the guess: the same bytes are read again (and garbled, as they should be).
  await encoding.selectOption({ label: 'Windows-1252 / Latin-1 (Western European)' });
  await expect(imp.paste).toHaveValue(/Ïðåçèäåíò/);
  await encoding.selectOption('windows-1251');
  await expect(imp.paste).toHaveValue(new RegExp(russian));

  // UTF-16 with a byte-order mark is text, not "binary".
  await imp.openFile({
    name: 'utf16.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('\ufeffBaku/06.10.23/Turan: Café society reopened. ---06B---\n', 'utf16le'),
  });
  await expect(encoding).toHaveValue('utf-16le');
  await expect(imp.paste).toHaveValue(/Café society reopened/);
  await expect(imp.error).toHaveCount(0);

  // Typed text has no encoding to choose.
  await imp.paste.fill('Baku/06.10.23/Turan: typed. ---06B---');
  await expect(encoding).toHaveCount(0);
  expect(await stored(server)).toEqual([]);
});
