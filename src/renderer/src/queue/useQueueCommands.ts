/** The queue by keyboard: j/k/x/a/r/h/e and / as single keys (outside text fields), all in the palette and the ? list. */
import { ACTION_LABELS, type EditorAction } from '@core/workflow';
import { type Command, useCommands } from '@renderer/shared/commands';
import { QUEUE_TABS, type QueueTab } from '../../../contract';
import { REVIEW_ACTIONS, allowedActions } from './queueLib';

interface Options {
  tab: QueueTab;
  onTab(tab: QueueTab): void;
  /** The row under the cursor, and the selected rows. */
  current: string | null;
  chosen: readonly string[];
  move(by: number): void;
  toggle(id: string): void;
  act(targets: string[], action: EditorAction): void;
  /** Ask the preview for the note an action needs (return, kill). */
  ask(action: EditorAction): void;
  openItem(id: string): void;
  focusSearch(): void;
  /** The queue is on screen: a hidden view's keys do nothing. */
  active: boolean;
}

export function useQueueCommands({ tab, onTab, current, chosen, move, toggle, act, ask, openItem, focusSearch, active }: Options): void {
  const tabLabel = QUEUE_TABS.find((t) => t.tab === tab)!.label;
  const reviewable = allowedActions(REVIEW_ACTIONS, { status: tab, publishedVersion: tab === 'published' || tab === 'killed' ? 1 : 0 });
  const notHere = (a: (typeof REVIEW_ACTIONS)[number]) => (reviewable.includes(a) ? false : `${ACTION_LABELS[a]} is not available in ${tabLabel}.`);
  const targets = chosen.length > 0 ? [...chosen] : current ? [current] : [];
  const noItem = targets.length === 0 ? 'Select an item first.' : false;
  const noCurrent = current ? false : 'Select an item first.';
  const several = (label: string) => (chosen.length > 1 ? `${label} ${chosen.length} selected` : label);
  const commands: Command[] = [
    { id: 'q-next', label: 'Next item', group: 'Queue', keys: ['j', 'ArrowDown'], run: () => move(1) },
    { id: 'q-prev', label: 'Previous item', group: 'Queue', keys: ['k', 'ArrowUp'], run: () => move(-1) },
    {
      id: 'q-select',
      label: 'Select or unselect the item',
      group: 'Queue',
      keys: ['x'],
      disabled: current ? false : 'No item.',
      run: () => current && toggle(current),
    },
    { id: 'q-approve', label: several('Approve'), group: 'Queue', keys: ['a'], disabled: notHere('approve') || noItem, run: () => act(targets, 'approve') },
    {
      id: 'q-return',
      label: 'Return to writer (asks for a note)',
      group: 'Queue',
      keys: ['r'],
      disabled: notHere('return') || noCurrent,
      run: () => ask('return'),
    },
    { id: 'q-hold', label: several('Hold'), group: 'Queue', keys: ['h'], disabled: notHere('hold') || noItem, run: () => act(targets, 'hold') },
    { id: 'q-release', label: 'Release', group: 'Queue', disabled: notHere('release') || noItem, run: () => act(targets, 'release') },
    { id: 'q-kill', label: 'Kill (asks for a note)', group: 'Queue', disabled: notHere('kill') || noCurrent, run: () => ask('kill') },
    { id: 'q-open', label: 'Open in the editor', group: 'Queue', keys: ['e'], disabled: noCurrent, run: () => current && openItem(current) },
    { id: 'q-search', label: 'Search the queue', group: 'Queue', keys: ['/'], run: focusSearch },
    ...QUEUE_TABS.map((t) => ({ id: `q-tab-${t.tab}`, label: `Show ${t.label}`, group: 'Queue tabs', disabled: t.tab === tab, run: () => onTab(t.tab) })),
  ];
  useCommands(commands, active);
}
