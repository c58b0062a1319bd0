/**
 * The contract's handlers of an opened desk: every method of the desk's service, and — while
 * the desk is joined to a shared desk — the workflow, saves of shared items, the queue and
 * exports going through it. Joining or leaving in Settings takes effect at the next call.
 */
import { randomUUID } from 'node:crypto';
import { DeskFailure, ErrorCode } from '../core/errors';
import { ACTION_LABELS } from '../core/workflow';
import { durably } from '../store/db';
import { type ArgOf, DESK_METHODS, type DeskHandlers, type ValueOf } from '../contract';
import type { DeskService } from './desk';
import type { HubSync, SyncReport } from './hub';
import { dismissHubConflict, listHubConflicts } from './hubConflicts';
import { exportShared } from './hubExport';
import { getSharedBatch, listSharedBatches, resendSharedBatch } from './sharedBatches';
import type { SharedDesk } from './sharedDesk';

/** The editor's message when an action did not reach the shared desk: who won, and what became of the rest. */
export function lostMessage(action: ArgOf<'transition'>['action'], ids: string[], lost: SyncReport['conflicts']): string {
  const losers = lost.filter((c) => c.lost);
  const said = losers.map((c) => c.message).join(' ');
  if (ids.length < 2) return said;
  const others = ids.length - losers.length;
  return `Nothing was done: "${ACTION_LABELS[action]}" on ${ids.length} items goes to the shared desk whole or not at all. ${said} ${others === 1 ? 'The other item is' : `The other ${others} items are`} as they were.`;
}

async function transition(service: DeskService, shared: SharedDesk, sync: HubSync, arg: ArgOf<'transition'>): Promise<ValueOf<'transition'>> {
  const ids = [...new Set(arg.ids)];
  // An item another desk submitted may not have been pulled yet.
  if (ids.some((id) => !service.items.get(id)) && !shared.knownOffline) await sync.trySync();
  const isShared = (id: string) => sync.outbox.sharedRevision(id) !== null;
  if (arg.action !== 'submit' && !ids.some(isShared)) return service.transition(arg);
  const before = new Map(ids.map((id) => [id, service.items.getState(id)?.status ?? 'draft']));
  // One action on several items is one group: the shared desk applies all of it or none.
  const grp = ids.length > 1 ? randomUUID() : null;
  const done = durably(service.db, () => {
    const res = service.transition(arg);
    for (const s of res) if (arg.action === 'submit' || isShared(s.id)) sync.enqueue(s.id, arg.action, before.get(s.id)!, arg.note?.trim() ?? '', grp);
    return res;
  });
  // Listening, the answer waits for the push alone (the hub's verdict is all it needs); the pull
  // follows on the live link, which hears this push announced like any other change.
  const report = shared.knownOffline ? null : await sync.trySync({ pull: !shared.isLive });
  const lost = report?.conflicts.filter((c) => ids.includes(c.itemId)) ?? [];
  if (lost.length > 0) {
    const code = lost.filter((c) => c.lost).every((c) => c.refused) ? ErrorCode.Forbidden : ErrorCode.StaleRevision;
    throw new DeskFailure(code, lostMessage(arg.action, ids, lost), { conflicts: lost });
  }
  return done.map((s) => ({ ...s, ...(service.items.get(s.id) ? { status: service.items.get(s.id)!.status } : {}) }));
}

export function hubHandlers(service: DeskService, shared: SharedDesk): DeskHandlers {
  const handlers = Object.fromEntries(
    DESK_METHODS.map((m) => [m, (arg: never) => (service[m] as (a: never) => unknown).call(service, arg)]),
  ) as unknown as DeskHandlers;

  handlers.transition = (arg) => (shared.sync ? transition(service, shared, shared.sync, arg) : service.transition(arg));

  handlers.saveDraft = (arg: ArgOf<'saveDraft'>): ValueOf<'saveDraft'> => {
    const sync = shared.sync;
    if (!sync || sync.outbox.sharedRevision(arg.id) === null) return service.saveDraft(arg);
    const saved = durably(service.db, () => {
      const before = service.items.get(arg.id);
      const out = service.saveDraft(arg);
      if (before && out.item.revision !== before.revision) sync.enqueue(arg.id, 'edit', before.status, '');
      return out;
    });
    shared.kick();
    return saved;
  };

  handlers.queue = async (arg: ArgOf<'queue'>): Promise<ValueOf<'queue'>> => {
    // Listening, the hub's changes are here already; otherwise (a CLI command) catch up first.
    if (shared.sync && !shared.isLive && !shared.knownOffline) await shared.sync.trySync();
    return service.queue(arg);
  };

  handlers.exportBatch = (arg) => (shared.sync ? exportShared(shared.sync, () => service.exportBatch(arg)) : service.exportBatch(arg));

  handlers.hubStatus = () => shared.status();
  handlers.joinHub = ({ url }) => shared.join(url);
  handlers.leaveHub = ({ force }) => shared.leave(force === true);
  handlers.syncHub = () => shared.syncNow();
  handlers.listSharedBatches = (arg) => listSharedBatches(shared.joined(), arg);
  handlers.getSharedBatch = (arg) => getSharedBatch(shared.joined(), arg);
  handlers.resendSharedBatch = (arg) => resendSharedBatch(shared.joined(), arg);
  handlers.listHubConflicts = (arg) => (shared.sync ? listHubConflicts(service.db, arg) : service.listHubConflicts());
  handlers.dismissHubConflict = (arg) => dismissHubConflict(shared.joined().service.db, arg);
  return handlers;
}
