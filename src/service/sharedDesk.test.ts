import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FreshHub, freshHub, pgProxy } from '../../test/hub';
import { dispatch } from './dispatch';
import { initSharedDesk } from './hub';
import { type OpenedDesk, openDesk } from './open';
import { readyFields } from '../../test/desk';

let hub: FreshHub | null = null;
const opened: OpenedDesk[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of opened.splice(0)) await d.close();
  await hub?.drop();
  hub = null;
});

function deskAt(file: string, url?: string): OpenedDesk {
  const d = openDesk(file, { hub: url ?? null });
  opened.push(d);
  return d;
}
function desk(url?: string): OpenedDesk {
  return deskAt(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-shared-')), 'desk.sqlite'), url);
}

async function call<T>(
  d: OpenedDesk,
  method: string,
  arg: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } }> {
  return (await dispatch(d.handlers, method, arg)) as never;
}

async function drafts(d: OpenedDesk, ...slugs: string[]): Promise<string[]> {
  const ids = [];
  for (const slug of slugs) ids.push((await d.handlers.createItem({ fields: readyFields({ slug }) })).item.id);
  return ids;
}

describe('Settings → Shared desk', () => {
  it('a desk of its own says so and never opens a PostgreSQL connection, whatever it does', async () => {
    const connect = vi.spyOn(pg.Client.prototype, 'connect');
    const d = desk();
    const [id] = await drafts(d, 'ALONE');
    await d.handlers.transition({ ids: [id!], action: 'submit' });
    await d.handlers.transition({ ids: [id!], action: 'approve' });
    await d.handlers.queue({ tab: 'approved' });
    await d.handlers.exportBatch({ format: 'ninjs', folder: fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-shared-out-')) });
    await d.startLive();
    const status = await call<{ joined: boolean; banner: string | null }>(d, 'hubStatus', {});
    expect(status).toMatchObject({ ok: true, value: { joined: false, banner: null } });
    expect(await call(d, 'syncHub', {})).toMatchObject({ ok: false, error: { code: 'HUB_NOT_JOINED' } });
    expect(connect).not.toHaveBeenCalled();
  });

  it('joining checks the URL, the server, the schema and the role first, and stores nothing when a check fails', async () => {
    hub = await freshHub();
    const d = desk();
    const password = await call(d, 'joinHub', { url: 'postgres://anna:secret@127.0.0.1:5432/desk' });
    expect(password).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', details: { issues: [{ path: 'url', message: expect.stringMatching(/PGPASSWORD or ~\/\.pgpass/) }] } },
    });
    const offline = await call(d, 'joinHub', { url: 'postgres://anna@127.0.0.1:1/desk' });
    expect(offline).toMatchObject({ ok: false, error: { code: 'HUB_OFFLINE' } });
    expect(await call(d, 'joinHub', { url: hub.url() })).toMatchObject({
      ok: false,
      error: { code: 'HUB_NOT_READY', message: expect.stringMatching(/hub init/) },
    });
    await initSharedDesk(hub.url());
    const stranger = await hub.role();
    expect(await call(d, 'joinHub', { url: hub.url(stranger) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/GRANT wiredesk_writer TO/) },
    });
    expect(await call(d, 'hubStatus', {})).toMatchObject({ ok: true, value: { joined: false } });
  });

  it('joins, shows the role and what waits, stays joined when reopened, and leaves only when nothing waits (or when told to)', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const editor = await hub.role('wiredesk_editor');
    const proxy = await pgProxy();
    try {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-shared-')), 'desk.sqlite');
      let d = deskAt(file);
      const joined = await call(d, 'joinHub', { url: hub.url(editor, proxy.host) });
      expect(joined).toMatchObject({
        ok: true,
        value: { joined: true, source: 'settings', role: editor, roleKind: 'editor', connection: 'online', waiting: 0, banner: null },
      });
      await d.close();
      d = deskAt(file);
      expect(d.hub?.url).toBe(hub.url(editor, proxy.host));
      const [id] = await drafts(d, 'WAITING');
      await proxy.stop();
      await d.handlers.transition({ ids: [id!], action: 'submit' });
      expect(await call(d, 'hubStatus', {})).toMatchObject({ ok: true, value: { connection: 'offline', waiting: 1, banner: 'Offline — 1 change waiting' } });
      expect(await call(d, 'leaveHub', {})).toMatchObject({ ok: false, error: { code: 'HUB_CHANGES_WAITING', details: { waiting: 1 } } });
      await proxy.start();
      expect(await call(d, 'syncHub', {})).toMatchObject({
        ok: true,
        value: { sync: { pushed: 1, waiting: 0 }, status: { connection: 'online', banner: null } },
      });
      expect(await call(d, 'leaveHub', {})).toMatchObject({ ok: true, value: { joined: false } });
      await d.close();
      expect(deskAt(file).hub).toBeNull();
    } finally {
      await proxy.close();
    }
  });

  it('a desk started with --hub cannot leave or join another in Settings', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const d = desk(hub.url());
    expect(await call(d, 'hubStatus', {})).toMatchObject({ ok: true, value: { joined: true, source: 'command' } });
    expect(await call(d, 'leaveHub', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/--hub or WIREDESK_HUB/) } });
  });

  it('listening: the status goes offline when the connection drops, and online again when it is back, with what waited sent', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const proxy = await pgProxy();
    try {
      const a = desk(hub.url(undefined, proxy.host));
      const b = desk(hub.url());
      const stop = await a.hub!.live(() => undefined, { retryMs: 100, refreshMs: 10_000 });
      try {
        const status = async () => (await a.handlers.hubStatus({})) as { connection: string; banner: string | null; waiting: number };
        await expect.poll(async () => (await status()).connection).toBe('online');
        await proxy.stop();
        await expect.poll(async () => (await status()).banner).toBe('Offline — no changes waiting');
        const ids = await drafts(a, 'ONE', 'TWO', 'THREE');
        for (const id of ids) await a.handlers.transition({ ids: [id], action: 'submit' });
        expect(await status()).toMatchObject({ connection: 'offline', waiting: 3, banner: 'Offline — 3 changes waiting' });
        await proxy.start();
        await expect.poll(async () => (await status()).banner, { timeout: 5000 }).toBeNull();
        await expect.poll(async () => (await status()).waiting).toBe(0);
        expect((await b.handlers.queue({ tab: 'submitted' })).items.map((i) => i.slug).sort()).toEqual(['ONE', 'THREE', 'TWO']);
      } finally {
        await stop();
      }
    } finally {
      await proxy.close();
    }
  });
});

