import { type Locator, type Page } from '@playwright/test';

/** File → Import: the paste area, the items found beside the original text, and the import. */
export class ImportPage {
  constructor(readonly page: Page) {}

  get paste(): Locator {
    return this.page.getByLabel('Paste wire copy');
  }
  /** The file input (in the browser; Electron uses its own dialog). */
  get fileInput(): Locator {
    return this.page.getByLabel('Open file');
  }
  get format(): Locator {
    return this.page.getByLabel('Format', { exact: true });
  }
  get findButton(): Locator {
    return this.page.getByRole('button', { name: 'Find items' });
  }
  /** "Import 5 items" (not the Import view's tab). */
  get importButton(): Locator {
    return this.page.getByRole('button', { name: /^Import \d/ });
  }
  get error(): Locator {
    return this.page.getByRole('main', { name: 'Import' }).getByRole('alert');
  }
  get original(): Locator {
    return this.page.getByRole('region', { name: 'Original text' });
  }
  get items(): Locator {
    return this.page.getByRole('region', { name: 'Items found' }).getByRole('article');
  }
  /** "Items 51–100 of 1,500", with Previous, Next and Go to item. */
  get pages(): Locator {
    return this.page.getByRole('navigation', { name: 'Pages of items' });
  }
  get imported(): Locator {
    return this.page.getByRole('region', { name: 'Imported' });
  }

  /** Item `n`, counting from 1 as the view does. */
  item(n: number): Locator {
    return this.page.getByRole('article', { name: `Item ${n}`, exact: true });
  }
  field(n: number, label: string): Locator {
    return this.item(n).getByLabel(label, { exact: true });
  }
  warnings(n: number): Locator {
    return this.item(n).getByRole('list', { name: 'Warnings' });
  }
  /** The highlighted parts of the original text that filled `label` ("Place", "Headline", …). */
  marks(label: string): Locator {
    return this.original.locator(`mark[title="${label}"]`);
  }

  async findIn(text: string): Promise<void> {
    await this.paste.fill(text);
    await this.findButton.click();
  }

  /** Paste `text` into the paste box as the clipboard would (a paste too long to edit is kept out of it). */
  async pasteLarge(text: string): Promise<void> {
    await this.paste.evaluate((box, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      box.focus();
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  async openFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }
}
