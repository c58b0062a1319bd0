import { useCallback, useMemo, useState } from 'react';
import { embargoLine, isEmbargoPast, renderWireCopy } from '../../../core/copy';
import { HEADLINE_MAX, HEADLINE_SOFT_MAX, type FieldName, type ItemFields, submissionProblems } from '../../../core/item';
import { bodyToPlainText, countCharacters, countWords } from '../../../core/richtext';
import type { DeskSettings } from '../../../core/settings';
import { SLUG_MAX, normalizeSlug } from '../../../core/slug';
import { URGENCY_NAMES } from '../../../core/urgency';
import { ACTION_LABELS, type EditorAction, isEditable, statusWords } from '../../../core/workflow';
import type { ItemDetail } from '../../../service/contract';
import { desk, shortTime } from '../lib/desk';
import { BodyEditor } from './editor/BodyEditor';
import { HistoryPanel } from './HistoryPanel';
import { Field } from './Field';
import { type SaveState, useAutosave } from './useAutosave';

interface Props {
  detail: ItemDetail;
  settings: DeskSettings;
  /** A save or action changed the item (refresh lists). */
  onChanged(d: ItemDetail): void;
  /** Replace the open item (after reload, restore or an action). */
  onReplace(d: ItemDetail): void;
  onOpen(id: string): void;
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
      return 'Editing…';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved — ${s.reason}`;
    case 'conflict':
      return 'Not saved — someone else changed this item';
  }
}

export function ItemEditor({ detail, settings, onChanged, onReplace, onOpen }: Props) {
  const { item } = detail;
  const { fields, update, state, save, keepMine, takeTheirs } = useAutosave(detail, onChanged);
  const [keywordsText, setKeywordsText] = useState(item.keywords.join(', '));
  const [embargoZone, setEmbargoZone] = useState(splitEmbargo(item.embargo).zone);
  const [showHistory, setShowHistory] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const editable = isEditable(item.status);
  const set = <K extends keyof ItemFields>(key: K, value: ItemFields[K]) => update({ [key]: value });
  const setBody = useCallback((body: ItemFields['body']) => update({ body }), [update]);

  const copy = useMemo(() => renderWireCopy(fields, settings.datelineStyle), [fields, settings.datelineStyle]);
  const plain = useMemo(() => bodyToPlainText(fields.body), [fields.body]);
  const problems = useMemo(() => submissionProblems(fields, settings), [fields, settings]);
  const problemFor = (f: FieldName) => problems.find((p) => p.field === f);
  const embargo = splitEmbargo(fields.embargo);

  const onRestore = async (revision: number) => {
    await save();
    const current = await desk('getItem', { id: item.id });
    if (!current.ok) return setActionError(current.error.message);
    const r = await desk('restoreRevision', { id: item.id, revision, baseRevision: current.value.item.revision });
    if (r.ok) onReplace(r.value);
    else setActionError(r.error.message);
  };

  const act = async (action: EditorAction) => {
    await save();
    setActionError(null);
    const r = await desk('transition', { ids: [item.id], action });
    if (!r.ok) return setActionError(r.error.message);
    const fresh = await desk('getItem', { id: item.id });
    if (fresh.ok) onReplace(fresh.value);
  };
  const duplicate = async () => {
    const r = await desk('duplicateItem', { id: item.id });
    if (r.ok) onOpen(r.value.item.id);
    else setActionError(r.error.message);
  };

  /** Inline, a field shows what is wrong with what was typed; what is missing is listed under the copy. */
  const inline = (f: FieldName) => {
    const p = problemFor(f);
    return p && !/ is required\.$|^No |has no date/.test(p.message) ? p : undefined;
  };

  return (
    <section className="item-editor" aria-label="Item">
      <div className="item-head">
        <span className={`status status-${item.status}`}>{statusWords(item.status)}</span>
        <span className="version">v{item.version}</span>
        {item.embargo && <span className="embargo-badge">{embargoLine(item.embargo)}</span>}
        <span className={`save-state save-${state.kind}`} role="status" aria-live="polite">
          {saveStateText(state)}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => setShowHistory((v) => !v)} aria-pressed={showHistory}>
          History
        </button>
        <button type="button" onClick={() => void duplicate()}>
          Duplicate
        </button>
        {item.status === 'draft' && item.publishedVersion === 0 && (
          <button type="button" onClick={() => void act('spike')}>
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
            {state.theirs.updatedBy} saved this item at {shortTime(state.theirs.updatedAt)} while you were editing. Your text is not lost: choose which one stays on top; the other
            stays in the history.
          </p>
          <button type="button" onClick={() => void keepMine(state.theirs)}>
            Keep mine
          </button>
          <button
            type="button"
            onClick={() =>
              void takeTheirs(state.theirs).then((d) => {
                if (d) onReplace(d);
              })
            }
          >
            Reload theirs
          </button>
        </div>
      )}
      {actionError && (
        <p className="action-error" role="alert">
          {actionError}
        </p>
      )}
      <div className="item-body">
        <form className="fields" onSubmit={(e) => e.preventDefault()} aria-label="Wire fields">
          <fieldset disabled={!editable}>
            <div className="row">
              <Field id="slug" label="Slug" className="f-slug" problem={inline('slug')}>
                <input
                  id="slug"
                  name="slug"
                  value={fields.slug}
                  maxLength={SLUG_MAX}
                  readOnly={item.publishedVersion > 0}
                  title={item.publishedVersion > 0 ? 'The slug stays the same across versions of a story.' : undefined}
                  placeholder="AZERBAIJAN-KAZAKHSTAN-DEFENCE"
                  onChange={(e) => set('slug', normalizeSlug(e.target.value).slice(0, SLUG_MAX))}
                />
              </Field>
              <Field id="urgency" label="Urgency" className="f-urgency">
                <select id="urgency" name="urgency" value={fields.urgency} onChange={(e) => set('urgency', Number(e.target.value))}>
                  {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((u) => (
                    <option key={u} value={u}>
                      {u}
                      {URGENCY_NAMES[u] ? ` – ${URGENCY_NAMES[u]}` : ''}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <Field
              id="headline"
              label="Headline"
              className="f-headline"
              problem={inline('headline')}
              extra={
                <small className={fields.headline.length > HEADLINE_SOFT_MAX ? 'count over' : 'count'}>
                  {fields.headline.length}/{HEADLINE_SOFT_MAX}
                </small>
              }
            >
              <textarea id="headline" name="headline" rows={2} value={fields.headline} maxLength={HEADLINE_MAX} onChange={(e) => set('headline', e.target.value.replace(/[\r\n]+/g, ' '))} />
            </Field>
            <div className="row">
              <Field id="place" label="Place" className="f-place" problem={inline('dateline.place')}>
                <input id="place" name="place" value={fields.dateline.place} placeholder="Baku" onChange={(e) => set('dateline', { ...fields.dateline, place: e.target.value })} />
              </Field>
              <Field id="date" label="Date" className="f-date" problem={inline('dateline.date')}>
                <input id="date" type="date" name="date" value={fields.dateline.date} onChange={(e) => set('dateline', { ...fields.dateline, date: e.target.value })} />
              </Field>
              <Field id="agency" label="Agency" className="f-agency">
                <input id="agency" name="agency" value={fields.dateline.agency} onChange={(e) => set('dateline', { ...fields.dateline, agency: e.target.value })} />
              </Field>
            </div>
            <div className="row">
              <Field id="category" label="Category" className="f-category" problem={inline('category')}>
                <select id="category" name="category" value={fields.category} onChange={(e) => set('category', e.target.value)}>
                  <option value="">(none)</option>
                  {settings.categories.map((c) => (
                    <option key={c.name} value={c.name}>
                      {c.name}
                    </option>
                  ))}
                  {fields.category && !settings.categories.some((c) => c.name === fields.category) && <option value={fields.category}>{fields.category}</option>}
                </select>
              </Field>
              <Field id="signoff" label="Sign-off" className="f-signoff" problem={inline('signOff')}>
                <input id="signoff" name="signOff" value={fields.signOff} maxLength={8} placeholder="06B" onChange={(e) => set('signOff', e.target.value.trim())} />
              </Field>
            </div>
            <div className="row">
              <Field id="source" label="Source" className="f-source">
                <input id="source" name="source" value={fields.source} placeholder="mod.gov.az" onChange={(e) => set('source', e.target.value)} />
              </Field>
              <Field id="byline" label="Byline" className="f-byline">
                <input id="byline" name="byline" value={fields.byline} onChange={(e) => set('byline', e.target.value)} />
              </Field>
            </div>
            <div className="row">
              <Field id="embargo" label="Embargo" className="f-embargo" problem={inline('embargo')}>
                <input id="embargo" type="datetime-local" name="embargo" value={embargo.local} onChange={(e) => set('embargo', e.target.value ? `${e.target.value}${embargoZone}` : null)} />
              </Field>
              <Field id="embargo-zone" label="Embargo time zone" className="f-zone">
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
            {fields.embargo && isEmbargoPast(fields.embargo, new Date()) && <p className="field-warning">The embargo time has already passed.</p>}
            <div className="row">
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
              <Field id="language" label="Language" className="f-language" problem={inline('language')}>
                <input id="language" name="language" value={fields.language} maxLength={35} onChange={(e) => set('language', e.target.value.trim())} />
              </Field>
            </div>
            <Field id="note" label="Editor's note" className="f-note">
              <textarea id="note" name="editorNote" rows={2} value={fields.editorNote} placeholder="For the desk only; never published." onChange={(e) => set('editorNote', e.target.value)} />
            </Field>
          </fieldset>
        </form>
        <div className="body-column">
          <BodyEditor key={item.id} initial={item.body} readOnly={!editable} onChange={setBody} />
          <div className="counts" aria-live="off">
            <span>{countWords(plain)} words</span> · <span>{countCharacters(plain)} characters</span>
            
          </div>
          {!editable && item.status !== 'spiked' && (
            <p className="hint">This version is {statusWords(item.status)}. {item.status === 'published' ? 'Use Correct to write a new version.' : ''}</p>
          )}
          <section className="preview" aria-label="Wire copy preview">
            <h2>Wire copy</h2>
            {fields.embargo && <p className="embargo-line">{embargoLine(fields.embargo)}</p>}
            <p className="preview-headline">{fields.headline || <em>No headline yet</em>}</p>
            <div className="preview-copy" data-testid="wire-copy" dangerouslySetInnerHTML={{ __html: copy.html }} />
          </section>
          {item.status === 'draft' && problems.length > 0 && (
            <ul className="problems" aria-label="Before submitting">
              {problems.map((p, i) => (
                <li key={i} className={p.severity}>
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
        {showHistory && <HistoryPanel itemId={item.id} saveState={state} onRestore={onRestore} />}
      </div>
      {editable && item.status !== 'draft' && (
        <p className="hint">
          Status: {statusWords(item.status)}. Review actions are in the Queue.
        </p>
      )}
    </section>
  );
}
