import { useEffect, useLayoutEffect, useRef } from 'react';

/** A draft as the page's unload sees it (see Draft in useAutosave). */
interface Unloading {
  /** Closed, and nothing of it still to go out. */
  readonly done: boolean;
  /** Shown from now on; returns its close. */
  open(): () => void;
  /** The page is closing: send what is not stored, and ask to stay while it is on its way. */
  unload(e: BeforeUnloadEvent): void;
}

/**
 * Opens `draft` in the commit that shows it (before any key can reach it) and closes it when the
 * next takes its place. The page's unload goes to the draft shown and to those left whose last save
 * is not out yet (a failed save tried again): typing in an item left is not dropped with the page.
 * One listener for them all: adding a beforeunload listener costs Chromium about 0.4 ms, which each
 * item switch paid.
 */
export function useUnloadSaves(draft: Unloading): void {
  const unloading = useRef(new Set<Unloading>());
  useLayoutEffect(() => {
    for (const d of unloading.current) if (d.done) unloading.current.delete(d);
    unloading.current.add(draft);
    return draft.open();
  }, [draft]);
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      for (const d of unloading.current) d.unload(e);
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);
}
