/**
 * The shared desk (hub): a PostgreSQL database every joined desk talks to. All of the hub's SQL
 * lives here. Passwords never pass through Wiredesk: the URL names the server, database and
 * role, and the driver takes the password from libpq's usual sources (PGPASSWORD, ~/.pgpass).
 */
import pg from 'pg';
import { DeskFailure, ErrorCode } from '../core/errors';
import { HUB_CHANNEL, HUB_LATEST, HUB_MIGRATIONS, HUB_ROLES, type HubMigration } from './migrations';

/** Where the hub URL comes from: `--hub URL`, else WIREDESK_HUB; none means no shared desk. */
export function hubUrlFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  const url = (flag ?? env.WIREDESK_HUB ?? '').trim();
  return url === '' ? null : url;
}

/** The URL without anything secret, for messages. */
export function describeHub(url: string): string {
  try {
    const u = new URL(url);
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return '(the shared desk)';
  }
}

/** Refuse anything but a postgres:// URL without a password in it. */
export function checkHubUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DeskFailure(ErrorCode.InvalidArgument, `The shared desk must be a URL like postgres://editor@host:5432/desk, not "${url}".`);
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new DeskFailure(ErrorCode.InvalidArgument, `The shared desk must be a postgres:// URL, not ${u.protocol}//….`);
  }
  if (u.password !== '') {
    throw new DeskFailure(ErrorCode.InvalidArgument, 'Take the password out of the shared desk URL: Wiredesk never stores one. Put it in PGPASSWORD or ~/.pgpass instead.');
  }
}

/** Errors that mean "the hub cannot be reached right now" (the desk works on, offline). */
export function isOffline(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error).message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003'].includes(code) ||
    /Connection terminated|timeout expired|Client has encountered a connection error|not queryable/i.test(msg)
  );
}

export function offlineFailure(url: string, e: unknown): DeskFailure {
  return new DeskFailure(ErrorCode.HubOffline, `The shared desk ${describeHub(url)} cannot be reached (${(e as Error).message}). Changes wait on this desk until it can.`);
}

/** A connected client; the caller ends it. */
export async function connectHub(url: string, timeoutMs = 3000): Promise<pg.Client> {
  checkHubUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: 30_000, application_name: 'wiredesk' });
  // A dropped connection is reported by the next query; an unhandled 'error' would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    if (isOffline(e)) throw offlineFailure(url, e);
    throw new DeskFailure(ErrorCode.HubOffline, `Cannot join the shared desk ${describeHub(url)}: ${(e as Error).message}`);
  }
  return client;
}

export async function hubVersion(c: pg.ClientBase): Promise<number> {
  const t = await c.query<{ t: string | null }>("SELECT to_regclass('wiredesk_hub_version')::text AS t");
  if (!t.rows[0]?.t) return 0;
  const r = await c.query<{ v: number | null }>('SELECT max(version) AS v FROM wiredesk_hub_version');
  return r.rows[0]?.v ?? 0;
}

function fromFuture(current: number, latest: number): DeskFailure {
  return new DeskFailure(
    ErrorCode.DatabaseFromFuture,
    `This shared desk was set up by a newer Wiredesk (hub schema ${current}; this version knows up to ${latest}). It has not been touched. Update Wiredesk to join it.`,
  );
}

/** Joining: the hub must be set up and not from a newer Wiredesk. */
export async function checkHubVersion(c: pg.ClientBase, url: string): Promise<void> {
  const v = await hubVersion(c);
  if (v > HUB_LATEST) throw fromFuture(v, HUB_LATEST);
  if (v < HUB_LATEST) throw new DeskFailure(ErrorCode.HubNotReady, `The shared desk ${describeHub(url)} is ${v === 0 ? 'not set up' : `at schema ${v}, older than this Wiredesk`}: run "wiredesk hub init --hub URL" as its owner.`);
}

/**
 * `wiredesk hub init`: the two group roles (once per server), then every pending migration in
 * one transaction under an advisory lock, so two inits at once apply each migration once.
 */
