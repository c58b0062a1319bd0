import { describe, expect, it } from 'vitest';
import { ErrorCode, argIssues } from '../core/errors';
import { bodyFromPlainText } from '../core/richtext';
import { DESK_METHODS } from '../contract';
import { ChangeLog } from '../store/changes';
import { dispatch } from './dispatch';
import { readyFields, testDesk } from '../../test/desk';

describe('drafting', () => {
  it('creates a draft from the desk settings and saves revisions only when content changes', () => {
    const { desk, clock } = testDesk();
    desk.saveSettings({ ...desk.getSettings(), defaultSignOff: '06B', agency: 'Turan', editorName: 'Leyla' });
    const { item } = desk.createItem({});
    expect(item).toMatchObject({ status: 'draft', version: 1, revision: 1, signOff: '06B', dateline: { agency: 'Turan' }, createdBy: 'Leyla' });
    clock.advance(1000);
    const saved = desk.saveDraft({ id: item.id, baseRevision: 1, fields: readyFields() }).item;
    expect(saved.revision).toBe(2);
    expect(saved.bodyText).toBe('The plan was signed between the ministries.\nExercises continue.');
    const same = desk.saveDraft({ id: item.id, baseRevision: 2, fields: readyFields() }).item;
    expect(same.revision).toBe(2);
    const history = desk.history({ id: item.id });
    expect(history.revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(history.revisions[0]!.changed).toEqual(
      expect.arrayContaining(['Slug', 'Headline', 'Place', 'Body'].filter((l) => l !== 'Place').concat(['Dateline'])),
    );
  });

  it('refuses a stale save and hands back the current item, losing neither text', () => {
    const { desk } = testDesk();
    const { item } = desk.createItem({});
    desk.saveDraft({ id: item.id, baseRevision: 1, fields: readyFields({ headline: 'Theirs' }) });
    let error: unknown;
    try {
      desk.saveDraft({ id: item.id, baseRevision: 1, fields: readyFields({ headline: 'Mine' }) });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: ErrorCode.StaleRevision, details: { current: { headline: 'Theirs', revision: 2 } } });
    expect(desk.getItem({ id: item.id }).item.headline).toBe('Theirs');
    // Keep mine: save on top of theirs; theirs stays restorable.
    desk.saveDraft({ id: item.id, baseRevision: 2, fields: readyFields({ headline: 'Mine' }) });
    expect(desk.getRevision({ id: item.id, revision: 2 }).headline).toBe('Theirs');
    const restored = desk.restoreRevision({ id: item.id, revision: 2, baseRevision: 3 }).item;
    expect(restored).toMatchObject({ headline: 'Theirs', revision: 4 });
    expect(desk.history({ id: item.id }).revisions[0]!.note).toBe('Restored revision 2');
  });

  it('folds one session’s run of autosaves into one revision, never another session’s, a pause or a minute', () => {
    const { desk, clock } = testDesk();
    const { item } = desk.createItem({});
    let rev = item.revision;
    const save = (headline: string, session: string) => {
      clock.advance(500);
      rev = desk.saveDraft({ id: item.id, baseRevision: rev, fields: readyFields({ headline }), session }).item.revision;
    };
    save('A', 'window-1');
    save('AB', 'window-1');
    save('ABC', 'window-1');
    expect(rev).toBe(4); // the stale check still sees every save
    let revisions = desk.history({ id: item.id }).revisions;
    expect(revisions.map((r) => r.revision)).toEqual([4, 1]);
    expect(desk.getRevision({ id: item.id, revision: 4 }).headline).toBe('ABC');
    expect(revisions[0]!.changed).toEqual(expect.arrayContaining(['Headline', 'Slug', 'Body']));

    clock.advance(100);
    desk.transition({ ids: [item.id], action: 'submit' });
    save('ABC!', 'window-1'); // after a workflow step, a new revision even in the same run
    expect(desk.history({ id: item.id }).revisions).toHaveLength(3);
    save('ABC', 'window-1');
    save('ABCD', 'window-2'); // another window's save is its own revision
    clock.advance(3_000);
    save('ABCDE', 'window-2'); // so is one after a pause
    for (let i = 0; i < 130; i++) save(`ABCDE ${i}`, 'window-2'); // a minute of typing, every half second
    revisions = desk.history({ id: item.id }).revisions;
    expect(revisions.map((r) => desk.getRevision({ id: item.id, revision: r.revision }).headline)).toEqual([
      'ABCDE 129',
      'ABCDE 118',
      'ABCD',
      'ABC',
      'ABC',
      '',
    ]);
  });

  it('strips hostile markup from the body before storing it', () => {
    const { desk } = testDesk();
    const { item } = desk.createItem({});
    const hostile = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Hi', format: 1 | 4 | 16, style: 'color:red' },
              { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] },
            ],
          },
          { type: 'image', src: 'x', onerror: 'alert(1)' },
          { type: 'code', children: [{ type: 'text', text: '<script>alert(1)</script>' }] },
        ],
      },
    };
    const r = desk.saveDraft({ id: item.id, baseRevision: 1, fields: { ...readyFields(), body: hostile as never } });
    const json = JSON.stringify(r.item.body);
    expect(json).not.toMatch(/color:red|javascript:|onerror|"image"|"code"/);
    expect(r.item.bodyText).toBe('Hix\n<script>alert(1)</script>');
    expect(r.item.body.root.children[0]).toMatchObject({ children: [{ text: 'Hi', format: 1 }, { text: 'x' }] });
  });

  it('keeps the slug of a published story', async () => {
    const { desk } = testDesk();
    const { item } = desk.createItem({ fields: readyFields() });
    desk.transition({ ids: [item.id], action: 'submit' });
    desk.transition({ ids: [item.id], action: 'approve' });
    const folder = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'wd-'));
    await desk.exportBatch({ format: 'ninjs', folder });
    desk.transition({ ids: [item.id], action: 'correct' });
    const corrected = desk.getItem({ id: item.id }).item;
    expect(corrected).toMatchObject({ status: 'draft', version: 2 });
    expect(() => desk.saveDraft({ id: item.id, baseRevision: corrected.revision, fields: readyFields({ slug: 'OTHER' }) })).toThrow(/slug stays the same/);
  });

  it('lists the desk newest first, a page at a time', () => {
    const { desk, clock } = testDesk();
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      desk.createItem({ fields: { slug: `ITEM-${i}` } });
    }
    const p1 = desk.listItems({ view: 'desk', limit: 2 });
    expect(p1.items.map((i) => i.slug)).toEqual(['ITEM-4', 'ITEM-3']);
    const p2 = desk.listItems({ view: 'desk', limit: 2, cursor: p1.next });
    const p3 = desk.listItems({ view: 'desk', limit: 2, cursor: p2.next });
    expect([...p2.items, ...p3.items].map((i) => i.slug)).toEqual(['ITEM-2', 'ITEM-1', 'ITEM-0']);
    expect(p3.next).toBeNull();
  });
});

