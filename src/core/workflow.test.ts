import { describe, expect, it } from 'vitest';
import { ITEM_STATUSES, type ItemStatus } from './item';
import { type WorkflowAction, isEditable, transition } from './workflow';

const ACTIONS: WorkflowAction[] = ['submit', 'approve', 'return', 'hold', 'release', 'kill', 'correct', 'spike', 'restore', 'publish'];

/** Where each action takes each status (unpublished item, heldFrom 'approved'); '-' is refused. */
const UNPUBLISHED: Record<ItemStatus, Record<WorkflowAction, ItemStatus | '-'>> = {
  draft: { submit: 'submitted', approve: '-', return: '-', hold: '-', release: '-', kill: '-', correct: '-', spike: 'spiked', restore: '-', publish: '-' },
  submitted: { submit: '-', approve: 'approved', return: 'draft', hold: 'held', release: '-', kill: '-', correct: '-', spike: '-', restore: '-', publish: '-' },
  approved: { submit: '-', approve: '-', return: 'draft', hold: 'held', release: '-', kill: '-', correct: '-', spike: '-', restore: '-', publish: 'published' },
  held: { submit: '-', approve: '-', return: 'draft', hold: '-', release: 'approved', kill: '-', correct: '-', spike: '-', restore: '-', publish: '-' },
  published: { submit: '-', approve: '-', return: '-', hold: '-', release: '-', kill: '-', correct: 'draft', spike: '-', restore: '-', publish: '-' },
  killed: { submit: '-', approve: '-', return: '-', hold: '-', release: '-', kill: '-', correct: '-', spike: '-', restore: '-', publish: '-' },
  spiked: { submit: '-', approve: '-', return: '-', hold: '-', release: '-', kill: '-', correct: '-', spike: '-', restore: 'draft', publish: '-' },
};

/** The same for an item whose version 1 has gone out. */
const PUBLISHED: Record<ItemStatus, Partial<Record<WorkflowAction, ItemStatus | '-'>>> = {
  draft: { kill: 'killed', spike: '-' },
  submitted: { kill: 'killed' },
  approved: { kill: 'killed' },
  held: { kill: 'killed' },
  published: { kill: 'killed', correct: 'draft' },
  killed: {},
  spiked: { kill: '-' },
};

describe('the workflow state machine, every status × action', () => {
  for (const status of ITEM_STATUSES) {
    for (const action of ACTIONS) {
      for (const publishedVersion of [0, 1]) {
        const expected = publishedVersion === 0 ? UNPUBLISHED[status][action] : (PUBLISHED[status][action] ?? UNPUBLISHED[status][action]);
        it(`${status} + ${action}${publishedVersion ? ' (published before)' : ''} → ${expected === '-' ? 'refused' : expected}`, () => {
          const out = transition({ status, publishedVersion, heldFrom: 'approved' }, action, 'a note');
          if (expected === '-') {
            expect(out.ok).toBe(false);
            if (!out.ok) expect(out.message.length).toBeGreaterThan(10);
          } else {
            expect(out).toMatchObject({ ok: true, status: expected, bumpVersion: action === 'correct' });
            if (out.ok) expect(out.heldFrom).toBe(action === 'hold' ? status : null);
          }
        });
      }
    }
  }

  it('return and kill need a note', () => {
    expect(transition({ status: 'submitted', publishedVersion: 0, heldFrom: null }, 'return', ' ')).toMatchObject({ ok: false });
    expect(transition({ status: 'published', publishedVersion: 1, heldFrom: null }, 'kill', '')).toMatchObject({
      ok: false,
      message: 'A kill needs a reason.',
    });
  });

  it('a held item is released to where it was held from', () => {
    expect(transition({ status: 'held', publishedVersion: 0, heldFrom: 'submitted' }, 'release')).toMatchObject({ ok: true, status: 'submitted' });
  });

  it('only drafts and items in review are editable', () => {
    expect(ITEM_STATUSES.filter(isEditable)).toEqual(['draft', 'submitted', 'approved', 'held']);
  });
});