describe('one action on several shared items', () => {
  it('bulk approve is all or nothing: when another editor got to one item first, none is approved and the message says who won', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const [writer, e1, e2] = [await hub.role('wiredesk_writer'), await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
    const a = desk(hub.url(writer));
    const b = desk(hub.url(e1));
    const c = desk(hub.url(e2));
    const ids = await drafts(a, 'ONE', 'TWO', 'THREE');
    await a.handlers.transition({ ids, action: 'submit' });
    await b.handlers.queue({ tab: 'submitted' });
    await c.handlers.queue({ tab: 'submitted' });
    // c holds TWO; b has not heard of it and approves all three.
    await c.handlers.transition({ ids: [ids[1]!], action: 'hold' });
    const r = await call(b, 'transition', { ids, action: 'approve' });
    expect(r.ok).toBe(false);
    const error = (r as { error: { code: string; message: string; details: { conflicts: { itemId: string; lost: boolean }[] } } }).error;
    expect(error.code).toBe('STALE_REVISION');
    expect(error.message).toMatch(
      new RegExp(
        `^Nothing was done: "Approve" on 3 items goes to the shared desk whole or not at all\\. TWO: ${e2} did "Hold" at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC \\(now held\\); your "Approve" was not applied\\..* The other 2 items are as they were\\.$`,
      ),
    );
    expect(error.details.conflicts.filter((x) => x.lost).map((x) => x.itemId)).toEqual([ids[1]]);
    // Nothing of it on the hub; b's desk shows the hub's state of all three.
    expect((await hub.audit()).filter((x) => x.action === 'approve')).toEqual([]);
    const status = async (d: OpenedDesk) => Promise.all(ids.map(async (id) => (await d.handlers.getItem({ id })).item.status));
    expect(await status(b)).toEqual(['submitted', 'held', 'submitted']);
    // Approving the two still submitted goes through, together.
    await b.handlers.transition({ ids: [ids[0]!, ids[2]!], action: 'approve' });
    await a.hub!.sync();
    expect(await status(a)).toEqual(['approved', 'held', 'approved']);
  });

  it('a bulk approve queued offline that meets a newer state on the hub is not applied at all when it is back', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const proxy = await pgProxy();
    try {
      const a = desk(hub.url());
      const b = desk(hub.url(undefined, proxy.host));
      const ids = await drafts(a, 'ONE', 'TWO');
      await a.handlers.transition({ ids, action: 'submit' });
      await b.handlers.queue({ tab: 'submitted' });
      await proxy.stop();
      await b.handlers.transition({ ids, action: 'approve' });
      await a.handlers.transition({ ids: [ids[0]!], action: 'hold' });
      await proxy.start();
      const report = await b.hub!.sync();
      expect(report.pushed).toEqual([]);
      expect(report.conflicts.map((x) => [x.itemId, x.lost])).toEqual([
        [ids[0], true],
        [ids[1], false],
      ]);
      expect(report.conflicts[1]!.message).toMatch(/was not applied either: it was one action on 2 items.*ONE could not be changed/);
      expect(await hub.items()).toEqual([
        { slug: 'ONE', status: 'held' },
        { slug: 'TWO', status: 'submitted' },
      ]);
    } finally {
      await proxy.close();
    }
  });
});