export async function initHub(c: pg.ClientBase, migrations: readonly HubMigration[] = HUB_MIGRATIONS): Promise<{ from: number; to: number }> {
  for (const role of Object.values(HUB_ROLES)) {
    // Roles belong to the server, not the database: another desk's init may have made them.
    await c.query(`DO $$ BEGIN CREATE ROLE ${role} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  }
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  await c.query('BEGIN');
  try {
    await c.query("SELECT pg_advisory_xact_lock(hashtext('wiredesk hub migrate'))");
    await c.query('CREATE TABLE IF NOT EXISTS wiredesk_hub_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT session_user)');
    const from = await hubVersion(c);
    if (from > latest) throw fromFuture(from, latest);
    for (const m of migrations.filter((m) => m.version > from)) {
      await c.query(m.sql);
      await c.query('INSERT INTO wiredesk_hub_version (version) VALUES ($1)', [m.version]);
    }
    await c.query('COMMIT');
    return { from, to: Math.max(from, latest) };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** One change a desk pushes: the item as it stands after the change, and what the change was. */
export interface HubChange {
  idemKey: string;
  itemId: string;
  action: string;
  /** The hub revision the change was made on; null for an item's first submission. */
  baseRevision: number | null;
  fromStatus: string;
  toStatus: string;
  version: number;
  note: string;
  doc: { status: string; slug: string; headline: string; urgency: number } & Record<string, unknown>;
}

export interface HubItemRow {
  id: string;
  revision: number;
  status: string;
  doc: Record<string, unknown>;
  submittedBy: string;
  updatedBy: string;
  updatedAt: string;
  changeSeq: number;
}

export interface HubAuditRow {
  seq: number;
  idemKey: string;
  itemId: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  version: number;
  note: string;
  actor: string;
  at: string;
}

export type PushOutcome =
  | { kind: 'applied'; revision: number }
  | { kind: 'duplicate' }
  | { kind: 'conflict'; current: HubItemRow; last: HubAuditRow | null }
  | { kind: 'refused'; message: string; current: HubItemRow | null };

const ITEM_COLS = 'id, revision, status, doc, submitted_by AS "submittedBy", updated_by AS "updatedBy", updated_at AS "updatedAt", change_seq AS "changeSeq"';
const AUDIT_COLS =
  'seq, idem_key AS "idemKey", item_id AS "itemId", action, from_status AS "fromStatus", to_status AS "toStatus", version, note, actor, at';

function itemRow(r: HubItemRow): HubItemRow {
  return { ...r, changeSeq: Number(r.changeSeq), updatedAt: new Date(r.updatedAt).toISOString() };
}
function auditRow(r: HubAuditRow): HubAuditRow {
  return { ...r, seq: Number(r.seq), at: new Date(r.at).toISOString() };
}

export async function hubItem(c: pg.ClientBase, id: string): Promise<HubItemRow | null> {
  const r = await c.query<HubItemRow>(`SELECT ${ITEM_COLS} FROM hub_items WHERE id = $1`, [id]);
  return r.rows[0] ? itemRow(r.rows[0]) : null;
}

async function lastAudit(c: pg.ClientBase, id: string): Promise<HubAuditRow | null> {
  const r = await c.query<HubAuditRow>(`SELECT ${AUDIT_COLS} FROM hub_audit WHERE item_id = $1 ORDER BY seq DESC LIMIT 1`, [id]);
  return r.rows[0] ? auditRow(r.rows[0]) : null;
}

/**
 * Apply one change: a single statement guarded by the revision it was made on, and its audit
 * row, in one transaction. A change already applied (same idempotency key) is not applied
 * twice; a change made on an older revision is refused with the hub's current state.
 */
export async function pushChange(c: pg.ClientBase, ch: HubChange): Promise<PushOutcome> {
  await c.query('BEGIN');
  try {
    const seen = await c.query('SELECT 1 FROM hub_audit WHERE idem_key = $1', [ch.idemKey]);
    if (seen.rowCount) {
      await c.query('COMMIT');
      return { kind: 'duplicate' };
    }
    const values = [ch.itemId, ch.doc.status, ch.doc.slug, ch.doc.headline, ch.doc.urgency, JSON.stringify(ch.doc)];
    const r =
      ch.baseRevision === null
        ? await c.query<{ revision: number }>(
            'INSERT INTO hub_items (id, status, slug, headline, urgency, doc, revision, submitted_by, updated_by, updated_at, change_seq) VALUES ($1, $2, $3, $4, $5, $6, 0, \'\', \'\', now(), 0) ON CONFLICT (id) DO NOTHING RETURNING revision',
            values,
          )
        : await c.query<{ revision: number }>('UPDATE hub_items SET status = $2, slug = $3, headline = $4, urgency = $5, doc = $6 WHERE id = $1 AND revision = $7 RETURNING revision', [...values, ch.baseRevision]);
    if (!r.rows[0]) {
      await c.query('ROLLBACK');
      const current = await hubItem(c, ch.itemId);
      if (!current) return { kind: 'refused', message: 'The item is not on the shared desk.', current: null };
      return { kind: 'conflict', current, last: await lastAudit(c, ch.itemId) };
    }
    await c.query('INSERT INTO hub_audit (idem_key, item_id, action, from_status, to_status, version, note, actor, at) VALUES ($1, $2, $3, $4, $5, $6, $7, \'\', now())', [
      ch.idemKey,
      ch.itemId,
      ch.action,
      ch.fromStatus,
      ch.toStatus,
      ch.version,
      ch.note,
    ]);
    await c.query('COMMIT');
    return { kind: 'applied', revision: r.rows[0].revision };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    const code = (e as { code?: string }).code;
    if (code === '42501' || code === '23514') return { kind: 'refused', message: (e as Error).message, current: await hubItem(c, ch.itemId) };
    if (code === '23505') return { kind: 'duplicate' }; // the same change pushed at the same moment by another process of this desk
    throw e;
  }
}

/** Items changed after change number `after`, oldest change first. */
export async function itemsSince(c: pg.ClientBase, after: number, limit: number): Promise<HubItemRow[]> {
  const r = await c.query<HubItemRow>(`SELECT ${ITEM_COLS} FROM hub_items WHERE change_seq > $1 ORDER BY change_seq LIMIT $2`, [after, limit]);
  return r.rows.map(itemRow);
}

/** Audit rows after `after`, in order. */
export async function auditSince(c: pg.ClientBase, after: number, limit: number): Promise<HubAuditRow[]> {
  const r = await c.query<HubAuditRow>(`SELECT ${AUDIT_COLS} FROM hub_audit WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, limit]);
  return r.rows.map(auditRow);
}

