import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page, test as base } from '@playwright/test';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type FreshHub, freshHub, pgProxy } from '../test/hub';
import { type ItemFields, pickFields } from '../src/core/item';
import { bodyFromPlainText } from '../src/core/richtext';
import { initSharedDesk } from '../src/service/hubInit';
import { DeskServerProcess, expect } from './fixtures';
import { DeskPage } from './models/DeskPage';
import { QueuePage } from './models/QueuePage';
import { seed } from './models/seed';

/** The shared desk in the app: two desk servers (two processes, two SQLite files) on one fresh PostgreSQL database. */
const LIVE_MS = 1_000;
const SCREEN = { width: 1280, height: 800 };

interface Desk {
  server: DeskServerProcess;
  page: Page;
}

let hub: FreshHub;
const running: DeskServerProcess[] = [];

const test = base.extend<object>({});
test.beforeEach(async () => {
  test.slow(); // desk servers, PostgreSQL and Chromium on a shared 2-core machine
  hub = await freshHub();
  await initSharedDesk(hub.url());
});
test.afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
  await hub.drop();
});

/** A desk server on its own database, joined to `hubUrl` from the command line (or not at all), and a browser window on it. */
async function openDesk(browser: Browser, hubUrl?: string): Promise<Desk> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-hub-ui-'));
  const server = new DeskServerProcess(dir, path.join(dir, 'desk.sqlite'), hubUrl ? { WIREDESK_HUB: hubUrl } : {});
  await server.start();
  running.push(server);
  const page = await (await browser.newContext({ viewport: SCREEN })).newPage();
  await page.goto(server.loginUrl);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  return { server, page };
}

