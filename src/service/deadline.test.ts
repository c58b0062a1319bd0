/** Issue 12's service side: search in every tab, slices by offset, the desk's editors, a correction's baseline. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyFromPlainText } from '../core/richtext';
import { DEFAULT_SETTINGS } from '../core/settings';
import { readyFields, testDesk } from '../../test/desk';

describe('queue search across tabs', () => {
  it('counts the matches in every tab and finds source and keywords', () => {
    const { desk, clock } = testDesk();
    const make = (slug: string, extra: Parameters<typeof readyFields>[0] = {}) => {
      clock.advance(1000);
      return desk.createItem({ fields: readyFields({ slug, ...extra }) }).item.id;
    };
    const a = make('PIPELINE-TENDER', { source: 'socar.az' });
    const b = make('GAS-PRICES', { keywords: ['pipeline', 'energy'] });
    const c = make('WHEAT-HARVEST', { body: bodyFromPlainText('The pipeline of grain ships grew.') });
    make('UNRELATED');
    desk.transition({ ids: [a, b], action: 'submit' });
    desk.transition({ ids: [c], action: 'submit' });
    desk.transition({ ids: [c], action: 'hold' });

    const q = desk.queue({ tab: 'submitted', search: 'pipeline' });
    expect(q.items.map((i) => i.slug).sort()).toEqual(['GAS-PRICES', 'PIPELINE-TENDER']);
    expect(desk.queueMatches({ search: 'pipeline' })).toMatchObject({ submitted: 2, held: 1, approved: 0, published: 0 });
    expect(q.counts.submitted).toBe(2);
    expect(desk.queue({ tab: 'submitted', search: 'socar' }).items.map((i) => i.id)).toEqual([a]);
    expect(desk.queue({ tab: 'submitted', search: 'energy' }).items.map((i) => i.id)).toEqual([b]);
    // The row's snippet shows where a match in the source or the keywords is (keywords as the editor typed them).
    expect(desk.queue({ tab: 'submitted', search: 'socar' }).items[0]!.snippet).toBe('[[socar]].az');
    expect(desk.queue({ tab: 'submitted', search: 'energy' }).items[0]!.snippet).toBe('pipeline, [[energy]]');
    // A later edit of the source is searchable at once.
    desk.transition({ ids: [a], action: 'return', note: 'Source?' });
    const item = desk.getItem({ id: a }).item;
    desk.saveDraft({ id: a, baseRevision: item.revision, fields: { ...readyFields({ slug: item.slug }), source: 'president.az' } });
    expect(desk.queueMatches({ search: 'president' }).submitted).toBe(0);
    expect(desk.listItems({ view: 'desk' }).items.length).toBe(4);
  });

  it('gives any slice of a long list with its total, in the same order as the pages', () => {
    const { desk, clock } = testDesk();
    desk.db.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        clock.advance(1);
        const { item } = desk.createItem({ fields: readyFields({ slug: `ITEM-${i}`, urgency: (i % 3) + 4 }) });
        if (i % 2 === 0) desk.transition({ ids: [item.id], action: 'submit' });
      }
    })();
    const paged: string[] = [];
    let cursor: string | null | undefined;
    do {
      const p = desk.listItems({ view: 'desk', cursor, limit: 100 });
      paged.push(...p.items.map((i) => i.id));
      cursor = p.next;
    } while (cursor);
    const slice = desk.listItems({ view: 'desk', offset: 950, limit: 100 });
    expect(slice.total).toBe(1000);
    expect(slice.items.map((i) => i.id)).toEqual(paged.slice(950));
    const q = desk.queue({ tab: 'submitted', offset: 480, limit: 10 });
    expect(q.total).toBe(500);
    expect(q.items).toHaveLength(10);
    const all = desk.queue({ tab: 'submitted', offset: 0, limit: 500 }).items.map((i) => i.id);
    expect(q.items.map((i) => i.id)).toEqual(all.slice(480, 490));
    expect(desk.queue({ tab: 'submitted', urgency: 4, offset: 0, limit: 1 }).total).toBe(167); // i % 6 === 0 below 1000
  });
});

describe('the editor filter', () => {
  it('lists the desk’s editors once each and matches any case', () => {
    const { desk } = testDesk();
    const save = (name: string) => desk.saveSettings({ ...DEFAULT_SETTINGS, editorName: name });
    save('Leyla Aliyeva');
    const a = desk.createItem({ fields: readyFields({ slug: 'A' }) }).item.id;
    save('Farid Mammadov');
    const b = desk.createItem({ fields: readyFields({ slug: 'B' }) }).item.id;
    save('farid mammadov');
    desk.createItem({ fields: readyFields({ slug: 'C' }) });
    desk.transition({ ids: [a, b], action: 'submit' });
    expect(desk.listEditors()).toEqual(['Farid Mammadov', 'Leyla Aliyeva']);
    expect(desk.queue({ tab: 'submitted', editor: 'leyla aliyeva' }).items.map((i) => i.id)).toEqual([a]);
    expect(
      desk
        .queue({ tab: 'submitted', editor: 'FARID MAMMADOV' })
        .items.map((i) => i.id)
        .sort(),
    ).toEqual([a, b].sort());
  });
});

describe('a correction’s baseline', () => {
  it('is the text as it last went out, not the text being corrected', async () => {
    const { desk, clock } = testDesk();
    const { item } = desk.createItem({
      fields: readyFields({ slug: 'TALKS', headline: 'Talks to resume on Friday', body: bodyFromPlainText('Ministers meet on Friday in Baku.') }),
    });
    expect(desk.getPublished({ id: item.id })).toBeNull();
    desk.transition({ ids: [item.id], action: 'submit' });
    desk.transition({ ids: [item.id], action: 'approve' });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-pub-'));
    await desk.exportBatch({ format: 'ninjs', folder });
    expect(desk.getPublished({ id: item.id })).toBeNull(); // v1 is the first version: nothing before it
    clock.advance(60_000);
    desk.transition({ ids: [item.id], action: 'correct' });
    const v2 = desk.getItem({ id: item.id }).item;
    desk.saveDraft({
      id: item.id,
      baseRevision: v2.revision,
      fields: { ...readyFields({ slug: 'TALKS' }), headline: 'Talks to resume on Thursday', body: bodyFromPlainText('Ministers meet on Thursday in Baku.') },
    });
    expect(desk.getPublished({ id: item.id })).toMatchObject({
      version: 1,
      headline: 'Talks to resume on Friday',
      bodyText: 'Ministers meet on Friday in Baku.',
    });
    expect(desk.getPublished({ id: item.id })?.publishedAt).toBeTruthy();
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
