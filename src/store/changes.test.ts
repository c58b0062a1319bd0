import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeLog } from './changes';
import { type Db, openDb } from './db';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

function desk() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-log-'));
  const db = openDb(path.join(dir, 'desk.sqlite'));
  const log = ChangeLog.open(db);
  cleanup.push(() => {
    log.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db, log, rows: () => db.prepare('SELECT kind, key FROM changes ORDER BY seq').all() };
}

function insertItem(db: Db, id: string): void {
  db.prepare(
    `INSERT INTO items (id, slug, headline, dateline_place, dateline_date, dateline_agency, category, source, byline, sign_off, urgency, keywords,
       editor_note, language, body_json, body_text, status, version, revision, created_at, updated_at, created_by, updated_by)
     VALUES (?, 'S', 'H', '', '', '', '', '', '', '', 5, '[]', '', 'en', '{}', '', 'draft', 1, 1, 't0', 't0', 'Leyla', 'Leyla')`,
  ).run(id);
}

describe('change log (migration 70)', () => {
  it('notes a new item and a save as item changes, a workflow step as a queue change, and settings and batches', () => {
    const { db, rows } = desk();
    insertItem(db, 'a');
    db.prepare("UPDATE items SET revision = 2, updated_at = 't1' WHERE id = 'a'").run();
    db.prepare("UPDATE items SET status = 'submitted', updated_at = 't2' WHERE id = 'a'").run();
    db.prepare("UPDATE items SET slug = 'S' WHERE id = 'a'").run(); // nothing an open view shows
    db.prepare("INSERT INTO settings (key, value) VALUES ('desk', '{}') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    db.prepare("INSERT INTO settings (key, value) VALUES ('desk', '{\"a\":1}') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    db.prepare(
      "INSERT INTO batches (id, state, format, ndjson, folder, file_name, item_count, created_at, created_by) VALUES (4, 'writing', 'ninjs', 0, '/tmp', 'f', 1, 't', 'u')",
    ).run();
    db.prepare("UPDATE batches SET state = 'written' WHERE id = 4").run();
    expect(rows()).toEqual([
      { kind: 'item', key: 'a' },
      { kind: 'item', key: 'a' },
      { kind: 'queue', key: 'a' },
      { kind: 'settings', key: 'desk' },
      { kind: 'settings', key: 'desk' },
      { kind: 'batch', key: '4' },
      { kind: 'batch', key: '4' },
    ]);
  });

  it('lists each thing once at its newest change, with the item as it now stands', () => {
    const { db, log } = desk();
    insertItem(db, 'a');
    insertItem(db, 'b');
    db.prepare("UPDATE items SET revision = 2, updated_by = 'Rashad', updated_at = 't1' WHERE id = 'a'").run();
    const all = log.since(0, 10);
    expect(all.map((c) => [c.kind, 'id' in c ? c.id : null])).toEqual([
      ['item', 'b'],
      ['item', 'a'],
    ]);
    expect(all[1]).toMatchObject({ revision: 2, by: 'Rashad', at: 't1', status: 'draft' });
    expect(log.since(all[0]!.seq, 10).map((c) => c.seq)).toEqual([all[1]!.seq]);
    expect(log.since(0, 1)).toHaveLength(1);
  });

  it('moves data_version only when another connection commits', () => {
    const { db, log } = desk();
    const before = log.dataVersion();
    expect(log.dataVersion()).toBe(before);
    insertItem(db, 'a');
    expect(log.dataVersion()).not.toBe(before);
  });

  it('keeps only the newest 10,000 changes', () => {
    const { db, log } = desk();
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10050) INSERT INTO changes (kind, key) SELECT 'settings', 'desk' FROM n");
    const kept = db.prepare('SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM changes').get() as { n: number; lo: number; hi: number };
    expect(kept).toEqual({ n: 10_000, lo: 51, hi: 10_050 });
    expect(log.latest()).toBe(10_050);
  });
});
