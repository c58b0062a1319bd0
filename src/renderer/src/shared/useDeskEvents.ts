/**
 * The desk's change feed in the renderer: over IPC in Electron, over Server-Sent Events from
 * the desk server. One connection per window, shared by every view that listens.
 */
import { useEffect, useRef } from 'react';
import type { DeskChanges } from '@core/changes';
import { CHANGES_PATH } from '../../../contract';

type Listener = (changes: DeskChanges) => void;

const listeners = new Set<Listener>();
let disconnect: (() => void) | null = null;

/** After a dropped connection anything may have changed meanwhile. */
const EVERYTHING: DeskChanges = { seq: 0, all: true, changes: [] };

function publish(changes: DeskChanges): void {
  for (const l of [...listeners]) l(changes);
}

function connect(): () => void {
  if (window.deskShell) return window.deskShell.onChanges(publish);
  const source = new EventSource(CHANGES_PATH);
  let opened = false;
  source.addEventListener('changes', (e) => publish(JSON.parse((e as MessageEvent<string>).data) as DeskChanges));
  // The browser reconnects by itself (the server asks for within a second): catch up then.
  source.addEventListener('open', () => {
    if (opened) publish(EVERYTHING);
    opened = true;
  });
  return () => source.close();
}

/** Calls `listener` with every change made on the desk, by this window or any other, or another process. */
export function useDeskEvents(listener: Listener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const l: Listener = (changes) => latest.current(changes);
    listeners.add(l);
    disconnect ??= connect();
    return () => {
      listeners.delete(l);
      if (listeners.size === 0) {
        disconnect?.();
        disconnect = null;
      }
    };
  }, []);
}
