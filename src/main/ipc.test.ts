import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeListener } from '../service/changes';
import { CHANGES_CHANNEL, DESK_METHODS, IPC_PREFIX, type DeskChanges } from '../contract';
import { argFor, replyProblem, storeDigest } from '../../test/fuzz';
import { readyFields, testDesk } from '../../test/desk';
import { type InvokeEventLike, type IpcMainLike, type WindowLike, forwardChanges, registerDeskIpc, trustedUrlCheck } from './ipc';

/** A stand-in for Electron's ipcMain that records handlers and lets a test invoke them. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, arg: unknown) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, arg: unknown) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, arg: unknown, frame: InvokeEventLike['senderFrame']) {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h({ senderFrame: frame }, arg);
  }
}

const RENDERER = '/opt/wiredesk/out/renderer/index.html';
const ours = { url: `file://${RENDERER}`, parent: null };

function setup() {
  const ipc = new FakeIpcMain();
  const { desk } = testDesk();
  const dispose = registerDeskIpc(ipc, desk, trustedUrlCheck(RENDERER, undefined));
  return { ipc, desk, dispose };
}

describe('IPC handlers', () => {
  it('registers one handler per contract method, and removes them all', () => {
    const { ipc, dispose } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(DESK_METHODS.map((m) => IPC_PREFIX + m).sort());
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('serves our window', async () => {
    const { ipc } = setup();
    const created = (await ipc.invoke('desk:createItem', { fields: { slug: 'IPC-TEST' } }, ours)) as { ok: boolean; value: { item: { slug: string } } };
    expect(created).toMatchObject({ ok: true, value: { item: { slug: 'IPC-TEST' } } });
  });

  it('refuses calls from a foreign origin, a sub-frame or no frame', async () => {
    const { ipc, desk } = setup();
    const refused = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await ipc.invoke('desk:createItem', {}, { url: 'https://evil.example/', parent: null })).toMatchObject(refused);
    expect(await ipc.invoke('desk:createItem', {}, { url: `file://${RENDERER}`, parent: {} })).toMatchObject(refused);
    expect(await ipc.invoke('desk:createItem', {}, { url: 'file:///tmp/other.html', parent: null })).toMatchObject(refused);
    expect(await ipc.invoke('desk:createItem', {}, null)).toMatchObject(refused);
    expect(desk.listItems({ view: 'desk' }).items).toEqual([]);
  });

  it('answers bad arguments with a coded error, never a throw', async () => {
    const { ipc } = setup();
    expect(await ipc.invoke('desk:getItem', { id: 42 }, ours)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await ipc.invoke('desk:transition', { ids: [], action: 'submit' }, ours)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('Select at least one item') },
    });
    expect(await ipc.invoke('desk:saveSettings', null, ours)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('change feed over IPC', () => {
  it('sends every message to each open window, none to a closed one, and stops when asked', () => {
    let listener: ChangeListener | null = null;
    const source = { subscribe: (l: ChangeListener) => ((listener = l), () => (listener = null)) };
    const window = (destroyed: boolean) => {
      const sent: [string, unknown][] = [];
      const win: WindowLike = { isDestroyed: () => destroyed, webContents: { send: (channel, m) => void sent.push([channel, m]) } };
      return { win, sent };
    };
    const [a, b, closed] = [window(false), window(false), window(true)];
    const stop = forwardChanges(source, () => [a.win, b.win, closed.win]);
    const message: DeskChanges = { seq: 3, all: false, changes: [{ kind: 'batch', seq: 3, id: 1 }] };
    listener!(message);
    expect(a.sent).toEqual([[CHANGES_CHANNEL, message]]);
    expect(b.sent).toEqual([[CHANGES_CHANNEL, message]]);
    expect(closed.sent).toEqual([]);
    stop();
    expect(listener).toBeNull();
  });
});

describe('IPC handlers under fuzzing', () => {
  it('answer every method with a success or a coded error, and a refusal changes nothing', async () => {
    const { ipc, desk } = setup();
    const itemIds = ['DRAFT', 'SUBMITTED'].map((slug) => desk.createItem({ fields: readyFields({ slug }) }).item.id);
    desk.transition({ ids: [itemIds[1]!], action: 'submit' });
    // Exports may only name a folder that does not exist: nothing is written anywhere.
    const world = { itemIds, folder: '/nonexistent/wiredesk-fuzz' };
    let calls = 0;
    for (const method of DESK_METHODS) {
      await fc.assert(
        fc.asyncProperty(argFor(method, world), async (arg) => {
          const before = storeDigest(desk.db);
          const reply = (await ipc.invoke(IPC_PREFIX + method, arg, ours)) as { ok: boolean };
          calls++;
          const problem = replyProblem(reply);
          if (problem) throw new Error(`${method}: ${problem}`);
          if (!reply.ok) expect(storeDigest(desk.db), method).toBe(before);
        }),
        { numRuns: 60 },
      );
    }
    expect(calls).toBeGreaterThanOrEqual(60 * DESK_METHODS.length);
    console.log(`[fuzz] IPC: ${calls} calls across ${DESK_METHODS.length} methods.`);
  });
});
