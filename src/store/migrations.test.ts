import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { insertBatch } from './batches';
import { migrate, openDb, schemaVersion } from './db';

const plan = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

function itemRow(id: string, status: string, updated: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    slug: 'SLUG',
    headline: 'Headline',
    dateline_place: 'Baku',
    dateline_date: '',
    dateline_agency: 'Turan',
    category: '',
    source: '',
    byline: '',
    sign_off: '',
    urgency: 5,
    embargo: null,
    keywords: '[]',
    editor_note: '',
    language: 'en',
    body_json: '{}',
    body_text: 'caspian exercise',
    status,
    held_from: null,
    version: 1,
    revision: 1,
    published_version: 0,
    return_note: null,
    created_at: updated,
    updated_at: updated,
    created_by: 'x',
    updated_by: 'x',
    first_published_at: null,
    version_published_at: null,
    ...extra,
  };
}
const insertItem = (db: Database.Database, row: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO items (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map((k) => '@' + k)
        .join(', ')})`,
    )
    .run(row);

describe('migrations', () => {
  it('are numbered in steps and end at LATEST_VERSION', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_VERSION).toBe(versions[versions.length - 1]);
  });

  it('10: items are STRICT, keep revisions and an audit log, and list on the status index', () => {
    const db = openDb(':memory:', { targetVersion: 10 });
    expect(schemaVersion(db)).toBe(10);
    insertItem(db, itemRow('a', 'draft', '2026-01-01T00:00:00.000Z'));
    expect(() => insertItem(db, itemRow('b', 'draft', '2026-01-01T00:00:00.000Z', { urgency: 'high' }))).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => insertItem(db, itemRow('c', 'lost', '2026-01-01T00:00:00.000Z'))).toThrow(/CHECK constraint/);
    expect(() =>
      db.prepare("INSERT INTO audit_log (item_id, action, from_status, to_status, version, note, at, by) VALUES ('nope','x','a','b',1,'','t','u')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(plan(db, "SELECT id FROM items WHERE status IN ('draft') ORDER BY updated_at DESC, id DESC LIMIT 100")).toContain('items_by_status_updated');
    expect(plan(db, "SELECT id FROM items WHERE status != 'spiked' ORDER BY updated_at DESC, id DESC LIMIT 100")).toBe(
      'SCAN items USING INDEX items_by_updated',
    );
  });

  it('20: full-text search finds items by body words and stays in step on update', () => {
    const db = openDb(':memory:', { targetVersion: 10 });
    insertItem(db, itemRow('before', 'draft', '2026-01-01T00:00:00.000Z'));
    migrate(db, 20);
    expect(schemaVersion(db)).toBe(20);
    const search = (q: string) => db.prepare('SELECT i.id FROM items_fts JOIN items i ON i.rowid = items_fts.rowid WHERE items_fts MATCH ?').pluck().all(q);
    expect(search('caspian')).toEqual(['before']); // rows from before the migration are indexed
    db.prepare("UPDATE items SET body_text = 'pipeline talks' WHERE id = 'before'").run();
    expect(search('caspian')).toEqual([]);
    expect(search('pipeline')).toEqual(['before']);
    expect(plan(db, "SELECT id FROM items WHERE status = 'submitted' ORDER BY urgency, updated_at DESC, id DESC LIMIT 50")).toContain('items_queue');
  });

  it('30: a batch holds each item version once', () => {
    const db = openDb(':memory:', { targetVersion: 30 });
    insertItem(db, itemRow('a', 'approved', '2026-01-01T00:00:00.000Z'));
    db.prepare(
      "INSERT INTO batches (id, state, format, ndjson, folder, file_name, item_count, created_at, created_by) VALUES (1, 'writing', 'ninjs', 0, '/tmp', 'f', 1, 't', 'u')",
    ).run();
    const add = db.prepare("INSERT INTO batch_items (batch_id, seq, item_id, version, kind, snapshot_json) VALUES (1, ?, 'a', 1, ?, '{}')");
    add.run(0, 'publish');
    expect(() => add.run(1, 'publish')).toThrow(/UNIQUE/);
    add.run(2, 'kill');
    db.prepare('DELETE FROM batches WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM batch_items').pluck().get()).toBe(0);
  });

  it('40: revisions carry their editing session and when it began; older rows keep their time', () => {
    const db = openDb(':memory:', { targetVersion: 30 });
    insertItem(db, itemRow('a', 'draft', '2026-01-01T00:00:00.000Z'));
    db.prepare(
      "INSERT INTO item_revisions (item_id, revision, version, fields_json, changed, saved_at, saved_by) VALUES ('a', 1, 1, '{}', '[]', '2026-01-01T00:00:00.000Z', 'x')",
    ).run();
    migrate(db, 40);
    expect(schemaVersion(db)).toBe(40);
    expect(db.prepare("SELECT session, opened_at FROM item_revisions WHERE item_id = 'a'").get()).toEqual({
      session: '',
      opened_at: '2026-01-01T00:00:00.000Z',
    });
    expect(plan(db, "SELECT revision FROM item_revisions WHERE item_id = 'a' ORDER BY revision DESC LIMIT 1")).toMatch(
      /SEARCH item_revisions USING (COVERING INDEX|PRIMARY KEY)/,
    );
  });

  it('50: a batch names the process writing it; older batches have no writer', () => {
    const db = openDb(':memory:', { targetVersion: 40 });
    db.prepare(
      "INSERT INTO batches (id, state, format, ndjson, folder, file_name, item_count, created_at, created_by) VALUES (1, 'written', 'ninjs', 0, '/tmp', 'f', 0, 't', 'u')",
    ).run();
    migrate(db, 50);
    expect(schemaVersion(db)).toBe(50);
    expect(db.prepare('SELECT owner FROM batches WHERE id = 1').pluck().get()).toBe('');
  });

  it('110: search covers the source and keywords of items stored before it, and of later edits', () => {
    const db = openDb(':memory:', { targetVersion: 100 });
    insertItem(db, itemRow('a', 'submitted', '2026-01-01T00:00:00.000Z', { source: 'socar.az', keywords: '["pipeline","energy"]' }));
    migrate(db, 110);
    expect(schemaVersion(db)).toBe(110);
    const hits = (q: string) => db.prepare('SELECT rowid FROM items_fts WHERE items_fts MATCH ?').pluck().all(q).length;
    expect([hits('socar'), hits('pipeline'), hits('caspian')]).toEqual([1, 1, 1]);
    expect(db.prepare("SELECT doc FROM items_fts_terms WHERE term = 'socar'").pluck().get()).toBe(1); // word counts see the new columns
    // As in 90, a change that leaves the five columns as they were does not touch the index.
    const index = () => db.prepare("SELECT count(*) || '/' || sum(length(block)) FROM items_fts_data").pluck().get();
    const before = index();
    db.prepare("UPDATE items SET status = 'approved', source = source, keywords = keywords WHERE id = 'a'").run();
    expect(index()).toBe(before);
    db.prepare("UPDATE items SET source = 'president.az' WHERE id = 'a'").run();
    expect(index()).not.toBe(before);
    expect([hits('socar'), hits('president')]).toEqual([0, 1]);
    db.prepare("DELETE FROM items WHERE id = 'a'").run();
    expect(hits('president')).toBe(0);
    // A slice by position steps through an index, and the editors' names come from indexes: no row is read.
    expect(plan(db, "SELECT rowid FROM items WHERE status != 'spiked' ORDER BY updated_at DESC, id DESC LIMIT 100 OFFSET 99900")).toContain(
      'COVERING INDEX items_list_order',
    );
    expect(
      plan(
        db,
        "SELECT status, count(*) FROM items INDEXED BY items_by_status_updated WHERE +rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH 'x') GROUP BY status",
      ),
    ).toMatch(/COVERING INDEX items_by_status_updated.*INDEX 0:M\d/);
    expect(plan(db, 'SELECT DISTINCT created_by AS name FROM items UNION SELECT DISTINCT updated_by FROM items')).toMatch(
      /COVERING INDEX items_by_creator.*COVERING INDEX items_by_updater/,
    );
  });

  it('120: entries of unfinished batches get the revision they were reserved from; finished ones keep theirs as they were', () => {
    const db = openDb(':memory:', { targetVersion: 110 });
    insertItem(db, itemRow('a', 'approved', '2026-01-01T00:00:00.000Z'));
    insertItem(db, itemRow('b', 'published', '2026-01-01T00:00:00.000Z'));
    const batch = db.prepare(
      "INSERT INTO batches (id, state, format, ndjson, folder, file_name, item_count, created_at, created_by, owner) VALUES (?, ?, 'ninjs', 0, '/tmp', ?, 1, 't', 'u', '')",
    );
    batch.run(1, 'written', 'one.json');
    batch.run(2, 'writing', 'two.json');
    const entry = db.prepare("INSERT INTO batch_items (batch_id, seq, item_id, version, kind, snapshot_json, wire) VALUES (?, 0, ?, 1, 'publish', ?, '{}')");
    entry.run(1, 'b', JSON.stringify({ slug: 'B', revision: 4, body: { root: {} }, bodyText: 'text' }));
    entry.run(2, 'a', JSON.stringify({ slug: 'A', revision: 7, body: { root: {} }, bodyText: 'text' }));
    migrate(db, 120);
    expect(schemaVersion(db)).toBe(120);
    expect(db.prepare('SELECT item_id, revision FROM batch_items ORDER BY batch_id').all()).toEqual([
      { item_id: 'b', revision: null },
      { item_id: 'a', revision: 7 },
    ]);
  });

  it('170: batch numbers go on from the highest a desk has, and the next batch after a drop does not take its number', () => {
    const db = openDb(':memory:', { targetVersion: 160 });
    const add = db.prepare(
      "INSERT INTO batches (id, state, format, ndjson, folder, file_name, item_count, created_at, created_by, owner) VALUES (?, 'written', 'ninjs', 0, '/tmp', 'f', 1, 't', 'u', '')",
    );
    add.run(1);
    add.run(2);
    migrate(db, 170);
    db.prepare('DELETE FROM batches WHERE id = 2').run(); // the newest, dropped
    const frame = { open: '[', sep: ',', term: '', close: ']', empty: ']' };
    const opened = { format: 'ninjs' as const, ndjson: false, folder: '/tmp', itemCount: 1, createdAt: 't', createdBy: 'u', owner: '', frame };
    expect(insertBatch(db, opened, (n) => `batch-${n}.json`)).toBe(3);
  });

  it('160: the list order is kept by one index, not two: a workflow step rewrites updated_at in fewer places', () => {
    const db = openDb(':memory:', { targetVersion: 140 });
    insertItem(db, itemRow('a', 'draft', '2026-01-01T00:00:00.000Z'));
    migrate(db, 160);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items' AND sql IS NOT NULL").pluck().all();
    expect(indexes).not.toContain('items_by_updated');
    expect(indexes).toContain('items_list_order');
    expect(plan(db, "SELECT id, slug FROM items WHERE status != 'spiked' ORDER BY updated_at DESC, id DESC LIMIT 100")).toBe(
      'SCAN items USING INDEX items_list_order',
    );
    expect(plan(db, "SELECT id FROM items WHERE status = 'draft' ORDER BY updated_at DESC, id DESC LIMIT 100")).toContain('items_by_status_updated');
  });

  it('150: the text index is rebuilt without a copy of the text; a change waits in the queue; revisions stored before keep their body', () => {
    const db = openDb(':memory:', { targetVersion: 140 });
    insertItem(db, itemRow('a', 'submitted', '2026-01-01T00:00:00.000Z', { source: 'socar.az', body_json: '{"root":"one"}' }));
    const fields = '{"slug":"SLUG","body":{"root":"one"}}';
    db.prepare("INSERT INTO item_revisions (item_id, revision, version, fields_json, changed, saved_at, saved_by) VALUES ('a', 1, 1, ?, '[]', 't', 'x')").run(
      fields,
    );
    const changes = () => db.prepare('SELECT seq, kind, key FROM changes ORDER BY seq').all();
    const logged = changes();
    migrate(db, 150);
    expect(schemaVersion(db)).toBe(150);
    // The change log keeps its rows and numbers, still refuses an unknown kind, and goes on numbering.
    expect(changes()).toEqual(logged);
    expect(() => db.prepare("INSERT INTO changes (kind, key) VALUES ('nope', 'x')").run()).toThrow(/CHECK constraint/);
    const hits = (q: string) => db.prepare('SELECT rowid FROM items_fts WHERE items_fts MATCH ?').pluck().all(q).length;
    expect([hits('socar'), hits('caspian')]).toEqual([1, 1]);
    expect(db.prepare('SELECT body_text FROM items_fts').pluck().get()).toBeNull(); // no second copy of the text
    db.prepare("UPDATE items SET body_text = 'pipeline talks', body_json = '{\"root\":\"two\"}' WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) FROM items_fts_pending').pluck().get()).toBe(1);
    expect(db.prepare("SELECT fields_json, body_is_item FROM item_revisions WHERE item_id = 'a'").get()).toEqual({ fields_json: fields, body_is_item: 0 });
    // A revision whose body is the item's gets the old body spliced in when the body changes, unless
    // it was renumbered to the item's new revision in the same save (a fold: it is the new state).
    const revision = db.prepare(
      "INSERT INTO item_revisions (item_id, revision, version, fields_json, body_is_item, changed, saved_at, saved_by) VALUES ('a', ?, 1, '{\"slug\":\"SLUG\"}', 1, '[]', 't', 'x')",
    );
    revision.run(2);
    revision.run(3);
    db.prepare('UPDATE items SET revision = 3, body_json = \'{"root":"three"}\' WHERE id = \'a\'').run();
    const stored = () => db.prepare("SELECT revision, fields_json AS f, body_is_item AS live FROM item_revisions WHERE item_id = 'a' ORDER BY revision").all();
    expect(stored()).toEqual([
      { revision: 1, f: fields, live: 0 },
      { revision: 2, f: '{"slug":"SLUG","body":{"root":"two"}}', live: 0 },
      { revision: 3, f: '{"slug":"SLUG"}', live: 1 },
    ]);
    db.prepare('UPDATE items SET body_json = \'{"root":"four"}\' WHERE id = \'a\'').run(); // not a save: revision 3 keeps its text
    expect(stored()[2]).toEqual({ revision: 3, f: '{"slug":"SLUG","body":{"root":"three"}}', live: 0 });
    expect(changes().slice(logged.length)).toEqual([{ seq: logged.length + 1, kind: 'item', key: 'a' }]); // the save to revision 3
    db.prepare("DELETE FROM items WHERE id = 'a'").run();
    expect([hits('socar'), hits('caspian'), db.prepare('SELECT count(*) FROM items_fts_pending').pluck().get()]).toEqual([0, 0, 0]);
  });

  it('applies all pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: 999, sql: 'CREATE TABLE nope (x); SELECT * FROM missing_table;' }];
    expect(() => migrate(db, 999, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'items'").pluck().get()).toBe(0);
  });

  it('refuses a database from a newer Wiredesk and leaves it untouched', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wd-mig-')), 'future.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE t (x); PRAGMA user_version = 9990;');
    future.close();
    const before = fs.readFileSync(file);
    expect(() => openDb(file)).toThrow(expect.objectContaining({ code: ErrorCode.DatabaseFromFuture, message: expect.stringContaining('newer Wiredesk') }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('opening a desk database', () => {
  it('creates the missing folder of a new database', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wd-open-')), 'Wiredesk', 'nested', 'wiredesk.sqlite');
    const db = openDb(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a file that is not a desk database in plain words, and leaves it as it was', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wd-open-')), 'notes.sqlite');
    fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200));
    const before = fs.readFileSync(file);
    expect(() => openDb(file)).toThrow(
      expect.objectContaining({ code: ErrorCode.DatabaseUnreadable, message: expect.stringContaining('it is not a Wiredesk database') }),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('90: tab counts start from the rows already there; the text index skips unchanged text', () => {
    const db = openDb(':memory:', { targetVersion: 60 });
    insertItem(db, itemRow('a', 'draft', '2026-01-01T00:00:00.000Z'));
    insertItem(db, itemRow('b', 'submitted', '2026-01-01T00:00:00.000Z'));
    insertItem(db, itemRow('c', 'submitted', '2026-01-01T00:00:00.000Z'));
    migrate(db, 90);
    const counts = () =>
      Object.fromEntries((db.prepare('SELECT status, n FROM status_counts WHERE n > 0').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    expect(counts()).toEqual({ draft: 1, submitted: 2 });
    db.prepare("UPDATE items SET status = 'approved' WHERE id = 'b'").run();
    expect(counts()).toEqual({ draft: 1, submitted: 1, approved: 1 });
    db.prepare("UPDATE items SET body_text = 'pipeline talks' WHERE id = 'a'").run();
    const search = (q: string) => db.prepare('SELECT i.id FROM items_fts JOIN items i ON i.rowid = items_fts.rowid WHERE items_fts MATCH ?').pluck().all(q);
    expect(search('pipeline')).toEqual(['a']);
    expect(db.prepare("SELECT doc FROM items_fts_terms WHERE term = 'caspian'").pluck().get()).toBe(2);
  });
});
