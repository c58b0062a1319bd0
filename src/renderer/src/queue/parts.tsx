/** Components and hooks shared by the queue and batch views. */
import { Fragment, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { embargoLine, isEmbargoPast } from '../../../core/copy';
import type { DeskError, Result } from '../../../core/errors';
import { URGENCY_NAMES } from '../../../core/urgency';
import type { BatchSummary, Page } from '../../../service/contract';
import { shortTime } from '../lib/desk';
import { BATCH_STATE_WORDS, batchPath, formatLabel, snippetParts } from './queueLib';

/** A search snippet with the matches highlighted; every character is rendered as text. */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="q-snippet">
      {snippetParts(text).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </span>
  );
}

/** "EMBARGOED until …", flagged when the time has passed. */
export function EmbargoTag({ embargo, block = false }: { embargo: string | null; block?: boolean }) {
  if (!embargo) return null;
  const past = isEmbargoPast(embargo, new Date());
  const Tag = block ? 'p' : 'span';
  return (
    <Tag className={`q-embargo${past ? ' q-embargo-past' : ''}`}>
      <span className="embargo-badge">{embargoLine(embargo)}</span>
      {past && (
        <span className="q-past-flag" title="The embargo time is already past: the item would go out after its release time.">
          Embargo passed
        </span>
      )}
    </Tag>
  );
}

/** Urgency as the desk says it; Flash and Bulletin shout. */
export function UrgencyTag({ urgency }: { urgency: number }) {
  const name = URGENCY_NAMES[urgency];
  return (
    <span className={`q-urgency q-urgency-${urgency}${urgency <= 2 ? ' q-urgency-hot' : ''}`} title={`Urgency ${urgency}`}>
      {urgency <= 2 && name ? name.toUpperCase() : `${urgency}${name ? ` ${name}` : ''}`}
    </span>
  );
}

/** A small labelled control: the label above, pointing at the control by id. */
export function QField({ label, className = '', children }: { label: string; className?: string; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className={`q-field ${className}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

export function ErrorNote({ message, children }: { message: string | null; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div className="q-error" role="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}

const FOLDER_KEY = 'wiredesk.exportFolder';

/** The export folder, remembered between exports and re-sends. */
export function useExportFolder(): [string, (folder: string) => void] {
  const [folder, setFolder] = useState(() => {
    try {
      return localStorage.getItem(FOLDER_KEY) ?? '';
    } catch {
      return '';
    }
  });
  const set = useCallback((f: string) => {
    setFolder(f);
    try {
      localStorage.setItem(FOLDER_KEY, f);
    } catch {
      // Storage unavailable: the folder is kept for this session only.
    }
  }, []);
  return [folder, set];
}

/** The target folder: the system dialog in the desktop app, a path field in the browser. */
export function FolderField({ value, onChange }: { value: string; onChange(folder: string): void }) {
  const shell = window.deskShell;
  if (shell) {
    return (
      <div className="q-folder" role="group" aria-label="Export folder">
        <span className="q-folder-path" title={value}>
          {value || 'No folder chosen'}
        </span>
        <button
          type="button"
          onClick={() =>
            void shell.chooseFolder().then((f) => {
              if (f) onChange(f);
            })
          }
        >
          Choose…
        </button>
      </div>
    );
  }
  return (
    <QField label="Export folder" className="q-folder-field">
      {(id) => <input id={id} value={value} spellCheck={false} placeholder="/path/to/outgoing" onChange={(e) => onChange(e.target.value)} />}
    </QField>
  );
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** Most rows one list request returns (the contract's limit). */
const PAGE_MAX = 500;

/**
 * A cursor-paginated list: the first page whenever `fetchPage` changes, then "Show more".
 * Answers to superseded requests are dropped, so fast filtering never shows stale rows.
 * `refresh` fetches again as many rows as are shown (the desk changed meanwhile).
 */
export function usePaged<P extends Page<unknown>>(fetchPage: (cursor: string | null, limit?: number) => Promise<Result<P>>) {
  const [state, setState] = useState<{ items: P['items']; next: string | null; page: P | null }>({ items: [], next: null, page: null });
  const [error, setError] = useState<DeskError | null>(null);
  const seq = useRef(0);

  const load = useCallback(
    async (cursor: string | null, limit?: number) => {
      const n = ++seq.current;
      const r = await fetchPage(cursor, limit);
      if (n !== seq.current) return;
      if (!r.ok) return setError(r.error);
      setError(null);
      setState((s) => ({ items: cursor ? [...s.items, ...r.value.items] : r.value.items, next: r.value.next, page: r.value }));
    },
    [fetchPage],
  );
  const reload = useCallback(() => load(null), [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const more = () => (state.next ? load(state.next) : Promise.resolve());
  const shown = useRef(0);
  shown.current = state.items.length;
  const refresh = useCallback(() => (shown.current > 0 ? load(null, Math.min(PAGE_MAX, shown.current)) : load(null)), [load]);
  return { ...state, error, reload, refresh, more };
}

/** What a batch is and where its file went. */
export function BatchFacts({ batch }: { batch: BatchSummary }) {
  return (
    <>
      <p className="q-facts-title">
        <strong>Batch {batch.id}</strong> · {batch.itemCount} {batch.itemCount === 1 ? 'item' : 'items'} · {formatLabel(batch)} · {BATCH_STATE_WORDS[batch.state]}
      </p>
      <dl className="q-facts">
        <dt>File</dt>
        <dd>
          <code data-testid="batch-path">{batchPath(batch)}</code>
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code data-testid="batch-sha">{batch.sha256 ?? '—'}</code>
        </dd>
        <dt>Exported</dt>
        <dd title={batch.createdAt}>
          {shortTime(batch.createdAt)} by {batch.createdBy}
        </dd>
      </dl>
      {batch.error && <p className="q-warn">{batch.error}</p>}
    </>
  );
}
