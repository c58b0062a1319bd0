import { useMemo, useReducer } from 'react';
import { type DeskChanges, touchesItem } from '@core/changes';
import type { DeskError } from '@core/errors';
import { type ItemFields, type WireItem, pickFields } from '@core/item';
import type { ItemDetail } from '../../../contract';
import { desk } from '@renderer/shared/desk';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import { useUnloadSaves } from './useUnloadSaves';

export type SaveState =
  { kind: 'saved'; at: string } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; reason: string } | { kind: 'conflict'; theirs: WireItem };

/** Quiet time after the last keystroke before a save. */
export const AUTOSAVE_DELAY_MS = 300;
/** Longest a change waits while typing goes on: with the save itself, well inside the 1-second promise. */
export const AUTOSAVE_MAX_WAIT_MS = 600;
/** Wait before trying again after a failed save (server gone, refused). */
const RETRY_MS = 2000;

interface DraftHooks {
  /** A save of this draft is stored (also once the draft is closed: the lists follow). */
  onSaved(d: ItemDetail): void;
  /** Someone else changed the item (see `checkTheirs`). */
  onTheirs?(d: ItemDetail, clean: boolean): void;
  /** What the editor shows of the draft (fields, save state) changed. */
  onView(): void;
}

/**
 * One opened item's unsaved work: debounced saves with a maximum wait, one save in flight at a
 * time, optimistic revision check. A stale revision stops autosaving and keeps both texts;
 * nothing is dropped.
 *
 * Each opening of an item (another item, or the same one shown anew) is a draft of its own,
 * while the editor on screen stays: a draft closed by the next one still sends its last save,
 * under its own item and revision, whatever the editor shows by then.
 */
class Draft {
  fields: ItemFields;
  state: SaveState;
  readonly id: string;
  /** This sitting: the service folds its autosaves within a minute into one revision. */
  readonly session = crypto.randomUUID();
  private base: number;
  private dirty = false;
  /** When the oldest unsaved change was made (0 = none waiting). */
  private dirtySince = 0;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Set while a stale revision waits for the editor's choice: autosave stops. */
  private conflict: WireItem | null = null;
  /** The item was closed: the last save goes out, nothing is retried after it. */
  private closed = false;
  /** The workflow state this editor shows. */
  private shown: { status: WireItem['status']; version: number };
  /** This editor's own changes other than saves (a restore, a workflow step) still under way. */
  private readonly ownChanges = new Set<Promise<unknown>>();
  /** One check of the feed's news at a time; news heard meanwhile is looked at once it is done. */
  private checking = false;
  private recheck = false;
  /** A field typed but not stored yet (an embargo not yet a time), told with each save. */
  private unfinished: 'embargo' | undefined;

  constructor(
    detail: ItemDetail,
    public hooks: DraftHooks,
  ) {
    this.id = detail.item.id;
    this.fields = pickFields(detail.item);
    this.state = { kind: 'saved', at: detail.item.updatedAt };
    this.base = detail.item.revision;
    this.shown = { status: detail.item.status, version: detail.item.version };
  }

  private show(state: SaveState): void {
    this.state = state;
    this.hooks.onView();
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = this.closed ? null : setTimeout(() => void this.save(), delay);
  }

