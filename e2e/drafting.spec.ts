import { expect, offTheFeed, test } from './fixtures';
import { DeskPage } from './models/DeskPage';

const SLUG = 'AZERBAIJAN-KAZAKHSTAN-DEFENCE';
const HEADLINE = 'Azerbaijan and Kazakhstan sign a military cooperation plan';

/** Every wire field, by its visible label, and the value the test gives it. */
const FIELDS: { label: string; value: string; kind: 'fill' | 'select' }[] = [
  { label: 'Slug', value: SLUG, kind: 'fill' },
  { label: 'Headline', value: HEADLINE, kind: 'fill' },
  { label: 'Place', value: 'Baku', kind: 'fill' },
  { label: 'Date', value: '06.10.2023', kind: 'fill' },
  { label: 'Agency', value: 'Turan', kind: 'fill' },
  { label: 'Category', value: 'Politics', kind: 'select' },
  { label: 'Source', value: 'mod.gov.az', kind: 'fill' },
  { label: 'Byline', value: 'Leyla Aliyeva', kind: 'fill' },
  { label: 'Sign-off', value: '06B', kind: 'fill' },
  { label: 'Urgency', value: '3', kind: 'select' },
  { label: 'Embargo', value: '27.11.2030 09:00', kind: 'fill' },
  { label: 'Time zone', value: '+04:00', kind: 'select' },
  { label: 'Keywords', value: 'defence, Kazakhstan', kind: 'fill' },
  { label: 'Note to subscribers', value: 'Figures to follow from the ministry.', kind: 'fill' },
  { label: 'Desk note', value: 'Check the figures with the ministry before 10:00.', kind: 'fill' },
  { label: 'Language', value: 'en', kind: 'fill' },
];

