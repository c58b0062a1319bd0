/**
 * The bench's shared desk (npm run bench): a fresh database it drops after, filled in bulk, and
 * the reference work PostgreSQL does for the same rows without Wiredesk (a scratch table, one
 * statement per row). Never used by the desk itself.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { initHub } from './hub';

export const BENCH_PG = process.env.WIREDESK_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';

export interface BenchHub {
  url: string;
  client: pg.Client;
  drop(): Promise<void>;
}

/** A fresh shared desk; null (with why) when no PostgreSQL answers at BENCH_PG. */
export async function openBenchHub(): Promise<BenchHub | { missing: string }> {
  const admin = new pg.Client({ connectionString: `${BENCH_PG}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (e) {
    await admin.end().catch(() => undefined);
    return { missing: `${(e as Error).message || (e as { code?: string }).code || 'no answer'}` };
  }
  const name = `wiredesk_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = `${BENCH_PG}/${name}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await initHub(client);
  await client.query('CREATE TABLE bench_ref (id uuid PRIMARY KEY, status text NOT NULL, doc jsonb NOT NULL, revision integer NOT NULL DEFAULT 1)');
  return {
    url,
    client,
    async drop() {
      await client.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

type Doc = { id: string; status: string; slug: string; headline: string; urgency: number };

/**
 * Put items on the shared desk in bulk (500 rows a statement), as if each had been submitted
 * and then moved to its status; returns each item's hub revision.
 */
export async function seedHub(c: pg.ClientBase, docs: Iterable<Doc>): Promise<Map<string, number>> {
  let rows: Doc[] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const values = rows.map(
      (_, i) => `($${i * 5 + 1}::uuid, 'submitted', $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}::int, $${i * 5 + 5}::jsonb, 0, '', '', now(), 0)`,
    );
    const params = rows.flatMap((d) => [d.id, d.slug, d.headline, d.urgency, JSON.stringify(d)]);
    await c.query(
      `INSERT INTO hub_items (id, status, slug, headline, urgency, doc, revision, submitted_by, updated_by, updated_at, change_seq) VALUES ${values.join(', ')}`,
      params,
    );
    rows = [];
  };
  await c.query('BEGIN');
  for (const d of docs) {
    rows.push(d);
    if (rows.length === 500) await flush();
  }
  await flush();
  await c.query("UPDATE hub_items SET status = doc->>'status' WHERE doc->>'status' <> 'submitted'");
  await c.query('COMMIT');
  const r = await c.query<{ id: string; revision: number }>('SELECT id::text AS id, revision FROM hub_items');
  return new Map(r.rows.map((x) => [x.id, x.revision]));
}

/** The hub's newest change numbers (items, audit): where a desk that holds everything has pulled to. */
export async function hubHeads(c: pg.ClientBase): Promise<{ items: number; audit: number }> {
  const r = await c.query<{ items: string | null; audit: string | null }>(
    'SELECT (SELECT max(change_seq) FROM hub_items) AS items, (SELECT max(seq) FROM hub_audit) AS audit',
  );
  return { items: Number(r.rows[0]?.items ?? 0), audit: Number(r.rows[0]?.audit ?? 0) };
}

/** Reference for a sync: the same documents, one INSERT each, in one transaction, into a plain table. */
export async function referenceInserts(c: pg.ClientBase, docs: Doc[]): Promise<void> {
  await c.query('BEGIN');
  for (const d of docs) await c.query('INSERT INTO bench_ref (id, status, doc) VALUES ($1, $2, $3)', [d.id, d.status, JSON.stringify(d)]);
  await c.query('COMMIT');
  await c.query('TRUNCATE bench_ref');
}

/** Reference for one transition: one guarded UPDATE of a plain row, committed. */
export async function referenceUpdate(c: pg.ClientBase, doc: Doc): Promise<void> {
  await c.query('INSERT INTO bench_ref (id, status, doc) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING', [doc.id, doc.status, JSON.stringify(doc)]);
  await c.query('UPDATE bench_ref SET status = $2, doc = $3, revision = revision + 1 WHERE id = $1 AND revision = revision', [
    doc.id,
    'approved',
    JSON.stringify({ ...doc, status: 'approved' }),
  ]);
}
