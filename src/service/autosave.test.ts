import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bodyFromPlainText, bodyToPlainText } from '../core/richtext';
import { openDb } from '../store/db';
import { ItemStore } from '../store/items';
import { hasPendingIndex } from '../store/searchIndex';
import { readyFields, testDesk } from '../../test/desk';
import { DeskService } from './desk';
import { INDEX_DELAY_MS } from './searchIndexer';

/** An item in review (the queue's Submitted tab) and a save of its body, as the editor's window makes them. */
function submitted(desk: DeskService, clock: { advance(ms: number): void }, text: string) {
  const { item } = desk.createItem({ fields: readyFields({ slug: 'SEA-1', body: bodyFromPlainText(text) }) });
  desk.transition({ ids: [item.id], action: 'submit' });
  let rev = desk.getItem({ id: item.id }).item.revision;
  const save = (body: string, o: { session?: string; pause?: number } = {}) => {
    clock.advance(o.pause ?? 500);
    rev = desk.saveDraft({ id: item.id, baseRevision: rev, fields: readyFields({ slug: 'SEA-1', body: bodyFromPlainText(body) }), session: o.session ?? 'w' })
      .item.revision;
    return rev;
  };
  return { id: item.id, save };
}

const found = (desk: DeskService, search: string) => desk.queue({ tab: 'submitted', search }).items.map((i) => i.slug);
const pending = (desk: DeskService) => hasPendingIndex(desk.db);

describe('autosave and search', () => {
  it('a search finds what was just saved, and no longer what the save removed', () => {
    const { desk, clock } = testDesk();
    const { id, save } = submitted(desk, clock, 'The Caspian ferry was delayed.');
    expect(found(desk, 'ferry')).toEqual(['SEA-1']);
    save('The Caspian pipeline was delayed.');
    expect(pending(desk)).toBe(true); // the save left the index to later…
    expect(found(desk, 'ferry')).toEqual([]); // …and the search caught it up first
    expect(found(desk, 'pipeline')).toEqual(['SEA-1']);
    expect(desk.queueMatches({ search: 'pipel' }).submitted).toBe(1);
    expect(desk.queueMatches({ search: 'ferry' }).submitted).toBe(0);
    save('The Caspian tanker was delayed.');
    expect(desk.queueMatches({ search: 'tanker' }).submitted).toBe(1);
    expect(desk.queue({ tab: 'submitted', search: 'tanker' }).items[0]!.snippet).toContain('[[tanker]]');
    expect(desk.getItem({ id }).item.bodyText).toBe('The Caspian tanker was delayed.');
    expect(pending(desk)).toBe(false);
  });

  it('finds a word far into a long body, with its snippet', () => {
    const { desk, clock } = testDesk();
    const { save } = submitted(desk, clock, 'Short.');
    save(`${'The council met again. '.repeat(400)}Zangezur corridor talks resumed.`);
    expect(desk.queue({ tab: 'submitted', search: 'zangezur' }).items[0]!.snippet).toMatch(/\[\[Zangezur\]\] corridor talks resumed\.$/);
  });

  it('indexes saved text soon after saving, off the save', () => {
    vi.useFakeTimers();
    try {
      const { desk, clock } = testDesk();
      const { save } = submitted(desk, clock, 'The Caspian ferry was delayed.');
      save('The Caspian pipeline was delayed.');
      expect(pending(desk)).toBe(true);
      vi.advanceTimersByTime(INDEX_DELAY_MS);
      expect(pending(desk)).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('another process’s save is found by this one’s search; text left waiting by a process that died is indexed when a desk opens', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wd-autosave-')), 'desk.sqlite');
    const writer = testDesk(file);
    const { save } = submitted(writer.desk, writer.clock, 'The Caspian ferry was delayed.');
    const reader = new DeskService(openDb(file));
    await reader.start();
    save('The Caspian pipeline was delayed.');
    expect(found(reader, 'pipeline')).toEqual(['SEA-1']);
    expect(found(reader, 'ferry')).toEqual([]);
    await reader.close();
    save('The Caspian tanker was delayed.');
    writer.desk.indexer.stop();
    writer.desk.db.close(); // the writer dies with the save not yet indexed
    const next = new DeskService(openDb(file));
    expect(pending(next)).toBe(true);
    await next.start();
    expect(pending(next)).toBe(false);
    expect(found(next, 'tanker')).toEqual(['SEA-1']);
    expect(found(next, 'pipeline')).toEqual([]);
    await next.close();
  });
});

describe('autosave and history', () => {
  it('stores a body whenever it differs from the stored one, and makes no revision when it does not', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wd-autosave-')), 'desk.sqlite');
    const { desk, clock } = testDesk(file);
    const { id, save } = submitted(desk, clock, 'One.');
    const stored = () => desk.getItem({ id }).item.bodyText;
    const two = save('Two.');
    expect(save('Two.')).toBe(two); // the same body again: nothing to write
    save('One.'); // typed back to the text before
    expect(stored()).toBe('One.');
    // Another connection writes the body without a save of this desk (as a pull would): saving the
    // text this desk wrote last must still store it.
    const other = new ItemStore(openDb(file));
    other.update({ ...other.get(id)!, body: bodyFromPlainText('Theirs.'), bodyText: 'Theirs.' });
    const before = desk.getItem({ id }).item.revision;
    expect(save('One.')).toBe(before + 1);
    expect(stored()).toBe('One.');
    expect(desk.history({ id }).revisions[0]!.changed).toContain('Body');
  });

  it('keeps every revision’s own text while the newest one shares the item’s', () => {
    const { desk, clock } = testDesk();
    const { id, save } = submitted(desk, clock, 'First draft.');
    const text = (revision: number) => bodyToPlainText(desk.getRevision({ id, revision }).body);
    const texts = () => desk.history({ id }).revisions.map((r) => `${r.revision}:${text(r.revision)}`);
    save('Second a.');
    save('Second ab.'); // folded into one revision
    save('Third.', { pause: 5_000 }); // a pause: a new revision
    const last = save('Third b.');
    expect(texts()).toEqual([`${last}:Third b.`, `${last - 2}:Second ab.`, '1:First draft.']);
    // A stale save is still refused, and nothing is lost.
    expect(() => desk.saveDraft({ id, baseRevision: last - 1, fields: readyFields({ body: bodyFromPlainText('Stale.') }) })).toThrow(/Someone else saved/);
    const restored = desk.restoreRevision({ id, revision: last - 2, baseRevision: last }).item;
    expect(bodyToPlainText(restored.body)).toBe('Second ab.');
    expect(texts()).toEqual([`${last + 1}:Second ab.`, `${last}:Third b.`, `${last - 2}:Second ab.`, '1:First draft.']);
    // The body changed without a save (as a pull from the shared desk writes it): the revisions keep theirs.
    desk.items.update({ ...desk.items.get(id)!, body: bodyFromPlainText('Pulled.'), bodyText: 'Pulled.' });
    expect(texts()).toEqual([`${last + 1}:Second ab.`, `${last}:Third b.`, `${last - 2}:Second ab.`, '1:First draft.']);
  });
});
