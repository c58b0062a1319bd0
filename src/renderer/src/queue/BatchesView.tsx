import type { DeskSettings } from '../../../core/settings';

/** Placeholder while this view is being built. */
export function BatchesView(_props: { settings: DeskSettings; onSettings?(s: DeskSettings): void; onOpenItem?(id: string): void }) {
  return <main className="placeholder">BatchesView</main>;
}
