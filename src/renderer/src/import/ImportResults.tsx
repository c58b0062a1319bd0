import { useMemo } from 'react';
import type { ImportFields } from '@core/importFields';
import { hardLimitProblems } from '@core/item';
import { IMPORT_ITEMS_MAX, type ImportPreview } from '../../../contract';
import { type Draft, ImportCard } from './ImportCard';
import { OriginalText, pageRange, sourceId } from './OriginalText';
import { CARD_PAGE, Pager } from './Pager';
import { FORMAT_WORDS, count, plural } from './words';

/** The items found in a text, as the editor is making them. */
export interface Found {
  preview: ImportPreview;
  /** The text the items were found in: every offset in the preview points into it. */
  from: string;
  drafts: Draft[];
}

/** Fields that break a hard limit, remembered per fields object: only the card being edited is checked again. */
const breaksLimit = new WeakMap<ImportFields, boolean>();
function blocks(fields: ImportFields): boolean {
  let b = breaksLimit.get(fields);
  if (b === undefined) breaksLimit.set(fields, (b = hardLimitProblems(fields).length > 0));
  return b;
}

interface Props {
  found: Found;
  /** The text has changed since the items were found. */
  stale: boolean;
  busy: 'finding' | 'importing' | null;
  /** First item of the page shown. */
  first: number;
  onFirst(first: number): void;
  /** Show item `n`: its page and its card. */
  onGoTo(n: number): void;
  pointed: number | null;
  onPoint(n: number): void;
  onDraft(n: number, d: Draft): void;
  onAccept(): void;
}

/** What was found: a summary with the Import button, then one page of cards beside its stretch of the original. */
export function ImportResults({ found, stale, busy, first, onFirst, onGoTo, pointed, onPoint, onDraft, onAccept }: Props) {
  const { preview, drafts, from: text } = found;
  const included = useMemo(() => drafts.map((d) => d.include), [drafts]);
  const takes = included.filter(Boolean).length;
  const duplicates = useMemo(() => preview.items.filter((i) => i.duplicateOf !== null).length, [preview]);
  const blocked = useMemo(() => drafts.flatMap((d, n) => (d.include && blocks(d.fields) ? [n] : [])), [drafts]);
  const end = Math.min(first + CARD_PAGE, drafts.length);
  const hasText = preview.format === 'text';
  const { drawnTo } = pageRange(text, preview.items, first, end);
  const inText = (n: number) => hasText && (preview.items[n]?.original?.start ?? drawnTo) < drawnTo;
  const showInText = (n: number) => {
    onPoint(n);
    document.getElementById(sourceId(n))?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  return (
    <section className="imp-results" aria-label="Items found">
      <div className="imp-summary">
        <p role="status">
          Found {plural(drafts.length, 'item')} in {FORMAT_WORDS[preview.format]}
          {takes < drafts.length && ` · ${count(takes)} included`}.
        </p>
        {duplicates > 0 && <p className="imp-stale">{plural(duplicates, 'item')} already on the desk, left out.</p>}
        {stale && <p className="imp-stale">The text has changed since: Find items again to see it.</p>}
        {blocked.length > 0 && (
          <p className="imp-blocked">
            Fix the fields marked in item{' '}
            {blocked.slice(0, 5).map((n, k) => (
              <span key={n}>
                {k > 0 && ', '}
                <button type="button" className="imp-link" aria-label={`Go to item ${n + 1}`} onClick={() => onGoTo(n)}>
                  {n + 1}
                </button>
              </span>
            ))}
            {blocked.length > 5 ? '…' : ''} first.
          </p>
        )}
        {takes > IMPORT_ITEMS_MAX && <p className="imp-blocked">One import takes at most {count(IMPORT_ITEMS_MAX)} items; leave some out or split the file.</p>}
        <span className="spacer" />
        <button type="button" className="primary" disabled={busy !== null || takes === 0 || takes > IMPORT_ITEMS_MAX || blocked.length > 0} onClick={onAccept}>
          {busy === 'importing' ? 'Importing…' : `Import ${plural(takes, 'item')}`}
        </button>
      </div>
      {preview.warnings.length > 0 && (
        <ul className="imp-warnings imp-file-warnings" aria-label="About the text">
          {preview.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      <Pager first={first} total={drafts.length} onFirst={onFirst} onGoTo={onGoTo} />
      <div className={`imp-split${hasText ? '' : ' imp-feed'}`}>
        {hasText && <OriginalText text={text} items={preview.items} first={first} end={end} included={included} pointed={pointed} />}
        <div className="imp-cards">
          {drafts.slice(first, end).map((d, k) => {
            const n = first + k;
            return (
              <ImportCard
                key={n}
                n={n}
                candidate={preview.items[n]!}
                draft={d}
                onChange={(next) => onDraft(n, next)}
                onShowInText={inText(n) ? () => showInText(n) : undefined}
                onFocus={() => onPoint(n)}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
