import type { ContextMenuParams, MenuItemConstructorOptions, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appMenuTemplate, contextMenuTemplate, installAppMenu, installContextMenu, type MenuCommand } from './menu';
import { FakeWebContents, recorded, resetFake } from '../../test/electron';

vi.mock('electron', async () => (await import('../../test/electron')).fakeElectronModule());
beforeEach(resetFake);

type Item = MenuItemConstructorOptions;
const submenu = (t: Item[], label: string) => (t.find((i) => i.label === label)?.submenu ?? []) as Item[];
const click = (item: Item | undefined) => (item?.click as () => void)();

describe('application menu', () => {
  it('hands File commands to the renderer, and quits on Linux and Windows', () => {
    const sent: MenuCommand[] = [];
    const template = appMenuTemplate('linux', (c) => sent.push(c));
    const file = submenu(template, 'File');
    for (const label of ['New item\tCtrl+N', 'Import…', 'Queue', 'Settings']) click(file.find((i) => i.label === label));
    expect(sent).toEqual(['new-item', 'import', 'queue', 'settings']);
    expect(file.find((i) => i.label === 'Import…')?.accelerator).toBe('CmdOrCtrl+I');
    expect(file.at(-1)).toEqual({ role: 'quit' });
    expect(template.map((i) => i.role ?? i.label)).toEqual(['File', 'editMenu', 'viewMenu', 'windowMenu']);
  });

  it('on macOS leads with the app menu and closes the window from File', () => {
    const template = appMenuTemplate('darwin', () => undefined);
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(submenu(template, 'File').at(-1)).toEqual({ role: 'close' });
  });

  it('is installed as the application menu', () => {
    installAppMenu('win32', () => undefined);
    expect((recorded.applicationMenu as Item[]).map((i) => i.role ?? i.label)).toEqual(['File', 'editMenu', 'viewMenu', 'windowMenu']);
  });
});

describe('right-click menu', () => {
  const params = (p: Partial<ContextMenuParams>): ContextMenuParams =>
    ({
      misspelledWord: '',
      dictionarySuggestions: [],
      isEditable: false,
      selectionText: '',
      editFlags: { canCut: true, canCopy: true, canPaste: true, canSelectAll: true },
      ...p,
    }) as ContextMenuParams;

  it('offers spelling suggestions and Add to dictionary for a misspelt word', () => {
    const wc = new FakeWebContents();
    const t = contextMenuTemplate(
      params({ misspelledWord: 'goverment', dictionarySuggestions: ['government', 'governments'], isEditable: true }),
      wc as unknown as WebContents,
    );
    expect(t.map((i) => i.label ?? i.role ?? i.type)).toEqual([
      'government',
      'governments',
      'Add to dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    click(t[0]);
    click(t[2]);
    expect(wc.replaced).toEqual(['government']);
    expect(wc.session.dictionary).toEqual(['goverment']);
  });

  it('says when there is no suggestion', () => {
    const t = contextMenuTemplate(params({ misspelledWord: 'Xankəndi', isEditable: true }), new FakeWebContents() as unknown as WebContents);
    expect(t[0]).toEqual({ label: 'No spelling suggestions', enabled: false });
  });

  it('offers Copy on selected text outside the editor, and nothing on empty ground', () => {
    const wc = new FakeWebContents() as unknown as WebContents;
    expect(contextMenuTemplate(params({ selectionText: 'Baku' }), wc)).toEqual([{ role: 'copy', enabled: true }]);
    expect(contextMenuTemplate(params({}), wc)).toEqual([]);
  });

  it('pops up on the window’s context-menu event', () => {
    const wc = new FakeWebContents();
    installContextMenu(wc as unknown as WebContents);
    wc.emit('context-menu', {}, params({ selectionText: 'Baku' }));
    wc.emit('context-menu', {}, params({}));
    expect(recorded.popups).toEqual([[{ role: 'copy', enabled: true }]]);
  });
});
