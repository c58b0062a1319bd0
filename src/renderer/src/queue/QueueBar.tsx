import type { Ref } from 'react';
import { useSettings } from '@renderer/app/AppContext';
import { CategoryOptions, UrgencyOptions } from '@renderer/shared/options';
import { QField } from '@renderer/shared/QField';
import { QUEUE_TABS, type QueueTab } from '../../../contract';

export interface QueueFilters {
  search: string;
  category: string;
  urgency: string;
  editor: string;
}
export const NO_FILTERS: QueueFilters = { search: '', category: '', urgency: '', editor: '' };

interface Props {
  tab: QueueTab;
  onTab(tab: QueueTab): void;
  counts?: Record<QueueTab, number>;
  /** A search's matches in every tab (only while searching or filtering). */
  matches?: Record<QueueTab, number>;
  filters: QueueFilters;
  onFilters(change: Partial<QueueFilters>): void;
  /** Everyone who works on this desk, offered by the Editor filter. */
  editors: readonly string[];
  searchRef: Ref<HTMLInputElement>;
  /** Escape in an empty search box: back to the list. */
  onLeaveSearch(): void;
}

/** The queue's tabs (with counts, or matches while searching) and its filters, on one line at 1280 px. */
export function QueueBar({ tab, onTab, counts, matches, filters, onFilters, editors, searchRef, onLeaveSearch }: Props) {
  const settings = useSettings();
  const { search, category, urgency, editor } = filters;
  const onTabKey = (e: React.KeyboardEvent) => {
    const at = QUEUE_TABS.findIndex((t) => t.tab === tab);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? QUEUE_TABS.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const t = QUEUE_TABS[(to + QUEUE_TABS.length) % QUEUE_TABS.length]!.tab;
    onTab(t);
    document.getElementById(`q-tab-${t}`)?.focus();
  };
  const filtered = Boolean(search || category || urgency || editor);

  return (
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
            onClick={() => onTab(t.tab)}
          >
            {t.label}{' '}
            {matches ? (
              <span
                className={`q-count${matches[t.tab] > 0 ? ' q-count-match' : ' q-count-none'}`}
                title={`${matches[t.tab]} of ${counts?.[t.tab] ?? 0} match the search and filters`}
              >
                {matches[t.tab]}
                <span className="visually-hidden"> of {counts?.[t.tab] ?? 0} match</span>
              </span>
            ) : (
              <span className="q-count">{counts?.[t.tab] ?? ''}</span>
            )}
          </button>
        ))}
      </div>
      <form className="q-filters" role="search" aria-label="Filter the queue" onSubmit={(e) => e.preventDefault()}>
        <QField label="Search" className="q-search">
          {(id) => (
            <input
              id={id}
              ref={searchRef}
              type="search"
              value={search}
              placeholder="Slug, text, source…"
              title="Searches every tab: slug, headline, body, source and keywords (press / to come here)"
              onChange={(e) => onFilters({ search: e.target.value })}
              onKeyDown={(e) => e.key === 'Escape' && search === '' && onLeaveSearch()}
            />
          )}
        </QField>
        <QField label="Category">
          {(id) => (
            <select id={id} value={category} onChange={(e) => onFilters({ category: e.target.value })}>
              <option value="">All</option>
              <CategoryOptions categories={settings.categories} />
            </select>
          )}
        </QField>
        <QField label="Urgency">
          {(id) => (
            <select id={id} value={urgency} onChange={(e) => onFilters({ urgency: e.target.value })}>
              <option value="">Any</option>
              <UrgencyOptions />
            </select>
          )}
        </QField>
        <QField label="Editor" className="q-editor">
          {(id) => (
            <>
              <input
                id={id}
                value={editor}
                list={`${id}-names`}
                placeholder="Anyone"
                autoComplete="off"
                onChange={(e) => onFilters({ editor: e.target.value })}
              />
              <datalist id={`${id}-names`}>
                {editors.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
        </QField>
        {filtered && (
          <button type="button" className="q-clear" aria-label="Clear filters" title="Clear filters" onClick={() => onFilters(NO_FILTERS)}>
            ✕
          </button>
        )}
      </form>
    </div>
  );
}