test('an item with every field filled keeps all of it over a reload, and the dateline follows the house style', async ({ page, server: _server }, testInfo) => {
  const desk = new DeskPage(page);
  await desk.newItem();
  for (const f of FIELDS) {
    if (f.kind === 'select') await desk.field(f.label).selectOption(f.value);
    else await desk.field(f.label).fill(f.value);
  }
  await expect(desk.field('Urgency').locator('option:checked')).toHaveText('3 – Urgent');

  // Three paragraphs: bold by Ctrl+B, a bulleted list by Ctrl+Shift+8, italic and a sub-heading by the toolbar.
  await desk.body.click();
  const kb = page.keyboard;
  await kb.type('The plan was signed in Baku on Friday. ');
  await kb.press('Control+B');
  await kb.type('Both defence ministers attended.');
  await kb.press('Control+B');
  await kb.press('Enter');
  await kb.type('The plan covers three areas:');
  await kb.press('Enter');
  await kb.press('Control+Shift+Digit8');
  await kb.type('joint exercises');
  await kb.press('Enter');
  await kb.type('military education');
  await kb.press('Enter');
  await kb.press('Enter'); // an empty item leaves the list
  await page.getByRole('button', { name: 'Italic' }).click();
  await kb.type('No figures were given.');
  await page.getByRole('button', { name: 'Italic' }).click();
  await kb.type(' The ministry said so in a press release.');

  await expect(desk.preview).toHaveText(/^Baku\/06\.10\.23\/Turan: The plan was signed/);
  await expect(desk.preview).toHaveText(/press release\. ---06B---$/);
  await expect(page.getByText('Baku/06.10.23/Turan:', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('EMBARGOED until 2030-11-27 09:00 UTC+04:00').first()).toBeVisible();
  await expect(page.getByText(/\b\d+ words · \d+ characters/)).toBeVisible();
  await desk.waitSaved();
  await page.screenshot({ path: testInfo.outputPath('editor.png') });

  await page.reload();
  // The window reopens the item it had open.
  await expect(desk.field('Slug')).toHaveValue(SLUG);
  for (const f of FIELDS) await expect(desk.field(f.label), f.label).toHaveValue(f.value);
  await expect(desk.body.locator('strong')).toHaveText('Both defence ministers attended.');
  await expect(desk.body.locator('ul li')).toHaveText(['joint exercises', 'military education']);
  await expect(desk.body.locator('em')).toHaveText('No figures were given.');
  await expect(desk.body.locator('p')).toHaveCount(3);
  await expect(desk.preview).toHaveText(/^Baku\/06\.10\.23\/Turan: /);

  // Undo and redo by keyboard.
  await desk.typeBody(' Extra');
  await expect(desk.body).toContainText('press release. Extra');
  await kb.press('Control+Z');
  await expect(desk.body).not.toContainText('Extra');
  await kb.press('Control+Y');
  await expect(desk.body).toContainText('press release. Extra');

  await desk.openView('Settings');
  await expect(page.locator('#example-slash')).toHaveText('Baku/06.10.23/Turan: …');
  await expect(page.locator('#example-ap')).toHaveText('BAKU, Oct. 6 (Turan) — …');
  await page.screenshot({ path: testInfo.outputPath('settings.png'), fullPage: true });
  await page.getByRole('radio', { name: 'AP' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Saved \d/);

  await desk.openView('Desk');
  await expect(desk.field('Slug')).toHaveValue(SLUG);
  await expect(desk.preview).toHaveText(/^BAKU, Oct\. 6 \(Turan\) — The plan was signed/);
  await expect(desk.preview).toHaveText(/---06B---$/);
});

test('text typed more than a second before the server is killed is all there after a restart', async ({ page, server }) => {
  test.slow(); // realistic typing speed, a crash and a restart
  const desk = new DeskPage(page);
  await desk.newItem();
  await page.keyboard.type('CRASH TEST', { delay: 40 });
  await expect(desk.field('Slug')).toHaveValue('CRASH-TEST');
  await desk.field('Headline').pressSequentially('Parliament adopts the 2024 budget after a long debate', { delay: 30 });
  const paragraphs = [
    'The Milli Majlis adopted the state budget for 2024 on Tuesday, after a debate that lasted nine hours.',
    'Revenues are put at 34.6 billion manats; spending at 37.3 billion — a deficit of 2.7 billion.',
    'Opposition deputies said the figures for social spending were "too optimistic" & asked for a review <soon>.',
  ];
  await desk.body.click();
  for (const [i, p] of paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(p, { delay: 25 });
  }
  // The promise: anything typed more than one second before the crash is stored. No waiting for "Saved".
  await page.waitForTimeout(1_000);
  await server.stop('SIGKILL');
  // With the desk gone, the editor says so instead of pretending.
  await page.keyboard.type(' Lost.');
  await expect(desk.saveState).toHaveText(/^Not saved — The desk server is not answering/);
  await server.start();
  await page.goto(server.loginUrl);

  await desk.open('CRASH-TEST');
  await expect(desk.field('Headline')).toHaveValue('Parliament adopts the 2024 budget after a long debate');
  await expect(desk.body.locator('p')).toHaveText(paragraphs);
});

test('a crash in the middle of typing keeps what was typed more than a second before it', async ({ page, server }) => {
  test.slow();
  const desk = new DeskPage(page);
  await desk.newItem();
  await page.keyboard.type('MIDTYPE');
  await desk.body.click();
  const first = 'This paragraph was typed well before the crash, one key at a time, with no pause after it.';
  await page.keyboard.type(first, { delay: 25 });
  await page.keyboard.press('Enter');
  // No pause: typing goes on while the server dies, so only a wait-capped autosave can have stored the first paragraph.
  const still = page.keyboard.type('This one is still being typed when the desk server is killed; part of it may be lost.', { delay: 25 });
  await page.waitForTimeout(1_500);
  await server.stop('SIGKILL');
  await still;
  await server.start();
  await page.goto(server.loginUrl);
  await desk.open('MIDTYPE');
  await expect(desk.body.locator('p').first()).toHaveText(first);
  await expect(desk.body.locator('p').nth(1)).toHaveText(/^This one/);
});

test('every body format has a keyboard shortcut, and the toolbar does the same', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await desk.newItem();
  await desk.field('Slug').fill('SHORTCUTS');
  const id = await desk.openId();
  const kb = page.keyboard;
  await desk.body.click();
  await kb.press('Control+Alt+Digit2');
  await kb.type('A sub-heading');
  await kb.press('Enter');
  await kb.type('Plain, ');
  await kb.press('Control+I');
  await kb.type('italic');
  await kb.press('Control+I');
  await kb.type(', ');
  await kb.press('Control+U');
  await kb.type('underlined');
  await kb.press('Control+U');
  await kb.type(' and a ');
  await kb.type('link');
  await kb.press('Shift+ArrowLeft');
  await kb.press('Shift+ArrowLeft');
  await kb.press('Shift+ArrowLeft');
  await kb.press('Shift+ArrowLeft');
  await kb.press('Control+K');
  const address = page.getByLabel('Link address');
  await expect(address).toBeFocused();
  await address.fill('javascript:alert(1)');
  await address.press('Enter');
  await expect(page.getByText('Links must start with http://, https:// or mailto:')).toBeVisible();
  await address.fill('https://turan.az/story');
  await address.press('Enter');
  await expect(desk.body.locator('a')).toHaveText('link');
  await expect(desk.body).toBeFocused();
  await kb.press('End');
  await kb.press('Enter');
  await kb.press('Control+Shift+Digit9');
  await kb.type('A quote.');
  await kb.press('Enter');
  await kb.press('Control+Alt+Digit0');
  await kb.press('Control+Shift+Digit7');
  await kb.type('first');
  await kb.press('Enter');
  await kb.type('second');
  await kb.press('Enter');
  await kb.press('Enter');
  await page.getByRole('button', { name: 'Sub-heading' }).click();
  await kb.type('Toolbar heading');
  await page.getByRole('button', { name: 'Paragraph' }).click();
  await expect(page.getByRole('button', { name: 'Paragraph' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Underline' }).click();
  await kb.type(' tail');

  await expect(desk.body.locator('h2')).toHaveText(['A sub-heading']);
  await expect(desk.body.locator('blockquote')).toHaveText('A quote.');
  await expect(desk.body.locator('ol li')).toHaveText(['first', 'second']);
  await desk.waitSaved();
  const html = await desk.preview.innerHTML();
  expect(html).toContain('<h2>A sub-heading</h2>');
  expect(html).toContain('<p>Plain, <em>italic</em>, <u>underlined</u> and a <a href="https://turan.az/story" rel="noopener noreferrer">link</a></p>');
  expect(html).toContain('<blockquote>A quote.</blockquote>');
  expect(html).toContain('<ol><li>first</li><li>second</li></ol>');
  expect(html).toContain('<p>Toolbar heading<u> tail</u></p>');
  const { item } = await desk.getItem(id);
  expect(item.bodyText).toBe('A sub-heading\nPlain, italic, underlined and a link\nA quote.\n1. first\n2. second\nToolbar heading tail');
});

test('limits and missing fields are shown in plain words before submission', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await desk.newItem();
  const before = page.getByRole('region', { name: 'Before submitting' });
  await expect(before).toContainText('Headline is required.');
  await expect(before).toContainText('Slug is required.');
  await expect(before).toContainText('Body is empty.');
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeDisabled();

  // The slug is brought to form as it is typed; what cannot be fixed is said.
  await desk.field('Slug').pressSequentially('baku talks/oil', { delay: 20 });
  await expect(desk.field('Slug')).toHaveValue('BAKU-TALKS/OIL');
  await desk.field('Slug').fill('BAKU TALKS!');
  await expect(page.getByText('Slug must be capital letters or digits joined by hyphens or slashes').first()).toBeVisible();
  await expect(desk.field('Slug')).toHaveAttribute('aria-invalid', 'true');
  await desk.field('Slug').fill('BAKU-TALKS');
  await expect(desk.field('Slug')).not.toHaveAttribute('aria-invalid', 'true');

  const long = 'Azerbaijan and Kazakhstan sign a plan of bilateral military cooperation for 2024 in Baku today';
  await desk.field('Headline').fill(long);
  await expect(page.getByText(`${long.length}/90`)).toHaveClass(/over/);
  await expect(page.getByText(`Headline is ${long.length} characters; keep it under 90.`).first()).toBeVisible();
  await desk.field('Headline').fill(long.repeat(2));
  await expect(desk.field('Headline')).toHaveValue(long.repeat(2).slice(0, 150));

  await desk.field('Sign-off').fill('06-B');
  await expect(page.getByText('Sign-off must be letters and digits only, e.g. 06B.').first()).toBeVisible();
  await desk.field('Sign-off').fill('06B');
  await desk.field('Place').fill('Baku');
  await desk.typeBody('The talks went on.');
  await expect(before).not.toContainText('is required');
  // The house (slash) style needs a date: Submit says so until there is one.
  const submit = page.getByRole('button', { name: 'Submit for review' });
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription(/^Not ready to submit: The dateline needs a date in the desk style \(Place\/dd\.mm\.yy\/Agency\)\./);
  await desk.field('Date').fill('06.10.2023');
  await expect(submit).toBeEnabled();
  await desk.waitSaved();
});

test('two windows editing one item: the stale save is caught, and neither text is lost', async ({ page, server }, testInfo) => {
  // Windows that have not heard of each other's saves yet (live, they would: see live.spec.ts).
  await offTheFeed(page);
  const a = new DeskPage(page);
  await a.newItem();
  await a.field('Slug').fill('STALE-TEST');
  await a.field('Headline').fill('Two editors, one item');
  await a.typeBody('Original text.');
  await a.waitSaved();
  const id = await a.openId();

  const page2 = await page.context().newPage();
  await page2.goto(server.url);
  const b = new DeskPage(page2);
  await b.open('STALE-TEST');

  await a.typeBody(' Edit from A.');
  await a.waitSaved();
  await b.typeBody(' Edit from B.');
  await expect(b.conflict).toBeVisible();
  await expect(b.saveState).toHaveText(/^Not saved — /);
  await expect(b.body).toHaveText('Original text. Edit from B.');
  await page2.screenshot({ path: testInfo.outputPath('conflict.png') });

  // B keeps its text: it becomes current, A's stays in the history.
  await page2.getByRole('button', { name: 'Keep mine' }).click();
  await b.waitSaved();
  await expect(b.conflict).toBeHidden();
  let current = await a.getItem(id);
  expect(current.item.bodyText).toBe('Original text. Edit from B.');
  let revisions = await a.revisions(id);
  expect(revisions.some((r) => r.body.includes('Original text. Edit from A.'))).toBe(true);
  expect(revisions[0]!.body).toContain('Original text. Edit from B.');

  // Now A is behind. A types, is told, and takes B's text: A's own goes into the history first.
  await a.typeBody(' Second edit from A.');
  await expect(a.conflict).toBeVisible();
  await page.getByRole('button', { name: 'Reload theirs' }).click();
  await expect(a.conflict).toBeHidden();
  await expect(a.body).toHaveText('Original text. Edit from B.');
  current = await a.getItem(id);
  expect(current.item.bodyText).toBe('Original text. Edit from B.');
  revisions = await a.revisions(id);
  expect(revisions.some((r) => r.body.includes('Original text. Edit from A. Second edit from A.'))).toBe(true);
  expect(revisions[0]!.note).toMatch(/^Restored revision \d+$/);
  await page2.close();
});

test('paste keeps only the desk formats: scripts, styles, images and tracking attributes are dropped', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await desk.newItem();
  await desk.field('Slug').fill('PASTE-TEST');
  await desk.field('Place').fill('Baku');
  const id = await desk.openId();

  await desk.pasteIntoBody({
    html:
      '<p style="color:red" class="tracking" data-track="abc">Web text with <span style="font-weight:bold">bold words</span> and ' +
      '<a href="https://example.com/story" onclick="alert(1)" data-utm="x" style="color:green">a safe link</a>.</p>' +
      '<script>alert(1)</script><img src=x onerror="alert(1)"><p><a href="javascript:alert(1)">bad link</a> stays as text.</p>',
    text: 'Web text with bold words and a safe link.\nbad link stays as text.',
  });
  await page.keyboard.press('Enter');
  await desk.pasteIntoBody({
    html:
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{color:red}</style></head><body>' +
      "<p class=MsoNormal style='margin:0cm'><b><span style='font-size:12pt;font-family:\"Times New Roman\"'>Word bold</span></b>" +
      "<span style='color:#1F497D'> and Word plain<o:p></o:p></span></p><ul><li class=MsoListParagraph>Word list item</li></ul></body></html>",
    text: 'Word bold and Word plain\nWord list item',
  });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // out of the list
  await desk.pasteIntoBody({ text: 'Plain line one\nPlain line two' });
  await desk.waitSaved();

  const { item } = await desk.getItem(id);
  const stored = JSON.stringify(item.body);
  for (const banned of ['script', 'alert', 'onerror', 'onclick', 'img', 'color', 'font-weight', 'font-family', 'Mso', 'data-', 'javascript:', 'tracking']) {
    expect(stored, banned).not.toContain(banned);
  }
  expect(stored).not.toMatch(/"style":"[^"]/);
  expect(item.bodyText).toContain('Web text with bold words and a safe link.');
  expect(item.bodyText).toContain('bad link stays as text.');
  expect(item.bodyText).toContain('Word bold and Word plain');
  expect(item.bodyText).toContain('- Word list item');
  expect(item.bodyText).toContain('Plain line one');
  expect(item.bodyText).toContain('Plain line two');

  const html = await desk.preview.innerHTML();
  for (const banned of ['<script', 'onerror', 'onclick', 'style=', '<img', 'javascript:', 'data-']) expect(html, banned).not.toContain(banned);
  expect(html).toContain('<strong>bold words</strong>');
  expect(html).toContain('<strong>Word bold</strong>');
  expect(html).toContain('<a href="https://example.com/story" rel="noopener noreferrer">a safe link</a>');
  expect(html).toContain('<li>Word list item</li>');
  expect(html).toMatch(/<p>Plain line one<\/p>\s*<p>Plain line two <span class="signoff">|<p>Plain line one<\/p>\s*<p>Plain line two<\/p>/);
});

test('the history says what changed, and restoring an earlier revision makes it the newest', async ({ page, server: _server }, testInfo) => {
  const desk = new DeskPage(page);
  await desk.newItem();
  await desk.field('Slug').fill('HISTORY-TEST');
  await desk.field('Headline').fill('First headline');
  await desk.typeBody('First body.');
  await desk.waitSaved();
  const id = await desk.openId();
  const first = (await desk.getItem(id)).item.revision;

  // A run of autosaves makes one revision; a pause of 3 s starts the next.
  const pause = () => page.waitForTimeout(3_100);
  await pause();
  await desk.field('Headline').fill('Second headline');
  await desk.waitSaved();
  await pause();
  await desk.typeBody(' Second body.');
  await desk.waitSaved();

  await page.getByRole('button', { name: 'History' }).click();
  const revisionList = desk.history.getByRole('list', { name: 'Revisions' });
  const entries = revisionList.getByRole('listitem');
  await expect(revisionList.getByText('Changed Headline', { exact: true }).first()).toBeVisible();
  await expect(revisionList.getByText('Changed Body', { exact: true }).first()).toBeVisible();
  await expect(revisionList.getByText('Created', { exact: true })).toBeVisible();
  await expect(entries.first()).toContainText('Current');
  await expect(entries.first()).toContainText(/\d\d:\d\d/);
  await expect(entries.first()).toContainText('Desk editor');

  await page.screenshot({ path: testInfo.outputPath('history.png') });
  const before = (await desk.getItem(id)).item.revision;
  await desk.history.getByRole('button', { name: `Restore revision ${first}` }).click();
  await expect(desk.field('Headline')).toHaveValue('First headline');
  await expect(desk.body).toHaveText('First body.');
  // Still open, with the restore on top as a new revision.
  await expect(entries.first()).toContainText(`Restored revision ${first}: changed Headline, Body`);
  const { item } = await desk.getItem(id);
  expect(item.headline).toBe('First headline');
  expect(item.revision).toBe(before + 1);
  const revisions = await desk.revisions(id);
  expect(revisions.map((r) => r.headline)).toContain('Second headline');
});

test('the desk list: Ctrl+N, arrow keys, duplicate, spike and restore from the Spiked list', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await expect(desk.list).toBeVisible();
  for (const [slug, headline] of [
    ['FIRST-ITEM', 'The first headline'],
    ['SECOND-ITEM', 'The second headline'],
  ]) {
    await page.keyboard.press('Control+N');
    await expect(desk.field('Slug')).toBeFocused();
    await expect(desk.field('Slug')).toHaveValue('');
    await page.keyboard.type(slug!);
    await desk.field('Headline').fill(headline!);
    await desk.waitSaved();
  }
  // Rows show slug, headline, status, urgency and the time of the last change.
  const first = desk.row('FIRST-ITEM');
  await expect(first).toContainText('The first headline');
  await expect(first).toContainText('draft');
  await expect(first).toContainText('5 Routine');
  await expect(first).toContainText(/\d\d:\d\d/);

  // Newest first: SECOND-ITEM is open and on top. Arrow keys move through the list.
  await expect(desk.selectedRow).toContainText('SECOND-ITEM');
  await desk.selectedRow.focus();
  await page.keyboard.press('ArrowDown');
  await expect(desk.field('Slug')).toHaveValue('FIRST-ITEM');
  await expect(desk.selectedRow).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(desk.field('Slug')).toHaveValue('SECOND-ITEM');
  await page.keyboard.press('End');
  await expect(desk.field('Slug')).toHaveValue('FIRST-ITEM');
  await page.keyboard.press('Home');
  await expect(desk.field('Slug')).toHaveValue('SECOND-ITEM');

  await page.getByRole('button', { name: 'Duplicate' }).click();
  await expect(desk.row('SECOND-ITEM')).toHaveCount(2);
  await expect(desk.field('Headline')).toHaveValue('The second headline');
  const copyId = await desk.openId();

  await desk.open('FIRST-ITEM');
  await page.getByRole('button', { name: 'Spike', exact: true }).click();
  await expect(desk.row('FIRST-ITEM')).toHaveCount(0);
  await desk.showList('Spiked');
  await expect(desk.row('FIRST-ITEM')).toHaveCount(1);
  await expect(desk.row('SECOND-ITEM')).toHaveCount(0);
  await desk.open('FIRST-ITEM');
  await expect(page.getByText('This item is spiked')).toBeVisible();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(desk.row('FIRST-ITEM')).toHaveCount(0);
  await desk.showList('Desk');
  await expect(desk.row('FIRST-ITEM')).toContainText('draft');
  expect((await desk.getItem(copyId)).item.slug).toBe('SECOND-ITEM');
});

