import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/errors';
import { bodyFromPlainText } from '../core/richtext';
import { batchFrame } from '../core/feed/batch';
import { entryPage, insertBatch, setOwner } from '../store/batches';
import type { DeskService } from './desk';
import { readyFields, testDesk } from '../../test/desk';

const tmpFolder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'wd-batch-'));
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function approved(desk: DeskService, slug: string, extra: Parameters<typeof readyFields>[0] = {}, clock?: { advance(ms: number): void }): string {
  clock?.advance(1000);
  const { item } = desk.createItem({ fields: readyFields({ slug, ...extra }) });
  desk.transition({ ids: [item.id], action: 'submit' });
  desk.transition({ ids: [item.id], action: 'approve' });
  return item.id;
}

/** The export's inner steps, to stop it where a crash would (tests only). */
function exportSteps(desk: DeskService) {
  return desk.batches as unknown as {
    reserve(a: object, by: string): Promise<{ batch: { id: number; file_name: string }; written: { tmp: string; sha256: string; bytes: number } }>;
    commit(b: object, sha: string, bytes: number): void;
  };
}

/** A desk in a file (a second Wiredesk can open it) with one approved item, and its export's inner steps. */
function fileDesk(slug: string) {
  const file = path.join(tmpFolder(), 'desk.sqlite');
  const first = testDesk(file);
  const id = approved(first.desk, slug);
  return { file, folder: tmpFolder(), first, id, internals: exportSteps(first.desk) };
}

/** What a crashed writer leaves: its owner lock is gone with its process. */
const DEAD_PID = 999999999;
function writerDied(desk: DeskService): void {
  desk.lock.release();
}

