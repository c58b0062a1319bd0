import { useCallback, useEffect, useRef, useState } from 'react';
import { touchesItem } from '@core/changes';
import type { DeskError } from '@core/errors';
import { type ItemFields, type WireItem, pickFields } from '@core/item';
import type { ItemDetail } from '../../../contract';
import { desk } from '@renderer/shared/desk';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';

export type SaveState =
  { kind: 'saved'; at: string } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; reason: string } | { kind: 'conflict'; theirs: WireItem };

/** Quiet time after the last keystroke before a save. */
export const AUTOSAVE_DELAY_MS = 300;
/** Longest a change waits while typing goes on: with the save itself, well inside the 1-second promise. */
export const AUTOSAVE_MAX_WAIT_MS = 600;
/** Wait before trying again after a failed save (server gone, refused). */
const RETRY_MS = 2000;

/**
 * Autosave for one item: debounced with a maximum wait, one save in flight at a time,
 * optimistic revision check. A stale revision stops autosaving and surfaces both texts;
 * nothing is dropped.
 *
 * The change feed tells when someone else changed the item: `onTheirs(d, clean)` gets the item
 * as it now stands; `clean` says nothing here is unsaved, so theirs can simply be shown.
 * Otherwise a newer save of theirs opens the conflict at once, before more typing is refused.
 */