describe('workflow', () => {
  it('moves an item through review and records who, when and why', () => {
    const { desk } = testDesk();
    const { item } = desk.createItem({ fields: readyFields() });
    desk.transition({ ids: [item.id], action: 'submit' });
    expect(() => desk.transition({ ids: [item.id], action: 'return' })).toThrow(/needs a note/);
    desk.transition({ ids: [item.id], action: 'return', note: 'Check the minister’s name' });
    expect(desk.getItem({ id: item.id }).item).toMatchObject({ status: 'draft', returnNote: 'Check the minister’s name' });
    desk.transition({ ids: [item.id], action: 'submit' });
    desk.transition({ ids: [item.id], action: 'hold' });
    desk.transition({ ids: [item.id], action: 'release' });
    expect(desk.getItem({ id: item.id }).item.status).toBe('submitted');
    const audit = desk.history({ id: item.id }).audit.map((a) => `${a.action}:${a.fromStatus}>${a.toStatus}`);
    expect(audit).toEqual([
      'release:held>submitted',
      'hold:submitted>held',
      'submit:draft>submitted',
      'return:submitted>draft',
      'submit:draft>submitted',
      'create:draft>draft',
    ]);
  });

  it('refuses to submit an incomplete item, naming what is missing', () => {
    const { desk } = testDesk();
    const { item } = desk.createItem({});
    expect(() => desk.transition({ ids: [item.id], action: 'submit' })).toThrow(
      /Headline is required.*Slug is required.*Dateline place is required.*Body is empty/s,
    );
  });

  it('changes all items of a bulk action or none', () => {
    const { desk } = testDesk();
    const a = desk.createItem({ fields: readyFields() }).item;
    const b = desk.createItem({ fields: readyFields({ slug: 'OTHER' }) }).item;
    desk.transition({ ids: [a.id, b.id], action: 'submit' });
    desk.transition({ ids: [a.id], action: 'approve' });
    expect(() => desk.transition({ ids: [b.id, a.id], action: 'approve' })).toThrow(
      /AZERBAIJAN-KAZAKHSTAN-DEFENCE: Only an item submitted for review can be approved/,
    );
    expect(desk.getItem({ id: b.id }).item.status).toBe('submitted');
  });

  it('writes a bulk step for every item: its state, its audit record and a live queue change each', () => {
    const { desk, clock } = testDesk();
    const ids = ['ONE', 'TWO', 'THREE'].map((slug) => desk.createItem({ fields: readyFields({ slug }) }).item.id);
    desk.transition({ ids, action: 'submit' });
    desk.saveDraft({ id: ids[1]!, baseRevision: 1, fields: { ...readyFields({ slug: 'TWO' }), headline: 'Edited once' } }); // revision 2
    clock.advance(60_000);
    const log = new ChangeLog(desk.db);
    const seq = log.latest();
    const out = desk.transition({ ids: [...ids, ids[0]!], action: 'approve' });
    expect(out.map((s) => s.id)).toEqual(ids);
    for (const [i, id] of ids.entries()) {
      expect(desk.getItem({ id }).item).toMatchObject({
        status: 'approved',
        approvedRevision: i === 1 ? 2 : 1,
        updatedAt: '2026-11-26T10:01:00.000Z',
        updatedBy: 'Desk editor',
        returnNote: null,
      });
      expect(desk.history({ id }).audit[0]).toMatchObject({ action: 'approve', fromStatus: 'submitted', toStatus: 'approved', at: '2026-11-26T10:01:00.000Z' });
    }
    expect(log.since(seq, 100)).toEqual(ids.map((id) => expect.objectContaining({ kind: 'queue', id, status: 'approved', by: 'Desk editor' })));
    expect(desk.queue({ tab: 'approved' }).counts).toMatchObject({ submitted: 0, approved: 3 });
    // Steps that write text, NULLs and a kept approval: a hold remembers where from, a return forgets the approval.
    desk.transition({ ids: ids.slice(0, 2), action: 'hold' });
    expect(desk.items.getState(ids[1]!)).toMatchObject({ status: 'held', heldFrom: 'approved', approvedRevision: 2 });
    desk.transition({ ids: ids.slice(0, 2), action: 'return', note: ' Check the name: "Əliyev" \\ 🙂 ' });
    expect(desk.items.getState(ids[1]!)).toMatchObject({
      status: 'draft',
      heldFrom: null,
      approvedRevision: null,
      returnNote: 'Check the name: "Əliyev" \\ 🙂',
    });
    expect(desk.items.getState(ids[2]!)).toMatchObject({ status: 'approved', approvedRevision: 1, returnNote: null });
    expect(desk.history({ id: ids[1]! }).audit.slice(0, 2)).toEqual([
      {
        action: 'return',
        fromStatus: 'held',
        toStatus: 'draft',
        version: 1,
        note: 'Check the name: "Əliyev" \\ 🙂',
        at: '2026-11-26T10:01:00.000Z',
        by: 'Desk editor',
      },
      { action: 'hold', fromStatus: 'approved', toStatus: 'held', version: 1, note: '', at: '2026-11-26T10:01:00.000Z', by: 'Desk editor' },
    ]);
  });

  it('queues by urgency with counts per tab and finds items by full-text search', () => {
    const { desk, clock } = testDesk();
    const mk = (slug: string, urgency: number, text: string) => {
      clock.advance(1000);
      const { item } = desk.createItem({ fields: readyFields({ slug, urgency, body: bodyFromPlainText(text) }) });
      desk.transition({ ids: [item.id], action: 'submit' });
      return item.id;
    };
    mk('ROUTINE', 5, 'Budget talks resume');
    mk('FLASH', 1, 'Earthquake strikes Caspian coast');
    mk('URGENT', 3, 'Caspian ferry delayed');
    const q = desk.queue({ tab: 'submitted' });
    expect(q.items.map((i) => i.slug)).toEqual(['FLASH', 'URGENT', 'ROUTINE']);
    expect(q.counts).toMatchObject({ submitted: 3, approved: 0 });
    const found = desk.queue({ tab: 'submitted', search: 'caspian' });
    expect(found.items.map((i) => i.slug)).toEqual(['FLASH', 'URGENT']);
    expect(found.items[0]!.snippet).toContain('[[Caspian]]');
  });
});

