import { seed } from './models/seed';
import { expect, test } from './fixtures';
import { DeskPage } from './models/DeskPage';
import { QueuePage } from './models/QueuePage';

test('the queue by keyboard: j/k and arrows move, x selects, a approves, r asks for a note, h holds, e opens, / searches, ? lists the keys', async ({
  page,
  server: _,
}) => {
  await seed(page, [
    { slug: 'FIRST-STORY', headline: 'First story', text: 'First text.' },
    { slug: 'SECOND-STORY', headline: 'Second story', text: 'Second text.' },
    { slug: 'THIRD-STORY', headline: 'Third story', text: 'Third text.' },
    { slug: 'FOURTH-STORY', headline: 'Fourth story', text: 'Fourth text.' },
  ]);
  const queue = new QueuePage(page);
  await queue.openView('Queue');
  await queue.expectCount('Submitted', 4);
  // Newest first: FOURTH is current. Keys act while the caret is not in a text field.
  await expect(queue.previewHead).toContainText('FOURTH-STORY');
  await page.locator('body').press('j');
  await expect(queue.previewHead).toContainText('THIRD-STORY');
  await page.keyboard.press('ArrowDown');
  await expect(queue.previewHead).toContainText('SECOND-STORY');
  await page.keyboard.press('k');
  await expect(queue.previewHead).toContainText('THIRD-STORY');
  await expect(queue.list.locator('[aria-current="true"]')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(queue.previewHead).toContainText('FOURTH-STORY');

  // x selects the current row; a approves the selection.
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(queue.list.getByRole('option', { selected: true })).toHaveCount(2);
  await page.keyboard.press('a');
  await expect(queue.notice).toContainText('are now approved');
  await queue.expectCount('Submitted', 2);
  await queue.expectCount('Approved', 2);

  // h holds the current item.
  await expect(queue.previewHead).toContainText('SECOND-STORY');
  await queue.list.locator('[aria-current="true"]').focus();
  await page.keyboard.press('h');
  await expect(queue.notice).toContainText('SECOND-STORY is now on hold');
  await queue.expectCount('Held', 1);

  // r asks for the note; Ctrl+Enter in the note sends it back.
  await expect(queue.previewHead).toContainText('FIRST-STORY');
  await page.keyboard.press('r');
  const form = page.getByRole('form', { name: 'Return to writer' });
  await expect(form.getByLabel('Note', { exact: true })).toBeFocused();
  // Typing the note is typing, not shortcuts.
  await page.keyboard.type('Check the dateline, please');
  await expect(form.getByLabel('Note', { exact: true })).toHaveValue('Check the dateline, please');
  await page.keyboard.press('Control+Enter');
  await expect(queue.notice).toContainText('FIRST-STORY is now a draft');
  await queue.expectCount('Submitted', 0);

  // / goes to the search; ? lists every shortcut of the view.
  await queue.openTab('Approved');
  await expect(page.getByRole('form', { name: 'Return to writer' })).toBeHidden();
  await page.locator('body').press('/');
  await expect(queue.search).toBeFocused();
  await queue.search.press('Escape');
  await expect(queue.list.locator('[aria-current="true"]')).toBeFocused();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const action of [
    'Next item',
    'Previous item',
    'Approve',
    'Return to writer (asks for a note)',
    'Hold',
    'Open in the editor',
    'Search the queue',
    'New item',
  ]) {
    await expect(help.getByRole('rowheader', { name: action, exact: true })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // e opens the current item in the editor.
  await page.keyboard.press('e');
  const desk = new DeskPage(page);
  await expect(desk.field('Slug')).toHaveValue(/THIRD-STORY|FOURTH-STORY/);
});

test('Ctrl+K lists the view’s actions with their keys and runs the one chosen; Alt+N starts an item from any view', async ({ page, server: _ }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await seed(page, [{ slug: 'PALETTE-STORY', headline: 'Palette story', text: 'Text.' }]);
  const queue = new QueuePage(page);
  await queue.openView('Queue');
  await expect(queue.previewHead).toContainText('PALETTE-STORY');
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  const approve = palette.getByRole('option', { name: /^Approve/ });
  await expect(approve).toContainText('A');
  await expect(palette.getByRole('option', { name: /Next item/ })).toContainText('J');
  await expect(palette.getByRole('option', { name: /New item/ })).toContainText('Alt+N');
  await page.screenshot({ path: test.info().outputPath('palette-1280.png') });
  await page.keyboard.type('approve');
  await expect(palette.getByRole('option').first()).toContainText('Approve');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(queue.notice).toContainText('PALETTE-STORY is now approved');

  // Alt+N from the queue: a new item, open in the editor, the caret in the slug.
  await page.keyboard.press('Alt+N');
  const desk = new DeskPage(page);
  await expect(desk.field('Slug')).toBeFocused();
  await expect(desk.field('Slug')).toHaveValue('');
});

test('the editor by keyboard: Alt+H, Alt+B, one Tab stop for the toolbar, Ctrl+Enter submits; a disabled Submit says why and each problem takes you to its field', async ({
  page,
  server: _,
}) => {
  const desk = new DeskPage(page);
  await desk.newItem();
  // Grey examples read as examples, not as values.
  for (const label of ['Slug', 'Place', 'Sign-off', 'Source', 'Keywords']) await expect(desk.field(label)).toHaveAttribute('placeholder', /^e\.g\. /);
  // Not ready: Submit says why, and Ctrl+Enter does nothing.
  const submit = page.getByRole('button', { name: 'Submit for review' });
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription(/Not ready to submit: .+/);
  await expect(page.locator('.submit-wrap')).toHaveAttribute('title', /Not ready to submit/);
  const problems = page.getByRole('region', { name: 'Before submitting' });
  await problems
    .getByRole('button', { name: /headline/i })
    .first()
    .click();
  await expect(desk.field('Headline')).toBeFocused();
  await expect(page.locator('.f-headline')).toHaveClass(/field-marked/);
  await problems.getByRole('button', { name: /place/i }).first().click();
  await expect(desk.field('Place')).toBeFocused();

  await desk.field('Slug').fill('KEYBOARD-STORY');
  await page.keyboard.press('Alt+H');
  await expect(desk.field('Headline')).toBeFocused();
  await page.keyboard.type('Filed without the mouse');
  await page.keyboard.press('Alt+B');
  await expect(desk.body).toBeFocused();
  await page.keyboard.type('Typed straight into the body.');
  await desk.field('Place').fill('Baku');
  await desk.field('Date').fill('2026-11-26');
  await desk.field('Category').selectOption('Politics');
  await desk.field('Sign-off').fill('06B');

  // Date and Embargo are one stop each, typed in the desk's order; half an embargo says what is wanted and is kept.
  await desk.field('Date').focus();
  await page.keyboard.press('Tab');
  await expect(desk.field('Agency')).toBeFocused();
  await desk.field('Embargo').fill('27.11.2030');
  await expect(desk.field('Embargo')).toHaveAccessibleDescription(/e\.g\. 27\.11\.2030 09:00/);
  await desk.field('Embargo').pressSequentially(' 9:30');
  await page.keyboard.press('Tab');
  await expect(desk.field('Time zone')).toBeFocused();
  await expect(desk.field('Embargo')).toHaveValue('27.11.2030 09:30');
  await expect(page.getByText(/EMBARGOED until 2030-11-27 09:30/).first()).toBeVisible();
  await desk.field('Embargo').fill('');

  // The toolbar is one stop: Shift+Tab from the body lands on it, arrows move inside, Tab goes back to the body.
  await desk.body.focus();
  await page.keyboard.press('Shift+Tab');
  const toolbar = page.getByRole('toolbar', { name: 'Body formatting' });
  const first = toolbar.locator('button:focus');
  await expect(first).toHaveCount(1);
  const before = await first.getAttribute('aria-label');
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.locator('button:focus')).not.toHaveAttribute('aria-label', before ?? '');
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(desk.body).toBeFocused();

  await expect(submit).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  await expect(submit).toBeHidden();
  await expect(page.locator('.item-head .status')).toHaveText('submitted');
});
