/**
 * Which Wiredesk process owns a batch, decided by a lock that dies with the process.
 *
 * Each process that writes batches holds an exclusive SQLite lock on a small file of its own
 * beside the database (`wiredesk.sqlite-owners/<id>.lock`). The operating system releases
 * that lock the moment the process dies — killed, crashed, a zombie not yet reaped, or the
 * machine rebooted — so "can I take the lock?" tells a dead owner from a live one without
 * trusting process ids, which are reused.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Owner {
  /** The lock file's name, without folder. */
  lock: string;
  host: string;
  pid: number;
  /** When the process took its lock (ISO time). */
  since: string;
}

/** alive: its lock is held; dead: its lock is free or gone; unknown: it cannot be checked from here. */
export type OwnerState = 'self' | 'alive' | 'dead' | 'unknown';

export function parseOwner(text: string): Owner | null {
  try {
    const o = JSON.parse(text) as Partial<Owner>;
    return typeof o.lock === 'string' &&
      /^[0-9a-f-]{36}\.lock$/.test(o.lock) &&
      typeof o.host === 'string' &&
      typeof o.pid === 'number' &&
      typeof o.since === 'string'
      ? (o as Owner)
      : null;
  } catch {
    return null;
  }
}

export class ProcessLock {
  readonly owner: Owner;
  private conn: Database.Database | null;

  private constructor(
    private readonly dir: string,
    nativeBinding?: string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.owner = { lock: `${randomUUID()}.lock`, host: os.hostname(), pid: process.pid, since: new Date().toISOString() };
    const conn = new Database(path.join(dir, this.owner.lock), { nativeBinding });
    conn.pragma('journal_mode = DELETE');
    conn.exec('CREATE TABLE IF NOT EXISTS owner (json TEXT)');
    conn.exec('BEGIN EXCLUSIVE');
    conn.prepare('INSERT INTO owner VALUES (?)').run(JSON.stringify(this.owner));
    this.conn = conn;
  }

  /** Take this process's lock for the desk database `dbFile` (in-memory desks use a temp folder). */
  static acquire(dbFile: string, nativeBinding?: string): ProcessLock {
    const inMemory = dbFile === '' || dbFile === ':memory:';
    const dir = inMemory ? path.join(os.tmpdir(), `wiredesk-owners-${process.pid}`) : `${path.resolve(dbFile)}-owners`;
    return new ProcessLock(dir, nativeBinding);
  }

  get tag(): string {
    return JSON.stringify(this.owner);
  }

  /** Is the process that wrote `tag` still running? */
  stateOf(tag: string): OwnerState {
    const o = parseOwner(tag);
    if (!o) return 'unknown'; // written by an older Wiredesk ("host:pid"): not checkable safely
    if (o.lock === this.owner.lock) return 'self';
    const file = path.join(this.dir, o.lock);
    if (!fs.existsSync(file)) return o.host === this.owner.host ? 'dead' : 'unknown';
    let probe: Database.Database | null = null;
    try {
      probe = new Database(file, { fileMustExist: true, timeout: 0 });
      probe.exec('BEGIN EXCLUSIVE');
      probe.exec('ROLLBACK');
    } catch (e) {
      probe?.close();
      return (e as { code?: string }).code === 'SQLITE_BUSY' ? 'alive' : 'unknown';
    }
    probe.close();
    // The lock was free: on this host that is proof. Across hosts, a network share may not pass locks on.
    if (o.host !== this.owner.host) return 'unknown';
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}-journal`, { force: true });
    return 'dead';
  }

  release(): void {
    if (!this.conn) return;
    this.conn.close();
    this.conn = null;
    fs.rmSync(path.join(this.dir, this.owner.lock), { force: true });
    fs.rmSync(path.join(this.dir, `${this.owner.lock}-journal`), { force: true });
  }
}