describe('batch export', () => {
  it('writes the approved queue, records the batch and publishes only then', async () => {
    const { desk, clock } = testDesk();
    const a = approved(desk, 'FIRST', {}, clock);
    const b = approved(desk, 'SECOND', { embargo: '2026-11-27T09:00+04:00' }, clock);
    const folder = tmpFolder();
    const batch = await desk.exportBatch({ format: 'ninjs', folder });
    expect(batch).toMatchObject({ id: 1, state: 'written', itemCount: 2, fileName: 'wiredesk-batch-000001-ninjs.json', error: null });
    const file = path.join(folder, batch.fileName);
    expect(sha(file)).toBe(batch.sha256);
    const out = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>[];
    expect(out.map((o) => o.slugline)).toEqual(['FIRST', 'SECOND']);
    expect(out[1]!.embargoedUntil).toBe('2026-11-27T09:00:00+04:00');
    expect(desk.getItem({ id: a }).item).toMatchObject({ status: 'published', publishedVersion: 1, firstPublishedAt: '2026-11-26T10:00:02.000Z' });
    expect(desk.getItem({ id: b }).item.status).toBe('published');
    expect(batch.entries.map((e) => [e.slug, e.version, e.kind])).toEqual([
      ['FIRST', 1, 'publish'],
      ['SECOND', 1, 'publish'],
    ]);
    expect(batch.nextEntry).toBeNull();
    const first = desk.getBatch({ id: 1, limit: 1 });
    expect(first.entries.map((e) => e.slug)).toEqual(['FIRST']);
    expect(desk.getBatch({ id: 1, after: first.nextEntry!, limit: 1 })).toMatchObject({ entries: [{ slug: 'SECOND' }], nextEntry: null });
    expect(fs.readdirSync(folder)).toEqual([batch.fileName]); // no temp file left
  });

  it('keeps each entry’s body once, as the bytes that went out, and its fields without the body tree', async () => {
    const { desk } = testDesk();
    approved(desk, 'ONCE', { body: readyFields().body });
    const folder = tmpFolder();
    const batch = await desk.exportBatch({ format: 'ninjs', folder });
    const [entry] = entryPage(desk.db, batch.id, -1, 10);
    const written = JSON.parse(fs.readFileSync(path.join(folder, batch.fileName), 'utf8'))[0];
    expect(JSON.parse(entry!.wire!)).toEqual(written);
    const head = entry!.snapshot as unknown as Record<string, unknown>;
    expect(head).toMatchObject({ slug: 'ONCE', revision: 1, status: 'published' });
    expect(head).not.toHaveProperty('body');
    expect(head.bodyText).toBe('The plan was signed between the ministries.\nExercises continue.');
  });

  it.each([
    ['ninjs', false],
    ['ninjs2', true],
    ['jsonfeed', false],
  ] as const)('%s: an entry’s plain text, kept once in its bytes, reads back exactly (quotes, tabs, markup, any script)', async (format, ndjson) => {
    const { desk } = testDesk();
    const text = 'He said "no" \\ then\tleft <b>&amp;</b>.\nBakı — Azərbaycan 🇦🇿\u2028end\u0001';
    const id = approved(desk, 'TRICKY', { body: bodyFromPlainText(text) });
    const batch = await desk.exportBatch({ format, ndjson, folder: tmpFolder() });
    const [entry] = entryPage(desk.db, batch.id, -1, 10);
    expect(entry!.snapshot.bodyText).toBe(desk.getItem({ id }).item.bodyText);
    expect(entry!.snapshot.bodyText).toContain('"no"');
  });

  it('changes no item when the folder cannot be written, and says why', async () => {
    const { desk } = testDesk();
    const id = approved(desk, 'STUCK');
    const missing = path.join(tmpFolder(), 'no-such-folder');
    await expect(desk.exportBatch({ format: 'ninjs', folder: missing })).rejects.toMatchObject({
      code: ErrorCode.ExportFailed,
      message: expect.stringContaining('does not exist'),
    });
    const readOnly = tmpFolder();
    fs.chmodSync(readOnly, 0o500);
    const asRoot = process.getuid?.() === 0;
    if (!asRoot)
      await expect(desk.exportBatch({ format: 'ninjs', folder: readOnly })).rejects.toMatchObject({ message: expect.stringContaining('no permission') });
    const aFile = path.join(tmpFolder(), 'plain-file');
    fs.writeFileSync(aFile, 'x');
    await expect(desk.exportBatch({ format: 'ninjs', folder: aFile })).rejects.toMatchObject({ code: ErrorCode.ExportFailed });
    expect(desk.getItem({ id }).item.status).toBe('approved');
    expect(desk.listBatches({}).items).toEqual([]);
  });

  it('exports each item version once; a correction goes out as version 2 and a kill as canceled', async () => {
    const { desk, clock } = testDesk();
    const id = approved(desk, 'STORY');
    const folder = tmpFolder();
    await desk.exportBatch({ format: 'ninjs', folder });
    await expect(desk.exportBatch({ format: 'ninjs', folder })).rejects.toMatchObject({ code: ErrorCode.NothingToExport });
    await expect(desk.exportBatch({ format: 'ninjs', folder, ids: [id] })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });

    clock.advance(60_000);
    desk.transition({ ids: [id], action: 'correct' });
    const draft = desk.getItem({ id }).item;
    desk.saveDraft({
      id,
      baseRevision: draft.revision,
      fields: readyFields({ slug: 'STORY', headline: 'Corrected headline', subscriberNote: 'Corrects the headline.' }),
    });
    desk.transition({ ids: [id], action: 'submit' });
    desk.transition({ ids: [id], action: 'approve' });
    const second = await desk.exportBatch({ format: 'ninjs', folder });
    const v2 = JSON.parse(fs.readFileSync(path.join(folder, second.fileName), 'utf8'))[0];
    expect(v2).toMatchObject({
      version: '2',
      slugline: 'STORY',
      headlines: [{ role: 'main', value: 'Corrected headline' }],
      pubStatus: 'usable',
      edNote: 'Corrects the headline.',
    });
    // The correction is dated when it was made, not when version 1 went out.
    expect(v2.versionCreated).toBe('2026-11-26T10:01:00.000Z');

    clock.advance(60_000);
    desk.transition({ ids: [id], action: 'kill', note: 'Legal' });
    expect(desk.queue({ tab: 'approved' }).nextBatch).toEqual({ approved: 0, kills: 1 });
    expect(desk.queue({ tab: 'killed' }).items[0]).toMatchObject({ id, batchId: null });
    expect(desk.queue({ tab: 'published' }).items).toEqual([]);
    const third = await desk.exportBatch({ format: 'ninjs', folder });
    const kill = JSON.parse(fs.readFileSync(path.join(folder, third.fileName), 'utf8'))[0];
    // A kill is a new version, dated at the kill, with its reason and the kill notice instead of the story.
    expect(kill).toMatchObject({ version: '3', pubStatus: 'canceled', versionCreated: '2026-11-26T10:02:00.000Z', edNote: 'Legal' });
    expect(kill.bodies[0].value).toBe('KILL — STORY. Legal Do not use this story.');
    expect(JSON.stringify(kill)).not.toContain('The plan was signed');
    expect(v2.uri).toBe(kill.uri);
    expect(desk.queue({ tab: 'approved' }).nextBatch).toEqual({ approved: 0, kills: 0 });
    expect(desk.queue({ tab: 'killed' }).items[0]).toMatchObject({ id, batchId: 3 });
    await expect(desk.exportBatch({ format: 'ninjs', folder })).rejects.toMatchObject({ code: ErrorCode.NothingToExport });
    expect(desk.listBatches({}).items.map((b) => b.id)).toEqual([3, 2, 1]);
  });

  it('re-sends a batch byte for byte, and each item’s history says it went out again and where', async () => {
    const { desk } = testDesk();
    const id = approved(desk, 'AGAIN');
    const folder = tmpFolder();
    const batch = await desk.exportBatch({ format: 'jsonfeed', folder });
    const other = tmpFolder();
    const r = await desk.resendBatch({ id: batch.id, folder: other });
    expect(fs.readFileSync(r.path).equals(fs.readFileSync(path.join(folder, batch.fileName)))).toBe(true);
    expect(r.sha256).toBe(batch.sha256);
    expect(desk.history({ id }).audit[0]).toEqual({
      action: 're-sent',
      fromStatus: 'published',
      toStatus: 'published',
      version: 1,
      note: `Batch ${batch.id} re-sent to ${r.path}`,
      at: '2026-11-26T10:00:00.000Z',
      by: 'Desk editor',
    });
    // A re-send refused writes nothing to the history.
    const before = desk.history({ id }).audit.length;
    await expect(desk.resendBatch({ id: batch.id, folder: other })).rejects.toMatchObject({ code: ErrorCode.ExportFailed });
    expect(desk.history({ id }).audit).toHaveLength(before);
  });

  it('flags an embargo that has passed, and exports it only when told to', async () => {
    const { desk } = testDesk();
    approved(desk, 'LATE', { embargo: '2026-11-26T08:00+00:00' });
    const folder = tmpFolder();
    await expect(desk.exportBatch({ format: 'ninjs', folder })).rejects.toMatchObject({
      message: expect.stringContaining('embargo has already passed for LATE'),
    });
    expect((await desk.exportBatch({ format: 'ninjs', folder, allowPastEmbargo: true })).itemCount).toBe(1);
  });

  it('after a crash before commit: the batch is dropped, temp files removed, items still approved', async () => {
    const { file, folder, first, id, internals } = fileDesk('CRASH');
    // Reserve and write the temp file, then "die" before the commit.
    await internals.reserve({ format: 'ninjs', folder }, 'x');
    expect(fs.readdirSync(folder)).toHaveLength(1);
    // The writer died: its process is gone.
    writerDied(first.desk);
    first.desk.db.close();

    const again = testDesk(file);
    await again.desk.batches.idle();
    expect(again.desk.listBatches({}).items).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(again.desk.getItem({ id }).item.status).toBe('approved');
    const batch = await again.desk.exportBatch({ format: 'ninjs', folder });
    expect(batch.itemCount).toBe(1);
  });

  it('after a crash between commit and rename: the file is written again, identical', async () => {
    const { file, folder, first, id, internals } = fileDesk('HALFWAY');
    const { batch: b, written: w } = await internals.reserve({ format: 'ninjs', folder }, 'x');
    internals.commit(b, w.sha256, w.bytes);
    // The rename never happened: the dead writer's temp file is still there.
    fs.renameSync(w.tmp, w.tmp.replace(/\.[^.]+\.tmp$/, `.${DEAD_PID}.tmp`));
    writerDied(first.desk); // and the writer is gone
    first.desk.db.close();

    const again = testDesk(file);
    await again.desk.exportBatch({ format: 'ninjs', folder }).catch(() => undefined); // waits for recovery; nothing new to export
    const batch = again.desk.getBatch({ id: b.id });
    expect(batch).toMatchObject({ state: 'written', error: null });
    expect(sha(path.join(folder, batch.fileName))).toBe(w.sha256);
    expect(fs.readdirSync(folder)).toEqual([batch.fileName]);
    expect(again.desk.getItem({ id }).item.status).toBe('published');
  });

  it('a committed batch whose file is not in place cannot be re-sent: a drop would then unpublish what went out', async () => {
    const { desk } = testDesk();
    const id = approved(desk, 'UNPLACED');
    const internals = exportSteps(desk);
    const { batch: b, written: w } = await internals.reserve({ format: 'ninjs', folder: tmpFolder() }, 'x');
    internals.commit(b, w.sha256, w.bytes);
    fs.rmSync(w.tmp); // its file never reached the folder
    const elsewhere = tmpFolder();
    await expect(desk.resendBatch({ id: b.id, folder: elsewhere })).rejects.toMatchObject({
      code: ErrorCode.ExportFailed,
      message: expect.stringContaining('Complete it'),
    });
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    // Dropping it is still honest: none of its bytes went anywhere.
    await desk.dropBatch({ id: b.id });
    expect(desk.getItem({ id }).item).toMatchObject({ status: 'approved', publishedVersion: 0 });
    // Its number is not given again: the item's audit names two batches, not one twice.
    const next = await desk.exportBatch({ format: 'ninjs', folder: tmpFolder() });
    expect(next.id).toBe(b.id + 1);
    expect(next.fileName).not.toBe(b.file_name);
    expect(
      desk
        .history({ id })
        .audit.slice(0, 2)
        .map((a) => a.note),
    ).toEqual([`Batch ${b.id + 1}`, `Batch ${b.id} dropped by hand; not published`]);
  });
});

