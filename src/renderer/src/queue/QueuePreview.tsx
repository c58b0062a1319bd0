import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { renderWireCopy } from '@core/copy';
import { killNotice } from '@core/settings';
import { sanitizeBody } from '@core/sanitize';
import { ACTION_LABELS, type EditorAction, NOTE_REQUIRED, statusWords } from '@core/workflow';
import { useApp } from '@renderer/app/AppContext';
import { ChangesView, usePublished } from '@renderer/shared/ChangesView';
import { desk, shortTime } from '@renderer/shared/desk';
import { ErrorNote } from '@renderer/shared/ErrorNote';
import { useDeskValue } from '@renderer/shared/useDeskValue';
import { markMatches, matchRuns, searchWords } from '@renderer/shared/markMatches';
import { useToolbarKeys } from '@renderer/shared/useToolbarKeys';
import { REVIEW_ACTIONS, allowedActions } from './queueLib';
import { EmbargoTag, ItemFlags, ReviewNotes, UrgencyTag } from './tags';
import '@renderer/desk/desk-preview.css';
import './queue-preview.css';

interface Props {
  id: string;
  /** Changes whenever the queue reloads, so the preview shows the item as it stands. */
  refresh: number;
  /** Run an action on this item (the queue reports the outcome); resolves to whether it was done. */
  onAction(action: EditorAction, note?: string): Promise<boolean>;
  /** The queue's search: its matches are marked in the copy too. */
  search?: string;
  /** The keyboard asked for an action that needs a note (a new `n` each time). */
  ask?: { action: EditorAction; n: number } | null;
  /** A killed item's kill has gone out in a batch. */
  killSent?: boolean;
}

/** The selected item as it goes out on the wire, with the review actions it allows. */
export function QueuePreview({ id, refresh, onAction, search = '', ask = null, killSent = false }: Props) {
  const { settings, openItem: onOpenItem } = useApp();
  const [noteFor, setNoteFor] = useState<EditorAction | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchItem = useCallback(() => desk('getItem', { id }), [id]);
  const { value, error } = useDeskValue(fetchItem, refresh);
  const item = value?.item ?? null;

  useEffect(() => setNoteFor(null), [id]);
  useEffect(() => {
    if (ask) setNoteFor(ask.action);
  }, [ask]);
  const toolbar = useToolbarKeys<HTMLDivElement>();
  // A kill goes out as a new version too, but it corrects nothing.
  const published = usePublished(id, item?.id === id && item.status !== 'killed' ? item.version : 0, refresh);

  // Rebuilt from the allowed shapes before it becomes HTML, as the editor's preview is.
  const copy = useMemo(
    () => (item ? renderWireCopy({ ...item, body: sanitizeBody(item.body) }, settings.datelineStyle) : null),
    [item, settings.datelineStyle],
  );
  const copyHtml = useMemo(() => (copy ? markMatches(copy.html, search) : ''), [copy, search]);
  if (!item || item.id !== id || !copy) {
    return (
      <section className="q-preview" aria-label="Preview">
        <ErrorNote message={error} />
      </section>
    );
  }

  const run = async (action: EditorAction, note?: string) => {
    setBusy(true);
    const done = await onAction(action, note);
    setBusy(false);
    if (done) setNoteFor(null);
  };

  return (
    <section className="q-preview" aria-label="Preview">
      <div className="q-preview-head">
        <UrgencyTag urgency={item.urgency} />
        <span className="slug">{item.slug || 'NO SLUG'}</span>
        <span className={`status status-${item.status}`}>{statusWords(item.status)}</span>
        <span className="version">v{item.version}</span>
        <ItemFlags item={item} killSent={killSent} />
        {item.category && <span className="q-muted">{item.category}</span>}
        <span className="q-muted">
          {item.updatedBy} · {shortTime(item.updatedAt)}
        </span>
      </div>
      <div className="q-actions" role="toolbar" aria-label="Review actions" ref={toolbar.ref} onKeyDown={toolbar.onKeyDown} onFocus={toolbar.onFocus}>
        {allowedActions(REVIEW_ACTIONS, item).map((a) => (
          <button
            key={a}
            type="button"
            disabled={busy}
            aria-expanded={NOTE_REQUIRED.has(a) ? noteFor === a : undefined}
            className={a === 'approve' ? 'primary' : a === 'kill' ? 'danger' : undefined}
            onClick={() => (NOTE_REQUIRED.has(a) ? setNoteFor(noteFor === a ? null : a) : void run(a))}
          >
            {ACTION_LABELS[a]}
          </button>
        ))}
        <button type="button" className="q-push" onClick={() => onOpenItem(item.id)}>
          Open in editor
        </button>
      </div>
      <ReviewNotes item={item} />
      {item.kill && (
        <p className="q-kill-notice">
          <span className="q-muted">Goes out instead of the story:</span> <q>{killNotice(settings.killTemplate, item.slug, item.kill.reason)}</q>
        </p>
      )}
      {noteFor && <NoteForm key={noteFor} action={noteFor} busy={busy} onConfirm={(note) => void run(noteFor, note)} onCancel={() => setNoteFor(null)} />}
      <div className="q-preview-body">
        <EmbargoTag embargo={item.embargo} block />
        {published && <ChangesView published={published} headline={item.headline} bodyText={item.bodyText} />}
        <h2 className="q-preview-headline">
          {item.headline ? (
            matchRuns(item.headline, searchWords(search)).map((r, i) => (r.mark ? <mark key={i}>{r.text}</mark> : r.text))
          ) : (
            <em>No headline</em>
          )}
        </h2>
        <div className="preview-copy q-copy" data-testid="queue-wire-copy" dangerouslySetInnerHTML={{ __html: copyHtml }} />
        {item.subscriberNote && (
          <p className="q-subscriber-note">
            <strong>Note to subscribers:</strong> {item.subscriberNote}
          </p>
        )}
      </div>
      {item.editorNote && (
        <p className="q-editor-note">
          <strong>Desk note</strong> <span className="q-muted">(never published)</span>: {item.editorNote}
        </p>
      )}
    </section>
  );
}

/** The reason a return or a kill needs, asked for inline. */
function NoteForm({ action, busy, onConfirm, onCancel }: { action: EditorAction; busy: boolean; onConfirm(note: string): void; onCancel(): void }) {
  const [note, setNote] = useState('');
  const id = useId();
  const ok = note.trim() !== '';
  return (
    <form
      className="q-note"
      aria-label={ACTION_LABELS[action]}
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) onConfirm(note.trim());
      }}
    >
      <label htmlFor={id}>Note</label>
      <textarea
        id={id}
        rows={2}
        autoFocus
        value={note}
        placeholder={action === 'kill' ? 'Why the story is withdrawn (kept in the audit log)' : 'What the writer should change'}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && ok) onConfirm(note.trim());
        }}
      />
      <div className="q-note-buttons">
        <button type="submit" className={action === 'kill' ? 'danger' : 'primary'} disabled={!ok || busy}>
          Confirm
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