/** An item's audit trail on the hub, newest first. */
export async function hubAudit(c: pg.ClientBase, itemId: string): Promise<HubAuditRow[]> {
  const r = await c.query<HubAuditRow>(`SELECT ${AUDIT_COLS} FROM hub_audit WHERE item_id = $1 ORDER BY seq DESC`, [itemId]);
  return r.rows.map(auditRow);
}

/** Call `onChange` whenever the hub announces a change; returns a function that stops listening. */
export async function listenHub(c: pg.Client, onChange: () => void): Promise<() => Promise<void>> {
  c.on('notification', (n) => {
    if (n.channel === HUB_CHANNEL) onChange();
  });
  await c.query(`LISTEN ${HUB_CHANNEL}`);
  return async () => {
    await c.query(`UNLISTEN ${HUB_CHANNEL}`).catch(() => undefined);
  };
}

/** Hold the desk-wide export lock (a session advisory lock) while `fn` runs. */
export async function withExportLock<T>(c: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await c.query("SELECT pg_advisory_lock(hashtext('wiredesk export'))");
  try {
    return await fn();
  } finally {
    await c.query("SELECT pg_advisory_unlock(hashtext('wiredesk export'))").catch(() => undefined);
  }
}

export interface HubBatch {
  format: string;
  ndjson: boolean;
  fileName: string;
  sha256: string;
  bytes: Buffer;
  entries: { itemId: string; version: number; kind: 'publish' | 'kill' }[];
}

/**
 * Record a batch on the hub: its number from the desk-wide sequence, its exact bytes, and its
 * entries, each item version at most once across the desk (a second one fails, nothing kept).
 */
export async function recordBatch(c: pg.ClientBase, b: HubBatch): Promise<number> {
  await c.query('BEGIN');
  try {
    const r = await c.query<{ no: string }>(
      "INSERT INTO hub_batches (no, format, ndjson, file_name, sha256, bytes, item_count) VALUES (nextval('hub_batch_no'), $1, $2, $3, $4, $5, $6) RETURNING no",
      [b.format, b.ndjson, b.fileName, b.sha256, b.bytes, b.entries.length],
    );
    const no = Number(r.rows[0]!.no);
    for (const [seq, e] of b.entries.entries()) {
      await c.query('INSERT INTO hub_batch_items (batch_no, seq, item_id, version, kind) VALUES ($1, $2, $3, $4, $5)', [no, seq, e.itemId, e.version, e.kind]);
    }
    await c.query('COMMIT');
    return no;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
