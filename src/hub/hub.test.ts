import { afterEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../core/errors';
import { checkHubUrl, checkHubVersion, connectHub, hubUrlFrom, initHub, pushChange } from './hub';
import { HUB_LATEST, HUB_MIGRATIONS } from './migrations';
import { type FreshHub, freshHub } from '../../test/hub';

let hub: FreshHub | null = null;
afterEach(async () => {
  await hub?.drop();
  hub = null;
});

const ID = '0193a0b0-0000-7000-8000-000000000001';
const doc = (status: string) => ({ id: ID, status, slug: 'BAKU-FERRY', headline: 'Ferry traffic resumes', urgency: 5 });
const change = (key: string, action: string, base: number | null, status: string, from = 'draft') => ({
  idemKey: key,
  itemId: ID,
  action,
  baseRevision: base,
  fromStatus: from,
  toStatus: status,
  version: 1,
  note: '',
  doc: doc(status),
});

describe('shared desk (PostgreSQL hub)', () => {
  it('takes the URL from --hub, else WIREDESK_HUB, and never one with a password', () => {
    expect(hubUrlFrom(undefined, {})).toBeNull();
    expect(hubUrlFrom(undefined, { WIREDESK_HUB: 'postgres://a@h/d' })).toBe('postgres://a@h/d');
    expect(hubUrlFrom('postgres://b@h/d', { WIREDESK_HUB: 'postgres://a@h/d' })).toBe('postgres://b@h/d');
    expect(() => checkHubUrl('postgres://anna:secret@h/d')).toThrow(/PGPASSWORD or ~\/\.pgpass/);
    expect(() => checkHubUrl('mysql://anna@h/d')).toThrow(/postgres:\/\//);
  });

  it('init creates the schema once, migrates, and refuses a hub from a newer Wiredesk', async () => {
    hub = await freshHub();
    const c = await connectHub(hub.url());
    try {
      await expect(checkHubVersion(c, hub.url())).rejects.toThrow(/not set up.*hub init/);
      expect(await initHub(c)).toEqual({ from: 0, to: HUB_LATEST });
      expect(await initHub(c)).toEqual({ from: HUB_LATEST, to: HUB_LATEST });
      await checkHubVersion(c, hub.url());
      const roles = await c.query("SELECT rolname FROM pg_roles WHERE rolname IN ('wiredesk_writer', 'wiredesk_editor') ORDER BY 1");
      expect(roles.rows.map((r: { rolname: string }) => r.rolname)).toEqual(['wiredesk_editor', 'wiredesk_writer']);
      await c.query('INSERT INTO wiredesk_hub_version (version) VALUES ($1)', [HUB_LATEST + 1]);
      const err = await checkHubVersion(c, hub.url()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DeskFailure);
      expect((err as DeskFailure).code).toBe('DATABASE_FROM_FUTURE');
      await expect(initHub(c, HUB_MIGRATIONS)).rejects.toThrow(/newer Wiredesk/);
    } finally {
      await c.end();
    }
  });

  it('applies each change once, guarded by revision, and records session_user; writers cannot approve', async () => {
    hub = await freshHub();
    const owner = await connectHub(hub.url());
    await initHub(owner);
    await owner.end();
    const writer = await hub.role('wiredesk_writer');
    const editor = await hub.role('wiredesk_editor');
    const w = await connectHub(hub.url(writer));
    const e1 = await connectHub(hub.url(editor));
    const e2 = await connectHub(hub.url(editor));
    try {
      expect(await pushChange(w, change('k1', 'submit', null, 'submitted'))).toEqual({ kind: 'applied', revision: 1 });
      expect(await pushChange(w, change('k1', 'submit', null, 'submitted'))).toEqual({ kind: 'duplicate' });
      const refused = await pushChange(w, change('k2', 'approve', 1, 'approved', 'submitted'));
      expect(refused.kind).toBe('refused');
      // Two editors on revision 1 at once: one wins, the other is told who did what.
      const [a, b] = await Promise.all([
        pushChange(e1, change('k3', 'approve', 1, 'approved', 'submitted')),
        pushChange(e2, change('k4', 'hold', 1, 'held', 'submitted')),
      ]);
      const outcomes = [a.kind, b.kind].sort();
      expect(outcomes).toEqual(['applied', 'conflict']);
      const lost = a.kind === 'conflict' ? a : b.kind === 'conflict' ? b : null;
      expect(lost?.kind === 'conflict' && lost.current.revision).toBe(2);
      expect(lost?.kind === 'conflict' && lost.last?.actor).toBe(editor);
      const audit = await hub.audit();
      expect(audit).toHaveLength(2);
      expect(audit[0]).toEqual({ action: 'submit', actor: writer });
      expect(audit[1]!.actor).toBe(editor);
    } finally {
      await Promise.all([w.end(), e1.end(), e2.end()]);
    }
  });
});