describe('contract boundary', () => {
  it('makes a body safe and checks its size where it is stored, whichever way it came', async () => {
    const { desk } = testDesk();
    const { item } = desk.createItem({});
    const hostile = {
      root: { children: [{ type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }] }] },
    };
    const saved = await dispatch(desk, 'saveDraft', { id: item.id, baseRevision: 1, fields: { ...readyFields(), body: hostile } });
    expect(saved).toMatchObject({ ok: true, value: { item: { revision: 2, bodyText: 'x' } } });
    expect(JSON.stringify(desk.getItem({ id: item.id }).item.body)).not.toContain('javascript:');
    const huge = bodyFromPlainText('word '.repeat(1_700_000)); // over 8,000,000 characters of JSON
    for (const r of [
      await dispatch(desk, 'saveDraft', { id: item.id, baseRevision: 2, fields: { ...readyFields(), body: huge } }),
      await dispatch(desk, 'createItem', { fields: { body: huge } }),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('Body is too large.') } });
    }
    expect(desk.getItem({ id: item.id }).item.revision).toBe(2);
    expect(desk.listItems({ view: 'desk' }).items).toHaveLength(1);
  });

  it('answers every method and refuses bad arguments with a coded error', async () => {
    const { desk } = testDesk();
    for (const m of DESK_METHODS) expect(typeof desk[m]).toBe('function');
    expect(await dispatch(desk, 'getItem', { id: 'not-an-id' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('id') },
    });
    expect(
      await dispatch(desk, 'saveDraft', { id: '0190a0a0-0000-7000-8000-000000000000', baseRevision: 1, fields: { headline: 'x'.repeat(151) } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await dispatch(desk, 'dropTables', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await dispatch(desk, 'getItem', { id: '0190a0a0-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(desk, 'getSettings', {})).toMatchObject({ ok: true, value: { agency: 'Turan' } });
  });

  it('names each bad part of an argument by path and code, so a UI need not read the message', async () => {
    const { desk } = testDesk();
    const settings = desk.getSettings();
    const r = await dispatch(desk, 'saveSettings', { ...settings, language: '', categories: [{ name: 'Defence', mediaTopic: '11000000' }] });
    if (r.ok) throw new Error('bad settings were saved');
    expect(argIssues(r.error)).toEqual([
      { path: 'language', code: 'too_small', message: 'Language is required, e.g. en.' },
      { path: 'categories.0.mediaTopic', code: 'invalid_format', message: 'Media Topic codes look like medtop:11000000.' },
    ]);
    expect(argIssues({ code: 'NOT_FOUND', message: 'x' })).toEqual([]);
  });
});

describe('validation at the boundary', () => {
  it('names every problem with its path and code, so the UI never parses the message', async () => {
    const { desk } = testDesk();
    const r = await dispatch(desk, 'saveSettings', { ...desk.getSettings(), editorName: '', defaultSignOff: '06-B!' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(ErrorCode.InvalidArgument);
    const issues = (r.error.details as { issues: { path: string; code: string }[] }).issues;
    expect(issues.map((i) => i.path)).toEqual(['editorName', 'defaultSignOff']);
    expect(issues.every((i) => typeof i.code === 'string' && i.code !== '')).toBe(true);
  });
});