/** Write an item in the editor and submit it for review, as a writer does. */
async function writeAndSubmit(page: Page, slug: string): Promise<void> {
  const desk = new DeskPage(page);
  await desk.openView('Desk');
  await desk.newItem();
  await desk.field('Slug').fill(slug);
  await desk.field('Headline').fill(`${slug} — ferry traffic resumes on the Caspian`);
  await desk.field('Place').fill('Baku');
  await desk.field('Date').fill('30.11.2026');
  await desk.field('Category').selectOption('Economy');
  await desk.field('Sign-off').fill('06B');
  await desk.typeBody('Ferry traffic between Baku and Aktau resumed on Monday.');
  await desk.waitSaved();
  await page.getByRole('button', { name: 'Submit for review', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Submit for review', exact: true })).toBeHidden();
}

const banner = (page: Page) => page.getByTestId('hub-banner');

/** Rewrite an item's headline and text through the desk API, as its editor would in the editor. */
async function rewrite(page: Page, id: string, headline: string, text: string): Promise<void> {
  const item = await page.evaluate(async (id) => {
    const r = await window.desk.getItem({ id });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.item;
  }, id);
  const fields: ItemFields = { ...pickFields(item), headline, body: bodyFromPlainText(text) };
  await page.evaluate(
    async ({ id, baseRevision, fields }) => {
      const r = await window.desk.saveDraft({ id, baseRevision, fields });
      if (!r.ok) throw new Error(r.error.message);
    },
    { id, baseRevision: item.revision, fields },
  );
}

test('desk A submits in the app; desk B sees it live, approves and exports; A sees it published', async ({ browser }) => {
  const [writer, editor] = [await hub.role('wiredesk_writer'), await hub.role('wiredesk_editor')];
  const a = await openDesk(browser, hub.url(writer));
  const b = await openDesk(browser, hub.url(editor));
  const queueB = new QueuePage(b.page);
  await queueB.openView('Queue');
  await queueB.expectCount('Submitted', 0);

  await writeAndSubmit(a.page, 'CASPIAN-FERRY');
  // B's open queue follows the shared desk without a click.
  await expect(queueB.row('CASPIAN-FERRY')).toBeVisible({ timeout: LIVE_MS });
  await queueB.expectCount('Submitted', 1);

  await queueB.select('CASPIAN-FERRY');
  await queueB.action('Approve').click();
  await queueB.openTab('Approved');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-hub-ui-out-'));
  const batch = await queueB.exportBatch(out);
  expect(batch.id).toBe(1);

  // A, a writer's desk, sees its item published, and the audit names the PostgreSQL roles.
  const deskA = new DeskPage(a.page);
  await expect(deskA.row('CASPIAN-FERRY')).toContainText('published');
  expect((await hub.audit()).map((r) => `${r.action} ${r.actor}`)).toEqual([`submit ${writer}`, `approve ${editor}`, `publish ${editor}`]);
  await expect(banner(a.page)).toBeHidden();
});

test('offline: A shows "Offline — 3 changes waiting" while the hub is cut off, and B gets the 3 when it is back', async ({ browser }) => {
  const proxy = await pgProxy();
  try {
    const a = await openDesk(browser, hub.url(undefined, proxy.host));
    const b = await openDesk(browser, hub.url());
    const slugs = ['OFFLINE-ONE', 'OFFLINE-TWO', 'OFFLINE-THREE'];
    await seed(
      a.page,
      slugs.map((slug) => ({ slug, headline: `${slug} headline`, text: 'Filed from the field.', to: 'draft' as const })),
    );
    const queueB = new QueuePage(b.page);
    await queueB.openView('Queue');
    await queueB.expectCount('Submitted', 0);

    await proxy.stop();
    await expect(banner(a.page)).toHaveText(/^Offline — no changes waiting/);
    const deskA = new DeskPage(a.page);
    for (const slug of slugs) {
      await deskA.open(slug);
      await a.page.getByRole('button', { name: 'Submit for review', exact: true }).click();
      await expect(deskA.row(slug)).toContainText('submitted');
    }
    await expect(banner(a.page)).toHaveText(/^Offline — 3 changes waiting/);
    await a.page.screenshot({ path: test.info().outputPath('offline-banner.png') });
    // Settings says the same: offline since when, and what waits.
    await a.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings', exact: true }).click();
    await a.page.getByRole('navigation', { name: 'Settings pages' }).getByRole('button', { name: 'Shared desk' }).click();
    await expect(a.page.getByTestId('hub-connection')).toHaveText('Offline');
    await expect(a.page.getByTestId('hub-waiting')).toHaveText("3 changes in this desk's outbox");
    await a.page.screenshot({ path: test.info().outputPath('shared-desk-settings-offline.png') });
    await queueB.expectCount('Submitted', 0);

    await proxy.start();
    await expect(banner(a.page)).toBeHidden();
    await expect(a.page.getByTestId('hub-connection')).toHaveText('Connected');
    await expect(a.page.getByTestId('hub-waiting')).toHaveText('Nothing: every change is on the shared desk.');
    for (const slug of slugs) await expect(queueB.row(slug)).toBeVisible();
    await queueB.expectCount('Submitted', 3);
  } finally {
    await proxy.close();
  }
});

test('Settings → Shared desk: a URL with a password is refused; joining shows the role, the connection and what waits; Sync now; Leave', async ({
  browser,
}) => {
  const editor = await hub.role('wiredesk_editor');
  const a = await openDesk(browser);
  await a.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings', exact: true }).click();
  await a.page.getByRole('navigation', { name: 'Settings pages' }).getByRole('button', { name: 'Shared desk' }).click();
  const url = a.page.getByLabel('Shared desk URL', { exact: true });
  await expect(a.page.getByRole('heading', { name: 'Join a shared desk' })).toBeVisible();

  await url.fill(hub.url(`${editor}:secret`));
  await a.page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(a.page.getByText(/Take the password out of the shared desk URL/)).toBeVisible();
  await expect(url).toHaveAttribute('aria-invalid', 'true');

  await url.fill('postgres://nobody@127.0.0.1:1/desk');
  await a.page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(a.page.getByRole('alert')).toHaveAttribute('data-code', 'HUB_OFFLINE');

  await url.fill(hub.url(editor));
  await a.page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(a.page.getByRole('heading', { name: 'This desk is joined' })).toBeVisible();
  await expect(a.page.getByTestId('hub-url')).toHaveText(hub.url(editor));
  await expect(a.page.getByTestId('hub-connection')).toHaveText('Connected');
  await expect(a.page.getByTestId('hub-role')).toHaveText(editor);
  await expect(a.page.getByTestId('hub-waiting')).toHaveText('Nothing: every change is on the shared desk.');
  await a.page.getByRole('button', { name: 'Sync now' }).click();
  await expect(a.page.getByRole('status').filter({ hasText: /^Synced:/ })).toHaveText(/0 changes sent, 0 items brought up to date; no changes waiting\./);
  await a.page.screenshot({ path: test.info().outputPath('shared-desk-settings.png') });

  await a.page.getByRole('button', { name: 'Leave shared desk' }).click();
  await expect(a.page.getByRole('heading', { name: 'Join a shared desk' })).toBeVisible();
  expect((await a.server.cli(['hub', 'status'])).stderr).toMatch(/Name the shared desk/);
});

test('any joined desk re-sends a shared desk batch byte for byte, from the Batches view and the CLI', async ({ browser }) => {
  const [e1, e2] = [await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
  const a = await openDesk(browser, hub.url(e1));
  const b = await openDesk(browser, hub.url(e2));
  await seed(a.page, [{ slug: 'RESEND-ONE', headline: 'Resend one', text: 'First.', to: 'approved' }]);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-hub-ui-out-'));
  const exported = await a.server.cli(['export', '--format', 'ninjs', '--out', path.join(out, 'a.json')]);
  expect(exported.stdout).toMatch(/\(shared desk batch 1\)/);
  const original = fs.readFileSync(path.join(out, 'a.json'));

  const queueB = new QueuePage(b.page);
  await queueB.openView('Batches');
  await b.page.getByRole('group', { name: 'Whose batches' }).getByRole('button', { name: 'Shared desk' }).click();
  await b.page.getByRole('button', { name: 'Shared batch 1', exact: true }).click();
  const pane = b.page.getByRole('region', { name: 'Shared batch 1' });
  await expect(pane.getByRole('table', { name: 'Entries' })).toContainText('RESEND-ONE');
  await expect(pane).toContainText(e1);
  const resendDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-hub-ui-resend-'));
  await pane.getByLabel('Export folder', { exact: true }).fill(resendDir);
  await pane.getByRole('button', { name: 'Re-send', exact: true }).click();
  await expect(pane.getByRole('status')).toContainText('byte-identical to the original');
  const [written] = fs.readdirSync(resendDir);
  expect(fs.readFileSync(path.join(resendDir, written!)).equals(original)).toBe(true);

  const cli = await b.server.cli(['resend', '1', '--shared', '--out', path.join(resendDir, 'cli.json')]);
  expect(cli.code, cli.stderr).toBe(0);
  expect(
    createHash('sha256')
      .update(fs.readFileSync(path.join(resendDir, 'cli.json')))
      .digest('hex'),
  ).toBe(createHash('sha256').update(original).digest('hex'));
});

test('an edit and approval made offline that meet a newer edit on the shared desk: "1 conflict" leads to both versions side by side; Dismiss leaves the shared desk\'s', async ({
  browser,
}) => {
  const [e1, e2] = [await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
  const proxy = await pgProxy();
  try {
    const a = await openDesk(browser, hub.url(e1, proxy.host));
    const b = await openDesk(browser, hub.url(e2));
    const [id] = await seed(a.page, [
      { slug: 'CASPIAN-PIPELINE', headline: 'Pipeline talks open in Baku', text: 'Talks on the Caspian pipeline opened on Monday.' },
    ]);
    const queueB = new QueuePage(b.page);
    await queueB.openView('Queue');
    await expect(queueB.row('CASPIAN-PIPELINE')).toBeVisible();

    // A, cut off, rewrites and approves; B, online, adds to it meanwhile.
    await proxy.stop();
    await expect(banner(a.page)).toHaveText(/^Offline/);
    await rewrite(a.page, id!, 'Pipeline talks stall in Baku', 'Talks on the Caspian pipeline stalled on Monday.');
    await a.page.evaluate(async (id) => {
      const r = await window.desk.transition({ ids: [id], action: 'approve' });
      if (!r.ok) throw new Error(r.error.message);
    }, id!);
    await rewrite(b.page, id!, 'Pipeline talks open in Baku with Turkmenistan', 'Talks on the Caspian pipeline opened on Monday. Turkmenistan joined them.');
    await expect.poll(async () => (await hub.item(id!))?.headline).toBe('Pipeline talks open in Baku with Turkmenistan');

    await proxy.start();
    const conflicts = banner(a.page).getByRole('button', { name: '1 conflict' });
    await expect(conflicts).toBeVisible();
    await expect(banner(a.page)).not.toContainText('Offline');
    await conflicts.click();

    const section = a.page.getByRole('region', { name: /^Conflicts/ });
    await expect(section.getByRole('heading', { name: /^Conflicts/ })).toBeFocused();
    const conflict = section.getByRole('article', { name: /CASPIAN-PIPELINE/ });
    await expect(conflict.getByRole('heading', { level: 3 })).toContainText("this desk's Edit, then Approve");
    await expect(conflict).toContainText(new RegExp(`CASPIAN-PIPELINE: ${e2} did "Edit" at .* \\(now submitted\\); your "Edit" was not applied`));
    const mine = conflict.getByRole('region', { name: 'Yours (not applied)' });
    const theirs = conflict.getByRole('region', { name: 'On the shared desk' });
    await expect(mine).toContainText('approved · version 1');
    await expect(mine).toContainText('Pipeline talks stall in Baku');
    await expect(mine).toContainText('Talks on the Caspian pipeline stalled on Monday.');
    await expect(theirs).toContainText('submitted for review · version 1');
    await expect(theirs).toContainText('Pipeline talks open in Baku with Turkmenistan');
    await expect(theirs).toContainText('Turkmenistan joined them.');
    // The words only one version has are marked.
    await expect(mine.locator('.changes-headline ins')).toHaveText(['stall']);
    await expect(theirs.locator('.changes-headline del')).toHaveText(['open', ' with Turkmenistan']);
    await expect(a.page.getByTestId('hub-conflict-count')).toContainText('1 change the shared desk did not take');
    await a.page.screenshot({ path: test.info().outputPath('conflicts.png') });
    const axe = await new AxeBuilder({ page: a.page })
      .include('#hub-conflicts')
      .include('[data-testid="hub-banner"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    // The editor opens the shared desk's version: it stands.
    await conflict.getByRole('button', { name: 'Open in the editor' }).click();
    const deskA = new DeskPage(a.page);
    await expect(deskA.field('Slug')).toHaveValue('CASPIAN-PIPELINE');
    await expect(deskA.field('Headline')).toHaveValue('Pipeline talks open in Baku with Turkmenistan');

    await conflicts.click();
    await section.getByRole('button', { name: 'Dismiss' }).click();
    await expect(section).toBeHidden();
    await expect(banner(a.page)).toBeHidden();
    expect(await hub.item(id!)).toEqual({ status: 'submitted', headline: 'Pipeline talks open in Baku with Turkmenistan' });
    expect((await hub.audit(id)).map((r) => `${r.action} ${r.actor}`)).toEqual([`submit ${e1}`, `edit ${e2}`]);
  } finally {
    await proxy.close();
  }
});