describe('a writer that died while reserving', () => {
  /** What it leaves: its opened batch without entries, and part of a temp file. */
  function diedReserving(owner: 'dead' | 'other host') {
    const file = path.join(tmpFolder(), 'desk.sqlite');
    const folder = tmpFolder();
    const first = testDesk(file);
    const itemId = approved(first.desk, 'MIDWAY');
    const frame = batchFrame('ninjs', false, first.desk.getSettings());
    const batch = { format: 'ninjs' as const, ndjson: false, folder, itemCount: 1, createdAt: '2026-11-26T10:00:00.000Z', createdBy: 'x', frame };
    const id = insertBatch(first.desk.db, { ...batch, owner: first.desk.lock.tag }, () => 'midway.json');
    fs.writeFileSync(path.join(folder, '.midway.json.0badc0de.tmp'), '[\n{"uri":');
    if (owner === 'other host') setOwner(first.desk.db, id, 'otherhost:4123');
    writerDied(first.desk);
    first.desk.db.close();
    return { desk: testDesk(file).desk, id, itemId, folder };
  }

  it('is dropped with its temp file when the writer is gone; the item goes out in the next batch', async () => {
    const s = diedReserving('dead');
    await s.desk.batches.idle();
    expect(s.desk.listBatches({}).items).toEqual([]);
    expect(fs.readdirSync(s.folder)).toEqual([]);
    expect((await s.desk.exportBatch({ format: 'ninjs', folder: s.folder })).itemCount).toBe(1);
  });

  it('cannot be completed when the writer cannot be checked, only dropped: nothing of it went out', async () => {
    const s = diedReserving('other host');
    await s.desk.batches.idle();
    await expect(s.desk.completeBatch({ id: s.id })).rejects.toMatchObject({ code: ErrorCode.IllegalTransition, message: expect.stringContaining('Drop it') });
    await s.desk.dropBatch({ id: s.id });
    expect(fs.readdirSync(s.folder)).toEqual([]);
    expect(s.desk.getItem({ id: s.itemId }).item.status).toBe('approved');
  });
});

