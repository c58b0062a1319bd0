import { useCallback, useEffect, useRef, useState } from 'react';
import { type ItemFields, type WireItem, pickFields } from '../../../core/item';
import type { ItemDetail } from '../../../service/contract';
import { desk } from '../lib/desk';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string }
  | { kind: 'conflict'; theirs: WireItem };

/** Quiet time after the last keystroke before a save: well inside the 1-second promise. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Autosave for one item: debounced, one save in flight at a time, optimistic revision
 * check. A stale revision stops autosaving and surfaces both texts; nothing is dropped.
 */
export function useAutosave(detail: ItemDetail, onSaved: (d: ItemDetail) => void) {
  const [fields, setFields] = useState<ItemFields>(() => pickFields(detail.item));
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: detail.item.updatedAt });
  const latest = useRef<ItemFields>(fields);
  const base = useRef(detail.item.revision);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false);
  const id = detail.item.id;

  const save = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (blocked.current || !dirty.current) return;
    if (inFlight.current) {
      await inFlight.current;
      return save();
    }
    dirty.current = false;
    const sent = latest.current;
    setState({ kind: 'saving' });
    const run = (async () => {
      const r = await desk('saveDraft', { id, baseRevision: base.current, fields: sent });
      if (r.ok) {
        base.current = r.value.item.revision;
        onSaved(r.value);
        setState(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: r.value.item.updatedAt });
      } else if (r.error.code === 'STALE_REVISION') {
        dirty.current = true;
        blocked.current = true;
        setState({ kind: 'conflict', theirs: (r.error.details as { current: WireItem }).current });
      } else {
        dirty.current = true;
        setState({ kind: 'failed', reason: r.error.message });
      }
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
    if (dirty.current && !blocked.current && timer.current === null) schedule();
  }, [id, onSaved]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [save]);

  /** Merge a change into the newest fields (not a stale render's copy) and schedule a save. */
  const update = useCallback(
    (patch: Partial<ItemFields>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setFields(next);
      dirty.current = true;
      if (!blocked.current) {
        setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
        schedule();
      }
    },
    [schedule],
  );

  /** Conflict: keep my text as the newest revision (theirs stays in the history). */
  const keepMine = useCallback(async (theirs: WireItem) => {
    base.current = theirs.revision;
    blocked.current = false;
    dirty.current = true;
    await save();
  }, [save]);

  /** Conflict: save my text as a revision, then restore theirs on top: both stay in the history. */
  const takeTheirs = useCallback(
    async (theirs: WireItem): Promise<ItemDetail | null> => {
      base.current = theirs.revision;
      blocked.current = false;
      dirty.current = true;
      await save();
      const r = await desk('restoreRevision', { id, revision: theirs.revision, baseRevision: base.current });
      if (!r.ok) {
        setState({ kind: 'failed', reason: r.error.message });
        return null;
      }
      return r.value;
    },
    [id, save],
  );

  // Save on leaving the item or the page.
  useEffect(() => {
    const flush = () => void save();
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [save]);

  return { fields, update, state, save, keepMine, takeTheirs };
}
