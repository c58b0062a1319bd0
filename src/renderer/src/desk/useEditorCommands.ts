/** The open item's commands: Ctrl+Enter submits, Alt+H and Alt+B go to the headline and body; all in the palette. */
import type { FieldProblem, WireItem } from '@core/item';
import { ACTION_LABELS, type EditorAction } from '@core/workflow';
import { type Command, useCommands } from '@renderer/shared/commands';
import { focusField } from '@renderer/shared/focusField';

/** Why Submit is not offered yet, naming the first blocking problem; '' when it is. */
export function submitWhy(problems: readonly FieldProblem[]): string {
  const blocking = problems.filter((p) => p.severity === 'error');
  if (blocking.length === 0) return '';
  return `Not ready to submit: ${blocking[0]!.message}${blocking.length > 1 ? ` (and ${blocking.length - 1} more below)` : ''}`;
}

interface Options {
  item: Pick<WireItem, 'status' | 'publishedVersion'>;
  /** Why Submit is not offered; '' when it is. */
  why: string;
  showHistory: boolean;
  onToggleHistory(): void;
  duplicate(): void;
  act(action: EditorAction): void;
}

export function useEditorCommands({ item, why, showHistory, onToggleHistory, duplicate, act }: Options): void {
  const commands: Command[] = [
    { id: 'go-headline', label: 'Go to the headline', group: 'Editor', keys: ['Alt+H'], run: () => focusField('headline') },
    { id: 'go-body', label: 'Go to the body text', group: 'Editor', keys: ['Alt+B'], run: () => focusField('body') },
    { id: 'history', label: showHistory ? 'Hide history' : 'Show history', group: 'Editor', run: onToggleHistory },
    { id: 'duplicate', label: 'Duplicate this item', group: 'Editor', run: duplicate },
  ];
  if (item.status === 'draft')
    commands.unshift({ id: 'submit', label: ACTION_LABELS.submit, group: 'Editor', keys: ['Ctrl+Enter'], disabled: why || false, run: () => act('submit') });
  if (item.status === 'draft' && item.publishedVersion === 0)
    commands.push({ id: 'spike', label: ACTION_LABELS.spike, group: 'Editor', run: () => act('spike') });
  if (item.status === 'spiked') commands.push({ id: 'restore', label: ACTION_LABELS.restore, group: 'Editor', run: () => act('restore') });
  if (item.status === 'published') commands.push({ id: 'correct', label: ACTION_LABELS.correct, group: 'Editor', run: () => act('correct') });
  useCommands(commands);
}
