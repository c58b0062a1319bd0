import { type KeyboardEvent as ReactKeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type ItemChange, isItemChange } from '../../../core/changes';
import { type ItemSummary, summarize } from '../../../core/item';
import type { DeskSettings } from '../../../core/settings';
import { URGENCY_NAMES } from '../../../core/urgency';
import type { DeskView as ListView, ItemDetail } from '../../../service/contract';
import { NEW_ITEM_EVENT, desk, shortTime } from '../lib/desk';
import { useDeskEvents } from '../lib/useDeskEvents';
import { ItemEditor } from './ItemEditor';

const PAGE = 100;
/** Most rows one list request returns (the contract's limit). */
const PAGE_MAX = 500;
/** The open item survives a reload and a visit to another view (per window). */
const OPEN_KEY = 'wiredesk.openItem';

/** The writer's desk: items on the left, the open item on the right. */
/** `openId`: an item another view asked to open; `onOpened` is called once it has been taken. */
export function DeskView({ settings, openId, onOpened }: { settings: DeskSettings; openId?: string | null; onOpened?(): void }) {
  const [view, setView] = useState<ListView>('desk');
  const [items, setItems] = useState<ItemSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [open, setOpen] = useState<ItemDetail | null>(null);
  const [openNonce, setOpenNonce] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);

  const load = useCallback(async (v: ListView, limit = PAGE) => {
    const r = await desk('listItems', { view: v, limit });
    if (r.ok) {
      setItems(r.value.items);
      setNext(r.value.next);
    } else setError(r.error.message);
  }, []);

  useEffect(() => {
    void load(view);
  }, [view, load]);

  // The list follows the desk: saves, new items and workflow steps from anywhere.
  const shownCount = useRef(PAGE);
  shownCount.current = Math.min(PAGE_MAX, Math.max(PAGE, items.length));
  const listed = useRef(items);
  listed.current = items;
  useDeskEvents((e) => {
    // This window's own saves are in the list already (onChanged): only news reloads it.
    const shown = (c: ItemChange) => listed.current.some((i) => i.id === c.id && i.updatedAt === c.at && i.status === c.status);
    if (e.all || e.changes.some((c) => isItemChange(c) && !shown(c))) void load(view, shownCount.current);
  });
  const [changedBy, setChangedBy] = useState<{ id: string; by: string; at: string } | null>(null);

  const openIdRef = useRef<string | null>(null);
  const show = (d: ItemDetail) => {
    if (d.item.id !== openIdRef.current) setChangedBy(null);
    openIdRef.current = d.item.id;
    setOpen(d);
    setOpenNonce((n) => n + 1);
    setError(null);
    sessionStorage.setItem(OPEN_KEY, d.item.id);
  };

  const openItem = useCallback(async (id: string) => {
    // Choosing the open item again keeps its editor (and the keystrokes not yet saved).
    if (id === openIdRef.current) return;
    const r = await desk('getItem', { id });
    if (r.ok) show(r.value);
    else setError(r.error.message);
  }, []);

  useEffect(() => {
    if (!openId) return;
    void openItem(openId);
    onOpened?.();
  }, [openId, openItem, onOpened]);

  useEffect(() => {
    const last = sessionStorage.getItem(OPEN_KEY);
    if (!last || openId) return;
    void desk('getItem', { id: last }).then((r) => (r.ok ? show(r.value) : sessionStorage.removeItem(OPEN_KEY)));
    // Once, on arrival: reopen what this window had open.
  }, []);

  const newItem = useCallback(async () => {
    const r = await desk('createItem', {});
    if (!r.ok) return setError(r.error.message);
    setView('desk');
    await load('desk');
    show(r.value);
    setTimeout(() => document.querySelector<HTMLInputElement>('input[name="slug"]')?.focus(), 0);
  }, [load]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        void newItem();
      }
    };
    const onMenu = () => void newItem();
    window.addEventListener('keydown', onKey);
    window.addEventListener(NEW_ITEM_EVENT, onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(NEW_ITEM_EVENT, onMenu);
    };
  }, [newItem]);

  /** Keep the list row of the open item in step with its saves. */
  const onChanged = useCallback((d: ItemDetail) => {
    setItems((list) => [summarize(d.item), ...list.filter((x) => x.id !== d.item.id)]);
  }, []);

  const onReplace = useCallback(
    (d: ItemDetail) => {
      show(d);
      void load(view);
    },
    [load, view],
  );

  /** Where the editor was when theirs came in, to return there. */
  const backToPlace = useRef<(() => void) | null>(null);
  /** Someone else changed the open item: say who; with nothing unsaved, show theirs where the editor was. */
  const onTheirs = useCallback((d: ItemDetail, clean: boolean) => {
    setChangedBy({ id: d.item.id, by: d.item.updatedBy, at: d.item.updatedAt });
    if (!clean) return;
    backToPlace.current = editorPlace();
    show(d);
  }, []);
  // Once the editor shows theirs, before it is painted.
  useLayoutEffect(() => {
    backToPlace.current?.();
    backToPlace.current = null;
  }, [openNonce]);

  const loadMore = async () => {
    if (!next) return;
    const r = await desk('listItems', { view, cursor: next, limit: PAGE });
    if (r.ok) {
      setItems((list) => [...list, ...r.value.items]);
      setNext(r.value.next);
    }
  };

  /** Up and Down open the next item, Home and End the first and last; focus stays in the list. */
  const onListKey = (e: ReactKeyboardEvent<HTMLUListElement>) => {
    const idx = items.findIndex((i) => i.id === open?.item.id);
    const moves: Record<string, number> = { ArrowDown: idx + 1, ArrowUp: idx - 1, Home: 0, End: items.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const target = items[Math.max(0, Math.min(items.length - 1, moves[e.key]!))];
    if (target) {
      void openItem(target.id);
      listRef.current?.querySelector<HTMLElement>(`[data-id="${target.id}"]`)?.focus();
    }
  };

  return (
    <div className="desk">
      <aside className="item-list" aria-label="Items">
        <div className="list-tools">
          <button type="button" className="primary" onClick={() => void newItem()} title="New item (Ctrl+N)">
            New item
          </button>
          <div role="group" aria-label="List" className="segmented">
            <button type="button" aria-pressed={view === 'desk'} onClick={() => setView('desk')}>
              Desk
            </button>
            <button type="button" aria-pressed={view === 'spiked'} onClick={() => setView('spiked')}>
              Spiked
            </button>
          </div>
        </div>
        {error && (
          <p className="action-error" role="alert">
            {error}
          </p>
        )}
        <ul role="listbox" aria-label={view === 'spiked' ? 'Spiked items' : 'Desk items'} ref={listRef} onKeyDown={onListKey}>
          {items.map((i) => (
            <li
              key={i.id}
              role="option"
              data-id={i.id}
              tabIndex={open?.item.id === i.id || (!open && i === items[0]) ? 0 : -1}
              aria-selected={open?.item.id === i.id}
              className={`u${i.urgency <= 2 ? ' hot' : ''}`}
              onClick={() => void openItem(i.id)}
              onKeyDown={(e) => e.key === 'Enter' && void openItem(i.id)}
            >
              <div className="li-top">
                <span className="slug">{i.slug || 'NO SLUG'}</span>
                <span className={`status status-${i.status}`}>{i.status}</span>
              </div>
              <div className="li-headline">{i.headline || <em>No headline</em>}</div>
              <div className="li-meta">
                <span className={`urgency u-${i.urgency}`} title="Urgency">
                  {i.urgency}
                  {URGENCY_NAMES[i.urgency] ? ` ${URGENCY_NAMES[i.urgency]}` : ''}
                </span>
                <time dateTime={i.updatedAt}>{shortTime(i.updatedAt)}</time>
              </div>
            </li>
          ))}
          {items.length === 0 && <li className="empty">{view === 'spiked' ? 'Nothing spiked.' : 'No items yet. Press Ctrl+N to start one.'}</li>}
        </ul>
        {next && (
          <button type="button" className="more" onClick={() => void loadMore()}>
            Show more
          </button>
        )}
      </aside>
      {open ? (
        <ItemEditor
          key={`${open.item.id}:${openNonce}`}
          detail={open}
          settings={settings}
          onChanged={onChanged}
          onReplace={onReplace}
          onOpen={(id) => void openItem(id).then(() => load(view))}
          onTheirs={onTheirs}
          changedBy={changedBy?.id === open.item.id ? changedBy : null}
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
