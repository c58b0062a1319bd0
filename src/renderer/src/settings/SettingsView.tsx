import type { DeskSettings } from '../../../core/settings';

/** Placeholder while this view is being built. */
export function SettingsView(_props: { settings: DeskSettings; onSettings?(s: DeskSettings): void; onOpenItem?(id: string): void }) {
  return <main className="placeholder">SettingsView</main>;
}
