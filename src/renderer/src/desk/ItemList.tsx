import type { ItemSummary } from '@core/item';
import { URGENCY_NAMES } from '@core/urgency';
import { shortTime } from '@renderer/shared/desk';
import { type RowProps, VirtualList } from '@renderer/shared/VirtualList';
import type { WindowedList } from '@renderer/shared/useWindow';
import type { DeskView as ListView } from '../../../contract';
import type { ListCursor } from './useListCursor';

/** Every list row's height: slug, the headline in up to two lines, meta (rows are not measured). */
const ROW_HEIGHT = 88;

interface Props {
  view: ListView;
  onView(view: ListView): void;
  list: WindowedList<ItemSummary>;
  cursor: ListCursor;
  onNew(): void;
  error: string | null;
}

/**
 * The desk's items (or the spiked ones), newest first, fetched by position as they scroll into
 * view: 100,000 items scroll and move by keyboard; the item under the cursor is selected.
 */
export function ItemList({ view, onView, list, cursor, onNew, error }: Props) {
  const at = cursor.cursor;
  const row = (index: number, props: RowProps) => {
    const i = list.rowAt(index);
    const focusable = index === at || (at < 0 && index === 0) ? 0 : -1;
    if (!i) {
      return (
        <li key={index} {...props} role="option" aria-selected={false} aria-busy="true" tabIndex={focusable} className="loading-row">
          Loading…
        </li>
      );
    }
    return (
      <li
        key={index}
        {...props}
        role="option"
        data-id={i.id}
        tabIndex={focusable}
        aria-selected={index === at}
        className={`u${i.urgency <= 2 ? ' hot' : ''}`}
        onClick={() => cursor.choose(index, i.id)}
      >
        <div className="li-top">
          <span className="slug" title={i.slug}>
            {i.slug || 'NO SLUG'}
          </span>
        </div>
        <div className="li-headline">{i.headline || <em>No headline</em>}</div>
        <div className="li-meta">
          <span className={`status status-${i.status}`}>{i.status}</span>
          <span className={`urgency u-${i.urgency}`} title="Urgency">
            {i.urgency}
            {URGENCY_NAMES[i.urgency] ? ` ${URGENCY_NAMES[i.urgency]}` : ''}
          </span>
          <time dateTime={i.updatedAt}>{shortTime(i.updatedAt)}</time>
        </div>
      </li>
    );
  };

  const choose = (v: ListView) => {
    onView(v);
    cursor.reset();
  };
  return (
    <aside className="item-list" aria-label="Items">
      <div className="list-tools">
        <button type="button" className="primary" onClick={onNew} title="New item (Alt+N)">
          New item
        </button>
        <div role="group" aria-label="List" className="segmented">
          <button type="button" aria-pressed={view === 'desk'} onClick={() => choose('desk')}>
            Desk
          </button>
          <button type="button" aria-pressed={view === 'spiked'} onClick={() => choose('spiked')}>
            Spiked
          </button>
        </div>
      </div>
      {(error ?? list.error) && (
        <p className="action-error" role="alert">
          {error ?? list.error?.message}
        </p>
      )}
      <VirtualList
        role="listbox"
        aria-label={view === 'spiked' ? 'Spiked items' : 'Desk items'}
        count={list.total ?? 0}
        estimate={ROW_HEIGHT}
        fixed
        activeIndex={at}
        row={row}
        onRange={list.need}
        onKeyDown={cursor.onKeyDown}
        handle={cursor.handle}
        empty={list.total === 0 && <li className="empty">{view === 'spiked' ? 'Nothing spiked.' : 'No items yet. Press Alt+N to start one.'}</li>}
      />
    </aside>
  );
}
