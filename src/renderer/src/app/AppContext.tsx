/**
 * What every view shares: the desk's settings, which view is on screen, and what another view
 * or the application menu asked the desk to do. Views read it with `useApp()`.
 */
import { createContext, useContext } from 'react';
import type { DeskSettings } from '@core/settings';

export const VIEWS = ['desk', 'queue', 'batches', 'import', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** Asked of the desk view by another view or the menu: open an item, or start a new one. Taken once. */
export type DeskRequest = { kind: 'open'; id: string } | { kind: 'new' };

/** Asked of Settings by another view: show this page, at this section (the banner's "2 conflicts"). Taken once. */
export interface SettingsRequest {
  page: 'desk' | 'shared';
  section?: 'conflicts';
}

export interface AppState {
  settings: DeskSettings;
  /** The settings just saved: every view reads them from here. */
  setSettings(s: DeskSettings): void;
  view: View;
  go(view: View): void;
  /** Open an item in the desk view (from the queue, an import…). */
  openItem(id: string): void;
  deskRequest: DeskRequest | null;
  /** The desk view has acted on `deskRequest`. */
  takeDeskRequest(): void;
  settingsRequest: SettingsRequest | null;
  showSettings(request: SettingsRequest): void;
  takeSettingsRequest(): void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp() outside <App>');
  return app;
}

/** The desk's settings as last saved. */
export const useSettings = (): DeskSettings => useApp().settings;