export function useAutosave(detail: ItemDetail, onSaved: (d: ItemDetail) => void, onTheirs?: (d: ItemDetail, clean: boolean) => void) {
  const [fields, setFields] = useState<ItemFields>(() => pickFields(detail.item));
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: detail.item.updatedAt });
  const latest = useRef<ItemFields>(fields);
  const base = useRef(detail.item.revision);
  const dirty = useRef(false);
  /** When the oldest unsaved change was made (0 = none waiting). */
  const dirtySince = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Set while a stale revision waits for the editor's choice: autosave stops. */
  const conflict = useRef<WireItem | null>(null);
  /** The item was closed: the last save goes out, nothing is retried after it. */
  const closed = useRef(false);
  const id = detail.item.id;
  /** This editor's sitting: the service folds its autosaves within a minute into one revision. */
  const [session] = useState(() => crypto.randomUUID());
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const onTheirsRef = useRef(onTheirs);
  onTheirsRef.current = onTheirs;
  /** The workflow state this editor shows. */
  const shown = useRef({ status: detail.item.status, version: detail.item.version });
  /** This editor's own changes other than saves (a restore, a workflow step) still under way. */
  const ownChanges = useRef(new Set<Promise<unknown>>());

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = closed.current ? null : setTimeout(() => void saveRef.current(), delay);
  }, []);

  /** A refused save or restore: show the conflict, or the reason, and keep the text. */
  const refused = useCallback(
    (error: DeskError) => {
      dirty.current = true;
      if (error.code === 'STALE_REVISION') {
        const theirs = (error.details as { current: WireItem }).current;
        conflict.current = theirs;
        setState({ kind: 'conflict', theirs });
      } else {
        setState({ kind: 'failed', reason: error.message });
        schedule(RETRY_MS);
      }
    },
    [schedule],
  );

  /**
   * Run one of this editor's own changes to the item other than a save (a restore, a workflow
   * step). `adopt` the item it leaves: the feed reports that change too, and it is not theirs.
   */
  const own = useCallback(<T>(run: (adopt: (d: ItemDetail) => void) => Promise<T>): Promise<T> => {
    const p = run((d) => {
      base.current = d.item.revision;
      shown.current = { status: d.item.status, version: d.item.version };
    });
    const done = () => void ownChanges.current.delete(p);
    ownChanges.current.add(p);
    p.then(done, done);
    return p;
  }, []);

  /** Save now if anything is unsaved. True when everything typed is stored. */
  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) {
      await inFlight.current;
      return save();
    }
    if (conflict.current) return false;
    if (!dirty.current) return true;
    dirty.current = false;
    dirtySince.current = 0;
    const sent = latest.current;
    setState({ kind: 'saving' });
    const run = (async () => {
      const r = await desk('saveDraft', { id, baseRevision: base.current, fields: sent, session });
      if (!r.ok) return refused(r.error);
      base.current = r.value.item.revision;
      // A save can move the item too (an approved item goes back to review): that was us.
      shown.current = { status: r.value.item.status, version: r.value.item.version };
      onSavedRef.current(r.value);
      setState(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: r.value.item.updatedAt });
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
    if (dirty.current && !conflict.current && timer.current === null) schedule(AUTOSAVE_DELAY_MS);
    return !dirty.current;
  }, [id, session, refused, schedule]);
  const saveRef = useRef(save);
  saveRef.current = save;

  /** Merge a change into the newest fields (not a stale render's copy) and schedule a save. */
  const update = useCallback(
    (patch: Partial<ItemFields>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setFields(next);
      dirty.current = true;
      if (conflict.current) return;
      const now = Date.now();
      if (dirtySince.current === 0) dirtySince.current = now;
      setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
      schedule(Math.max(0, Math.min(AUTOSAVE_DELAY_MS, dirtySince.current + AUTOSAVE_MAX_WAIT_MS - now)));
    },
    [schedule],
  );

  /** Make revision `revision` the newest one, after saving what is typed; null if refused. */
  const restore = useCallback(
    async (revision: number): Promise<ItemDetail | null> => {
      if (!(await save())) return null;
      const r = await own(async (adopt) => {
        const done = await desk('restoreRevision', { id, revision, baseRevision: base.current });
        if (done.ok) adopt(done.value);
        return done;
      });
      if (!r.ok) {
        refused(r.error);
        return null;
      }
      return r.value;
    },
    [id, save, own, refused],
  );

  /** Leave the conflict on top of their revision: the next save builds on theirs. */
  const resume = (theirs: WireItem) => {
    base.current = theirs.revision;
    conflict.current = null;
    dirty.current = true;
  };

  /** Conflict: keep my text as the newest revision (theirs stays in the history). */
  const keepMine = useCallback(
    async (theirs: WireItem) => {
      resume(theirs);
      await save();
    },
    [save],
  );

  /** Conflict: save my text as a revision, then restore theirs on top: both stay in the history. */
  const takeTheirs = useCallback(
    (theirs: WireItem): Promise<ItemDetail | null> => {
      resume(theirs);
      return restore(theirs.revision);
    },
    [restore],
  );

  /** Once this editor's own saves and changes are done: what the feed reports is then someone else's. */
  const settled = async () => {
    while (inFlight.current || ownChanges.current.size > 0) await Promise.allSettled([inFlight.current, ...ownChanges.current]);
  };

  /** The feed says the item changed: compare it, as it now stands, with what this editor holds. */
  const checkTheirs = useCallback(async () => {
    await settled();
    if (closed.current) return;
    const r = await desk('getItem', { id });
    await settled();
    if (closed.current || !r.ok) return;
    const theirs = r.value.item;
    const newer = theirs.revision > base.current;
    if (!newer && theirs.status === shown.current.status && theirs.version === shown.current.version) return;
    const clean = !dirty.current && !conflict.current;
    onTheirsRef.current?.(r.value, clean);
    if (clean || !newer) return;
    // Unsaved text here and a newer save there: keep both, as a refused save would, but now.
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    conflict.current = theirs;
    setState({ kind: 'conflict', theirs });
  }, [id]);

  // One check at a time; changes heard meanwhile are looked at once it is done.
  const checking = useRef(false);
  const recheck = useRef(false);
  useDeskEvents((e) => {
    if (!touchesItem(e, id)) return;
    if (checking.current) return void (recheck.current = true);
    checking.current = true;
    void (async () => {
      do {
        recheck.current = false;
        await checkTheirs();
      } while (recheck.current && !closed.current);
      checking.current = false;
    })();
  });

  // Save on leaving the item or the page. Leaving with an open conflict keeps both texts: mine
  // as a revision, theirs on top — the choice nobody made must not overwrite anyone.
  useEffect(() => {
    closed.current = false;
    const flush = () => void save();
    // Closing the page: send the last save, and in a browser ask to stay while it is not
    // stored yet (a long body is too large for a request that outlives the page).
    // In Electron the save leaves over IPC before the window goes.
    const onUnload = (e: BeforeUnloadEvent) => {
      const unsaved = dirty.current || inFlight.current !== null;
      flush();
      if (unsaved && !window.deskShell) e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      if (conflict.current) void takeTheirs(conflict.current);
      else flush();
      closed.current = true;
    };
  }, [save, takeTheirs]);

  return { fields, update, state, save, restore, keepMine, takeTheirs, own };
}
