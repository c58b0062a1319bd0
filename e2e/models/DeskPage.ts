import { type Locator, type Page, expect } from '@playwright/test';
import type { ItemDetail } from '../../src/contract';

/** The writer's desk: item list and the item editor, in the editor's words. */
export class DeskPage {
  constructor(readonly page: Page) {}

  get body(): Locator {
    return this.page.getByRole('textbox', { name: 'Body' });
  }
  /** The item editor: it stays from item to item, `data-shown` tells each showing of an item apart. */
  get editor(): Locator {
    return this.page.getByRole('region', { name: 'Item', exact: true });
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
  get history(): Locator {
    return this.page.getByRole('complementary', { name: 'History' });
  }
  get conflict(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'while you were editing' });
  }
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }
  /** The list row of an item, by its slug. */
  row(slug: string): Locator {
    return this.list.getByRole('option').filter({ hasText: slug });
  }
  get selectedRow(): Locator {
    return this.list.getByRole('option', { selected: true });
  }

  async openView(name: 'Desk' | 'Queue' | 'Batches' | 'Import' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true }).click();
  }

  /** Desk or Spiked: which items the list shows. */
  async showList(name: 'Desk' | 'Spiked'): Promise<void> {
    await this.page.getByRole('group', { name: 'List' }).getByRole('button', { name, exact: true }).click();
    await expect(this.list).toHaveAccessibleName(name === 'Desk' ? 'Desk items' : 'Spiked items');
  }

  async newItem(): Promise<void> {
    await this.page.getByRole('button', { name: 'New item' }).click();
    await expect(this.field('Slug')).toBeFocused();
  }

  /** A new item with this slug, headline and body, saved; its id. */
  async newSavedItem(slug: string, body: string, headline = `${slug} headline`): Promise<string> {
    await this.newItem();
    await this.field('Slug').fill(slug);
    await this.field('Headline').fill(headline);
    await this.typeBody(body);
    await this.waitSaved();
    return this.openId();
  }

  /** Close the page as a browser does (its unload runs): the kind of dialog it opened, answered "stay". */
  async closeAskingToStay(): Promise<string> {
    const asked = new Promise<string>((resolve) =>
      this.page.once('dialog', (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await this.page.close({ runBeforeUnload: true });
    return asked;
  }

  async open(slug: string): Promise<void> {
    await this.row(slug).first().click();
    await expect(this.field('Slug')).toHaveValue(slug);
  }

  /** Which showing of an item the editor is on (a new one each time an item is shown, even the same again). */
  async shownAs(): Promise<string> {
    const shown = await this.editor.getAttribute('data-shown');
    expect(shown).toBeTruthy();
    return shown!;
  }

  /** Id of the item open in the editor. */
  async openId(): Promise<string> {
    const id = await this.selectedRow.getAttribute('data-id');
    expect(id).toBeTruthy();
    return id!;
  }

  /** Type into the body at its end. */
  async typeBody(text: string, options?: { delay?: number }): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text, options);
  }

  /** Paste into the body as a browser does: a paste event carrying the clipboard's flavours. */
  async pasteIntoBody(data: { html?: string; text: string }): Promise<void> {
    await this.body.click();
    await this.page.keyboard.press('Control+End');
    // A paste event takes the editor's own selection, which follows the caret on the next selectionchange.
    await this.body.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await this.body.evaluate((el, d) => {
      const dt = new DataTransfer();
      if (d.html) dt.setData('text/html', d.html);
      dt.setData('text/plain', d.text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, data);
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveText(/^Saved \d/, { timeout: 5_000 });
  }

  /** The stored item, straight from the desk (not from the screen). */
  getItem(id: string): Promise<ItemDetail> {
    return this.page.evaluate(async (itemId) => {
      const r = await window.desk.getItem({ id: itemId });
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    }, id);
  }

  /** Every stored revision's fields with its number and note, newest first. */
  revisions(id: string): Promise<{ revision: number; changed: string[]; note: string; body: string; headline: string }[]> {
    return this.page.evaluate(async (itemId) => {
      const h = await window.desk.history({ id: itemId });
      if (!h.ok) throw new Error(h.error.message);
      return Promise.all(
        h.value.revisions.map(async (r) => {
          const f = await window.desk.getRevision({ id: itemId, revision: r.revision });
          if (!f.ok) throw new Error(f.error.message);
          return { revision: r.revision, changed: r.changed, note: r.note, body: JSON.stringify(f.value.body), headline: f.value.headline };
        }),
      );
    }, id);
  }

  /** A new draft, saved, ready for review but for its embargo (and category, only warned of); its id. */
  async newReadyDraft(slug: string): Promise<string> {
    const id = await this.newSavedItem(slug, 'Gas exports to Europe rose by ten percent, the ministry said.', 'Gas exports rise by a tenth');
    await this.field('Place').fill('Baku');
    await this.field('Date').fill('26.11.2026');
    await this.field('Sign-off').fill('07C');
    await this.waitSaved();
    return id;
  }

  /** Another window of the same desk (a page of its own at `url`): `act` runs there, then it closes. */
  async inAnotherWindow(url: string, act: (them: DeskPage) => Promise<void>): Promise<void> {
    const other = await this.page.context().newPage();
    try {
      await other.goto(url);
      await act(new DeskPage(other));
    } finally {
      await other.close();
    }
  }

  /** Another window opens the item `slug`, makes `change` and saves it; this window, with nothing unsaved, shows it anew. */
  theySave(url: string, slug: string, change: (them: DeskPage) => Promise<void>): Promise<void> {
    return this.inAnotherWindow(url, async (them) => {
      await them.open(slug);
      await change(them);
      await them.waitSaved();
    });
  }
}
