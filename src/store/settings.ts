/** The settings table: one JSON value per key. */
import { DEFAULT_SETTINGS, type DeskSettings } from '../core/settings';
import { type Db, stmt } from './db';

const DESK_KEY = 'desk';

export function getSetting(db: Db, key: string): string | null {
  const r = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? r.value : null;
}

export function setSetting(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The desk's settings, with defaults for anything an older Wiredesk did not store. */
export function readDeskSettings(db: Db): DeskSettings {
  const raw = getSetting(db, DESK_KEY);
  return raw ? { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<DeskSettings>) } : { ...DEFAULT_SETTINGS };
}

export function writeDeskSettings(db: Db, s: DeskSettings): void {
  setSetting(db, DESK_KEY, JSON.stringify(s));
}
