import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupDir, backupNow, checkBackup, dailyBackup, listBackups, restoreBackup } from './backup';
import { openDb, schemaVersion } from './db';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

const tmpStore = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wd-backup-')), 'wiredesk.sqlite');
const DAY = 24 * 60 * 60 * 1000;

function addItem(db: Database.Database, id: string): void {
  const at = '2026-11-30T10:00:00.000Z';
  db.prepare(
    `INSERT INTO items (id, slug, headline, dateline_place, dateline_date, dateline_agency, category, source, byline, sign_off, urgency, embargo, keywords,
      editor_note, language, body_json, body_text, status, held_from, version, revision, published_version, return_note, created_at, updated_at, created_by,
      updated_by, first_published_at, version_published_at)
     VALUES (?, 'SLUG', 'Headline', '', '', '', '', '', '', '', 5, NULL, '[]', '', 'en', '{}', '', 'draft', NULL, 1, 1, 0, NULL, ?, ?, 'x', 'x', NULL, NULL)`,
  ).run(id, at, at);
}
const ids = (file: string) => {
  const db = new Database(file, { readonly: true });
  const r = db.prepare('SELECT id FROM items ORDER BY id').pluck().all();
  db.close();
  return r;
};

describe('backups', () => {
  it('are taken before a migration, holding the store as it was', () => {
    const store = tmpStore();
    const previous = MIGRATIONS[MIGRATIONS.length - 2]!.version;
    const old = openDb(store, { targetVersion: previous });
    addItem(old, 'before-upgrade');
    old.close();
    expect(listBackups(store)).toEqual([]);

    openDb(store).close();
    const [b] = listBackups(store);
    expect(b?.reason).toBe(`before-migration-v${previous}`);
    const copy = new Database(b!.file, { readonly: true });
    expect(schemaVersion(copy)).toBe(previous);
    copy.close();
    expect(ids(b!.file)).toEqual(['before-upgrade']);
    // A store already up to date, or a new one, is not copied.
    openDb(store).close();
    openDb(tmpStore()).close();
    expect(listBackups(store)).toHaveLength(1);
  });

  it('are taken at most daily, and only the newest 7 are kept', async () => {
    const store = tmpStore();
    const db = openDb(store);
    let now = Date.parse('2026-11-01T09:00:00Z');
    expect(await dailyBackup(store, new Date(now))).not.toBeNull();
    expect(await dailyBackup(store, new Date(now + DAY - 1000))).toBeNull();
    for (let day = 1; day <= 9; day++) {
      now += DAY;
      addItem(db, `day-${day}`);
      expect(await dailyBackup(store, new Date(now))).not.toBeNull();
    }
    const kept = listBackups(store);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(fs.readdirSync(backupDir(store))).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]!.at.toISOString()).toBe(new Date(now).toISOString());
    expect(ids(kept[0]!.file)).toHaveLength(9);
    db.close();
  });

  it('never write over a file', async () => {
    const store = tmpStore();
    const db = openDb(store);
    const out = path.join(path.dirname(store), 'mine.sqlite');
    expect(await backupNow(store, { out })).toBe(out);
    await expect(backupNow(store, { out })).rejects.toThrow(/already exists/);
    db.close();
  });
});

describe('restore', () => {
  it('brings a backup back and keeps the current store beside it', async () => {
    const store = tmpStore();
    const db = openDb(store);
    addItem(db, 'first');
    const backup = await backupNow(store);
    addItem(db, 'second');
    db.close();

    const r = await restoreBackup(backup, store, new Date('2026-11-30T12:00:00Z'));
    expect(ids(store)).toEqual(['first']);
    expect(r.keptAs).toBe(`${store}.before-restore-20261130-120000-000`);
    expect(ids(r.keptAs!)).toEqual(['first', 'second']);
    expect(ids(backup)).toEqual(['first']);
    // The restored store opens as usual.
    openDb(store).close();
  });

  it('sets a damaged store aside (never deleting it) and restores over it', async () => {
    const store = tmpStore();
    const db = openDb(store);
    addItem(db, 'good');
    const backup = await backupNow(store);
    db.close();
    fs.writeFileSync(store, Buffer.from('this is not a database '.repeat(300)));
    fs.rmSync(`${store}-wal`, { force: true });
    fs.rmSync(`${store}-shm`, { force: true });
    const r = await restoreBackup(backup, store);
    expect(ids(store)).toEqual(['good']);
    expect(fs.readFileSync(r.keptAs!, 'utf8')).toMatch(/^this is not a database/);
  });

  it('refuses a file that is not a Wiredesk store, or is from a newer Wiredesk, and changes nothing', async () => {
    const store = tmpStore();
    const db = openDb(store);
    addItem(db, 'current');
    db.close();
    const dir = path.dirname(store);
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'Baku/06.10.23/Turan: not a store.\n'.repeat(200));
    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE t (x)').close();
    const future = path.join(dir, 'future.sqlite');
    fs.copyFileSync(store, future);
    const f = new Database(future);
    f.pragma(`user_version = ${LATEST_VERSION + 1}`);
    f.close();

    await expect(restoreBackup(text, store)).rejects.toMatchObject({ code: 'DATABASE_UNREADABLE', message: expect.stringContaining('not a Wiredesk store') });
    await expect(restoreBackup(other, store)).rejects.toMatchObject({ code: 'DATABASE_UNREADABLE', message: expect.stringContaining('not a Wiredesk store') });
    await expect(restoreBackup(future, store)).rejects.toMatchObject({ code: 'DATABASE_FROM_FUTURE', message: expect.stringContaining('newer Wiredesk') });
    await expect(restoreBackup(path.join(dir, 'missing.sqlite'), store)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(restoreBackup(store, store)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(ids(store)).toEqual(['current']);
    expect(fs.readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect(checkBackup(store)).toEqual({ version: LATEST_VERSION, items: 1 });
  });
});