test('settings: categories added, renamed and removed; refusals shown in plain words', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await desk.openView('Settings');
  await page.getByLabel('Editor name', { exact: true }).fill('Leyla Aliyeva');
  await page.getByLabel('Default sign-off', { exact: true }).fill('06B');
  await page.getByLabel('Desk name', { exact: true }).fill('Turan English desk');

  await page.getByRole('button', { name: 'Add category' }).click();
  const rows = page.getByRole('table').getByRole('row');
  const added = rows.last();
  await added.getByRole('textbox', { name: /name$/ }).fill('Defence');
  await added.getByRole('textbox', { name: /Media Topic code$/ }).fill('11000000');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Media Topic codes look like medtop:11000000.').first()).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/^Not saved — /);
  await expect(added.getByRole('textbox', { name: /Media Topic code$/ })).toHaveAttribute('aria-invalid', 'true');

  await added.getByRole('textbox', { name: /Media Topic code$/ }).fill('medtop:16000000');
  await page.getByLabel('Category 2 name').fill('Business'); // rename Economy
  await page.getByRole('button', { name: 'Remove category Sports' }).click();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Saved \d/);
  await expect(page.getByRole('banner')).toContainText('Turan English desk · Leyla Aliyeva');

  // A duplicate name is refused by the desk.
  await page.getByLabel('Category 1 name').fill('Business');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Not saved — Category "Business" is listed twice.');
  await page.getByLabel('Category 1 name').fill('Politics');

  // New items take the new sign-off; their category list is the new one.
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Saved \d/);
  await desk.openView('Desk');
  await desk.newItem();
  await expect(desk.field('Sign-off')).toHaveValue('06B');
  const options = await desk.field('Category').locator('option').allTextContents();
  expect(options).toEqual(['(none)', 'Politics', 'Business', 'Society', 'Region', 'World', 'Culture', 'Defence']);
  const stored = await page.evaluate(async () => (await window.desk.getSettings({})).ok);
  expect(stored).toBe(true);
});

