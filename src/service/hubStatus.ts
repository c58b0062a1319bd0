/** The shared desk's status as this desk shows it, read from the store alone (never from PostgreSQL). */
import { DeskFailure, ErrorCode } from '../core/errors';
import { describeHub } from '../hub/url';
import { type HubConnection, offlineBanner, waitingWords } from '../core/vocabulary';
import type { Db } from '../store/db';
import { type HubLinkState, readHubState } from '../store/hubLink';
import { Outbox } from '../store/outbox';
import type { SharedDeskStatus } from '../contract';

/** A request that needs a shared desk, on a desk of its own. */
export function notJoined(): never {
  throw new DeskFailure(ErrorCode.HubNotJoined, 'This desk is not joined to a shared desk. Join one in Settings → Shared desk.');
}

/** A desk of its own. */
export const NOT_JOINED: SharedDeskStatus = {
  joined: false,
  source: null,
  url: null,
  hub: null,
  connection: 'unknown',
  error: null,
  role: null,
  roleKind: null,
  waiting: 0,
  conflicts: 0,
  lastSync: null,
  since: null,
  banner: null,
};

export function connectionOf(s: HubLinkState): HubConnection {
  if (s.online === null) return 'unknown';
  if (s.error) return 'refused';
  return s.online ? 'online' : 'offline';
}

/** What the banner says: offline or refused, with what waits; nothing while all is well. */
export function bannerOf(connection: HubConnection, waiting: number): string | null {
  if (connection === 'offline') return offlineBanner(waiting);
  if (connection === 'refused') return `The shared desk refused this desk — ${waitingWords(waiting)}`;
  return null;
}

export function sharedStatus(db: Db, joined: { url: string; source: 'settings' | 'command' } | null): SharedDeskStatus {
  const outbox = new Outbox(db);
  const waiting = outbox.waitingCount();
  if (!joined) return { ...NOT_JOINED, waiting };
  const state = readHubState(db);
  const connection = connectionOf(state);
  return {
    joined: true,
    source: joined.source,
    url: joined.url,
    hub: describeHub(joined.url),
    connection,
    error: state.error,
    role: state.role,
    roleKind: state.roleKind,
    waiting,
    conflicts: outbox.conflictCount(),
    lastSync: state.lastSync,
    since: state.since,
    banner: bannerOf(connection, waiting),
  };
}
