/**
 * The shared desk this desk joined in Settings (its URL: never a password), and how the
 * connection to it last went. Kept as two rows of the settings table, so the change feed
 * tells every window and process when either moves (service/changes reads them as 'hub').
 */
import type { HubRoleKind } from '../core/vocabulary';
import { getSetting, setSetting } from './settings';
import type { Db } from './db';

const LINK_KEY = 'hub';
const STATE_KEY = 'hub.state';

export interface HubLink {
  /** The shared desk joined in Settings; null once left (or when only --hub was ever used). */
  url: string | null;
  /** Which shared desk this desk's shared items, outbox and pull cursors belong to (host:port/database). */
  identity: string;
  at: string;
}

export interface HubLinkState {
  /** How the last attempt to reach the hub went: null before any. */
  online: boolean | null;
  /** When `online` (or `error`) last changed. */
  since: string | null;
  /** The last sync that reached the hub. */
  lastSync: string | null;
  /** The PostgreSQL role this desk acts as, and which Wiredesk group it belongs to. */
  role: string | null;
  roleKind: HubRoleKind | null;
  /** Why the hub could not be used, when it could be reached but refused (not set up, newer, …). */
  error: { code: string; message: string } | null;
}

export const NO_HUB_STATE: HubLinkState = { online: null, since: null, lastSync: null, role: null, roleKind: null, error: null };

/** Names of the settings rows that are the shared desk's (the change feed tells them apart). */
export function isHubKey(key: string): boolean {
  return key === LINK_KEY || key === STATE_KEY;
}

function readJson<T>(db: Db, key: string): T | null {
  const raw = getSetting(db, key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function readHubLink(db: Db): HubLink | null {
  return readJson<HubLink>(db, LINK_KEY);
}

export function writeHubLink(db: Db, link: HubLink): void {
  setSetting(db, LINK_KEY, JSON.stringify(link));
}

export function readHubState(db: Db): HubLinkState {
  return { ...NO_HUB_STATE, ...readJson<Partial<HubLinkState>>(db, STATE_KEY) };
}

/** Store the state when it differs from what is stored (so an unchanged state is not news). */
export function writeHubState(db: Db, state: HubLinkState): boolean {
  const next = JSON.stringify(state);
  if (getSetting(db, STATE_KEY) === next) return false;
  setSetting(db, STATE_KEY, next);
  return true;
}

/** Tell every window and process the shared desk's status moved when the connection did not (a conflict dismissed). */
export function announceHubChange(db: Db): void {
  setSetting(db, STATE_KEY, getSetting(db, STATE_KEY) ?? JSON.stringify(NO_HUB_STATE));
}