test('the wire-copy preview follows edits anywhere in the body: a paragraph changed, added in the middle, removed', async ({ page, server: _server }) => {
  const desk = new DeskPage(page);
  await desk.newItem();
  // The new item's slug takes the focus first; only then is the body clicked (or keys would land in the slug).
  await expect(desk.field('Slug')).toBeFocused();
  await desk.field('Sign-off').fill('06B');
  await desk.body.click();
  await expect(desk.body).toBeFocused();
  const kb = page.keyboard;
  await kb.type('First paragraph.');
  await kb.press('Enter');
  await kb.type('Second paragraph.');
  await kb.press('Enter');
  await kb.type('Third paragraph.');
  const paragraphs = desk.preview.locator('p');
  await expect(paragraphs).toHaveText(['First paragraph.', 'Second paragraph.', 'Third paragraph. ---06B---']);
  // Into the first paragraph, then a new one after it.
  await desk.body.getByText('First paragraph.').click();
  await kb.press('End');
  await kb.type(' More.');
  await kb.press('Enter');
  await kb.type('Inserted.');
  await expect(paragraphs).toHaveText(['First paragraph. More.', 'Inserted.', 'Second paragraph.', 'Third paragraph. ---06B---']);
  // The second paragraph removed whole.
  await desk.body.getByText('Second paragraph.').click();
  await kb.press('End');
  await kb.press('Shift+Home');
  // The editor has taken the selected line before it is deleted: Playwright's keys come faster than any hand, and
  // Chromium can hand the editor the selection change after the next key.
  await expect
    .poll(() =>
      desk.body.evaluate((el) => {
        const sel = (el as unknown as { __lexicalEditor: { getEditorState(): { _selection: unknown } } }).__lexicalEditor.getEditorState()._selection as {
          anchor: { offset: number };
          focus: { offset: number };
        } | null;
        return sel ? Math.abs(sel.anchor.offset - sel.focus.offset) : -1;
      }),
    )
    .toBe('Second paragraph.'.length);
  await kb.press('Backspace');
  await kb.press('Backspace');
  await expect(paragraphs).toHaveText(['First paragraph. More.', 'Inserted.', 'Third paragraph. ---06B---']);
  await expect(desk.preview).toHaveText(/^First paragraph\. More\.\s*Inserted\.\s*Third paragraph\. ---06B---$/);
});
