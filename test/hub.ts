/**
 * Test helpers against the real PostgreSQL (127.0.0.1:5432, trust auth, or WIREDESK_TEST_PG):
 * each test gets a freshly created database with a random name, dropped afterwards, and login
 * roles of its own that are members of the Wiredesk group roles.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';

export const PG_BASE = process.env.WIREDESK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface FreshHub {
  name: string;
  /** The database's URL as `role` (the superuser when left out). */
  url(role?: string, host?: string): string;
  /** A login role that is a member of `group` (of neither when left out); dropped with the database. */
  role(group?: 'wiredesk_writer' | 'wiredesk_editor'): Promise<string>;
  /** The shared items by slug, with their status. */
  items(): Promise<{ slug: string; status: string }[]>;
  /** One shared item's status and headline as the hub holds them. */
  item(id: string): Promise<{ status: string; headline: string } | undefined>;
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The hub's audit (of one item, or all), oldest first: what was done and by which role. */
  audit(itemId?: string): Promise<{ action: string; actor: string }[]>;
  /** The hub's batches: number, sha256 of the stored bytes, and entries. */
  batches(): Promise<{ no: string; sha: string; created_by: string; items: string[] }[]>;
  drop(): Promise<void>;
}

export async function freshHub(): Promise<FreshHub> {
  const name = `wiredesk_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const roles: string[] = [];
  const base = new URL(PG_BASE);
  const url = (role = base.username, host = base.host) => `postgres://${role}@${host}/${name}`;
  const hub: FreshHub = {
    name,
    url,
    async role(group) {
      const r = `${name}_${group?.slice(9, 13) ?? 'none'}${roles.length}`;
      await admin((c) => c.query(`CREATE ROLE ${r} LOGIN${group ? ` IN ROLE ${group}` : ''}`));
      roles.push(r);
      return r;
    },
    async query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]) {
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      try {
        return (await c.query<T>(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    audit(itemId) {
      return hub.query('SELECT action, actor FROM hub_audit WHERE $1::uuid IS NULL OR item_id = $1 ORDER BY seq', [itemId ?? null]);
    },
    items() {
      return hub.query('SELECT slug, status FROM hub_items ORDER BY slug');
    },
    async item(id) {
      return (await hub.query<{ status: string; headline: string }>("SELECT status, doc->>'headline' AS headline FROM hub_items WHERE id = $1", [id]))[0];
    },
    batches() {
      return hub.query(
        "SELECT b.no, encode(sha256(b.bytes), 'hex') AS sha, b.created_by, array_agg(i.item_id::text ORDER BY i.seq) AS items FROM hub_batches b JOIN hub_batch_items i ON i.batch_no = b.no GROUP BY b.no ORDER BY b.no",
      );
    },
    async drop() {
      await admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        for (const r of roles) await c.query(`DROP ROLE IF EXISTS ${r}`);
      });
    },
  };
  return hub;
}

/** A TCP proxy in front of PostgreSQL that a test stops (cutting every connection) and restarts. */
export async function pgProxy(target = new URL(PG_BASE)): Promise<{ host: string; stop(): Promise<void>; start(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (server) server.close(() => resolve());
      else resolve();
      server = null;
    });
  await start();
  return { host: `127.0.0.1:${port}`, stop, start, close: stop };
}
