import { memo } from 'react';
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

interface RowArgs {
  index: number;
  /** Undefined while its page is on its way. */
  item: ItemSummary | undefined;
  selected: boolean;
  /** The row the list's one Tab stop is on. */
  focusable: boolean;
  rowProps: RowProps;
  onChoose(index: number, id: string): void;
}

/** Whether a row draws the same as before: its item (the same object until the list reloads), place and state. */
function sameRow(a: RowArgs, b: RowArgs): boolean {
  return (
    a.item === b.item &&
    a.index === b.index &&
    a.selected === b.selected &&
    a.focusable === b.focusable &&
    a.onChoose === b.onChoose &&
    a.rowProps.style.transform === b.rowProps.style.transform &&
    a.rowProps['aria-setsize'] === b.rowProps['aria-setsize']
  );
}

/**
 * One row, drawn again only when it changes: a switch redraws the two rows whose selection moved,
 * not the forty on screen (with their times formatted anew).
 */
const ItemRow = memo(function ItemRow({ index, item: i, selected, focusable, rowProps, onChoose }: RowArgs) {
  const tabIndex = focusable ? 0 : -1;
  if (!i) {
    return (
      <li {...rowProps} role="option" aria-selected={false} aria-busy="true" tabIndex={tabIndex} className="loading-row">
        Loading…
      </li>
    );
  }
  return (
    <li
      {...rowProps}
      role="option"
      data-id={i.id}
      tabIndex={tabIndex}
      aria-selected={selected}
      className={`u${i.urgency <= 2 ? ' hot' : ''}`}
      onClick={() => onChoose(index, i.id)}
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
}, sameRow);

/**
 * The desk's items (or the spiked ones), newest first, fetched by position as they scroll into
 * view: 100,000 items scroll and move by keyboard; the item under the cursor is selected.
 */
export function ItemList({ view, onView, list, cursor, onNew, error }: Props) {
  const at = cursor.cursor;
  const { choose: onChoose } = cursor;
  const row = (index: number, props: RowProps) => (
    <ItemRow
      key={index}
      index={index}
      item={list.rowAt(index)}
      selected={index === at}
      focusable={index === at || (at < 0 && index === 0)}
      rowProps={props}
      onChoose={onChoose}
    />
  );

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
