/** Issue 9: what goes on the wire is exactly what was approved; kills and corrections reach every subscriber. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/errors';
import { DEFAULT_CATEGORIES } from '../core/settings';
import { setOwner } from '../store/batches';
import type { DeskService } from './desk';
import { readyFields, testDesk } from '../../test/desk';

const tmpFolder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'wd-integrity-'));
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function approved(desk: DeskService, slug: string, extra: Parameters<typeof readyFields>[0] = {}): string {
  const { item } = desk.createItem({ fields: readyFields({ slug, ...extra }) });
  desk.transition({ ids: [item.id], action: 'submit' });
  desk.transition({ ids: [item.id], action: 'approve' });
  return item.id;
}

describe('review means review', () => {
  it('editing an approved item sends it back to review, says who and when, and audits the edit', async () => {
    const { desk, clock } = testDesk();
    const id = approved(desk, 'EDITED');
    clock.advance(5_000);
    const before = desk.getItem({ id }).item;
    expect(before.approvedRevision).toBe(before.revision);
    const saved = desk.saveDraft({ id, baseRevision: before.revision, fields: readyFields({ slug: 'EDITED', headline: 'Unreviewed new headline' }) });
    expect(saved.item).toMatchObject({ status: 'submitted', approvedRevision: null, reopened: { at: '2026-11-26T10:00:05.000Z', by: 'Desk editor' } });
    expect(desk.queue({ tab: 'submitted' }).items[0]).toMatchObject({ id, reopened: { by: 'Desk editor' } });
    const audit = desk.history({ id }).audit;
    expect(audit[0]).toMatchObject({ action: 'edit', fromStatus: 'approved', toStatus: 'submitted', revision: saved.item.revision });
    expect(audit[0]!.note).toMatch(/Edited after approval/);
    // Nothing is waiting to go out until it is approved again.
    await expect(desk.exportBatch({ format: 'ninjs', folder: tmpFolder() })).rejects.toMatchObject({ code: ErrorCode.NothingToExport });
    desk.transition({ ids: [id], action: 'approve' });
    expect(desk.getItem({ id }).item).toMatchObject({ approvedRevision: saved.item.revision, reopened: null });
  });

  it('an embargo being typed in an approved item, not stored yet, sends it back to review with nothing changed; in a draft it saves nothing', async () => {
    const { desk } = testDesk();
    const id = approved(desk, 'TYPING');
    const before = desk.getItem({ id }).item;
    const same = readyFields({ slug: 'TYPING' });
    expect(desk.saveDraft({ id, baseRevision: before.revision, fields: same }).item).toMatchObject({ status: 'approved', revision: before.revision });
    const saved = desk.saveDraft({ id, baseRevision: before.revision, fields: same, unfinished: 'embargo' });
    expect(saved.item).toMatchObject({ status: 'submitted', approvedRevision: null, revision: before.revision + 1, embargo: null });
    expect(desk.history({ id }).audit[0]!.note).toBe('Edited after approval; back to review. Embargo being typed, not stored yet.');
    expect(desk.history({ id }).revisions[0]).toMatchObject({ changed: [], note: 'Embargo being typed, not stored yet.' });
    await expect(desk.exportBatch({ format: 'ninjs', folder: tmpFolder() })).rejects.toMatchObject({ code: ErrorCode.NothingToExport });
    // In review (or a draft) already, there is nothing to send back: no revision.
    expect(desk.saveDraft({ id, baseRevision: saved.item.revision, fields: same, unfinished: 'embargo' }).item.revision).toBe(saved.item.revision);
  });

  it('editing a held item also sends it back to review', () => {
    const { desk } = testDesk();
    const id = approved(desk, 'HELD');
    desk.transition({ ids: [id], action: 'hold' });
    const held = desk.getItem({ id }).item;
    const saved = desk.saveDraft({ id, baseRevision: held.revision, fields: readyFields({ slug: 'HELD', headline: 'Changed while held' }) });
    expect(saved.item.status).toBe('submitted');
  });

  it('every content save is in the audit trail, linked to its revision', () => {
    const { desk, clock } = testDesk();
    const { item } = desk.createItem({ fields: readyFields({ slug: 'TYPED' }) });
    const r2 = desk.saveDraft({ id: item.id, baseRevision: 1, fields: readyFields({ slug: 'TYPED', headline: 'One' }), session: 's' }).item;
    clock.advance(1_000);
    const r3 = desk.saveDraft({ id: item.id, baseRevision: r2.revision, fields: readyFields({ slug: 'TYPED', headline: 'One two' }), session: 's' }).item;
    const edits = desk.history({ id: item.id }).audit.filter((a) => a.action === 'edit');
    // A run of typing folds into one revision and one audit record, moved along with it.
    expect(edits.map((e) => e.revision)).toEqual([r3.revision]);
    expect(desk.history({ id: item.id }).revisions.map((r) => r.revision)).toContain(r3.revision);
  });

  it('an export refuses an approved item whose revision is not the one approved, and publishes nothing', async () => {
    const { desk } = testDesk();
    const ok = approved(desk, 'FINE');
    const id = approved(desk, 'SNEAKED');
    // Another writer (an older Wiredesk, a hand edit) changed the text without a review.
    const item = desk.items.get(id)!;
    desk.items.update({ ...item, headline: 'Never reviewed', revision: item.revision + 1 });
    const folder = tmpFolder();
    await expect(desk.exportBatch({ format: 'ninjs', folder })).rejects.toMatchObject({
      code: ErrorCode.UnreviewedChange,
      message: expect.stringContaining('SNEAKED changed after it was approved'),
    });
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(desk.getItem({ id: ok }).item.status).toBe('approved');
    expect(desk.listBatches({}).items).toEqual([]);
  });

  it('a preview offers only reviewed stories as usable: drafts and items in review are withheld, a kill canceled', async () => {
    const { desk } = testDesk();
    const draft = desk.createItem({ fields: readyFields({ slug: 'DRAFT' }) }).item.id;
    const submitted = desk.createItem({ fields: readyFields({ slug: 'IN-REVIEW' }) }).item.id;
    desk.transition({ ids: [submitted], action: 'submit' });
    const ready = approved(desk, 'READY');
    const target = path.join(tmpFolder(), 'preview.json');
    await desk.batches.writePreview({ format: 'ninjs', ndjson: false }, target);
    const status = Object.fromEntries(
      (JSON.parse(fs.readFileSync(target, 'utf8')) as { slugline: string; pubStatus: string }[]).map((e) => [e.slugline, e.pubStatus]),
    );
    expect(status).toEqual({ DRAFT: 'withheld', 'IN-REVIEW': 'withheld', READY: 'usable' });
    expect([draft, submitted, ready].map((id) => desk.getItem({ id }).item.status)).toEqual(['draft', 'submitted', 'approved']);
  });

  it('a preview withholds an approved item whose text changed after the approval, as an export refuses it', async () => {
    const { desk } = testDesk();
    const id = approved(desk, 'SNEAKED');
    const item = desk.items.get(id)!;
    desk.items.update({ ...item, headline: 'Never reviewed', revision: item.revision + 1 });
    const target = path.join(tmpFolder(), 'preview.json');
    await desk.batches.writePreview({ format: 'ninjs', ndjson: false }, target);
    expect((JSON.parse(fs.readFileSync(target, 'utf8')) as { pubStatus: string }[]).map((e) => e.pubStatus)).toEqual(['withheld']);
  });
});

describe('two notes', () => {
  it('the desk note never appears in any format, preview or re-send; the note to subscribers goes out as edNote / ednote / note', async () => {
    const { desk } = testDesk();
    const secret = 'DESK-ONLY-7f3a9c';
    const ids = [
      approved(desk, 'ONE', { editorNote: `${secret} one` }),
      approved(desk, 'TWO', { editorNote: `${secret} two`, subscriberNote: 'Embargo lifted early.' }),
    ];
    const folder = tmpFolder();
    const outputs: string[] = [];
    for (const [format, ndjson] of [
      ['ninjs', false],
      ['ninjs2', true],
      ['jsonfeed', false],
    ] as const) {
      if (format !== 'ninjs')
        for (const id of ids) {
          desk.transition({ ids: [id], action: 'correct' });
          const d = desk.getItem({ id }).item;
          desk.saveDraft({
            id,
            baseRevision: d.revision,
            fields: { ...readyFields({ slug: d.slug, editorNote: `${secret} again` }), subscriberNote: `Corrected for ${format}.` },
          });
          desk.transition({ ids: [id], action: 'submit' });
          desk.transition({ ids: [id], action: 'approve' });
        }
      const b = await desk.exportBatch({ format, ndjson, folder });
      outputs.push(fs.readFileSync(path.join(folder, b.fileName), 'utf8'));
      const again = await desk.resendBatch({ id: b.id, folder: tmpFolder() });
      outputs.push(fs.readFileSync(again.path, 'utf8'));
    }
    for (const format of ['ninjs', 'ninjs2', 'jsonfeed'] as const) {
      const target = path.join(tmpFolder(), `preview.${format}.json`);
      await desk.batches.writePreview({ format, ndjson: false }, target);
      outputs.push(fs.readFileSync(target, 'utf8'));
    }
    for (const o of outputs) expect(o).not.toContain(secret);
    expect((JSON.parse(outputs[0]!) as { slugline: string; edNote?: string }[]).find((o) => o.slugline === 'TWO')!.edNote).toBe('Embargo lifted early.');
    expect(JSON.parse(outputs[2]!.split('\n')[0]!).ednote).toBe('Corrected for ninjs2.');
    expect(JSON.parse(outputs[4]!).items[0]._wiredesk.note).toBe('Corrected for jsonfeed.');
  });

  it('a correction needs a note to subscribers, and each correction starts with an empty one', async () => {
    const { desk } = testDesk();
    const id = approved(desk, 'FRIDAY');
    await desk.exportBatch({ format: 'ninjs', folder: tmpFolder() });
    desk.transition({ ids: [id], action: 'correct' });
    let d = desk.getItem({ id });
    expect(d.problems).toContainEqual(expect.objectContaining({ field: 'subscriberNote', code: 'SUBSCRIBER_NOTE_REQUIRED' }));
    expect(() => desk.transition({ ids: [id], action: 'submit' })).toThrow(/Note to subscribers/);
    desk.saveDraft({
      id,
      baseRevision: d.item.revision,
      fields: { ...readyFields({ slug: 'FRIDAY' }), subscriberNote: 'Corrects day of signing to Thursday.' },
    });
    desk.transition({ ids: [id], action: 'submit' });
    desk.transition({ ids: [id], action: 'approve' });
    await desk.exportBatch({ format: 'ninjs', folder: tmpFolder() });
    desk.transition({ ids: [id], action: 'correct' });
    d = desk.getItem({ id });
    expect(d.item).toMatchObject({ version: 3, subscriberNote: '' });
    expect(desk.getRevision({ id, revision: d.item.revision }).subscriberNote).toBe('');
  });

  it('a duplicate is a new story: it keeps the desk note and the text, not the note to subscribers of its source', () => {
    const { desk } = testDesk();
    const id = desk.createItem({ fields: { ...readyFields({ slug: 'SOURCE', editorNote: 'Check with the ministry.' }), subscriberNote: 'Corrects the date.' } })
      .item.id;
    const copy = desk.duplicateItem({ id }).item;
    expect(copy).toMatchObject({ status: 'draft', version: 1, headline: readyFields().headline, editorNote: 'Check with the ministry.', subscriberNote: '' });
    expect(desk.getItem({ id }).item.subscriberNote).toBe('Corrects the date.');
  });

  it('restoring a revision of an earlier version brings back its text, not its note to subscribers', async () => {
    const { desk } = testDesk();
    const id = approved(desk, 'RESTORED', { subscriberNote: 'Embargo lifted early.' });
    await desk.exportBatch({ format: 'ninjs', folder: tmpFolder() });
    desk.transition({ ids: [id], action: 'correct' });
    const d = desk.getItem({ id }).item;
    const restored = desk.restoreRevision({ id, revision: 1, baseRevision: d.revision });
    expect(restored.item).toMatchObject({ version: 2, headline: readyFields().headline, subscriberNote: '' });
    // Still a correction without its own note: it cannot go out carrying version 1's.
    expect(() => desk.transition({ ids: [id], action: 'submit' })).toThrow(/Note to subscribers/);
  });
});

describe('a kill reaches every subscriber', () => {
  it('shows the reason, who and when in the Killed tab, and uses the desk kill template', async () => {
    const { desk, clock } = testDesk();
    desk.saveSettings({ ...desk.getSettings(), killTemplate: 'WITHDRAWN: {slug}. {reason}' });
    const id = approved(desk, 'WRONG');
    await desk.exportBatch({ format: 'ninjs2', folder: tmpFolder() });
    clock.advance(120_000);
    desk.transition({ ids: [id], action: 'kill', note: 'Source retracted.' });
    expect(desk.queue({ tab: 'killed' }).items[0]).toMatchObject({ kill: { reason: 'Source retracted.', at: '2026-11-26T10:02:00.000Z', by: 'Desk editor' } });
    const folder = tmpFolder();
    const b = await desk.exportBatch({ format: 'ninjs2', folder });
    const sent = JSON.parse(fs.readFileSync(path.join(folder, b.fileName), 'utf8'))[0];
    expect(sent).toMatchObject({ version: '2', pubstatus: 'canceled', versioncreated: '2026-11-26T10:02:00.000Z', ednote: 'Source retracted.' });
    expect(sent.bodies.map((x: { value: string }) => x.value)).toContain('WITHDRAWN: WRONG. Source retracted.');
  });

  it('is never embargoed, even when the story it kills was', async () => {
    const { desk, clock } = testDesk();
    const embargo = '2026-11-27T09:00+04:00'; // tomorrow morning in Baku
    const ids = [approved(desk, 'EMBARGOED-A', { embargo }), approved(desk, 'EMBARGOED-B', { embargo })];
    await desk.exportBatch({ format: 'ninjs', folder: tmpFolder() });
    clock.advance(60_000);
    desk.transition({ ids, action: 'kill', note: 'Legal.' });
    const folder = tmpFolder();
    const ninjs = await desk.exportBatch({ format: 'ninjs', folder, ids: [ids[0]!] });
    const feed = await desk.exportBatch({ format: 'jsonfeed', folder, ids: [ids[1]!] });
    const kill = JSON.parse(fs.readFileSync(path.join(folder, ninjs.fileName), 'utf8'))[0];
    expect(kill).toMatchObject({ pubStatus: 'canceled', version: '2' });
    expect(kill).not.toHaveProperty('embargoedUntil');
    expect(JSON.parse(fs.readFileSync(path.join(folder, feed.fileName), 'utf8')).items[0]._wiredesk).toMatchObject({ status: 'killed', embargo: null });
  });
});

describe('a batch is a fact', () => {
  it('re-send and recovery write the same bytes after agency, dateline style, language, categories and name change', async () => {
    const file = path.join(tmpFolder(), 'desk.sqlite');
    const first = testDesk(file);
    const desk = first.desk;
    approved(desk, 'FACT', { dateline: { place: 'Baku', date: '2023-10-06', agency: 'Turan' } });
    for (const format of ['ninjs', 'jsonfeed'] as const) {
      const folder = tmpFolder();
      approved(desk, `FACT-${format.toUpperCase()}`);
      const b = await desk.exportBatch({ format, folder });
      const original = path.join(folder, b.fileName);
      desk.saveSettings({
        ...desk.getSettings(),
        agency: 'Other Agency',
        datelineStyle: 'ap',
        language: 'ru',
        deskName: 'Renamed desk',
        categories: [...DEFAULT_CATEGORIES].reverse().map((c) => ({ ...c, mediaTopic: 'medtop:20000001' })),
      });
      const again = await desk.resendBatch({ id: b.id, folder: tmpFolder() });
      expect(fs.readFileSync(again.path)).toEqual(fs.readFileSync(original));
      expect(again.sha256).toBe(sha(original));
    }
  });

  it('a committed batch whose writer died is completed from its stored bytes, not from today’s settings', async () => {
    const file = path.join(tmpFolder(), 'desk.sqlite');
    const folder = tmpFolder();
    const first = testDesk(file);
    approved(first.desk, 'RECOVERED');
    const steps = first.desk.batches as unknown as {
      reserve(a: object, by: string): Promise<{ batch: { id: number; file_name: string }; written: { tmp: string; sha256: string; bytes: number } }>;
      commit(b: object, sha: string, bytes: number): void;
    };
    const { batch: b, written: w } = await steps.reserve({ format: 'ninjs', folder }, 'x');
    steps.commit(b, w.sha256, w.bytes);
    first.desk.saveSettings({ ...first.desk.getSettings(), agency: 'Changed Agency', datelineStyle: 'ap' });
    first.desk.lock.release(); // the writer dies before the rename
    first.desk.db.close();
    const again = testDesk(file);
    await again.desk.batches.idle();
    expect(again.desk.getBatch({ id: b.id })).toMatchObject({ state: 'written', error: null });
    expect(sha(path.join(folder, b.file_name))).toBe(w.sha256);
    expect(fs.readdirSync(folder)).toEqual([b.file_name]); // no temp file left
  });
});

describe('stuck batches', () => {
  /** A batch left by a writer that cannot be checked (an older Wiredesk, another host). */
  async function stuck(state: 'writing' | 'committed') {
    const file = path.join(tmpFolder(), 'desk.sqlite');
    const folder = tmpFolder();
    const first = testDesk(file);
    const id = approved(first.desk, 'STUCK-ONE');
    const steps = first.desk.batches as unknown as {
      reserve(a: object, by: string): Promise<{ batch: { id: number; file_name: string }; written: { tmp: string; sha256: string; bytes: number } }>;
      commit(b: object, sha: string, bytes: number): void;
    };
    const { batch: b, written: w } = await steps.reserve({ format: 'ninjs', folder }, 'x');
    if (state === 'committed') steps.commit(b, w.sha256, w.bytes);
    setOwner(first.desk.db, b.id, 'otherhost:4123');
    first.desk.lock.release();
    first.desk.db.close();
    const again = testDesk(file);
    await again.desk.batches.idle();
    return { desk: again.desk, batchId: b.id, itemId: id, folder, sha256: w.sha256, fileName: b.file_name };
  }

  it.each(['writing', 'committed'] as const)('a %s batch whose writer cannot be checked is Stuck and blocks exports with a clear message', async (state) => {
    const s = await stuck(state);
    expect(s.desk.getBatch({ id: s.batchId }).state).toBe('stuck');
    approved(s.desk, 'WAITING');
    await expect(s.desk.exportBatch({ format: 'ninjs', folder: tmpFolder() })).rejects.toMatchObject({
      code: ErrorCode.BatchStuck,
      message: expect.stringContaining(`wiredesk batches --complete ${s.batchId}`),
    });
  });

  it.each(['writing', 'committed'] as const)('Complete on a %s stuck batch publishes it and writes its stored bytes, audited', async (state) => {
    const s = await stuck(state);
    const done = await s.desk.completeBatch({ id: s.batchId });
    expect(done.state).toBe('written');
    expect(sha(path.join(s.folder, s.fileName))).toBe(state === 'committed' ? s.sha256 : done.sha256);
    expect(fs.readdirSync(s.folder)).toEqual([s.fileName]);
    expect(s.desk.getItem({ id: s.itemId }).item.status).toBe('published');
    expect(s.desk.history({ id: s.itemId }).audit[0]).toMatchObject({ action: 'batch completed' });
  });

  it.each(['writing', 'committed'] as const)('Drop on a %s stuck batch publishes nothing; the item waits for the next batch', async (state) => {
    const s = await stuck(state);
    await s.desk.dropBatch({ id: s.batchId });
    expect(s.desk.listBatches({}).items).toEqual([]);
    expect(fs.readdirSync(s.folder)).toEqual([]);
    expect(s.desk.getItem({ id: s.itemId }).item).toMatchObject({ status: 'approved', publishedVersion: 0, firstPublishedAt: null });
    const next = await s.desk.exportBatch({ format: 'ninjs', folder: tmpFolder() });
    expect(next.itemCount).toBe(1);
  });
});
