import { type ChangeEvent, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { embargoLine, isEmbargoPast, renderWireCopy } from '../../../core/copy';
import { HEADLINE_MAX, HEADLINE_SOFT_MAX, type FieldName, type ItemFields, submissionProblems } from '../../../core/item';
import { bodyToPlainText, countCharacters, countWords, sanitizeBody } from '../../../core/richtext';
import type { DeskSettings } from '../../../core/settings';
import { SLUG_MAX, normalizeSlug } from '../../../core/slug';
import { ACTION_LABELS, type EditorAction, isEditable, statusWords } from '../../../core/workflow';
import type { ItemDetail } from '../../../service/contract';
import { desk, shortTime } from '../lib/desk';
import { BodyEditor } from './editor/BodyEditor';
import { HistoryPanel } from './HistoryPanel';
import { Field } from './Field';
import { CategoryOptions, UrgencyOptions } from '../lib/options';
import { type SaveState, useAutosave } from './useAutosave';

interface Props {
  detail: ItemDetail;
  settings: DeskSettings;
  /** A save or action changed the item (refresh lists). */
  onChanged(d: ItemDetail): void;
  /** Replace the open item (after reload, restore or an action). */
  onReplace(d: ItemDetail): void;
  onOpen(id: string): void;
  /** Someone else changed the item (see useAutosave); `clean`: nothing unsaved here, show theirs. */
  onTheirs?: (d: ItemDetail, clean: boolean) => void;
  /** Who else last changed the open item, and when, once the change feed has told. */
  changedBy?: { by: string; at: string } | null;
  /** The history panel stays open across items and restores. */
  showHistory: boolean;
  onToggleHistory(): void;
}

const ZONES = (() => {
  const z: string[] = [];
  for (let m = -12 * 60; m <= 14 * 60; m += 30) {
    const sign = m < 0 ? '-' : '+';
    const a = Math.abs(m);
    z.push(`${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`);
  }
  return z;
})();

function localZone(): string {
  const off = -new Date().getTimezoneOffset();
  const a = Math.abs(off);
  return `${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function splitEmbargo(e: string | null): { local: string; zone: string } {
  if (!e) return { local: '', zone: localZone() };
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(e);
  return m ? { local: m[1]!, zone: m[2] === 'Z' ? '+00:00' : m[2]! } : { local: '', zone: localZone() };
}

export function saveStateText(s: SaveState): string {
  switch (s.kind) {
    case 'saved':
      return `Saved ${shortTime(s.at)}`;
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved — ${s.reason}`;
    case 'conflict':
      return 'Not saved — someone else changed this item';
  }
}

