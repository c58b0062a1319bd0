/**
 * A fake `electron` module for the main process's unit tests: `vi.mock('electron', fakeElectronModule)`.
 * It records what the code under test asks of Electron (menus set, dialogs shown, spellchecker
 * languages, windows made) and lets a test play Electron's part (dialog answers, events).
 */
import { EventEmitter } from 'node:events';

export interface Recorded {
  applicationMenu: unknown[] | null;
  popups: unknown[][];
  dialogs: { kind: string; options: Record<string, unknown> }[];
  opened: string[];
  quit: number;
}

export class FakeSession {
  availableSpellCheckerLanguages = ['de', 'en-AU', 'en-GB', 'en-US', 'fr', 'pt-BR', 'pt-PT', 'ru'];
  spellCheckerEnabled = true;
  languages: string[] = ['en-US'];
  dictionary: string[] = [];
  setSpellCheckerEnabled(on: boolean) {
    this.spellCheckerEnabled = on;
  }
  setSpellCheckerLanguages(languages: string[]) {
    for (const l of languages) if (!this.availableSpellCheckerLanguages.includes(l)) throw new Error(`no dictionary for ${l}`);
    this.languages = languages;
  }
  addWordToSpellCheckerDictionary(word: string) {
    this.dictionary.push(word);
    return true;
  }
}

export class FakeWebContents extends EventEmitter {
  session = new FakeSession();
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  replaced: string[] = [];
  sent: unknown[][] = [];
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  replaceMisspelling(word: string) {
    this.replaced.push(word);
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  /** Emit an event as Electron does, with a preventable event object; returns whether it was prevented. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  bounds = { x: 10, y: 20, width: 1200, height: 800 };
  minimized = false;
  maximized = false;
  calls: string[] = [];
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  static fromWebContents(wc: unknown) {
    return FakeBrowserWindow.all.find((w) => w.webContents === wc) ?? null;
  }
  static getAllWindows() {
    return FakeBrowserWindow.all;
  }
  getNormalBounds() {
    return this.bounds;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
    this.calls.push('restore');
  }
  show() {
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
}

/** The fake's shared state, reset by resetFake() (call it in beforeEach). */
export const recorded: Recorded = { applicationMenu: null, popups: [], dialogs: [], opened: [], quit: 0 };
/** What the next open/save dialog answers. */
export const dialogAnswer: { canceled: boolean; filePaths: string[] } = { canceled: true, filePaths: [] };
export const appState = { singleInstanceLock: true };

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock() {
    return appState.singleInstanceLock;
  }
  quit() {
    recorded.quit++;
  }
  getPath() {
    return '/tmp/wiredesk-fake-user-data';
  }
}
export const fakeApp = new FakeApp();

export function resetFake(): void {
  Object.assign(recorded, { applicationMenu: null, popups: [], dialogs: [], opened: [], quit: 0 });
  Object.assign(dialogAnswer, { canceled: true, filePaths: [] });
  appState.singleInstanceLock = true;
  fakeApp.removeAllListeners();
  FakeBrowserWindow.all = [];
}

/** The module `electron` as the code under test sees it. */
export function fakeElectronModule() {
  return {
    app: fakeApp,
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template, popup: () => recorded.popups.push(template) }),
      setApplicationMenu: (menu: { template: unknown[] } | null) => (recorded.applicationMenu = menu?.template ?? null),
    },
    dialog: {
      showOpenDialog: (_win: unknown, options: Record<string, unknown>) => {
        recorded.dialogs.push({ kind: 'open', options });
        return Promise.resolve({ ...dialogAnswer });
      },
      showMessageBox: (_win: unknown, options: Record<string, unknown>) => {
        recorded.dialogs.push({ kind: 'message', options });
        return Promise.resolve({ response: 0 });
      },
      showErrorBox: (title: string, content: string) => recorded.dialogs.push({ kind: 'error', options: { title, content } }),
    },
    shell: {
      openExternal: (url: string) => {
        recorded.opened.push(url);
        return Promise.resolve();
      },
    },
  };
}
