import { flushSync } from 'react-dom';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type ItemChange, isItemChange } from '@core/changes';
import { type DeskRequest, useApp } from '@renderer/app/AppContext';
import { desk } from '@renderer/shared/desk';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import { useWindowedList } from '@renderer/shared/useWindow';
import type { DeskView as ListView, ItemDetail } from '../../../contract';
import { OPEN_KEY } from './firstScreen';
import { ItemEditor } from './ItemEditor';
import { ItemList } from './ItemList';
import { useItemsAhead } from './useItemsAhead';
import './desk.css';
import { useListCursor } from './useListCursor';

/** The writer's desk: items on the left, the open item on the right. */
export function DeskView() {
  const { deskRequest, takeDeskRequest } = useApp();
  const [view, setView] = useState<ListView>('desk');
  const fetchRange = useCallback((offset: number, limit: number) => desk('listItems', { view, offset, limit }), [view]);
  const list = useWindowedList(fetchRange);
  const [open, setOpen] = useState<ItemDetail | null>(null);
  const [openNonce, setOpenNonce] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const [changedBy, setChangedBy] = useState<{ id: string; by: string; at: string } | null>(null);

  // The list follows the desk: saves, new items and workflow steps from anywhere.
  const { indexOf } = list;
  useDeskEvents((e) => {
    // This window's own saves are in the list already (onChanged): only news reloads it.
    const shown = (c: ItemChange) => indexOf((i) => i.id === c.id && i.updatedAt === c.at && i.status === c.status) >= 0;
    if (e.all || e.changes.some((c) => isItemChange(c) && !shown(c))) void list.reload();
  });

  const openIdRef = useRef<string | null>(null);
  /** The new item whose slug takes the focus once its editor is shown. */
  const focusSlugOf = useRef<string | null>(null);
  const show = useCallback((d: ItemDetail) => {
    if (d.item.id !== openIdRef.current) setChangedBy(null);
    openIdRef.current = d.item.id;
    setOpen(d);
    setOpenNonce((n) => n + 1);
    setError(null);
    sessionStorage.setItem(OPEN_KEY, d.item.id);
  }, []);

  const getItem = useItemsAhead(list, open?.item.id);
  /** Counts what the editor chose to open: an answer for an earlier choice (a key, then a click) comes too late to show. */
  const asked = useRef(0);
  const openItem = useCallback(
    async (id: string) => {
      const ask = ++asked.current;
      // Choosing the open item again keeps its editor (and the keystrokes not yet saved).
      if (id === openIdRef.current) return;
      const r = await getItem(id);
      if (ask !== asked.current) return;
      // Rendered now, in the task of the key or click that asked, not in a later one after the next frame.
      if (r.ok) flushSync(() => show(r.value));
      else setError(r.error.message);
    },
    [show, getItem],
  );

  const { reload } = list;
  const newItem = useCallback(async () => {
    const ask = ++asked.current;
    const r = await desk('createItem', {});
    if (!r.ok) return setError(r.error.message);
    // Back on the Desk list, which shows the new item (a change of list reloads by itself).
    if (view === 'desk') await reload();
    else setView('desk');
    // Opened unless another item was chosen while it was made.
    if (ask !== asked.current) return;
    show(r.value);
    focusSlugOf.current = r.value.item.id;
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
    void desk('getItem', { id: last }).then((r) => {
      if (!r.ok) sessionStorage.removeItem(OPEN_KEY);
      // Not over an item chosen while it was on its way.
      else if (asked.current === 0) arrival.current.show(r.value);
    });
  }, []);

  const cursor = useListCursor(list, open?.item.id, openItem);

  /** Keep the list in step with the open item's saves (a save moves it to the top). */
  const onChanged = useCallback(() => void reload(), [reload]);

  const onReplace = useCallback(
    (d: ItemDetail) => {
      show(d);
      void reload();
    },
    [show, reload],
  );

  /** Where the editor was when theirs came in, to return there. */
  const backToPlace = useRef<(() => void) | null>(null);
  /** Someone else changed the open item: say who; with nothing unsaved, show theirs where the editor was. */
  const onTheirs = useCallback(
    (d: ItemDetail, clean: boolean) => {
      setChangedBy({ id: d.item.id, by: d.item.updatedBy, at: d.item.updatedAt });
      if (!clean) return;
      backToPlace.current = editorPlace();
      show(d);
    },
    [show],
  );
  // Once the editor shows theirs, before it is painted.
  useLayoutEffect(() => {
    backToPlace.current?.();
    backToPlace.current = null;
  }, [openNonce]);
  // A new item starts at its slug, once its own editor (not the previous one) is in place.
  useEffect(() => {
    if (!open || focusSlugOf.current !== open.item.id) return;
    focusSlugOf.current = null;
    document.querySelector<HTMLInputElement>('.item-editor input[name="slug"]')?.focus();
  }, [open, openNonce]);

  return (
    <div className="desk">
      <ItemList view={view} onView={setView} list={list} cursor={cursor} onNew={() => void newItem()} error={error} />
      {open ? (
        <ItemEditor
          detail={open}
          opened={openNonce}
          onChanged={onChanged}
          onReplace={onReplace}
          onOpen={(id) => void openItem(id).then(() => reload())}
          onTheirs={onTheirs}
          changedBy={changedBy?.id === open.item.id ? changedBy : null}
          showHistory={showHistory}
          onToggleHistory={() => setShowHistory((v) => !v)}
        />
      ) : (
        <div className="no-item">
          <p>Open an item from the list, or press Alt+N for a new one.</p>
        </div>
      )}
    </div>
  );
}

/** Where the editor is (focused field, caret, scroll), to return there once the item is shown anew. */
function editorPlace(): () => void {
  const scrolled = ['.item-body', '.fields', '.body-column'].map((sel) => [sel, document.querySelector(`.item-editor ${sel}`)?.scrollTop ?? 0] as const);
  const el = document.activeElement;
  const inEditor = el instanceof HTMLElement && el.closest('.item-editor') !== null;
  const target = !inEditor ? null : el.id ? `#${CSS.escape(el.id)}` : el.classList.contains('body-input') ? '.item-editor .body-input' : null;
  const caret = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? ([el.selectionStart, el.selectionEnd] as const) : null;
  return () => {
    for (const [sel, top] of scrolled) {
      const box = document.querySelector(`.item-editor ${sel}`);
      if (box) box.scrollTop = top;
    }
    const again = target ? document.querySelector<HTMLElement>(target) : null;
    if (!again) return;
    again.focus({ preventScroll: true });
    if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) {
      try {
        again.setSelectionRange(caret[0], caret[1]);
      } catch {
        // Date and number inputs have no caret to put back.
      }
    }
  };
}
