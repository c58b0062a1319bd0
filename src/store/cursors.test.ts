// The store's page links (cursors): every item exactly once, in the list's order, whatever the
// page size and however many items share a timestamp; a damaged or foreign link is refused.
import { describe, expect, it } from 'vitest';
import { DeskFailure, ErrorCode } from '../core/errors';
import { defaultFields } from '../core/item';
import { bodyFromPlainText } from '../core/richtext';
import { DEFAULT_SETTINGS } from '../core/settings';
import { openDb } from './db';
import { ItemStore, newStoredItem, type StoredItem } from './items';

const BASE = Date.parse('2026-11-30T09:00:00Z');

/** 40 items; timestamps repeat in runs of 4 and urgencies cycle 1–5, so ties are the rule. */
function desk() {
  const items = new ItemStore(openDb(':memory:'));
  const all: StoredItem[] = [];
  for (let i = 0; i < 40; i++) {
    const at = new Date(BASE + Math.floor(i / 4) * 60_000).toISOString();
    const fields = {
      ...defaultFields(DEFAULT_SETTINGS),
      slug: `CURSOR-${i}`,
      headline: `Item ${i}`,
      urgency: (i % 5) + 1,
      body: bodyFromPlainText(`Text ${i}.`),
    };
    all.push({ ...newStoredItem(fields, { id: `id-${String(i).padStart(3, '0')}`, at, by: 'x' }), status: 'submitted' });
  }
  items.insertMany(all);
  return { items, all };
}

function walk(next: (cursor: string | null) => { items: { id: string }[]; next: string | null }): string[] {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = next(cursor);
    seen.push(...page.items.map((i) => i.id));
    if (!page.next) return seen;
    cursor = page.next;
  }
  throw new Error('the cursor never ended');
}

const byDesk = (a: StoredItem, b: StoredItem) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id);
const byQueue = (a: StoredItem, b: StoredItem) => a.urgency - b.urgency || byDesk(a, b);

describe('store cursors', () => {
  it.each([1, 2, 3, 7, 40, 41])('the desk list, %i per page: every item once, newest first, ties by id', (size) => {
    const { items, all } = desk();
    expect(walk((c) => items.list(['submitted'], size, c))).toEqual([...all].sort(byDesk).map((i) => i.id));
  });

  it.each([1, 3, 4, 9, 40])('the queue, %i per page: every item once, by urgency, then newest, then id', (size) => {
    const { items, all } = desk();
    expect(walk((c) => items.queue({ statuses: ['submitted'] }, size, c))).toEqual([...all].sort(byQueue).map((i) => i.id));
  });

  it('an item saved between two pages moves to the top; none of the others is skipped or repeated', () => {
    const { items, all } = desk();
    const first = items.list(['submitted'], 10);
    const moved = all.find((i) => !first.items.some((s) => s.id === i.id))!;
    items.updateState({ ...items.getState(moved.id)!, updatedAt: new Date(BASE + 3_600_000).toISOString() });
    const rest = walk((c) => items.list(['submitted'], 10, c ?? first.next));
    const seen = [...first.items.map((i) => i.id), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(all.map((i) => i.id).filter((id) => id !== moved.id)));
  });

  it.each([
    ['one status', ['submitted']],
    ['two statuses', ['draft', 'submitted']],
    ['all but spiked', ['draft', 'submitted', 'approved', 'held', 'published', 'killed']],
  ] as const)('a slice by position (%s), from either end or the middle, is exactly those rows of the full order', (_what, statuses) => {
    const { items, all } = desk();
    // Spiked and draft rows among the submitted ones, inside runs of equal timestamps.
    for (const [i, it] of all.entries())
      if (i % 3 !== 0) items.updateState({ ...items.getState(it.id)!, status: (it.status = i % 3 === 1 ? 'spiked' : 'draft') });
    const order = all.filter((i) => (statuses as readonly string[]).includes(i.status)).sort(byDesk);
    const n = order.length;
    for (const limit of [1, 3, 7])
      for (const offset of [
        0,
        1,
        2,
        Math.floor(n / 2) - 2,
        Math.floor(n / 2) - 1,
        Math.floor(n / 2),
        Math.floor(n / 2) + 1,
        n - limit - 1,
        n - limit,
        n - 2,
        n - 1,
        n,
        n + 4,
      ]) {
        const page = items.list(statuses, limit, null, Math.max(0, offset));
        const want = order.slice(Math.max(0, offset), Math.max(0, offset) + limit);
        expect(
          page.items.map((i) => i.id),
          `offset ${offset}, limit ${limit}`,
        ).toEqual(want.map((i) => i.id));
        expect(page.total).toBe(n);
        // Its next-page link goes on from its last row, in the same order.
        if (page.next) expect(walk((c) => items.list(statuses, limit, c ?? page.next))).toEqual(order.slice(offset + limit).map((i) => i.id));
        else expect(offset + limit).toBeGreaterThanOrEqual(n);
      }
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['too few parts', Buffer.from('["2026-11-30T09:00:00Z"]').toString('base64url')],
    ['a non-finite number', Buffer.from('[null, "x"]').toString('base64url')],
  ])('a damaged page link (%s) is refused with a clear message', (_what, cursor) => {
    const { items } = desk();
    expect(() => items.list(['submitted'], 5, cursor)).toThrow(DeskFailure);
    try {
      items.list(['submitted'], 5, cursor);
    } catch (e) {
      expect((e as DeskFailure).code).toBe(ErrorCode.InvalidArgument);
      expect((e as Error).message).toMatch(/page link/);
    }
  });

  it("a desk-list link is not accepted by the queue, nor the queue's by the desk list", () => {
    const { items } = desk();
    const deskLink = items.list(['submitted'], 5).next!;
    const queueLink = items.queue({ statuses: ['submitted'] }, 5).next!;
    expect(() => items.queue({ statuses: ['submitted'] }, 5, deskLink)).toThrow(/page link/);
    expect(() => items.list(['submitted'], 5, queueLink)).toThrow(/page link/);
  });
});
