/**
 * The shared desk (hub): a PostgreSQL database every joined desk talks to. All of the hub's SQL
 * lives in this folder: connecting and setting up here, item changes in changes.ts, batches in
 * batches.ts, the address in url.ts. Passwords never pass through Wiredesk: the URL names the
 * server, database and role, and the driver takes the password from libpq's usual sources
 * (PGPASSWORD, ~/.pgpass).
 */
import pg from 'pg';
import { DeskFailure, ErrorCode } from '../core/errors';
import { HUB_LATEST, HUB_MIGRATIONS, HUB_ROLES, type HubMigration } from './migrations';
import { checkHubUrl, describeHub } from './url';

export * from './url';
export * from './changes';
export * from './batches';

/** Errors that mean "the hub cannot be reached right now" (the desk works on, offline). */
export function isOffline(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  const msg = (e as Error).message ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003'].includes(
      code,
    ) || /Connection terminated|timeout expired|Client has encountered a connection error|not queryable/i.test(msg)
  );
}

export function offlineFailure(url: string, e: unknown): DeskFailure {
  return new DeskFailure(
    ErrorCode.HubOffline,
    `The shared desk ${describeHub(url)} cannot be reached (${(e as Error).message}). Changes wait on this desk until it can.`,
  );
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
    const code = (e as { code?: string }).code;
    // The server answered and said no: the role (or its password), or the database.
    if (code === '28000' || code === '28P01') {
      throw new DeskFailure(
        ErrorCode.Forbidden,
        `The shared desk ${describeHub(url)} refused this role: ${(e as Error).message}. Check the role name, and its password in PGPASSWORD or ~/.pgpass.`,
      );
    }
    if (code === '3D000')
      throw new DeskFailure(
        ErrorCode.HubNotReady,
        `There is no shared desk at ${describeHub(url)}: ${(e as Error).message}. Create the database and run "wiredesk hub init --hub URL" as its owner.`,
      );
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
  const v = await hubVersion(c).catch(async (e: unknown) => {
    if ((e as { code?: string }).code !== '42501') throw e;
    throw notMember((await c.query<{ role: string }>('SELECT session_user AS role')).rows[0]!.role, url);
  });
  if (v > HUB_LATEST) throw fromFuture(v, HUB_LATEST);
  if (v < HUB_LATEST)
    throw new DeskFailure(
      ErrorCode.HubNotReady,
      `The shared desk ${describeHub(url)} is ${v === 0 ? 'not set up' : `at schema ${v}, older than this Wiredesk`}: run "wiredesk hub init --hub URL" as its owner.`,
    );
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
    await c.query(
      'CREATE TABLE IF NOT EXISTS wiredesk_hub_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT session_user)',
    );
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

/** A role that is neither a Wiredesk writer nor an editor on the hub. */
export function notMember(role: string, url: string): DeskFailure {
  return new DeskFailure(
    ErrorCode.Forbidden,
    `Role ${role} is neither a Wiredesk writer nor an editor on ${describeHub(url)}: ask its owner to run GRANT wiredesk_writer TO ${role} (or wiredesk_editor).`,
  );
}

/** Who this connection acts as on the hub, and which of the two Wiredesk group roles it has. */
export async function whoAmI(c: pg.ClientBase): Promise<{ role: string; editor: boolean; writer: boolean }> {
  const r = await c.query<{ role: string; editor: boolean; writer: boolean }>(
    // By the roles' oids: on a server where no init has made them, each is NULL (no role), not an error.
    `SELECT session_user AS role, coalesce(pg_has_role(session_user, to_regrole($1), 'MEMBER'), false) AS editor,
       coalesce(pg_has_role(session_user, to_regrole($2), 'MEMBER'), false) AS writer`,
    [HUB_ROLES.editor, HUB_ROLES.writer],
  );
  return r.rows[0]!;
}
