/** The live desk's change feed: what changed, as every open view hears it (see service/changes). */
import type { ItemStatus } from './item';

/**
 * One change, carrying the thing's state as it now stands. `seq` numbers every change on the
 * desk, in whichever process it was made. An 'item' change is a save or a new item (a new
 * `revision`); a 'queue' change is a move through the workflow (status or version).
 */
export type DeskChange =
  | { kind: 'item' | 'queue'; seq: number; id: string; revision: number; version: number; status: ItemStatus; by: string; at: string }
  | { kind: 'batch'; seq: number; id: number }
  | { kind: 'settings'; seq: number }
  /** The shared desk: joined or left, or its connection state moved (online, offline, last sync). */
  | { kind: 'hub'; seq: number };

/** A change to one item: a save, a new item or a workflow step. */
export type ItemChange = Extract<DeskChange, { kind: 'item' | 'queue' }>;

export function isItemChange(c: DeskChange): c is ItemChange {
  return c.kind === 'item' || c.kind === 'queue';
}

/** One message of the feed: each thing changed since the last message, once, in order. */
export interface DeskChanges {
  /** The newest change included. */
  seq: number;
  /** Too many changes to list, or some may have been missed (a reconnect): refresh everything. */
  all: boolean;
  changes: DeskChange[];
}

/** The parts of the desk a view shows. */
export type ChangeScope = 'desk' | 'queue' | 'batches' | 'settings' | 'hub';

/** Whether a view showing `scope` needs to refresh after these changes. */
export function affects(e: DeskChanges, scope: ChangeScope): boolean {
  if (e.all) return true;
  return e.changes.some((c) => {
    switch (scope) {
      case 'desk':
        return isItemChange(c);
      // Drafts are in no queue tab; a batch publishes items and sends kills.
      case 'queue':
        return c.kind === 'queue' || c.kind === 'batch' || (c.kind === 'item' && c.status !== 'draft');
      case 'batches':
        return c.kind === 'batch';
      case 'settings':
        return c.kind === 'settings';
      // The connection, and the changes waiting to reach the shared desk (a shared item moved).
      case 'hub':
        return c.kind === 'hub' || c.kind === 'queue' || c.kind === 'batch' || (c.kind === 'item' && c.status !== 'draft');
    }
  });
}

/** Whether item `id` may have changed (a save or a workflow step). */
export function touchesItem(e: DeskChanges, id: string): boolean {
  return e.all || e.changes.some((c) => isItemChange(c) && c.id === id);
}
