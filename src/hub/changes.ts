/**
 * Changes to shared items on the hub: pushed as guarded single statements (one transaction per
 * group of changes, all applied or none), pulled by change number, announced by NOTIFY.
 */
import type pg from 'pg';
import { HUB_CHANNEL } from './migrations';

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

/** Why one change of a group was not applied. */
export type LostChange =
  | { itemId: string; why: 'conflict'; current: HubItemRow; last: HubAuditRow | null }
  | { itemId: string; why: 'refused'; message: string; current: HubItemRow | null };

export type GroupOutcome =
  /** Every change applied; each item's revision after the group. */
  | { kind: 'applied'; revisions: Record<string, number> }
  /** Applied before (a retry after a lost answer): nothing done now. */
  | { kind: 'duplicate' }
  /** Nothing applied: the changes that could not be, and every item's state on the hub as it stands. */
  | { kind: 'lost'; lost: LostChange[]; current: Record<string, HubItemRow | null> };

const ITEM_COLS = 'id, revision, status, doc, submitted_by AS "submittedBy", updated_by AS "updatedBy", updated_at AS "updatedAt", change_seq AS "changeSeq"';
const AUDIT_COLS = 'seq, idem_key AS "idemKey", item_id AS "itemId", action, from_status AS "fromStatus", to_status AS "toStatus", version, note, actor, at';

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

async function allSeen(c: pg.ClientBase, keys: string[]): Promise<boolean> {
  const r = await c.query<{ n: string }>('SELECT count(*) AS n FROM hub_audit WHERE idem_key = ANY($1)', [keys]);
  return Number(r.rows[0]!.n) === keys.length;
}

/**
 * One guarded statement: the item's new state if it was still at `baseRevision` (or new), and
 * its audit row with it (one round trip; the audit row is written only when the item was).
 */
async function applyOne(c: pg.ClientBase, ch: HubChange): Promise<number | null> {
  const values = [ch.itemId, ch.doc.status, ch.doc.slug, ch.doc.headline, ch.doc.urgency, JSON.stringify(ch.doc)];
  const audit = [ch.idemKey, ch.action, ch.fromStatus, ch.toStatus, ch.version, ch.note];
  const item =
    ch.baseRevision === null
      ? "INSERT INTO hub_items (id, status, slug, headline, urgency, doc, revision, submitted_by, updated_by, updated_at, change_seq) VALUES ($1, $2, $3, $4, $5, $6, 0, '', '', now(), 0) ON CONFLICT (id) DO NOTHING RETURNING revision"
      : 'UPDATE hub_items SET status = $2, slug = $3, headline = $4, urgency = $5, doc = $6 WHERE id = $1 AND revision = $13 RETURNING revision';
  const r = await c.query<{ revision: number }>(
    `WITH changed AS (${item}),
     audited AS (INSERT INTO hub_audit (idem_key, item_id, action, from_status, to_status, version, note, actor, at)
       SELECT $7::text, $1::uuid, $8::text, $9::text, $10::text, $11::integer, $12::text, '', now() FROM changed)
     SELECT revision FROM changed`,
    ch.baseRevision === null ? [...values, ...audit] : [...values, ...audit, ch.baseRevision],
  );
  return r.rows[0]?.revision ?? null;
}

type Lost = { itemId: string } & ({ why: 'conflict' } | { why: 'refused'; message: string });
type Applied = { kind: 'applied'; revisions: Record<string, number> } | { kind: 'duplicate' } | { kind: 'lost'; lost: Lost[] };

/**
 * Why a change's statement failed: not this role's to make, or against the hub's rules (refused);
 * or the same change pushed at the same moment by another process of this desk (a duplicate).
 * Anything else is thrown on.
 */
function failure(e: unknown, itemId: string): Lost | 'duplicate' {
  const code = (e as { code?: string }).code;
  if (code === '23505') return 'duplicate';
  if (code !== '42501' && code !== '23514') throw e;
  return { itemId, why: 'refused', message: (e as Error).message };
}

/**
 * One group inside the caller's transaction, under a savepoint of its own: every change applied,
 * or — when any cannot be — the group rolled back and what could not be said.
 */
async function applyGroup(c: pg.ClientBase, changes: HubChange[], seen: Set<string>): Promise<Applied> {
  if (changes.every((ch) => seen.has(ch.idemKey))) return { kind: 'duplicate' };
  const lost: Lost[] = [];
  const revisions: Record<string, number> = {};
  // A group of one needs no savepoint of its own: its change has one.
  const whole = changes.length > 1;
  if (whole) await c.query('SAVEPOINT wiredesk_group');
  for (const ch of changes) {
    await c.query('SAVEPOINT wiredesk_change');
    try {
      const revision = await applyOne(c, ch);
      await c.query('RELEASE SAVEPOINT wiredesk_change');
      if (revision === null) lost.push({ itemId: ch.itemId, why: 'conflict' });
      else revisions[ch.itemId] = revision;
    } catch (e) {
      await c.query('ROLLBACK TO SAVEPOINT wiredesk_change');
      const f = failure(e, ch.itemId);
      if (f === 'duplicate') {
        if (whole) await c.query('ROLLBACK TO SAVEPOINT wiredesk_group');
        return { kind: 'duplicate' };
      }
      lost.push(f);
    }
  }
  if (whole && lost.length > 0) await c.query('ROLLBACK TO SAVEPOINT wiredesk_group');
  if (whole) await c.query('RELEASE SAVEPOINT wiredesk_group');
  return lost.length > 0 ? { kind: 'lost', lost } : { kind: 'applied', revisions };
}

