import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ItemFields } from '../core/item';
import type { HubConflicts } from '../contract';
import { bodyFromBlocks, paragraph, textNode } from '../core/richtext';
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

function desk(url?: string): OpenedDesk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-conflicts-'));
  const d = openDesk(path.join(dir, 'desk.sqlite'), { hub: url ?? null });
  opened.push(d);
  return d;
}

async function call<T = unknown>(
  d: OpenedDesk,
  method: string,
  arg: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  return (await dispatch(d.handlers, method, arg)) as never;
}

const fields = (headline: string, ...paragraphs: string[]): ItemFields =>
  readyFields({ slug: 'CASPIAN-PIPELINE', headline, body: bodyFromBlocks(paragraphs.map((p) => paragraph([textNode(p)]))) });

describe('conflicts kept on a joined desk', () => {
  it('a desk of its own lists none and cannot dismiss any, without reaching PostgreSQL', async () => {
    const connect = vi.spyOn(pg.Client.prototype, 'connect');
    const d = desk();
    expect(await call(d, 'listHubConflicts', {})).toEqual({ ok: true, value: { conflicts: [], total: 0 } });
    expect(await call(d, 'dismissHubConflict', { id: 1 })).toMatchObject({ ok: false, error: { code: 'HUB_NOT_JOINED' } });
    expect(await call(d, 'dismissHubConflict', { id: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await call(d, 'listHubConflicts', { limit: 'all' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(connect).not.toHaveBeenCalled();
  });

  it("an edit and approval made offline meet a newer edit on the shared desk: both versions are listed; dismissing leaves the shared desk's standing", async () => {
    hub = await freshHub();
    await initSharedDesk(hub.url());
    const [e1, e2] = [await hub.role('wiredesk_editor'), await hub.role('wiredesk_editor')];
    const proxy = await pgProxy();
    try {
      const a = desk(hub.url(e1, proxy.host));
      const b = desk(hub.url(e2));
      const { item } = await a.handlers.createItem({ fields: fields('Pipeline talks open in Baku', 'Talks on the Caspian pipeline opened on Monday.') });
      await a.handlers.transition({ ids: [item.id], action: 'submit' });
      await b.handlers.queue({ tab: 'submitted' });
      const atB = (await b.handlers.getItem({ id: item.id })).item;

      // A, cut off, rewrites the item and approves it; B, online, edits it meanwhile.
      await proxy.stop();
      const submitted = (await a.handlers.getItem({ id: item.id })).item;
      await a.handlers.saveDraft({
        id: item.id,
        baseRevision: submitted.revision,
        fields: fields('Pipeline talks stall in Baku', 'Talks on the Caspian pipeline stalled on Monday.'),
      });
      await a.handlers.transition({ ids: [item.id], action: 'approve' });
      expect((await a.handlers.getItem({ id: item.id })).item.status).toBe('approved');
      await b.handlers.saveDraft({
        id: item.id,
        baseRevision: atB.revision,
        fields: fields('Pipeline talks open in Baku with Turkmenistan', 'Talks on the Caspian pipeline opened on Monday.', 'Turkmenistan joined them.'),
      });
      // (B's app listens and sends its edit at once; here B syncs.)
      expect((await b.hub!.sync()).pushed.map((p) => p.action)).toEqual(['edit']);

      await proxy.start();
      const report = await a.hub!.sync();
      expect(report.conflicts.map((c) => c.itemId)).toEqual([item.id]);
      expect(report.conflicts[0]!.message).toMatch(/was not applied\. Both versions are kept under Conflicts in Settings → Shared desk\.$/);
      expect(a.hub!.outbox.conflicts().map((c) => c.action)).toEqual(['approve', 'edit']);

      // One conflict: what A did, who did what first, and both versions.
      const listed = await call<HubConflicts>(a, 'listHubConflicts', {});
      expect(listed).toMatchObject({
        ok: true,
        value: {
          total: 1,
          conflicts: [
            {
              itemId: item.id,
              slug: 'CASPIAN-PIPELINE',
              actions: ['edit', 'approve'],
              by: e2,
              message: expect.stringMatching(new RegExp(`^CASPIAN-PIPELINE: ${e2} did .* at .*\\(now submitted\\); your "Edit" was not applied\\.$`)),
              mine: { headline: 'Pipeline talks stall in Baku', status: 'approved', version: 1, bodyText: 'Talks on the Caspian pipeline stalled on Monday.' },
              theirs: {
                headline: 'Pipeline talks open in Baku with Turkmenistan',
                status: 'submitted',
                version: 1,
                bodyText: 'Talks on the Caspian pipeline opened on Monday.\nTurkmenistan joined them.',
              },
            },
          ],
        },
      });
      expect((await a.handlers.hubStatus({})).conflicts).toBe(1);
      // Never an overwrite: the shared desk, and A's copy of it, hold B's version.
      const onHub = () => hub!.item(item.id);
      expect(await onHub()).toEqual({ status: 'submitted', headline: 'Pipeline talks open in Baku with Turkmenistan' });
      expect((await a.handlers.getItem({ id: item.id })).item).toMatchObject({
        headline: 'Pipeline talks open in Baku with Turkmenistan',
        status: 'submitted',
      });

      // Dismissed: no longer listed or counted; nothing reached the shared desk.
      const { conflicts } = listed.ok ? listed.value : { conflicts: [] };
      expect(await call(a, 'dismissHubConflict', { id: conflicts[0]!.id })).toEqual({ ok: true, value: { conflicts: [], total: 0 } });
      expect(await call(a, 'dismissHubConflict', { id: conflicts[0]!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((await a.handlers.hubStatus({})).conflicts).toBe(0);
      expect((await a.hub!.sync()).pushed).toEqual([]);
      expect(await onHub()).toEqual({ status: 'submitted', headline: 'Pipeline talks open in Baku with Turkmenistan' });
      expect((await a.handlers.getItem({ id: item.id })).item.headline).toBe('Pipeline talks open in Baku with Turkmenistan');
      expect(await hub.audit(item.id)).toEqual([
        { action: 'submit', actor: e1 },
        { action: 'edit', actor: e2 },
      ]);
    } finally {
      await proxy.close();
    }
  });
});
