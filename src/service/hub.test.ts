import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../core/errors';
import { type FreshHub, freshHub, pgProxy } from '../../test/hub';
import { initSharedDesk } from './hub';
import { type OpenedDesk, openDesk } from './open';
import { readyFields } from '../../test/desk';

let hub: FreshHub | null = null;
const opened: OpenedDesk[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close();
  await hub?.drop();
  hub = null;
});

function desk(url: string): OpenedDesk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-hub-'));
  const d = openDesk(path.join(dir, 'desk.sqlite'), { hub: url });
  opened.push(d);
  return d;
}

async function draft(d: OpenedDesk, slug: string): Promise<string> {
  const { item } = await d.handlers.createItem({ fields: readyFields({ slug }) });
  return item.id;
}

describe('a desk joined to a shared desk', () => {
  it('submits to the hub; another desk sees it, approves it; the writer sees the approval and the roles in the audit', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const [writer, editor] = [await hub.role('wiredesk_writer'), await hub.role('wiredesk_editor')];
    const a = desk(hub.url(writer));
    const b = desk(hub.url(editor));
    const id = await draft(a, 'BAKU-FERRY');
    await a.handlers.transition({ ids: [id], action: 'submit' });
    // The writer's role cannot approve, whatever its desk does locally; its desk keeps the hub's state.
    const refused = await Promise.resolve(a.handlers.transition({ ids: [id], action: 'approve' })).catch((e: unknown) => e);
    expect((refused as DeskFailure).code).toBe('FORBIDDEN');
    expect((refused as DeskFailure).message).toMatch(/only an editor \(wiredesk_editor\)/);
    expect((await a.handlers.getItem({ id })).item.status).toBe('submitted');
    expect(a.hub!.outbox.sharedRevision(id)).toBe(1);

    const q = await b.handlers.queue({ tab: 'submitted' });
    expect(q.items.map((i) => i.id)).toEqual([id]);
    expect(q.counts.submitted).toBe(1);
    expect((await b.handlers.getItem({ id })).item.updatedBy).toBe(writer);

    await b.handlers.transition({ ids: [id], action: 'approve' });
    expect((await a.handlers.queue({ tab: 'approved' })).items.map((i) => i.status)).toEqual(['approved']);
    const history = await a.handlers.history({ id });
    expect(history.audit.find((r) => r.action === 'approve')?.by).toBe(editor);
    expect(await hub.audit()).toEqual([
      { action: 'submit', actor: writer },
      { action: 'approve', actor: editor },
    ]);
  });

  it('two editors at once: one wins, the other is told who did what, and keeps no stale state', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const [e1, e2] = [await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
    const a = desk(hub.url(e1));
    const b = desk(hub.url(e2));
    const id = await draft(a, 'OIL-PRICE');
    await a.handlers.transition({ ids: [id], action: 'submit' });
    await b.handlers.queue({ tab: 'submitted' });

    await a.handlers.transition({ ids: [id], action: 'approve' });
    const lost = await Promise.resolve(b.handlers.transition({ ids: [id], action: 'hold' })).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(DeskFailure);
    expect((lost as DeskFailure).code).toBe('STALE_REVISION');
    expect((lost as DeskFailure).message).toMatch(new RegExp(`OIL-PRICE: ${e1} did "Approve" at .* \\(now approved\\); your "Hold" was not applied`));
    expect((await b.handlers.getItem({ id })).item.status).toBe('approved');
    expect(b.hub!.outbox.conflicts()).toHaveLength(1);
  });

  it("live: a desk listening on the hub pulls another desk's submission within a second", async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const a = desk(hub.url());
    const b = desk(hub.url());
    let pulled: string[] = [];
    const stop = await b.hub!.live((r) => (pulled = [...pulled, ...r.pulled.map((p) => p.itemId)]));
    try {
      const id = await draft(a, 'LIVE-ONE');
      const t0 = Date.now();
      await a.handlers.transition({ ids: [id], action: 'submit' });
      await expect.poll(() => pulled, { timeout: 1000, interval: 20 }).toEqual([id]);
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(b.hub!.outbox.cursor('items')).toBeGreaterThan(0);
    } finally {
      await stop();
    }
  });

  it('two desks exporting at once publish each item once; the batch bytes and number are on the hub', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const [e1, e2] = [await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
    const a = desk(hub.url(e1));
    const b = desk(hub.url(e2));
    const ids = [await draft(a, 'EXPORT-ONE'), await draft(a, 'EXPORT-TWO')];
    await a.handlers.transition({ ids, action: 'submit' });
    await a.handlers.transition({ ids, action: 'approve' });
    await b.handlers.queue({ tab: 'approved' });
    const folder = (d: OpenedDesk) => path.dirname(d.hub!.service.db.name);
    const results = await Promise.allSettled([
      Promise.resolve(a.handlers.exportBatch({ format: 'ninjs', folder: folder(a), fileName: 'out.json' })),
      Promise.resolve(b.handlers.exportBatch({ format: 'ninjs', folder: folder(b), fileName: 'out.json' })),
    ]);
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as DeskFailure] : []));
    expect(won).toHaveLength(1);
    expect(won[0]!.itemCount).toBe(2);
    expect(lost.map((e) => e.code)).toEqual(['NOTHING_TO_EXPORT']);
    const batches = await hub.batches();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.sha).toBe(won[0]!.sha256);
    expect([...batches[0]!.items].sort()).toEqual([...ids].sort());
    // Both desks see both items published.
    for (const d of [a, b]) expect((await d.handlers.queue({ tab: 'published' })).counts).toMatchObject({ published: 2, approved: 0 });
  });

  it('offline: submissions wait in the outbox ("Offline — 3 changes waiting") and reach the hub when it is back', async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const proxy = await pgProxy();
    try {
      const a = desk(hub.url(undefined, proxy.host));
      const b = desk(hub.url());
      const ids = [await draft(a, 'ONE'), await draft(a, 'TWO'), await draft(a, 'THREE')];
      await proxy.stop();
      for (const id of ids) await a.handlers.transition({ ids: [id], action: 'submit' });
      expect((await a.hub!.status()).banner).toBe('Offline — 3 changes waiting');
      expect((await b.handlers.queue({ tab: 'submitted' })).counts.submitted).toBe(0);

      await proxy.start();
      const report = await a.hub!.sync();
      expect(report.pushed.map((p) => p.slug)).toEqual(['ONE', 'TWO', 'THREE']);
      expect(report.waiting).toBe(0);
      expect((await a.hub!.status()).banner).toBeNull();
      expect((await b.handlers.queue({ tab: 'submitted' })).items.map((i) => i.slug).sort()).toEqual(['ONE', 'THREE', 'TWO']);
    } finally {
      await proxy.close();
    }
  });
});
