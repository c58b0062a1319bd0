/**
 * Many items at once, written straight into a desk database the server has already migrated:
 * the service's import takes at most 10,000 items a call and minutes for 100,000, which is not
 * what these tests are about (the list's scrolling is).
 */
import Database from 'better-sqlite3';

export function seedItems(dbPath: string, count: number, opts: { status?: string; prefix?: string } = {}): void {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 10000');
  const status = opts.status ?? 'draft';
  const prefix = opts.prefix ?? 'BULK';
  // Row n is updated n seconds after the epoch below: newest (the highest n) first in the list.
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
     INSERT INTO items (id, slug, headline, dateline_place, dateline_date, dateline_agency, category, source, byline, sign_off, urgency, embargo,
       keywords, editor_note, language, body_json, body_text, status, held_from, version, revision, published_version, return_note,
       created_at, updated_at, created_by, updated_by, first_published_at, version_published_at)
     SELECT printf('00000000-0000-7000-8000-%012d', i), printf('%s-%06d', ?, i), printf('Bulk item number %d', i), 'Baku', '', 'Turan', '', '', '', '', 5, NULL,
       '[]', '', 'en', '{"root":{"type":"root","children":[],"direction":null,"format":"","indent":0,"version":1}}', printf('Item %d.', i), ?, NULL, 1, 1, 0, NULL,
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i)), strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', printf('+%d seconds', i)),
       'Seed', 'Seed', NULL, NULL
     FROM n`,
  ).run(count, prefix, status);
  db.close();
}
