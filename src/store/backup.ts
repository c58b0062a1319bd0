/**
 * Backups of the desk store, kept in a `backups` folder beside it: one before every migration
 * (VACUUM INTO, inside the synchronous open), one at most daily while the desk is in use and
 * one whenever the editor asks (SQLite's online backup API, better-sqlite3's db.backup(), which
 * copies a consistent store while others keep writing). The newest 7 are kept.
 *
 * A restore checks the file is a Wiredesk store this version can open, keeps the current
 * store beside it (never overwritten, never deleted), then copies the backup in with the
 * backup API, which takes SQLite's locks as any writer would.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DeskFailure, ErrorCode } from '../core/errors';
import type { Db } from './db';
import { LATEST_VERSION } from './migrations';

export const BACKUPS_KEPT = 7;
export const BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;
const NAME = /^wiredesk-(\d{8}-\d{6}-\d{3})-([a-z0-9-]+)\.sqlite$/;

export interface BackupInfo {
  file: string;
  /** When it was taken (from its name). */
  at: Date;
  reason: string;
  bytes: number;
}

export function backupDir(storeFile: string): string {
  return path.join(path.dirname(path.resolve(storeFile)), 'backups');
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').slice(0, 19);

function newBackupPath(storeFile: string, reason: string, now: Date): string {
  const dir = backupDir(storeFile);
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `wiredesk-${stamp(now)}-${reason}.sqlite`);
}

/** The store's backups, newest first. */
export function listBackups(storeFile: string): BackupInfo[] {
  const dir = backupDir(storeFile);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const [d, t, ms] = m[1]!.split('-') as [string, string, string];
      const at = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms}Z`);
      return [{ file: path.join(dir, name), at, reason: m[2]!, bytes: fs.statSync(path.join(dir, name)).size }];
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.file.localeCompare(a.file));
}

function prune(storeFile: string): void {
  for (const old of listBackups(storeFile).slice(BACKUPS_KEPT)) fs.rmSync(old.file, { force: true });
}

/** Before a migration: a synchronous consistent copy (the open that migrates is synchronous). */
export function backupBeforeMigration(db: Db, storeFile: string, fromVersion: number, now = new Date()): string {
  const file = newBackupPath(storeFile, `before-migration-v${fromVersion}`, now);
  db.prepare('VACUUM INTO ?').run(file);
  prune(storeFile);
  return file;
}

/**
 * An online backup now, through a connection of its own (the desk's stays free for the
 * editor); `out` writes it there instead (never over an existing file).
 */
export async function backupNow(storeFile: string, opts: { out?: string; reason?: string; now?: Date; nativeBinding?: string } = {}): Promise<string> {
  const file = opts.out ? path.resolve(opts.out) : newBackupPath(storeFile, opts.reason ?? 'manual', opts.now ?? new Date());
  if (fs.existsSync(file)) throw new DeskFailure(ErrorCode.InvalidArgument, `${file} already exists; a backup never writes over a file.`);
  const tmp = `${file}.partial`;
  const db = new Database(storeFile, { fileMustExist: true, nativeBinding: opts.nativeBinding });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  } finally {
    db.close();
  }
  if (!opts.out) prune(storeFile);
  return file;
}

/** The daily backup: taken when the newest is a day old (or there is none). Returns its path, or null. */
export async function dailyBackup(storeFile: string, now = new Date(), nativeBinding?: string): Promise<string | null> {
  const newest = listBackups(storeFile)[0];
  if (newest && now.getTime() - newest.at.getTime() < BACKUP_EVERY_MS) return null;
  return backupNow(storeFile, { reason: 'daily', now, nativeBinding });
}

/** What a file holds, read without changing it; refuses anything this Wiredesk should not restore. */
export function checkBackup(file: string): { version: number; items: number } {
  let src: Db;
  try {
    if (!fs.statSync(file).isFile()) throw new Error('not a file');
    src = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new DeskFailure(ErrorCode.InvalidArgument, `Cannot read ${file}: no such file, or not a file.`);
  }
  try {
    let version: number;
    let hasItems: boolean;
    try {
      version = src.pragma('user_version', { simple: true }) as number;
      hasItems = src.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'items'").get() !== undefined;
    } catch {
      throw new DeskFailure(ErrorCode.DatabaseUnreadable, `${file} is not a Wiredesk store (not a SQLite database); nothing was restored.`);
    }
    if (version > LATEST_VERSION) {
      throw new DeskFailure(
        ErrorCode.DatabaseFromFuture,
        `${file} was written by a newer Wiredesk (schema ${version}; this version knows up to ${LATEST_VERSION}). Update Wiredesk to restore it; nothing was restored.`,
      );
    }
    if (version < 1 || !hasItems) throw new DeskFailure(ErrorCode.DatabaseUnreadable, `${file} is a database, but not a Wiredesk store; nothing was restored.`);
    const check = src.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new DeskFailure(ErrorCode.DatabaseUnreadable, `${file} is damaged (${String(check)}); nothing was restored.`);
    return { version, items: (src.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n };
  } finally {
    src.close();
  }
}

/**
 * Restore `file` as the store. The current store is kept beside it first — copied with the
 * backup API, or, when it is too damaged to open, moved aside with its journal files.
 * Returns where the previous store now is (null when there was none).
 */
export async function restoreBackup(file: string, storeFile: string, now = new Date()): Promise<{ keptAs: string | null; version: number; items: number }> {
  const src = path.resolve(file);
  const store = path.resolve(storeFile);
  if (src === store) throw new DeskFailure(ErrorCode.InvalidArgument, 'That is the store itself; choose a backup.');
  const { version, items } = checkBackup(src);
  let keptAs: string | null = null;
  if (fs.existsSync(store)) {
    keptAs = `${store}.before-restore-${stamp(now)}`;
    try {
      const current = new Database(store, { readonly: true, fileMustExist: true });
      try {
        current.pragma('quick_check');
        await current.backup(keptAs);
      } finally {
        current.close();
      }
    } catch {
      // Unreadable: move it (and its journal) aside rather than copy what cannot be read.
      fs.rmSync(keptAs, { force: true });
      for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(store + suffix)) fs.renameSync(store + suffix, keptAs + suffix);
    }
  }
  const from = new Database(src, { readonly: true, fileMustExist: true });
  try {
    await from.backup(store);
  } finally {
    from.close();
  }
  return { keptAs, version, items };
}

/**
 * While the desk is in use: the daily backup now if due, then checked every hour. A failed
 * backup is logged in one line and tried again at the next check; it never stops the desk.
 */
export function scheduleDailyBackups(storeFile: string, nativeBinding?: string): () => void {
  const check = () => {
    dailyBackup(storeFile, new Date(), nativeBinding).catch((e: unknown) =>
      console.error('[wiredesk] daily backup failed:', e instanceof Error ? e.message : String(e)),
    );
  };
  check();
  const timer = setInterval(check, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
