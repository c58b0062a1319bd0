import type { ItemStatus } from './item';

/** What an editor can do to an item; `publish` and `sendKill` are done only by a batch export. */
export type WorkflowAction = 'submit' | 'approve' | 'return' | 'hold' | 'release' | 'kill' | 'correct' | 'spike' | 'restore' | 'publish';
export const EDITOR_ACTIONS = [
  'submit',
  'approve',
  'return',
  'hold',
  'release',
  'kill',
  'correct',
  'spike',
  'restore',
] as const satisfies readonly WorkflowAction[];
export type EditorAction = (typeof EDITOR_ACTIONS)[number];

/** The button label for each action (also its accessible name). */
export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  return: 'Return to writer',
  hold: 'Hold',
  release: 'Release',
  kill: 'Kill',
  correct: 'Correct',
  spike: 'Spike',
  restore: 'Restore',
  publish: 'Publish',
};

/** What a change to a shared item is called: its workflow action's label, or "Edit" for a save of the text. */
export function changeLabel(action: string): string {
  return action === 'edit' ? 'Edit' : (ACTION_LABELS[action as WorkflowAction] ?? action);
}

export interface WorkflowState {
  status: ItemStatus;
  /** Highest version already sent in a batch (0 = never published). */
  publishedVersion: number;
  /** Where a held item goes back to on release. */
  heldFrom: ItemStatus | null;
}

export type TransitionOutcome = { ok: true; status: ItemStatus; bumpVersion: boolean; heldFrom: ItemStatus | null } | { ok: false; message: string };

/** Actions that must carry a note (the reason is shown to the writer or kept in the audit log). */
export const NOTE_REQUIRED: ReadonlySet<WorkflowAction> = new Set(['return', 'kill']);

const STATUS_WORDS: Record<ItemStatus, string> = {
  draft: 'a draft',
  submitted: 'submitted for review',
  approved: 'approved',
  held: 'on hold',
  published: 'published',
  killed: 'killed',
  spiked: 'spiked',
};

export function statusWords(s: ItemStatus): string {
  return STATUS_WORDS[s];
}

/** The state machine. Every refusal says why, in the editor's words. */
export function transition(state: WorkflowState, action: WorkflowAction, note = ''): TransitionOutcome {
  const { status, publishedVersion } = state;
  const to = (next: ItemStatus, bumpVersion = false, heldFrom: ItemStatus | null = null): TransitionOutcome => ({
    ok: true,
    status: next,
    bumpVersion,
    heldFrom,
  });
  const no = (message: string): TransitionOutcome => ({ ok: false, message });
  const label = ACTION_LABELS[action];
  if (NOTE_REQUIRED.has(action) && note.trim() === '') {
    return no(action === 'kill' ? 'A kill needs a reason.' : 'Returning an item needs a note for the writer.');
  }
  switch (action) {
    case 'submit':
      return status === 'draft' ? to('submitted') : no(`Only a draft can be submitted for review; this item is ${STATUS_WORDS[status]}.`);
    case 'approve':
      return status === 'submitted' ? to('approved') : no(`Only an item submitted for review can be approved; this item is ${STATUS_WORDS[status]}.`);
    case 'return':
      return status === 'submitted' || status === 'approved' || status === 'held'
        ? to('draft')
        : no(`${label}: only a submitted, approved or held item can go back to the writer; this item is ${STATUS_WORDS[status]}.`);
    case 'hold':
      return status === 'submitted' || status === 'approved'
        ? to('held', false, status)
        : no(`Only a submitted or approved item can be held; this item is ${STATUS_WORDS[status]}.`);
    case 'release':
      return status === 'held' ? to(state.heldFrom ?? 'submitted') : no(`Only a held item can be released; this item is ${STATUS_WORDS[status]}.`);
    case 'kill':
      if (publishedVersion === 0) return no('Only a published item can be killed; spike an unpublished one instead.');
      return status === 'killed' || status === 'spiked' ? no(`This item is already ${STATUS_WORDS[status]}.`) : to('killed');
    case 'correct':
      return status === 'published' ? to('draft', true) : no(`Only a published item can be corrected; this item is ${STATUS_WORDS[status]}.`);
    case 'spike':
      if (publishedVersion > 0) return no('A published item cannot be spiked; kill it instead.');
      return status === 'draft' ? to('spiked') : no(`Only a draft can be spiked; this item is ${STATUS_WORDS[status]}.`);
    case 'restore':
      return status === 'spiked' ? to('draft') : no(`Only a spiked item can be restored; this item is ${STATUS_WORDS[status]}.`);
    case 'publish':
      return status === 'approved' ? to('published') : no(`Only an approved item goes out in a batch; this item is ${STATUS_WORDS[status]}.`);
  }
}

/** Statuses in which the writer may edit the text. */
export function isEditable(status: ItemStatus): boolean {
  return status === 'draft' || status === 'submitted' || status === 'approved' || status === 'held';
}
