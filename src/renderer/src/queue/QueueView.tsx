import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { affects } from '@core/changes';
import { ErrorCode } from '@core/errors';
import { ACTION_LABELS, type EditorAction, statusWords } from '@core/workflow';
import { useApp } from '@renderer/app/AppContext';
import { desk } from '@renderer/shared/desk';
import { ErrorNote } from '@renderer/shared/ErrorNote';
import { useDebounced } from '@renderer/shared/useDebounced';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import { usePaged } from '@renderer/shared/usePaged';
import { useSearchMatches } from './useSearchMatches';
import { type RowProps, VirtualList, type VirtualListHandle } from '@renderer/shared/VirtualList';
import { QUEUE_TABS, type QueueTab } from '../../../contract';
import { ExportPanel } from './ExportPanel';
import { NO_FILTERS, QueueBar, type QueueFilters } from './QueueBar';
import { QueuePreview } from './QueuePreview';
import { QueueRow } from './QueueRow';
import { BULK_ACTIONS, allowedActions, idRange, nextCurrent } from './queueLib';
import './queue.css';
import { useQueueCommands } from './useQueueCommands';

const PAGE = 100;
/** A queue row's height before it is measured. */
const ROW_HEIGHT = 58;
/** The next page loads when the rows on screen come this close to the end of what is loaded. */
const LOAD_AHEAD = 20;

type Feedback = { kind: 'notice' | 'error'; text: string } | null;

