import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DeskChanges, affects, touchesItem } from '../core/changes';
import { ChangeLog } from '../store/changes';
import { ChangeFeed } from './changes';
import { foundFields } from '../core/importFields';
import { readyFields, testDesk } from '../../test/desk';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

/** A desk on a file, a feed over it (polled by hand), and a second process's desk on the same file. */
function liveDesk() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-changes-'));
  const file = path.join(dir, 'desk.sqlite');
  const { desk, clock } = testDesk(file);
  const other = testDesk(file).desk;
  const log = ChangeLog.open(desk.db);
  const feed = new ChangeFeed(log, 60_000);
  const heard: DeskChanges[] = [];
  feed.subscribe((m) => heard.push(m));
  cleanup.push(() => {
    feed.close();
    other.db.close();
    desk.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  /** What one poll publishes. */
  const poll = () => {
    heard.length = 0;
    feed.poll();
    return heard.slice();
  };
  return { desk, other, clock, log, feed, poll };
}

describe('change feed', () => {
  it("hears this process's saves, with the item's new revision and who saved it", () => {
    const { desk, poll } = liveDesk();
    desk.saveSettings({ ...desk.getSettings(), editorName: 'Leyla' });
    poll();
    const { item } = desk.createItem({ fields: readyFields() });
    desk.saveDraft({ id: item.id, baseRevision: 1, fields: readyFields({ headline: 'Second take' }) });
    const [m, ...rest] = poll();
    expect(rest).toEqual([]);
    // Creation and save come as one change: the item as it stands.
    expect(m).toMatchObject({ all: false, changes: [{ kind: 'item', id: item.id, revision: 2, status: 'draft', by: 'Leyla' }] });
    expect(m!.seq).toBe(m!.changes[0]!.seq);
  });

  it('hears another process (another connection) move an item through the workflow', () => {
    const { desk, other, poll } = liveDesk();
    const { item } = desk.createItem({ fields: readyFields() });
    poll();
    other.transition({ ids: [item.id], action: 'submit' });
    const [m] = poll();
    expect(m!.changes).toEqual([expect.objectContaining({ kind: 'queue', id: item.id, status: 'submitted', revision: 1, version: 1 })]);
    expect(affects(m!, 'queue')).toBe(true);
    expect(touchesItem(m!, item.id)).toBe(true);
    expect(touchesItem(m!, 'another')).toBe(false);
  });

  it('asks only data_version while nothing is committed', () => {
    const { desk, log, poll } = liveDesk();
    desk.createItem({ fields: readyFields() });
    expect(poll()).toHaveLength(1);
    const since = vi.spyOn(log, 'since');
    expect(poll()).toEqual([]);
    desk.getItem({ id: desk.listItems({ view: 'desk' }).items[0]!.id }); // reads change nothing
    expect(poll()).toEqual([]);
    expect(since).not.toHaveBeenCalled();
  });

  it('publishes settings and batch changes, and the items a batch publishes', async () => {
    const { desk, other, poll } = liveDesk();
    const { item } = desk.createItem({ fields: readyFields() });
    desk.transition({ ids: [item.id], action: 'submit' });
    desk.transition({ ids: [item.id], action: 'approve' });
    poll();
    other.saveSettings({ ...other.getSettings(), agency: 'APA' });
    const [s] = poll();
    expect(s!.changes.map((c) => c.kind)).toEqual(['settings']);
    expect([affects(s!, 'settings'), affects(s!, 'desk'), affects(s!, 'queue')]).toEqual([true, false, false]);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-changes-out-'));
    cleanup.push(() => fs.rmSync(folder, { recursive: true, force: true }));
    const batch = await other.exportBatch({ format: 'ninjs', folder });
    const [b] = poll();
    expect(b!.changes).toEqual(
      expect.arrayContaining([
        { kind: 'batch', seq: expect.any(Number), id: batch.id },
        expect.objectContaining({ kind: 'queue', id: item.id, status: 'published' }),
      ]),
    );
    expect([affects(b!, 'batches'), affects(b!, 'queue')]).toEqual([true, true]);
  });

  it("keeps a draft's saves out of the queue's concerns", () => {
    const { desk, poll } = liveDesk();
    desk.createItem({ fields: readyFields() });
    const [m] = poll();
    expect([affects(m!, 'desk'), affects(m!, 'queue'), affects(m!, 'batches')]).toEqual([true, false, false]);
  });

  it('says "refresh everything" when more changed than a message lists', () => {
    const { desk, log, poll } = liveDesk();
    desk.acceptImport({ items: Array.from({ length: 250 }, (_, i) => foundFields(readyFields({ slug: `ITEM-${i}` }))) });
    const [m] = poll();
    expect(m).toEqual({ seq: log.latest(), all: true, changes: [] });
    expect(affects(m!, 'settings')).toBe(true);
    desk.createItem({ fields: readyFields() });
    expect(poll()[0]!.changes).toHaveLength(1); // and carries on from there
  });

  it('a listener that throws does not stop the others', () => {
    const { desk, feed } = liveDesk();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard: DeskChanges[] = [];
    feed.subscribe(() => {
      throw new Error('broken view');
    });
    const off = feed.subscribe((m) => heard.push(m));
    desk.createItem({ fields: readyFields() });
    feed.poll();
    expect(heard).toHaveLength(1);
    expect(error).toHaveBeenCalledOnce();
    off();
    desk.createItem({ fields: readyFields() });
    feed.poll();
    expect(heard).toHaveLength(1);
    error.mockRestore();
  });
});
