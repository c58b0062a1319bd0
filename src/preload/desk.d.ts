import type { DeskApi, DeskChanges } from '../contract';

declare global {
  interface Window {
    /** The desk service: IPC in Electron, HTTP in the desk server. */
    desk: DeskApi;
    deskShell?: {
      kind: 'electron';
      /** The desktop folder dialog; null when cancelled. */
      chooseFolder(): Promise<string | null>;
      /** The desktop file dialog; null when cancelled. */
      openFile(): Promise<{ name: string; bytes: Uint8Array } | null>;
      /** Spellcheck the window in the open item's language (BCP 47); the dictionaries used, [] when none. */
      setSpellcheckLanguage(language: string): Promise<string[] | null>;
      /** File-menu commands ('new-item', 'import', 'queue', 'settings'); returns the unsubscribe. */
      onMenu(listener: (command: string) => void): () => void;
      /** The desk's change feed (every change, by any window or process); returns the unsubscribe. */
      onChanges(listener: (changes: DeskChanges) => void): () => void;
    };
  }
}
export {};
