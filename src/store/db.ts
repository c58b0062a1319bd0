import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskFailure, ErrorCode } from '../core/errors';
import { backupBeforeMigration } from './backup';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 native build for this runtime (Electron uses its own ABI build). */
  nativeBinding?: string;
  /** Migrate only up to this version (tests of one migration). */
  targetVersion?: number;
  readonly?: boolean;
}

/**
 * Open (or create) a desk database: WAL, NORMAL sync for autosaves (durable across a
 * process crash), FULL sync switched on around transitions and batches by the caller,
 * a busy timeout so the app, the CLI and the desk server can share one file.
 */
export function openDb(file: string, opts: OpenOptions = {}): Db {
  const inMemory = file === ':memory:' || file === '';
  let db: Db;
  try {
    // A fresh machine has no user-data folder yet.
    if (!inMemory && !opts.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, { nativeBinding: opts.nativeBinding, readonly: opts.readonly ?? false });
  } catch (e) {
    throw unreadable(file, e, true);
  }
  try {
    db.pragma('busy_timeout = 5000');
    refuseFuture(db); // before anything writes to the file, even the journal mode
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    const target = opts.targetVersion ?? LATEST_VERSION;
    const current = schemaVersion(db);
    // An existing store is copied before its schema changes, so a bad migration loses nothing.
    if (!inMemory && !opts.readonly && current > 0 && current < target) backupBeforeMigration(db, file, current);
    migrate(db, target);
    return db;
  } catch (e) {
    db.close();
    throw e instanceof DeskFailure ? e : unreadable(file, e);
  }
}

/** The file is not a desk database (or cannot be opened): say so, never a stack trace. */
function unreadable(file: string, e: unknown, opening = false): unknown {
  const code = (e as { code?: string }).code ?? '';
  if (opening || ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'].includes(code)) {
    const why = code === 'SQLITE_NOTADB' ? 'it is not a Wiredesk database' : code === 'SQLITE_CORRUPT' ? 'it is damaged' : (e as Error).message;
    return new DeskFailure(ErrorCode.DatabaseUnreadable, `Cannot open the desk database ${file}: ${why}. It has not been changed.`);
  }
  return e;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseFuture(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new DeskFailure(
      ErrorCode.DatabaseFromFuture,
      `This desk database was written by a newer Wiredesk (schema ${current}; this version knows up to ${latest}). It has not been touched. Update Wiredesk to open it.`,
    );
  }
}

/** Apply every pending migration in one transaction; refuse a database from a newer Wiredesk. */
export function migrate(db: Db, target: number = LATEST_VERSION, migrations: readonly Migration[] = MIGRATIONS): void {
  refuseFuture(db, migrations);
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

/** Run `fn` in an IMMEDIATE transaction with synchronous=FULL: survives a power cut, not only a crash. */
export function durably<T>(db: Db, fn: () => T): T {
  // Inside a caller's transaction (bulk work, tests) the outer commit decides durability.
  if (db.inTransaction) return db.transaction(fn)();
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(fn).immediate();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection: preparing costs more than running a
 * small statement, and exports and bulk steps run thousands of them.
 */
export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()));
  let s = cache.get(sql);
  if (!s) {
    if (cache.size >= 500) cache.clear(); // dynamic SQL (long id lists) cannot grow it without bound
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

const transactions = new WeakMap<Db, Map<object, Database.Transaction>>();

/**
 * `fn` as a transaction function of this connection, made once: db.transaction builds four
 * wrappers and sets their properties on every call, which costs an autosave more than several
 * of its statements. `fn` must be one function (module level), not a closure made per call.
 */
export function transactionOf<F extends (...args: never[]) => unknown>(db: Db, fn: F): Database.Transaction<F> {
  let cache = transactions.get(db);
  if (!cache) transactions.set(db, (cache = new Map<object, Database.Transaction>()));
  let t = cache.get(fn);
  if (!t) cache.set(fn, (t = db.transaction(fn)));
  return t as Database.Transaction<F>;
}
