/**
 * Test helpers against the real PostgreSQL (127.0.0.1:5432, trust auth, or WIREDESK_TEST_PG):
 * each test gets a freshly created database with a random name, dropped afterwards, and login
 * roles of its own that are members of the Wiredesk group roles.
 */
import { randomBytes } from 'node:crypto';
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
  /** A login role that is a member of `group`; dropped with the database. */
  role(group: 'wiredesk_writer' | 'wiredesk_editor'): Promise<string>;
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function freshHub(): Promise<FreshHub> {
  const name = `wiredesk_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const roles: string[] = [];
  const base = new URL(PG_BASE);
  const url = (role = base.username, host = base.host) => `postgres://${role}@${host}/${name}`;
  return {
    name,
    url,
    async role(group) {
      const r = `${name}_${group.slice(9, 13)}${roles.length}`;
      await admin((c) => c.query(`CREATE ROLE ${r} LOGIN IN ROLE ${group}`));
      roles.push(r);
      return r;
    },
    async query(sql, params) {
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    async drop() {
      await admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        for (const r of roles) await c.query(`DROP ROLE IF EXISTS ${r}`);
      });
    },
  };
}