export function ItemEditor({ detail, settings, onChanged, onReplace, onOpen, onTheirs, changedBy, showHistory, onToggleHistory }: Props) {
  const { item } = detail;
  const { fields, update, state, save, restore, keepMine, takeTheirs, own } = useAutosave(detail, onChanged, onTheirs);
  const changed = state.kind === 'conflict' ? { by: state.theirs.updatedBy, at: state.theirs.updatedAt } : changedBy;
  const [keywordsText, setKeywordsText] = useState(item.keywords.join(', '));
  const [embargoZone, setEmbargoZone] = useState(splitEmbargo(item.embargo).zone);
  const [actionError, setActionError] = useState<string | null>(null);
  const editable = isEditable(item.status);
  const set = <K extends keyof ItemFields>(key: K, value: ItemFields[K]) => update({ [key]: value });
  const setBody = useCallback((body: ItemFields['body']) => update({ body }), [update]);

  // The desktop app spellchecks in the item's language (the browser desk keeps the browser's).
  useEffect(() => void window.deskShell?.setSpellcheckLanguage(fields.language), [fields.language]);

  // The preview, counts and problems follow the typing without holding it up.
  const shown = useDeferredValue(fields);
  const body = useMemo(() => sanitizeBody(shown.body), [shown.body]);
  const copy = useMemo(() => renderWireCopy({ ...shown, body }, settings.datelineStyle), [shown, body, settings.datelineStyle]);
  const plain = useMemo(() => bodyToPlainText(body), [body]);
  const problems = useMemo(() => submissionProblems({ ...shown, body }, { version: item.version, settings }), [shown, body, item.version, settings]);
  const problemFor = (f: FieldName) => problems.find((p) => p.field === f);
  const embargo = splitEmbargo(fields.embargo);
  const embargoPast = fields.embargo && isEmbargoPast(fields.embargo, new Date()) ? ({ message: 'The embargo time has already passed.', severity: 'warning' } as const) : undefined;

  /** Run `step` once everything typed is stored; otherwise say why not. */
  const afterSave = async (step: () => Promise<void>) => {
    setActionError(null);
    if (await save()) await step();
    else setActionError('Your latest changes are not saved yet. Resolve the message above first.');
  };

  const onRestore = async (revision: number) => {
    const d = await restore(revision);
    if (d) onReplace(d);
  };

  const act = (action: EditorAction) =>
    afterSave(() =>
      own(async (adopt) => {
        const r = await desk('transition', { ids: [item.id], action });
        if (!r.ok) return setActionError(r.error.message);
        const fresh = await desk('getItem', { id: item.id });
        if (!fresh.ok) return;
        adopt(fresh.value);
        onReplace(fresh.value);
      }),
    );

  const duplicate = () =>
    afterSave(async () => {
      const r = await desk('duplicateItem', { id: item.id });
      if (r.ok) onOpen(r.value.item.id);
      else setActionError(r.error.message);
    });

  /** Inline, a field shows what is wrong with what was typed; what is missing is listed under the copy. */
  const inline = (f: FieldName) => {
    const p = problemFor(f);
    return p && !/ is required\.$|^No |has no date/.test(p.message) ? p : undefined;
  };

  /** Slug as typed: uppercase, a space becomes a hyphen at once, the caret stays where it was. */
  const onSlug = (e: ChangeEvent<HTMLInputElement>) => {
    const el = e.target;
    const caret = el.selectionStart ?? el.value.length;
    const next = normalizeSlug(el.value.replace(/[\s_]+$/, '-')).slice(0, SLUG_MAX);
    set('slug', next);
    const at = Math.min(caret, next.length);
    requestAnimationFrame(() => el.setSelectionRange(at, at));
  };

  return (
    <section className="item-editor" aria-label="Item">
      <div className="item-head">
        <span className={`status status-${item.status}`}>{item.status}</span>
        <span className="version" title="Story version">
          v{item.version}
        </span>
        {shown.embargo && <span className="embargo-badge">{embargoLine(shown.embargo)}</span>}
        <span className={`save-state save-${state.kind}`} role="status" aria-live="polite">
          {saveStateText(state)}
        </span>
        {changed && (
          <span className="changed-by" aria-live="polite" title={changed.at}>
            Changed by {changed.by} at {shortTime(changed.at)}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={onToggleHistory} aria-pressed={showHistory}>
          History
        </button>
        <button type="button" onClick={() => void duplicate()}>
          Duplicate
        </button>
        {item.status === 'draft' && item.publishedVersion === 0 && (
          <button type="button" className="danger" onClick={() => void act('spike')}>
            {ACTION_LABELS.spike}
          </button>
        )}
        {item.status === 'spiked' && (
          <button type="button" onClick={() => void act('restore')}>
            {ACTION_LABELS.restore}
          </button>
        )}
        {item.status === 'published' && (
          <button type="button" onClick={() => void act('correct')}>
            {ACTION_LABELS.correct}
          </button>
        )}
        {item.status === 'draft' && (
          <button type="button" className="primary" onClick={() => void act('submit')} disabled={problems.some((p) => p.severity === 'error')}>
            {ACTION_LABELS.submit}
          </button>
        )}
      </div>
      {item.returnNote && item.status === 'draft' && (
        <p className="return-note" role="note">
          <strong>Returned by the desk:</strong> {item.returnNote}
        </p>
      )}
      {state.kind === 'conflict' && (
        <div className="conflict" role="alert">
          <p>
            <strong>{state.theirs.updatedBy}</strong> saved this item at {shortTime(state.theirs.updatedAt)} while you were editing. Your text is not lost: choose which one stays on
            top; the other stays in the history.
          </p>
          <button type="button" className="primary" onClick={() => void keepMine(state.theirs)}>
            Keep mine
          </button>
          <button type="button" onClick={() => void takeTheirs(state.theirs).then((d) => d && onReplace(d))}>
            Reload theirs
          </button>
        </div>
      )}
      {actionError && (
        <p className="action-error" role="alert">
          {actionError}
        </p>
      )}
      {item.status === 'spiked' && <p className="hint banner">This item is spiked: it stays off the desk until you restore it.</p>}
      {!editable && item.status !== 'spiked' && (
        <p className="hint banner">
          This version is {statusWords(item.status)}. {item.status === 'published' ? 'Use Correct to write a new version.' : 'Review actions are in the Queue.'}
        </p>
      )}
      <div className="item-body">
        <form className="fields" onSubmit={(e) => e.preventDefault()} aria-label="Wire fields">
          <fieldset disabled={!editable}>
            <Field id="slug" label="Slug" className="f-slug" problem={inline('slug')} required>
              <input
                id="slug"
                name="slug"
                value={fields.slug}
                maxLength={SLUG_MAX}
                readOnly={item.publishedVersion > 0}
                title={item.publishedVersion > 0 ? 'The slug stays the same across versions of a story.' : undefined}
                placeholder="AZERBAIJAN-DEFENCE"
                spellCheck={false}
                autoComplete="off"
                onChange={onSlug}
              />
            </Field>
            <Field
              id="headline"
              label="Headline"
              className="f-headline"
              problem={inline('headline')}
              required
              extra={
                <small className={fields.headline.length > HEADLINE_SOFT_MAX ? 'count over' : 'count'} title={`Keep it under ${HEADLINE_SOFT_MAX}; at most ${HEADLINE_MAX}.`}>
                  {fields.headline.length}/{HEADLINE_SOFT_MAX}
                </small>
              }
            >
              <textarea id="headline" name="headline" rows={2} value={fields.headline} maxLength={HEADLINE_MAX} onChange={(e) => set('headline', e.target.value.replace(/[\r\n]+/g, ' '))} />
            </Field>
            <div className="group" role="group" aria-labelledby="dateline-label">
              <div className="group-label">
                <span id="dateline-label">Dateline</span>
                {copy.dateline && <code className="dateline-example">{copy.dateline}</code>}
              </div>
              <div className="row">
                <Field id="place" label="Place" className="f-place" problem={inline('dateline.place')} required>
                  <input id="place" name="place" value={fields.dateline.place} placeholder="Baku" onChange={(e) => set('dateline', { ...fields.dateline, place: e.target.value })} />
                </Field>
                <Field id="date" label="Date" className="f-date" problem={inline('dateline.date')}>
                  <input id="date" type="date" name="date" value={fields.dateline.date} onChange={(e) => set('dateline', { ...fields.dateline, date: e.target.value })} />
                </Field>
                <Field id="agency" label="Agency" className="f-agency">
                  <input id="agency" name="agency" value={fields.dateline.agency} onChange={(e) => set('dateline', { ...fields.dateline, agency: e.target.value })} />
                </Field>
              </div>
            </div>
            <div className="row">
              <Field id="urgency" label="Urgency" className="f-urgency">
                <select id="urgency" name="urgency" value={fields.urgency} onChange={(e) => set('urgency', Number(e.target.value))}>
                  <UrgencyOptions />
                </select>
              </Field>
              <Field id="category" label="Category" className="f-category" problem={inline('category')}>
                <select id="category" name="category" value={fields.category} onChange={(e) => set('category', e.target.value)}>
                  <option value="">(none)</option>
                  <CategoryOptions categories={settings.categories} current={fields.category} />
                </select>
              </Field>
            </div>
            <div className="row">
              <Field id="byline" label="Byline" className="f-byline">
                <input id="byline" name="byline" value={fields.byline} onChange={(e) => set('byline', e.target.value)} />
              </Field>
              <Field id="signoff" label="Sign-off" className="f-signoff" problem={inline('signOff')}>
                <input id="signoff" name="signOff" value={fields.signOff} maxLength={8} placeholder="06B" spellCheck={false} onChange={(e) => set('signOff', e.target.value.trim())} />
              </Field>
            </div>
            <div className="row">
              <Field id="source" label="Source" className="f-source">
                <input id="source" name="source" value={fields.source} placeholder="mod.gov.az" onChange={(e) => set('source', e.target.value)} />
              </Field>
              <Field id="language" label="Language" className="f-language" problem={inline('language')} required>
                <input id="language" name="language" value={fields.language} maxLength={35} spellCheck={false} onChange={(e) => set('language', e.target.value.trim())} />
              </Field>
            </div>
            <div className="row">
              <Field id="embargo" label="Embargo" className="f-embargo" problem={inline('embargo') ?? embargoPast}>
                <input id="embargo" type="datetime-local" name="embargo" value={embargo.local} onChange={(e) => set('embargo', e.target.value ? `${e.target.value}${embargoZone}` : null)} />
              </Field>
              <Field id="embargo-zone" label="Time zone" className="f-zone">
                <select
                  id="embargo-zone"
                  name="embargoZone"
                  value={embargo.local ? embargo.zone : embargoZone}
                  onChange={(e) => {
                    setEmbargoZone(e.target.value);
                    if (embargo.local) set('embargo', `${embargo.local}${e.target.value}`);
                  }}
                >
                  {ZONES.map((z) => (
                    <option key={z} value={z}>
                      UTC{z}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field id="keywords" label="Keywords" className="f-keywords">
              <input
                id="keywords"
                name="keywords"
                value={keywordsText}
                placeholder="defence, Kazakhstan"
                onChange={(e) => {
                  setKeywordsText(e.target.value);
                  set(
                    'keywords',
                    e.target.value
                      .split(',')
                      .map((k) => k.trim())
                      .filter(Boolean),
                  );
                }}
              />
            </Field>
            <Field id="note" label="Desk note" className="f-note">
              <textarea id="note" name="editorNote" rows={3} value={fields.editorNote} placeholder="For the desk only; never published." onChange={(e) => set('editorNote', e.target.value)} />
            </Field>
            <Field id="subscriber-note" label="Note to subscribers" className="f-note" problem={problemFor('subscriberNote')}>
              <textarea
                id="subscriber-note"
                name="subscriberNote"
                rows={2}
                value={fields.subscriberNote}
                placeholder={item.version >= 2 ? 'Required on a correction, e.g. Corrects day of signing to Thursday.' : 'Goes out with this version, e.g. Embargo lifted.'}
                onChange={(e) => set('subscriberNote', e.target.value)}
              />
            </Field>
          </fieldset>
        </form>
        <div className="body-column">
          <div className="field-label body-label">
            <span id="body-label" className="label">
              Body
            </span>
            <span className="required" aria-hidden="true">
              required
            </span>
            <small className="count" aria-live="off">
              {countWords(plain)} words · {countCharacters(plain)} characters
            </small>
          </div>
          <BodyEditor key={item.id} initial={item.body} readOnly={!editable} labelledBy="body-label" onChange={setBody} />
          <section className="preview" aria-labelledby="preview-title">
            <h2 id="preview-title">Wire copy</h2>
            {shown.embargo && <p className="embargo-line">{embargoLine(shown.embargo)}</p>}
            <p className="preview-headline">{shown.headline || <em>No headline yet</em>}</p>
            <div className="preview-copy" data-testid="wire-copy" dangerouslySetInnerHTML={{ __html: copy.html }} />
          </section>
          {item.status === 'draft' && problems.length > 0 && (
            <section className="problems" aria-labelledby="problems-title">
              <h2 id="problems-title">Before submitting</h2>
              <ul>
                {problems.map((p, i) => (
                  <li key={i} className={p.severity}>
                    {p.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
        {showHistory && <HistoryPanel itemId={item.id} saveState={state} onRestore={onRestore} />}
      </div>
    </section>
  );
}
