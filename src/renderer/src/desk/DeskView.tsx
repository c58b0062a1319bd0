import { useCallback, useEffect, useRef, useState } from 'react';
import { summarize } from '@core/item';
import { type DeskRequest, useApp } from '@renderer/app/AppContext';
import { desk } from '@renderer/shared/desk';
import { usePaged } from '@renderer/shared/usePaged';
import type { DeskView as ListView, ItemDetail } from '../../../service/contract';
import { ItemEditor } from './ItemEditor';
import { ItemList } from './ItemList';
import './desk.css';

const PAGE = 100;
/** The open item survives a reload and a visit to another view (per window). */
const OPEN_KEY = 'wiredesk.openItem';

/** The writer's desk: items on the left, the open item on the right. */
export function DeskView() {
  const { deskRequest, takeDeskRequest } = useApp();
  const [view, setView] = useState<ListView>('desk');
  const fetchPage = useCallback((cursor: string | null) => desk('listItems', { view, cursor, limit: PAGE }), [view]);
  const list = usePaged(fetchPage);
  const [open, setOpen] = useState<ItemDetail | null>(null);
  const [openNonce, setOpenNonce] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);

  const openIdRef = useRef<string | null>(null);
  const show = useCallback((d: ItemDetail) => {
    openIdRef.current = d.item.id;
    setOpen(d);
    setOpenNonce((n) => n + 1);
    setError(null);
    sessionStorage.setItem(OPEN_KEY, d.item.id);
  }, []);

  const openItem = useCallback(
    async (id: string) => {
      // Choosing the open item again keeps its editor (and the keystrokes not yet saved).
      if (id === openIdRef.current) return;
      const r = await desk('getItem', { id });
      if (r.ok) show(r.value);
      else setError(r.error.message);
    },
    [show],
  );

  const { reload } = list;
  const newItem = useCallback(async () => {
    const r = await desk('createItem', {});
    if (!r.ok) return setError(r.error.message);
    // Back on the Desk list, which shows the new item (a change of list reloads by itself).
    if (view === 'desk') await reload();
    else setView('desk');
    show(r.value);
    setTimeout(() => document.querySelector<HTMLInputElement>('.item-editor input[name="slug"]')?.focus(), 0);
  }, [view, reload, show]);

  // What another view or the menu asked for, taken once (StrictMode runs effects twice).
  const taken = useRef<DeskRequest | null>(null);
  useEffect(() => {
    if (!deskRequest || taken.current === deskRequest) return;
    taken.current = deskRequest;
    takeDeskRequest();
    if (deskRequest.kind === 'open') void openItem(deskRequest.id);
    else void newItem();
  }, [deskRequest, takeDeskRequest, openItem, newItem]);

  // Once, on arrival: reopen what this window had open, unless something else was asked for.
  const arrival = useRef({ request: deskRequest, show });
  useEffect(() => {
    const last = sessionStorage.getItem(OPEN_KEY);
    if (!last || arrival.current.request) return;
    void desk('getItem', { id: last }).then((r) => (r.ok ? arrival.current.show(r.value) : sessionStorage.removeItem(OPEN_KEY)));
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        void newItem();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [newItem]);

  /** Keep the list row of the open item in step with its saves. */
  const { update } = list;
  const onChanged = useCallback((d: ItemDetail) => update((items) => [summarize(d.item), ...items.filter((x) => x.id !== d.item.id)]), [update]);

  const onReplace = useCallback(
    (d: ItemDetail) => {
      show(d);
      void reload();
    },
    [show, reload],
  );

  return (
    <div className="desk">
      <ItemList
        view={view}
        onView={setView}
        items={list.items}
        hasMore={list.next !== null}
        onMore={() => void list.more()}
        openId={open?.item.id ?? null}
        onOpen={(id) => void openItem(id)}
        onNew={() => void newItem()}
        error={error ?? list.error?.message ?? null}
      />
      {open ? (
        <ItemEditor
          key={`${open.item.id}:${openNonce}`}
          detail={open}
          onChanged={onChanged}
          onReplace={onReplace}
          onOpen={(id) => void openItem(id).then(() => reload())}
          showHistory={showHistory}
          onToggleHistory={() => setShowHistory((v) => !v)}
        />
      ) : (
        <div className="no-item">
          <p>Open an item from the list, or press Ctrl+N for a new one.</p>
        </div>
      )}
    </div>
  );
}