/** The publishing queue: items by workflow state, most urgent first, reviewed from a preview. */
/** `active`: the view is on screen (it stays mounted while hidden, and refreshes on return). */
export function QueueView({ active = true }: { active?: boolean }) {
  const { openItem: onOpenItem } = useApp();
  const [tab, setTab] = useState<QueueTab>('submitted');
  const [filters, setFilters] = useState<QueueFilters>(NO_FILTERS);
  const { category, urgency } = filters;
  const searchText = useDebounced(filters.search.trim());
  const editorText = useDebounced(filters.editor.trim());

  const fetchPage = useCallback(
    (cursor: string | null, limit = PAGE) =>
      desk('queue', {
        tab,
        cursor,
        limit: Math.max(PAGE, limit),
        ...(category ? { category } : {}),
        ...(urgency ? { urgency: Number(urgency) } : {}),
        ...(editorText ? { editor: editorText } : {}),
        ...(searchText ? { search: searchText } : {}),
      }),
    [tab, category, urgency, editorText, searchText],
  );
  const list = usePaged(fetchPage);
  const ids = useMemo(() => list.items.map((i) => i.id), [list.items]);

  const [current, setCurrent] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [refresh, setRefresh] = useState(0);
  /** A review action the keyboard asked the preview to take (r: return, asks for its note). */
  const [ask, setAsk] = useState<{ action: EditorAction; n: number } | null>(null);
  const [editors, setEditors] = useState<string[]>([]);
  const matches = useSearchMatches(
    { search: searchText, category: category || undefined, urgency: urgency ? Number(urgency) : undefined, editor: editorText || undefined },
    refresh,
  );
  // A request for a note is for the item it was made on.
  useEffect(() => setAsk(null), [current, tab]);
  const listHandle = useRef<VirtualListHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // Another tab or filter starts a fresh selection; the cursor stays on a row that is listed.
  useEffect(() => setSelected(new Set()), [fetchPage]);
  useEffect(() => setCurrent((c) => (c && ids.includes(c) ? c : (ids[0] ?? null))), [ids]);

  const reloadList = list.reload;
  const reload = useCallback(async () => {
    await reloadList();
    setRefresh((n) => n + 1);
  }, [reloadList]);
  // The Editor filter offers everyone who works on this desk.
  useEffect(() => {
    if (active) void desk('listEditors', {}).then((r) => r.ok && setEditors(r.value));
  }, [active, refresh]);
  // Back on screen: the desk may have moved on meanwhile.
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) void reload();
    wasActive.current = active;
  }, [active, reload]);
  // On screen, the queue follows the desk: submissions, reviews and exports from anywhere.
  const refreshList = list.refresh;
  const follow = useCallback(async () => {
    await refreshList();
    setRefresh((n) => n + 1);
  }, [refreshList]);
  useDeskEvents((e) => {
    if (active && affects(e, 'queue')) void follow();
  });

  const act = async (targets: string[], action: EditorAction, note?: string): Promise<boolean> => {
    const r = await desk('transition', { ids: targets, action, ...(note ? { note } : {}) });
    if (!r.ok) {
      setFeedback({ kind: 'error', text: r.error.message });
      // Someone else moved the item meanwhile: show the queue as it stands.
      if (r.error.code === ErrorCode.IllegalTransition) await reload();
      return false;
    }
    const names = r.value.map((i) => i.slug || i.headline || i.id).join(', ');
    setFeedback({ kind: 'notice', text: `${names} ${r.value.length === 1 ? 'is' : 'are'} now ${statusWords(r.value[0]!.status)}.` });
    setSelected(new Set());
    setCurrent(nextCurrent(ids, targets, current));
    if (action === 'correct') {
      onOpenItem(targets[0]!);
      return true;
    }
    await reload();
    return true;
  };

  const chooseTab = (t: QueueTab) => {
    setTab(t);
    setFeedback(null);
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (!n.delete(id)) n.add(id);
      return n;
    });
  const addAll = (more: string[]) => setSelected((s) => new Set([...s, ...more]));
  const at = current ? ids.indexOf(current) : -1;
  const moveTo = (i: number, extend = false) => {
    const to = Math.max(0, Math.min(ids.length - 1, i));
    const id = ids[to];
    if (!id) return;
    if (extend && current) addAll(idRange(ids, current, id));
    setCurrent(id);
    // The row comes into view and takes focus (it stays drawn while it is current).
    listHandle.current?.focusRow(to);
  };

  const onListKey = (e: React.KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') moveTo(at + (key === 'ArrowDown' ? 1 : -1), e.shiftKey);
    else if (key === 'Home' || key === 'End') moveTo(key === 'Home' ? 0 : ids.length - 1, e.shiftKey);
    else if (key === ' ' && current) toggle(current);
    else if (key === 'a' && (e.ctrlKey || e.metaKey)) setSelected(new Set(ids));
    else if (key === 'Escape' && selected.size > 0) setSelected(new Set());
    else if (key === 'Enter' && current) onOpenItem(current);
    else return;
    e.preventDefault();
  };

  const onRowClick = (e: React.MouseEvent, id: string) => {
    if (e.shiftKey && current) addAll(idRange(ids, current, id));
    else if (e.ctrlKey || e.metaKey) toggle(id);
    setCurrent(id);
  };

  const bulk = allowedActions(BULK_ACTIONS, { status: tab, publishedVersion: 0 });
  const chosen = ids.filter((id) => selected.has(id));
  const filtered = Boolean(filters.search || category || urgency || filters.editor);
  const tabLabel = QUEUE_TABS.find((t) => t.tab === tab)!.label;

  useQueueCommands({
    tab,
    onTab: chooseTab,
    current,
    chosen,
    move: (by) => moveTo(at + by),
    toggle,
    act: (targets, a) => void act(targets, a),
    ask: (action) => setAsk((q) => ({ action, n: (q?.n ?? 0) + 1 })),
    openItem: onOpenItem,
    focusSearch: () => searchRef.current?.focus(),
    active,
  });

  // The next page loads as the rows on screen near the end of what is loaded.
  const { next, more } = list;
  const asked = useRef<string | null>(null);
  const onRange = useCallback(
    (_first: number, last: number) => {
      if (!next || asked.current === next || last < ids.length - LOAD_AHEAD) return;
      asked.current = next;
      void more();
    },
    [next, more, ids.length],
  );

  const row = (index: number, props: RowProps) => {
    const i = list.items[index]!;
    return (
      <QueueRow
        key={index}
        item={i}
        row={props}
        index={index}
        selected={selected.has(i.id)}
        current={current === i.id}
        first={!current && index === 0}
        onClick={(e) => onRowClick(e, i.id)}
        onToggle={() => toggle(i.id)}
        onOpen={() => onOpenItem(i.id)}
      />
    );
  };

  return (
    <main className="q-view" aria-label="Queue">
      <QueueBar
        tab={tab}
        onTab={chooseTab}
        counts={list.page?.counts}
        matches={matches}
        filters={filters}
        onFilters={(change) => setFilters((f) => ({ ...f, ...change }))}
        editors={editors}
        searchRef={searchRef}
        onLeaveSearch={() => listHandle.current?.element()?.querySelector<HTMLElement>('[tabindex="0"]')?.focus()}
      />
      {tab === 'approved' && <ExportPanel nextBatch={list.page?.nextBatch} onExported={() => void reload()} />}
      {feedback &&
        (feedback.kind === 'error' ? (
          <ErrorNote message={feedback.text} />
        ) : (
          <p className="q-notice" role="status">
            {feedback.text}
          </p>
        ))}
      <ErrorNote message={list.error?.message ?? null} />
      <div className="q-split">
        <section className="q-list-pane" role="tabpanel" id="q-panel" aria-labelledby={`q-tab-${tab}`}>
          <div className="q-list-tools">
            <label className="q-check">
              <input
                type="checkbox"
                checked={ids.length > 0 && chosen.length === ids.length}
                ref={(el) => {
                  if (el) el.indeterminate = chosen.length > 0 && chosen.length < ids.length;
                }}
                disabled={ids.length === 0}
                onChange={(e) => setSelected(new Set(e.target.checked ? ids : []))}
              />
              Select all
            </label>
            <span className="q-muted">{chosen.length > 0 ? `${chosen.length} selected` : `${ids.length}${list.next ? '+' : ''} shown`}</span>
            <span className="q-push" />
            {bulk.map((a) => (
              <button
                key={a}
                type="button"
                className={a === 'approve' ? 'primary' : undefined}
                disabled={chosen.length === 0}
                onClick={() => void act(chosen, a)}
              >
                {ACTION_LABELS[a]} selected
              </button>
            ))}
          </div>
          <VirtualList
            role="listbox"
            aria-multiselectable="true"
            aria-label={`${tabLabel} items`}
            className="q-list"
            count={list.items.length}
            estimate={ROW_HEIGHT}
            activeIndex={at}
            row={row}
            onRange={onRange}
            onKeyDown={onListKey}
            handle={listHandle}
            empty={
              list.page && list.items.length === 0 && <li className="q-empty">{filtered ? 'No items match the filters.' : `Nothing ${statusWords(tab)}.`}</li>
            }
          />
        </section>
        {current ? (
          <QueuePreview
            id={current}
            refresh={refresh}
            search={searchText}
            ask={ask}
            killSent={Boolean(list.items[at]?.batchId)}
            onAction={(a, note) => act([current], a, note)}
          />
        ) : (
          <div className="q-preview q-none">
            <p>Select an item to see its wire copy.</p>
          </div>
        )}
      </div>
    </main>
  );
}
