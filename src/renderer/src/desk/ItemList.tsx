import { type KeyboardEvent, useRef } from 'react';
import type { ItemSummary } from '@core/item';
import { URGENCY_NAMES } from '@core/urgency';
import { shortTime } from '@renderer/shared/desk';
import type { DeskView as ListView } from '../../../contract';

interface Props {
  view: ListView;
  onView(view: ListView): void;
  items: readonly ItemSummary[];
  hasMore: boolean;
  onMore(): void;
  openId: string | null;
  onOpen(id: string): void;
  onNew(): void;
  error: string | null;
}

/** The desk's items (or the spiked ones), newest first; the open one is selected. */
export function ItemList({ view, onView, items, hasMore, onMore, openId, onOpen, onNew, error }: Props) {
  const listRef = useRef<HTMLUListElement>(null);

  /** Up and Down open the next item, Home and End the first and last; focus stays in the list. */
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const idx = items.findIndex((i) => i.id === openId);
    const moves: Record<string, number> = { ArrowDown: idx + 1, ArrowUp: idx - 1, Home: 0, End: items.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const target = items[Math.max(0, Math.min(items.length - 1, moves[e.key]!))];
    if (target) {
      onOpen(target.id);
      listRef.current?.querySelector<HTMLElement>(`[data-id="${target.id}"]`)?.focus();
    }
  };

  return (
    <aside className="item-list" aria-label="Items">
      <div className="list-tools">
        <button type="button" className="primary" onClick={onNew} title="New item (Ctrl+N)">
          New item
        </button>
        <div role="group" aria-label="List" className="segmented">
          <button type="button" aria-pressed={view === 'desk'} onClick={() => onView('desk')}>
            Desk
          </button>
          <button type="button" aria-pressed={view === 'spiked'} onClick={() => onView('spiked')}>
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
            tabIndex={openId === i.id || (!openId && i === items[0]) ? 0 : -1}
            aria-selected={openId === i.id}
            className={`u${i.urgency <= 2 ? ' hot' : ''}`}
            onClick={() => onOpen(i.id)}
            onKeyDown={(e) => e.key === 'Enter' && onOpen(i.id)}
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
      {hasMore && (
        <button type="button" className="more" onClick={onMore}>
          Show more
        </button>
      )}
    </aside>
  );
}
