import type { ItemSummary } from '@core/item';
import { shortTime } from '@renderer/shared/desk';
import type { RowProps } from '@renderer/shared/VirtualList';
import { EmbargoTag, ItemFlags, ReviewNotes, Snippet, UrgencyTag } from './tags';
import './queue-row.css';

interface Props {
  item: ItemSummary;
  row: RowProps;
  index: number;
  selected: boolean;
  current: boolean;
  /** No row is current yet: the first takes the Tab stop. */
  first: boolean;
  onClick(e: React.MouseEvent): void;
  onToggle(): void;
  onOpen(): void;
}

/** One queue row: the slug leads (never cut), then urgency, who and when; flags, the headline, what a reviewer must know. */
export function QueueRow({ item: i, row, index, selected, current, first, onClick, onToggle, onOpen }: Props) {
  return (
    <li
      key={index}
      {...row}
      role="option"
      data-id={i.id}
      aria-selected={selected}
      aria-current={current ? 'true' : undefined}
      tabIndex={current || first ? 0 : -1}
      className={`q-row${i.urgency <= 2 ? ' q-hot' : ''}`}
      onClick={onClick}
      onDoubleClick={onOpen}
    >
      {/* The option's own aria-selected says it is chosen: the box is only drawn (no control inside an option). */}
      <span
        className="q-box"
        aria-hidden="true"
        data-checked={selected || undefined}
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          e.stopPropagation();
          onToggle();
        }}
      />
      <div className="q-row-main">
        <div className="q-row-top">
          <span className="slug" title={i.slug}>
            {i.slug || 'NO SLUG'}
          </span>
          <UrgencyTag urgency={i.urgency} />
          <span className="q-row-meta" title={`${i.category ? `${i.category} · ` : ''}${i.updatedBy} · ${i.updatedAt}`}>
            {i.category && `${i.category} · `}
            {i.updatedBy} · {shortTime(i.updatedAt)}
            {i.batchId ? ` · batch ${i.batchId}` : i.status === 'killed' ? ' · kill waiting' : ''}
          </span>
        </div>
        <div className="li-headline">
          <ItemFlags item={i} killSent={Boolean(i.batchId)} />
          {i.headline || <em>No headline</em>}
        </div>
        <ReviewNotes item={i} />
        <EmbargoTag embargo={i.embargo} />
        {i.snippet && <Snippet text={i.snippet} />}
      </div>
    </li>
  );
}
