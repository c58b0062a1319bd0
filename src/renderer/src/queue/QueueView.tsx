import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { affects } from '@core/changes';
import { ErrorCode } from '@core/errors';
import { ACTION_LABELS, type EditorAction, statusWords } from '@core/workflow';
import { QUEUE_TABS, type QueueTab } from '../../../contract';
import { useApp } from '@renderer/app/AppContext';
import { desk, shortTime } from '@renderer/shared/desk';
import { ErrorNote } from '@renderer/shared/ErrorNote';
import { CategoryOptions, UrgencyOptions } from '@renderer/shared/options';
import { QField } from '@renderer/shared/QField';
import { useDebounced } from '@renderer/shared/useDebounced';
import { useDeskEvents } from '@renderer/shared/useDeskEvents';
import { usePaged } from '@renderer/shared/usePaged';
import { ExportPanel } from './ExportPanel';
import { QueuePreview } from './QueuePreview';
import { BULK_ACTIONS, allowedActions, idRange, nextCurrent } from './queueLib';
import { CorrectionTag, EmbargoTag, ReviewNotes, Snippet, UrgencyTag } from './tags';
import './queue.css';

const PAGE = 100;

type Feedback = { kind: 'notice' | 'error'; text: string } | null;

/** The publishing queue: items by workflow state, most urgent first, reviewed from a preview. */
/** `active`: the view is on screen (it stays mounted while hidden, and refreshes on return). */
export function QueueView({ active = true }: { active?: boolean }) {
  const { settings, openItem: onOpenItem } = useApp();
  const [tab, setTab] = useState<QueueTab>('submitted');
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [urgency, setUrgency] = useState('');
  const [editor, setEditor] = useState('');
  const searchText = useDebounced(search.trim());
  const editorText = useDebounced(editor.trim());

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
  const counts = list.page?.counts;

  const [current, setCurrent] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [refresh, setRefresh] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  // Another tab or filter starts a fresh selection; the cursor stays on a row that is listed.
  useEffect(() => setSelected(new Set()), [fetchPage]);
  useEffect(() => setCurrent((c) => (c && ids.includes(c) ? c : (ids[0] ?? null))), [ids]);

  const reloadList = list.reload;
  const reload = useCallback(async () => {
    await reloadList();
    setRefresh((n) => n + 1);
  }, [reloadList]);
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
  const onTabKey = (e: React.KeyboardEvent) => {
    const at = QUEUE_TABS.findIndex((t) => t.tab === tab);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? QUEUE_TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const t = QUEUE_TABS[(to + QUEUE_TABS.length) % QUEUE_TABS.length]!.tab;
    chooseTab(t);
    document.getElementById(`q-tab-${t}`)?.focus();
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (!n.delete(id)) n.add(id);
      return n;
    });
  const addAll = (more: string[]) => setSelected((s) => new Set([...s, ...more]));
  const focusRow = (id: string) => listRef.current?.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus();

  const onListKey = (e: React.KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement) return;
    const at = current ? ids.indexOf(current) : -1;
    const moveTo = (i: number) => {
      const id = ids[Math.max(0, Math.min(ids.length - 1, i))];
      if (!id) return;
      if (e.shiftKey && current) addAll(idRange(ids, current, id));
      setCurrent(id);
      focusRow(id);
    };
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (key === 'ArrowDown' || key === 'ArrowUp') moveTo(at + (key === 'ArrowDown' ? 1 : -1));
    else if (key === 'Home' || key === 'End') moveTo(key === 'Home' ? 0 : ids.length - 1);
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
  const filtered = Boolean(search || category || urgency || editor);
  const tabLabel = QUEUE_TABS.find((t) => t.tab === tab)!.label;

  return (
    <main className="q-view" aria-label="Queue">
      <div className="q-bar">
        <div role="tablist" aria-label="Queue tabs" className="q-tabs" onKeyDown={onTabKey}>
          {QUEUE_TABS.map((t) => (
            <button
              key={t.tab}
              type="button"
              role="tab"
              id={`q-tab-${t.tab}`}
              aria-selected={tab === t.tab}
              aria-controls="q-panel"
              tabIndex={tab === t.tab ? 0 : -1}
              onClick={() => chooseTab(t.tab)}
            >
              {t.label} <span className="q-count">{counts?.[t.tab] ?? ''}</span>
            </button>
          ))}
        </div>
        <form className="q-filters" role="search" aria-label="Filter the queue" onSubmit={(e) => e.preventDefault()}>
          <QField label="Search" className="q-search">
            {(id) => <input id={id} type="search" value={search} placeholder="Slug, headline or body" onChange={(e) => setSearch(e.target.value)} />}
          </QField>
          <QField label="Category">
            {(id) => (
              <select id={id} value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">All</option>
                <CategoryOptions categories={settings.categories} />
              </select>
            )}
          </QField>
          <QField label="Urgency">
            {(id) => (
              <select id={id} value={urgency} onChange={(e) => setUrgency(e.target.value)}>
                <option value="">Any</option>
                <UrgencyOptions />
              </select>
            )}
          </QField>
          <QField label="Editor" className="q-editor">
            {(id) => <input id={id} value={editor} placeholder={settings.editorName} onChange={(e) => setEditor(e.target.value)} />}
          </QField>
          {filtered && (
            <button
              type="button"
              onClick={() => {
                setSearch('');
                setCategory('');
                setUrgency('');
                setEditor('');
              }}
            >
              Clear filters
            </button>
          )}
        </form>
      </div>
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
              <button key={a} type="button" className={a === 'approve' ? 'primary' : undefined} disabled={chosen.length === 0} onClick={() => void act(chosen, a)}>
                {ACTION_LABELS[a]} selected
              </button>
            ))}
          </div>
          <ul role="listbox" aria-multiselectable="true" aria-label={`${tabLabel} items`} className="q-list" ref={listRef} onKeyDown={onListKey}>
            {list.items.map((i) => (
              <li
                key={i.id}
                role="option"
                data-id={i.id}
                aria-selected={selected.has(i.id)}
                aria-current={current === i.id ? 'true' : undefined}
                tabIndex={current === i.id ? 0 : -1}
                className={`q-row${i.urgency <= 2 ? ' q-hot' : ''}`}
                onClick={(e) => onRowClick(e, i.id)}
                onDoubleClick={() => onOpenItem(i.id)}
              >
                <input
                  type="checkbox"
                  tabIndex={-1}
                  checked={selected.has(i.id)}
                  aria-label={`Select ${i.slug || i.headline || 'item'}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={(e) => e.stopPropagation()}
                  onChange={() => toggle(i.id)}
                />
                <div className="q-row-main">
                  <div className="q-row-top">
                    <UrgencyTag urgency={i.urgency} />
                    <span className="slug">{i.slug || 'NO SLUG'}</span>
                    {i.version > 1 && <span className="version">v{i.version}</span>}
                    <CorrectionTag item={i} />
                    <span className="q-row-meta">
                      {i.category && `${i.category} · `}
                      {i.updatedBy} · {shortTime(i.updatedAt)}
                      {i.batchId ? ` · batch ${i.batchId}` : i.status === 'killed' ? ' · kill waiting' : ''}
                    </span>
                  </div>
                  <div className="li-headline">{i.headline || <em>No headline</em>}</div>
                  <ReviewNotes item={i} />
                  <EmbargoTag embargo={i.embargo} />
                  {i.snippet && <Snippet text={i.snippet} />}
                </div>
              </li>
            ))}
            {list.page && list.items.length === 0 && <li className="q-empty">{filtered ? 'No items match the filters.' : `Nothing ${statusWords(tab)}.`}</li>}
          </ul>
          {list.next && (
            <button type="button" className="more" onClick={() => void list.more()}>
              Show more
            </button>
          )}
        </section>
        {current ? (
          <QueuePreview id={current} refresh={refresh} onAction={(a, note) => act([current], a, note)} />
        ) : (
          <div className="q-preview q-none">
            <p>Select an item to see its wire copy.</p>
          </div>
        )}
      </div>
    </main>
  );
}
