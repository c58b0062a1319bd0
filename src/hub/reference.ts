/**
 * The bench's SQL on a shared desk (kept with the rest of the hub's SQL): seeding submitted
 * items straight into hub_items, as if desks had submitted them, in a few large statements.
 */
import pg from 'pg';

/** Insert `docs` (stored items, status submitted) as hub items; the stamping trigger numbers them. */
export async function seedHubForBench(url: string, docs: Iterable<Record<string, unknown>>, chunk = 2000): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let n = 0;
  try {
    await c.query('BEGIN');
    let rows: Record<string, unknown>[] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      await c.query(
        `INSERT INTO hub_items (id, status, slug, headline, urgency, doc, revision, submitted_by, updated_by, updated_at, change_seq)
         SELECT (d->>'id')::uuid, 'submitted', d->>'slug', d->>'headline', (d->>'urgency')::int, d, 0, '', '', now(), 0
         FROM jsonb_array_elements($1::jsonb) AS d`,
        [JSON.stringify(rows)],
      );
      n += rows.length;
      rows = [];
    };
    for (const d of docs) {
      rows.push(d);
      if (rows.length >= chunk) await flush();
    }
    await flush();
    await c.query('COMMIT');
    return n;
  } finally {
    await c.end();
  }
}