describe('shared desk batches', () => {
  it('another desk lists a batch and re-sends it byte for byte from the bytes kept on the shared desk', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const [e1, e2] = [await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
    const a = desk(hub.url(e1));
    const b = desk(hub.url(e2));
    const ids = await drafts(a, 'ONE', 'TWO');
    await a.handlers.transition({ ids, action: 'submit' });
    await a.handlers.transition({ ids, action: 'approve' });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-shared-out-'));
    const batch = await a.handlers.exportBatch({ format: 'ninjs', folder, fileName: 'a.json' });
    const original = fs.readFileSync(path.join(folder, 'a.json'));

    const list = await call<{ items: { no: number; createdBy: string; sha256: string; itemCount: number }[] }>(b, 'listSharedBatches', {});
    expect(list).toMatchObject({ ok: true, value: { items: [{ no: 1, createdBy: e1, sha256: batch.sha256, itemCount: 2 }] } });
    const detail = await call<{ entries: { slug: string; kind: string }[] }>(b, 'getSharedBatch', { no: 1 });
    // The entries in the order they went out in the file (the queue's order, which ties break by id).
    const sentOrder = batch.entries.map((e) => ({ slug: e.slug, kind: e.kind }));
    expect(sentOrder.map((e) => e.slug).sort()).toEqual(['ONE', 'TWO']);
    expect(detail).toMatchObject({ ok: true, value: { entries: sentOrder } });
    const sent = await call<{ path: string; sha256: string }>(b, 'resendSharedBatch', { no: 1, folder, fileName: 'b.json' });
    expect(sent).toMatchObject({ ok: true, value: { path: path.join(folder, 'b.json'), sha256: batch.sha256 } });
    expect(fs.readFileSync(path.join(folder, 'b.json')).equals(original)).toBe(true);
    expect(createHash('sha256').update(original).digest('hex')).toBe(batch.sha256);
    // Never over an existing file.
    expect(await call(b, 'resendSharedBatch', { no: 1, folder, fileName: 'b.json' })).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_FAILED', message: expect.stringMatching(/already exists/) },
    });
    expect(await call(b, 'getSharedBatch', { no: 9 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
