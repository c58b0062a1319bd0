import { Menu, type ContextMenuParams, type MenuItemConstructorOptions, type WebContents } from 'electron';

/** Menu commands the renderer carries out (it owns the views). */
export type MenuCommand = 'new-item' | 'import' | 'queue' | 'settings';

/** The application menu. `send` hands a command to the focused window's renderer. */
export function appMenuTemplate(platform: NodeJS.Platform, send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        // Ctrl+N is the renderer's own shortcut; the menu only shows it.
        { label: 'New item\tCtrl+N', click: () => send('new-item') },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => send('import') },
        { type: 'separator' },
        { label: 'Queue', accelerator: 'CmdOrCtrl+Shift+Q', click: () => send('queue') },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}

export function installAppMenu(platform: NodeJS.Platform, send: (command: MenuCommand) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform, send)));
}

/**
 * The right-click menu: spelling suggestions for a misspelt word (and "Add to dictionary"),
 * then the editing commands that apply where the editor clicked. Empty when nothing applies.
 */
export function contextMenuTemplate(params: ContextMenuParams, contents: Pick<WebContents, 'replaceMisspelling' | 'session'>): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord) {
    for (const word of params.dictionarySuggestions.slice(0, 6)) items.push({ label: word, click: () => contents.replaceMisspelling(word) });
    if (params.dictionarySuggestions.length === 0) items.push({ label: 'No spelling suggestions', enabled: false });
    items.push({ label: 'Add to dictionary', click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord) });
    items.push({ type: 'separator' });
  }
  const f = params.editFlags;
  if (params.isEditable) {
    items.push(
      { role: 'cut', enabled: f.canCut },
      { role: 'copy', enabled: f.canCopy },
      { role: 'paste', enabled: f.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: f.canSelectAll },
    );
  } else if (params.selectionText.trim()) {
    items.push({ role: 'copy', enabled: f.canCopy });
  }
  while (items.at(-1)?.type === 'separator') items.pop();
  return items;
}

/** Show the right-click menu for every context-menu event of these contents. */
export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, contents);
    if (template.length) Menu.buildFromTemplate(template).popup();
  });
}