  /** A refused save or restore: show the conflict, or the reason, and keep the text. */
  private refused(error: DeskError): void {
    this.dirty = true;
    if (error.code === 'STALE_REVISION') {
      const theirs = (error.details as { current: WireItem }).current;
      this.conflict = theirs;
      this.show({ kind: 'conflict', theirs });
    } else {
      this.show({ kind: 'failed', reason: error.message });
      // The desk not answering: tried again also once the draft is closed (another item
      // shown), so what was typed in it is sent once the desk answers, not dropped with it.
      if (this.closed && error.code !== 'INTERNAL') return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.save(), RETRY_MS);
    }
  }

  /**
   * Run one of this editor's own changes to the item other than a save (a restore, a workflow
   * step). `adopt` the item it leaves: the feed reports that change too, and it is not theirs.
   */
  own = <T>(run: (adopt: (d: ItemDetail) => void) => Promise<T>): Promise<T> => {
    const p = run((d) => {
      this.base = d.item.revision;
      this.shown = { status: d.item.status, version: d.item.version };
    });
    const done = () => void this.ownChanges.delete(p);
    this.ownChanges.add(p);
    p.then(done, done);
    return p;
  };

  /** Save now if anything is unsaved. True when everything typed is stored. */
  save = async (): Promise<boolean> => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) {
      await this.inFlight;
      return this.save();
    }
    if (this.conflict) return false;
    if (!this.dirty) return true;
    this.dirty = false;
    this.dirtySince = 0;
    const sent = this.fields;
    this.show({ kind: 'saving' });
    const run = (async () => {
      const r = await desk('saveDraft', { id: this.id, baseRevision: this.base, fields: sent, session: this.session, unfinished: this.unfinished });
      if (!r.ok) return this.refused(r.error);
      this.base = r.value.item.revision;
      // A save can move the item too (an approved item goes back to review): that was us.
      this.shown = { status: r.value.item.status, version: r.value.item.version };
      this.hooks.onSaved(r.value);
      this.show(this.dirty ? { kind: 'pending' } : { kind: 'saved', at: r.value.item.updatedAt });
    })();
    this.inFlight = run;
    try {
      await run;
    } finally {
      this.inFlight = null;
    }
    if (this.dirty && !this.conflict && this.timer === null) this.schedule(AUTOSAVE_DELAY_MS);
    return !this.dirty;
  };

  /** Merge a change into the newest fields and schedule a save. */
  update = (patch: Partial<ItemFields>): void => {
    this.fields = { ...this.fields, ...patch };
    this.dirty = true;
    if (this.conflict) return this.hooks.onView();
    const now = Date.now();
    if (this.dirtySince === 0) this.dirtySince = now;
    if (this.state.kind === 'saving') this.hooks.onView();
    else this.show({ kind: 'pending' });
    this.schedule(Math.max(0, Math.min(AUTOSAVE_DELAY_MS, this.dirtySince + AUTOSAVE_MAX_WAIT_MS - now)));
  };

  /** A field is being typed, not stored yet (or no longer, null): an approved or held item goes back to review now, as on any edit. */
  typing = (field: 'embargo' | null): void => {
    this.unfinished = field ?? undefined;
    if (field && (this.shown.status === 'approved' || this.shown.status === 'held')) this.update({});
  };

  /** Make revision `revision` the newest one, after saving what is typed; null if refused. */
  restore = async (revision: number): Promise<ItemDetail | null> => {
    if (!(await this.save())) return null;
    const r = await this.own(async (adopt) => {
      const done = await desk('restoreRevision', { id: this.id, revision, baseRevision: this.base });
      if (done.ok) adopt(done.value);
      return done;
    });
    if (!r.ok) {
      this.refused(r.error);
      return null;
    }
    return r.value;
  };

  /** Leave the conflict on top of their revision: the next save builds on theirs. */
  private resume(theirs: WireItem): void {
    this.base = theirs.revision;
    this.conflict = null;
    this.dirty = true;
  }

  /** Conflict: keep my text as the newest revision (theirs stays in the history). */
  keepMine = async (theirs: WireItem): Promise<void> => {
    this.resume(theirs);
    await this.save();
  };

  /** Conflict: save my text as a revision, then restore theirs on top: both stay in the history. */
  takeTheirs = (theirs: WireItem): Promise<ItemDetail | null> => {
    this.resume(theirs);
    return this.restore(theirs.revision);
  };

  /** Once this editor's own saves and changes are done: what the feed reports is then someone else's. */
  private async settled(): Promise<void> {
    while (this.inFlight || this.ownChanges.size > 0) await Promise.allSettled([this.inFlight, ...this.ownChanges]);
  }

  /**
   * The feed says the item changed: compare it, as it now stands, with what this editor holds.
   * `onTheirs(d, clean)` gets the item as it now stands; `clean` says nothing here is unsaved,
   * so theirs can simply be shown. Otherwise a newer save of theirs opens the conflict at once,
   * before more typing is refused.
   */
  private async checkTheirs(): Promise<void> {
    await this.settled();
    if (this.closed) return;
    const r = await desk('getItem', { id: this.id });
    await this.settled();
    if (this.closed || !r.ok) return;
    const theirs = r.value.item;
    const newer = theirs.revision > this.base;
    if (!newer && theirs.status === this.shown.status && theirs.version === this.shown.version) return;
    const clean = !this.dirty && !this.conflict;
    this.hooks.onTheirs?.(r.value, clean);
    if (clean || !newer) return;
    // Unsaved text here and a newer save there: keep both, as a refused save would, but now.
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.conflict = theirs;
    this.show({ kind: 'conflict', theirs });
  }

  heard(e: DeskChanges): void {
    if (!touchesItem(e, this.id)) return;
    if (this.checking) return void (this.recheck = true);
    this.checking = true;
    void (async () => {
      do {
        this.recheck = false;
        await this.checkTheirs();
      } while (this.recheck && !this.closed);
      this.checking = false;
    })();
  }

  /** Shown in the editor: from now on it takes the page's unload (see unload), until it closes and its last save is out. */
  open(): () => void {
    this.closed = false;
    return () => this.close();
  }

  /** Closed, and nothing of it still to go out: the page's unload has nothing to do for it. */
  get done(): boolean {
    return this.closed && this.inFlight === null && this.timer === null;
  }

  /**
   * The page is closing while this draft is shown, or while its last save, after another item took
   * the editor, is still going out or waits to be tried again: the save goes out now and, in a
   * browser, the page asks to stay while it is not stored yet (a long body is too large for a
   * request that outlives the page). In Electron the save leaves over IPC before the window goes.
   */
  unload(e: BeforeUnloadEvent): void {
    if (this.done) return;
    const unsaved = this.dirty || this.inFlight !== null;
    void this.save();
    if (unsaved && !window.deskShell) e.preventDefault();
  }

  /**
   * Another item (or this one anew) takes the editor: the last save goes out. Leaving with an
   * open conflict keeps both texts: mine as a revision, theirs on top — the choice nobody made
   * must not overwrite anyone.
   */
  private close(): void {
    if (this.conflict) void this.takeTheirs(this.conflict);
    else void this.save();
    this.closed = true;
  }
}

/**
 * Autosave for the item the editor shows (see Draft): a new draft each time one is `opened`, the
 * one before it closed, and saved, as the new one takes its place.
 */
export function useAutosave(detail: ItemDetail, opened: number, onSaved: (d: ItemDetail) => void, onTheirs?: (d: ItemDetail, clean: boolean) => void) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new draft for each showing: `opened`, not `detail` alone, says when
  const draft = useMemo(() => new Draft(detail, { onSaved, onTheirs, onView: redraw }), [detail, opened]);
  // The newest callbacks (a closed draft keeps the last ones it was given).
  draft.hooks = { onSaved, onTheirs, onView: redraw };
  // Opened and closed in the commit that shows the next draft, before any key can reach it.
  useUnloadSaves(draft);
  useDeskEvents((e) => draft.heard(e));
  const { fields, state, update, typing, save, restore, keepMine, takeTheirs, own } = draft;
  return { fields, update, typing, state, save, restore, keepMine, takeTheirs, own };
}
