import Database from 'better-sqlite3';
import type { DeskChange } from '../core/changes';
import type { ItemStatus } from '../core/item';
import type { Db } from './db';
import { isHubKey } from './hubLink';

interface ChangeRow {
  kind: DeskChange['kind'];
  key: string;
  seq: number;
  revision: number | null;
  version: number | null;
  status: ItemStatus | null;
  by: string | null;
  at: string | null;
}

/**
 * Reads the change log (migration 70) on a connection of its own: SQLite's data_version on
 * that connection moves whenever any other connection commits — this process's desk, the
 * CLI, another desk server — so one cheap pragma tells whether there is anything to read.
 */
export class ChangeLog {
  private readonly versionStmt;
  private readonly latestStmt;
  private readonly sinceStmt;

  constructor(private readonly db: Db) {
    this.versionStmt = db.prepare('PRAGMA data_version').pluck();
    this.latestStmt = db.prepare('SELECT coalesce(max(seq), 0) FROM changes').pluck();
    // Each thing once, at its newest change, with the item as it now stands.
    this.sinceStmt = db.prepare(`
      SELECT c.kind, c.key, max(c.seq) AS seq, i.revision, i.version, i.status, i.updated_by AS by, i.updated_at AS at
      FROM changes c LEFT JOIN items i ON c.kind IN ('item', 'queue') AND i.id = c.key
      WHERE c.seq > ? GROUP BY c.kind, c.key ORDER BY seq LIMIT ?`);
  }

  /** Opens a second connection to the desk database `main` is open on. */
  static open(main: Db, opts: { nativeBinding?: string } = {}): ChangeLog {
    const db = new Database(main.name, { nativeBinding: opts.nativeBinding, fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    db.pragma('query_only = ON');
    return new ChangeLog(db);
  }

  /** Another connection has committed since the last call when this differs. */
  dataVersion(): number {
    return this.versionStmt.get() as number;
  }

  /** The newest change number (0 on a desk that has not changed yet). */
  latest(): number {
    return this.latestStmt.get() as number;
  }

  /** Up to `limit` things changed after change `seq`, oldest first. */
  since(seq: number, limit: number): DeskChange[] {
    const rows = this.sinceStmt.all(seq, limit) as ChangeRow[];
    return rows.flatMap((r): DeskChange[] => {
      if (r.kind === 'settings') return [{ kind: isHubKey(r.key) ? 'hub' : 'settings', seq: r.seq }];
      if (r.kind === 'batch') return [{ kind: 'batch', seq: r.seq, id: Number(r.key) }];
      if (r.revision === null) return [];
      return [{ kind: r.kind, seq: r.seq, id: r.key, revision: r.revision, version: r.version!, status: r.status!, by: r.by!, at: r.at! }];
    });
  }

  close(): void {
    this.db.close();
  }
}
