import { type Locator, type Page, expect } from '@playwright/test';

export type QueueTabName = 'Submitted' | 'Approved' | 'Held' | 'Published' | 'Killed' | 'Spiked';

/** The publishing queue and the batch history, in the editor's words. */
export class QueuePage {
  constructor(readonly page: Page) {}

  async openView(name: 'Queue' | 'Batches' | 'Desk'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true }).click();
  }

  // Tabs and the list

  tab(name: QueueTabName): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}\\b`) });
  }
  async openTab(name: QueueTabName): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }
  /** The tab's accessible name carries its count: "Submitted 2". */
  async expectCount(name: QueueTabName, n: number): Promise<void> {
    await expect(this.tab(name)).toHaveAccessibleName(`${name} ${n}`);
  }
  get list(): Locator {
    return this.page.getByRole('listbox', { name: /items$/ });
  }
  get rows(): Locator {
    return this.list.getByRole('option');
  }
  row(slug: string): Locator {
    return this.rows.filter({ hasText: slug });
  }
  /** The row's selection box (drawn; the row's aria-selected carries the state). */
  checkbox(slug: string): Locator {
    return this.row(slug).locator('.q-box');
  }
  get selectAll(): Locator {
    return this.page.getByRole('checkbox', { name: 'Select all' });
  }
  bulk(action: 'Approve' | 'Hold' | 'Release'): Locator {
    return this.page.getByRole('button', { name: `${action} selected`, exact: true });
  }

  // Filters

  get filters(): Locator {
    return this.page.getByRole('search', { name: 'Filter the queue' });
  }
  get search(): Locator {
    return this.filters.getByRole('searchbox', { name: 'Search' });
  }
  filter(label: 'Category' | 'Urgency' | 'Editor'): Locator {
    return this.filters.getByLabel(label, { exact: true });
  }

  // Preview and actions

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }
  get previewHead(): Locator {
    return this.preview.locator('.q-preview-head');
  }
  get wireCopy(): Locator {
    return this.preview.getByTestId('queue-wire-copy');
  }
  action(name: 'Approve' | 'Return to writer' | 'Hold' | 'Release' | 'Kill' | 'Correct' | 'Open in editor'): Locator {
    return this.preview.getByRole('button', { name, exact: true });
  }
  /** Open an item in the preview. */
  async select(slug: string): Promise<void> {
    await this.row(slug).click();
    await expect(this.previewHead).toContainText(slug);
  }
  /** Return to writer / Kill: the action asks for its note inline. */
  async actWithNote(action: 'Return to writer' | 'Kill', note: string): Promise<void> {
    await this.action(action).click();
    const form = this.page.getByRole('form', { name: action });
    await form.getByLabel('Note', { exact: true }).fill(note);
    await form.getByRole('button', { name: 'Confirm' }).click();
    await expect(form).toBeHidden();
  }
  get notice(): Locator {
    return this.page.locator('.q-notice');
  }
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  // Export (Approved tab)

  get exportPanel(): Locator {
    return this.page.getByRole('region', { name: 'Export' });
  }
  get folder(): Locator {
    return this.exportPanel.getByLabel('Export folder', { exact: true });
  }
  get exportButton(): Locator {
    return this.exportPanel.getByRole('button', { name: 'Export batch', exact: true });
  }
  get exportResult(): Locator {
    return this.page.getByRole('status', { name: 'Export result' });
  }
  /** Export the pending entries to `folder`; returns what the desk reports. */
  async exportBatch(
    folder: string,
    opts: { format?: 'ninjs 3.1' | 'ninjs 2.2' | 'JSON Feed 1.1'; ndjson?: boolean } = {},
  ): Promise<{ id: number; path: string; sha256: string }> {
    await this.folder.fill(folder);
    if (opts.format) await this.exportPanel.getByLabel('Format').selectOption({ label: opts.format });
    if (opts.ndjson !== undefined) await this.exportPanel.getByLabel('NDJSON').setChecked(opts.ndjson);
    await this.exportButton.click();
    return this.readResult();
  }
  async readResult(): Promise<{ id: number; path: string; sha256: string }> {
    await expect(this.exportResult).toBeVisible();
    const title = await this.exportResult.locator('.q-facts-title').innerText();
    return {
      id: Number(/Batch (\d+)/.exec(title)![1]),
      path: await this.exportResult.getByTestId('batch-path').innerText(),
      sha256: await this.exportResult.getByTestId('batch-sha').innerText(),
    };
  }

  // Batches view

  get batchRows(): Locator {
    return this.page.getByRole('region', { name: 'Batch history' }).locator('tbody tr');
  }
  batchPane(id: number): Locator {
    return this.page.getByRole('region', { name: `Batch ${id}` });
  }
  async openBatch(id: number): Promise<Locator> {
    await this.page.getByRole('button', { name: `Batch ${id}`, exact: true }).click();
    const pane = this.batchPane(id);
    await expect(pane.getByRole('table', { name: 'Entries' })).toBeVisible();
    return pane;
  }
  entries(pane: Locator): Locator {
    return pane.getByRole('table', { name: 'Entries' }).locator('tbody tr');
  }
  async resend(pane: Locator, folder: string): Promise<Locator> {
    await pane.getByLabel('Export folder', { exact: true }).fill(folder);
    await pane.getByRole('button', { name: 'Re-send', exact: true }).click();
    const done = pane.getByRole('status');
    await expect(done).toContainText('Written again to');
    return done;
  }

  /** A batch whose writer cannot be checked, listed above the history with Complete and Drop. */
  stuckBatch(id: number): Locator {
    return this.page.getByRole('region', { name: 'Stuck batches' }).getByRole('listitem', { name: `Stuck batch ${id}` });
  }
}