describe('batch recovery when only the last mark is missing', () => {
  it('finds the file in place with the recorded hash and marks the batch written without rewriting it', async () => {
    const file = path.join(tmpFolder(), 'desk.sqlite');
    const folder = tmpFolder();
    const first = testDesk(file);
    approved(first.desk, 'PLACED');
    const internals = exportSteps(first.desk);
    const { batch: b, written: w } = await internals.reserve({ format: 'ninjs', folder }, 'x');
    internals.commit(b, w.sha256, w.bytes);
    const target = path.join(folder, b.file_name);
    fs.renameSync(w.tmp, target); // renamed, but the process died before marking it written
    const before = fs.statSync(target);
    writerDied(first.desk);
    first.desk.db.close();

    const again = testDesk(file);
    await again.desk.exportBatch({ format: 'ninjs', folder }).catch(() => undefined);
    expect(again.desk.getBatch({ id: b.id }).state).toBe('written');
    expect(fs.statSync(target).ino).toBe(before.ino);
    expect(sha(target)).toBe(w.sha256);
  });
});

describe('batch export against a moving desk', () => {
  it('refuses the whole batch when an item is held while its file is written', async () => {
    const { desk, clock } = testDesk();
    const a = approved(desk, 'STAYS', {}, clock);
    const b = approved(desk, 'HELD-MEANWHILE', {}, clock);
    const folder = tmpFolder();
    const steps = exportSteps(desk);
    const realReserve = steps.reserve.bind(steps);
    steps.reserve = async (arg, by) => {
      const r = await realReserve(arg, by);
      desk.transition({ ids: [b], action: 'hold' }); // the chief editor, in another window
      return r;
    };
    await expect(desk.exportBatch({ format: 'ninjs', folder })).rejects.toMatchObject({
      code: ErrorCode.ExportFailed,
      message: expect.stringContaining('HELD-MEANWHILE changed while batch 1 was being written'),
    });
    expect(desk.getItem({ id: a }).item.status).toBe('approved');
    expect(desk.getItem({ id: b }).item.status).toBe('held');
    expect(desk.listBatches({}).items).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses the whole batch when an approved item’s text changes under it while its file is written', async () => {
    const { desk, clock } = testDesk();
    approved(desk, 'STAYS', {}, clock);
    const b = approved(desk, 'REWRITTEN', {}, clock);
    const folder = tmpFolder();
    const steps = exportSteps(desk);
    const realReserve = steps.reserve.bind(steps);
    steps.reserve = async (arg, by) => {
      const r = await realReserve(arg, by);
      // Another writer (an older Wiredesk, a hand edit) changes the text without a review.
      const item = desk.items.get(b)!;
      desk.items.update({ ...item, headline: 'Never reviewed', revision: item.revision + 1, approvedRevision: item.revision + 1 });
      return r;
    };
    await expect(desk.exportBatch({ format: 'ninjs', folder })).rejects.toMatchObject({
      code: ErrorCode.ExportFailed,
      message: expect.stringContaining('REWRITTEN changed while batch 1 was being written'),
    });
    expect(desk.queue({ tab: 'approved' }).items).toHaveLength(2);
    expect(desk.history({ id: b }).audit.filter((a) => a.action === 'publish')).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses the whole batch when a kill in it changes while its file is written; the publishes beside it are undone', async () => {
    const { desk, clock } = testDesk();
    const killed = approved(desk, 'KILLED', {}, clock);
    const folder = tmpFolder();
    await desk.exportBatch({ format: 'ninjs', folder });
    desk.transition({ ids: [killed], action: 'kill', note: 'Legal' });
    const stays = approved(desk, 'STAYS', {}, clock);
    const steps = exportSteps(desk);
    const realReserve = steps.reserve.bind(steps);
    steps.reserve = async (arg, by) => {
      const r = await realReserve(arg, by);
      // Another writer (an older Wiredesk, a hand edit) moves the killed story on to another version.
      const item = desk.items.get(killed)!;
      desk.items.update({ ...item, version: item.version + 1 });
      return r;
    };
    await expect(desk.exportBatch({ format: 'ninjs', folder })).rejects.toMatchObject({
      code: ErrorCode.ExportFailed,
      message: expect.stringContaining('KILLED changed while batch 2 was being written'),
    });
    expect(desk.getItem({ id: stays }).item.status).toBe('approved');
    expect(desk.history({ id: stays }).audit.filter((a) => a.action === 'publish')).toEqual([]);
    expect(desk.queue({ tab: 'approved' }).nextBatch).toEqual({ approved: 1, kills: 1 });
    expect(desk.listBatches({}).items.map((b) => b.id)).toEqual([1]);
  });

  it('a batch dropped while its writer was still at it (another host, shown Stuck) is not committed or placed by that writer', async () => {
    const { file, folder, first: writer, id, internals: steps } = fileDesk('SHARED-FOLDER');
    const realReserve = steps.reserve.bind(steps);
    steps.reserve = async (arg, by) => {
      const r = await realReserve(arg, by);
      // Seen from the other host its writer cannot be checked: an editor there drops it.
      setOwner(writer.desk.db, r.batch.id, 'otherhost:4123');
      await testDesk(file).desk.dropBatch({ id: r.batch.id });
      return r;
    };
    await expect(writer.desk.exportBatch({ format: 'ninjs', folder })).rejects.toMatchObject({ code: ErrorCode.ExportFailed });
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(writer.desk.getItem({ id }).item).toMatchObject({ status: 'approved', publishedVersion: 0 });
  });

  it('a second Wiredesk opening the desk leaves a live writer’s batch alone', async () => {
    const file = path.join(tmpFolder(), 'desk.sqlite');
    const folder = tmpFolder();
    const first = testDesk(file);
    approved(first.desk, 'IN-FLIGHT');
    const steps = exportSteps(first.desk);
    const { batch: reserved } = await steps.reserve({ format: 'ninjs', folder }, 'x'); // this process is the writer
    const second = testDesk(file); // e.g. `wiredesk list` while the export runs
    expect(second.desk.getBatch({ id: reserved.id }).state).toBe('writing');
    // A writer that is gone (no such process) is cleaned up.
    writerDied(first.desk);
    const third = testDesk(file);
    await third.desk.batches.idle();
    expect(third.desk.listBatches({}).items).toEqual([]);
  });

  it('a kill sends the version that went out, not a correction still in the works', async () => {
    const { desk } = testDesk();
    const id = approved(desk, 'STORY', { headline: 'What was published' });
    const folder = tmpFolder();
    await desk.exportBatch({ format: 'ninjs', folder });
    desk.transition({ ids: [id], action: 'correct' });
    const draft = desk.getItem({ id }).item;
    desk.saveDraft({ id, baseRevision: draft.revision, fields: readyFields({ slug: 'STORY', headline: 'Unreviewed correction' }) });
    desk.transition({ ids: [id], action: 'kill', note: 'Legal' });
    const kill = await desk.exportBatch({ format: 'ninjs', folder });
    const sent = JSON.parse(fs.readFileSync(path.join(folder, kill.fileName), 'utf8'))[0];
    expect(sent).toMatchObject({ version: '2', pubStatus: 'canceled', headlines: [{ role: 'main', value: 'What was published' }] });
    expect(JSON.stringify(sent)).not.toContain('Unreviewed correction');
    expect(kill.entries).toEqual([expect.objectContaining({ version: 2, kind: 'kill' })]);
    expect(desk.queue({ tab: 'approved' }).nextBatch.kills).toBe(0);
  });

  it('never writes over an existing file, and changes nothing when the name is taken', async () => {
    const { desk } = testDesk();
    const id = approved(desk, 'NAMED');
    const folder = tmpFolder();
    fs.writeFileSync(path.join(folder, 'feed.json'), 'somebody else’s file');
    await expect(desk.exportBatch({ format: 'ninjs', folder, fileName: 'feed.json' })).rejects.toMatchObject({
      code: ErrorCode.ExportFailed,
      message: expect.stringContaining('already exists'),
    });
    expect(fs.readFileSync(path.join(folder, 'feed.json'), 'utf8')).toBe('somebody else’s file');
    expect(desk.getItem({ id }).item.status).toBe('approved');
    const batch = await desk.exportBatch({ format: 'ninjs', folder, fileName: 'feed-2.json' });
    await expect(desk.resendBatch({ id: batch.id, folder })).rejects.toMatchObject({ message: expect.stringContaining('already exists') });
  });
});
