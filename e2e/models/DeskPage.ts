import { type Locator, type Page, expect } from '@playwright/test';

/** The writer's desk: item list and the item editor, in the editor's words. */
export class DeskPage {
  constructor(readonly page: Page) {}

  get body(): Locator {
    return this.page.getByRole('textbox', { name: 'Body' });
  }
  get saveState(): Locator {
    return this.page.getByRole('status');
  }
  get preview(): Locator {
    return this.page.getByTestId('wire-copy');
  }
  get list(): Locator {
    return this.page.getByRole('listbox', { name: /items/i });
  }
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async openView(name: 'Desk' | 'Queue' | 'Batches' | 'Import' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true }).click();
  }

  async newItem(): Promise<void> {
    await this.page.getByRole('button', { name: 'New item' }).click();
    await expect(this.field('Slug')).toBeFocused();
  }

  async open(slug: string): Promise<void> {
    await this.list.getByRole('option').filter({ hasText: slug }).first().click();
    await expect(this.field('Slug')).toHaveValue(slug);
  }

  /** Type into the body at its end. */
  async typeBody(text: string): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveText(/^Saved \d/, { timeout: 5_000 });
  }
}