/**
 * One change alone (an editor's step on one item, pushed as it is made): its one statement is
 * its own transaction, one round trip instead of seven. A change applied before (a retry after a
 * lost answer) finds the revision moved or the item there, and explain() tells it by its key.
 */
async function pushAlone(c: pg.ClientBase, ch: HubChange): Promise<GroupOutcome> {
  let lost: Lost;
  try {
    const revision = await applyOne(c, ch);
    if (revision !== null) return { kind: 'applied', revisions: { [ch.itemId]: revision } };
    lost = { itemId: ch.itemId, why: 'conflict' };
  } catch (e) {
    const f = failure(e, ch.itemId);
    if (f === 'duplicate') return { kind: 'duplicate' };
    lost = f;
  }
  return explain(c, [ch], [lost]);
}

/** A group that could not be applied: every item's state on the hub now, and who did what to the ones that failed. */
async function explain(c: pg.ClientBase, changes: HubChange[], lost: Lost[]): Promise<GroupOutcome> {
  // Lost to a change another process of this desk made with these very keys: applied after all.
  if (
    await allSeen(
      c,
      changes.map((ch) => ch.idemKey),
    )
  )
    return { kind: 'duplicate' };
  const current: Record<string, HubItemRow | null> = {};
  for (const id of new Set(changes.map((ch) => ch.itemId))) current[id] = await hubItem(c, id);
  const out: LostChange[] = [];
  for (const l of lost) {
    const now = current[l.itemId] ?? null;
    if (l.why === 'refused') out.push({ itemId: l.itemId, why: 'refused', message: l.message, current: now });
    else if (now) out.push({ itemId: l.itemId, why: 'conflict', current: now, last: await lastAudit(c, l.itemId) });
    else out.push({ itemId: l.itemId, why: 'refused', message: 'The item is not on the shared desk.', current: null });
  }
  return { kind: 'lost', lost: out, current };
}

/**
 * Apply groups of changes (each one editor's action, on one or several items) in order, in one
 * transaction, each all or none. Each change is a statement guarded by the revision it was made
 * on; a change already applied (same idempotency key) is not applied twice. The first group that
 * cannot be applied whole is rolled back and ends the run: its outcome, last, says why (who did
 * what to the item, and when); the groups before it are committed, those after it not tried.
 */
export async function pushGroups(c: pg.ClientBase, groups: HubChange[][]): Promise<GroupOutcome[]> {
  if (groups.length === 1 && groups[0]!.length === 1) return [await pushAlone(c, groups[0]![0]!)];
  const applied: Applied[] = [];
  await c.query('BEGIN');
  try {
    const keys = groups.flatMap((g) => g.map((ch) => ch.idemKey));
    const seen = new Set((await c.query<{ k: string }>('SELECT idem_key AS k FROM hub_audit WHERE idem_key = ANY($1)', [keys])).rows.map((r) => r.k));
    for (const changes of groups) {
      const r = await applyGroup(c, changes, seen);
      applied.push(r);
      if (r.kind === 'lost') break;
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  const out: GroupOutcome[] = [];
  for (const [i, r] of applied.entries()) out.push(r.kind === 'lost' ? await explain(c, groups[i]!, r.lost) : r);
  return out;
}

/** One group on its own. */
export async function pushGroup(c: pg.ClientBase, changes: HubChange[]): Promise<GroupOutcome> {
  return (await pushGroups(c, [changes]))[0]!;
}

/** One change on its own (a group of one). */
export async function pushChange(c: pg.ClientBase, ch: HubChange): Promise<PushOutcome> {
  const r = await pushGroup(c, [ch]);
  if (r.kind === 'duplicate') return r;
  if (r.kind === 'applied') return { kind: 'applied', revision: r.revisions[ch.itemId]! };
  const l = r.lost[0]!;
  return l.why === 'conflict' ? { kind: 'conflict', current: l.current, last: l.last } : { kind: 'refused', message: l.message, current: l.current };
}

/**
 * What changed on the hub after the two cursors, as of one moment (one statement, one round
 * trip): up to `limit` item changes, oldest change first, and up to `limit` audit rows, in order.
 */
export async function changesSince(
  c: pg.ClientBase,
  after: { items: number; audit: number },
  limit: number,
): Promise<{ items: HubItemRow[]; audit: HubAuditRow[] }> {
  const r = await c.query<{ items: HubItemRow[]; audit: HubAuditRow[] }>(
    `SELECT (SELECT coalesce(json_agg(i ORDER BY i."changeSeq"), '[]') FROM (SELECT ${ITEM_COLS} FROM hub_items WHERE change_seq > $1 ORDER BY change_seq LIMIT $3) i) AS items,
            (SELECT coalesce(json_agg(a ORDER BY a.seq), '[]') FROM (SELECT ${AUDIT_COLS} FROM hub_audit WHERE seq > $2 ORDER BY seq LIMIT $3) a) AS audit`,
    [after.items, after.audit, limit],
  );
  return { items: r.rows[0]!.items.map(itemRow), audit: r.rows[0]!.audit.map(auditRow) };
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
