import { type FormEvent, useEffect, useRef, useState } from 'react';
import { formatDateline, formatDeskDate } from '@core/dateline';
import { type ArgIssue, argIssues } from '@core/errors';
import { type Category, type DateOrder, type DatelineStyle, type DeskSettings, DEFAULT_KILL_TEMPLATE, KILL_TEMPLATE_MAX, killNotice } from '@core/settings';
import { Field } from '@renderer/shared/Field';
import { useApp } from '@renderer/app/AppContext';
import { desk, shortTime } from '@renderer/shared/desk';
import { SharedDeskPage } from '@renderer/hub/SharedDeskPage';
import { ChoiceGroup } from './ChoiceGroup';
import './settings.css';

const STYLES: { style: DatelineStyle; label: string }[] = [
  { style: 'slash', label: 'Slash' },
  { style: 'ap', label: 'AP' },
];

/** The example every style is shown with: the desk's own agency, a fixed place and date. */
const EXAMPLE = { place: 'Baku', date: '2023-10-06' };

const ORDERS: { order: DateOrder; label: string }[] = [
  { order: 'dmy', label: 'Day, month, year' },
  { order: 'mdy', label: 'Month, day, year' },
];

/** The kill the template is shown with. */
const KILL_EXAMPLE = { slug: 'AZERBAIJAN-DEFENCE', reason: 'The ministry withdrew its statement.' };

type Status = { kind: 'clean'; at: string | null } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'failed'; message: string; issues: ArgIssue[] };

function statusText(s: Status): string {
  switch (s.kind) {
    case 'clean':
      return s.at ? `Saved ${shortTime(s.at)}` : '';
    case 'dirty':
      return 'Changes not saved yet';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved — ${s.message}`;
  }
}

const PAGES = [
  { page: 'desk', label: 'Desk' },
  { page: 'shared', label: 'Shared desk' },
] as const;

/** Settings: the desk's own (who, agency, datelines, categories) and the shared desk it may join. */
export function SettingsView() {
  const { settingsRequest, takeSettingsRequest } = useApp();
  const [page, setPage] = useState<(typeof PAGES)[number]['page']>(settingsRequest?.page ?? 'desk');
  // The request itself: asked twice, it is a new one (and scrolls there again).
  const [asked, setAsked] = useState(settingsRequest);
  // Asked again while on screen (the banner's link): go there.
  useEffect(() => {
    if (!settingsRequest) return;
    setPage(settingsRequest.page);
    setAsked(settingsRequest);
    takeSettingsRequest();
  }, [settingsRequest, takeSettingsRequest]);
  return (
    <main className="settings">
      <div className="settings-form">
        <nav className="settings-pages" aria-label="Settings pages">
          {PAGES.map((p) => (
            <button
              key={p.page}
              type="button"
              aria-current={page === p.page ? 'page' : undefined}
              onClick={() => {
                setPage(p.page);
                setAsked(null);
              }}
            >
              {p.label}
            </button>
          ))}
        </nav>
        {page === 'desk' ? <DeskSettings /> : <SharedDeskPage toConflicts={asked?.section === 'conflicts' ? asked : null} />}
      </div>
    </main>
  );
}

/** Desk-wide settings: who is editing, the agency, the house dateline style, the category list. */
function DeskSettings() {
  const { settings, setSettings } = useApp();
  const [draft, setDraft] = useState<DeskSettings>(settings);
  const [status, setStatus] = useState<Status>({ kind: 'clean', at: null });
  // Saved in another window or process: shown here, unless this form holds changes of its own.
  const clean = useRef(true);
  clean.current = status.kind === 'clean';
  useEffect(() => {
    if (clean.current) setDraft(settings);
  }, [settings]);

  const change = (patch: Partial<DeskSettings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus({ kind: 'dirty' });
  };
  const setCategory = (i: number, patch: Partial<Category>) => change({ categories: draft.categories.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  /** What the desk refused at `path` (a field, or `categories.2.mediaTopic`). */
  const problem = (path: string) => {
    const issue = status.kind === 'failed' ? status.issues.find((i) => i.path === path) : undefined;
    return issue && { message: issue.message, severity: 'error' as const };
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus({ kind: 'saving' });
    const r = await desk('saveSettings', draft);
    if (!r.ok) {
      const issues = argIssues(r.error);
      return setStatus({ kind: 'failed', message: issues[0]?.message ?? r.error.message, issues });
    }
    setDraft(r.value);
    setStatus({ kind: 'clean', at: new Date().toISOString() });
    setSettings(r.value);
  };

  const text = (key: 'editorName' | 'defaultSignOff' | 'agency' | 'language' | 'deskName', label: string, hint?: string) => (
    <Field id={`settings-${key}`} label={label} className={`s-${key}`} problem={problem(key)}>
      <input id={`settings-${key}`} name={key} value={draft[key]} placeholder={hint} spellCheck={false} onChange={(e) => change({ [key]: e.target.value })} />
    </Field>
  );

  return (
    <form onSubmit={(e) => void save(e)} aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <section className="settings-section" aria-labelledby="s-you">
        <h2 id="s-you">You</h2>
        <p className="section-hint">New items start with your sign-off; history and the workflow record your name.</p>
        <div className="settings-grid">
          {text('editorName', 'Editor name', 'Leyla Aliyeva')}
          {text('defaultSignOff', 'Default sign-off', '06B')}
        </div>
      </section>
      <section className="settings-section" aria-labelledby="s-desk">
        <h2 id="s-desk">Desk</h2>
        <div className="settings-grid">
          {text('deskName', 'Desk name', 'Turan English desk')}
          {text('agency', 'Agency', 'Turan')}
          {text('language', 'Language', 'en')}
        </div>
      </section>
      <section className="settings-section" aria-labelledby="s-dateline">
        <h2 id="s-dateline">Dateline style</h2>
        <ChoiceGroup
          name="datelineStyle"
          labelledBy="s-dateline"
          prefix="style"
          examplePrefix="example"
          choices={STYLES.map(({ style, label }) => ({ value: style, label, example: `${formatDateline({ ...EXAMPLE, agency: draft.agency }, style)} …` }))}
          value={draft.datelineStyle}
          onChange={(datelineStyle) => change({ datelineStyle })}
        />
      </section>
      <section className="settings-section" aria-labelledby="s-date-order">
        <h2 id="s-date-order">Date order</h2>
        <p className="section-hint">How dates are typed and shown in the editor, whatever this computer's language.</p>
        <ChoiceGroup
          name="dateOrder"
          labelledBy="s-date-order"
          prefix="order"
          examplePrefix="order-example"
          className="order-choice"
          choices={ORDERS.map(({ order, label }) => ({ value: order, label, example: formatDeskDate(EXAMPLE.date, order) }))}
          value={draft.dateOrder}
          onChange={(dateOrder) => change({ dateOrder })}
        />
      </section>
      <section className="settings-section" aria-labelledby="s-kill">
        <h2 id="s-kill">Kill notice</h2>
        <p className="section-hint">
          Goes out in place of a killed story&apos;s text. <code>{'{slug}'}</code> and <code>{'{reason}'}</code> are filled in from the item and the kill.
        </p>
        <Field id="settings-killTemplate" label="Kill notice template" className="s-killTemplate" problem={problem('killTemplate')}>
          <textarea
            id="settings-killTemplate"
            name="killTemplate"
            rows={2}
            maxLength={KILL_TEMPLATE_MAX}
            value={draft.killTemplate}
            placeholder={DEFAULT_KILL_TEMPLATE}
            spellCheck={false}
            aria-describedby="kill-example"
            onChange={(e) => change({ killTemplate: e.target.value })}
          />
        </Field>
        <p className="kill-example">
          <span className="section-hint">Goes out as:</span>{' '}
          <code id="kill-example">{killNotice(draft.killTemplate, KILL_EXAMPLE.slug, KILL_EXAMPLE.reason)}</code>
        </p>
      </section>
      <section className="settings-section" aria-labelledby="s-categories">
        <h2 id="s-categories">Categories</h2>
        <p className="section-hint">
          Each category maps to an IPTC Media Topic code (medtop: and eight digits) that goes out with the item. Renaming a category does not change items
          already filed under the old name.
        </p>
        <table className="categories">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Media Topic code</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.categories.map((c, i) => {
              const nameProblem = problem(`categories.${i}.name`);
              const codeProblem = problem(`categories.${i}.mediaTopic`);
              return (
                <tr key={i}>
                  <td>
                    <input
                      aria-label={`Category ${i + 1} name`}
                      value={c.name}
                      aria-invalid={nameProblem ? true : undefined}
                      onChange={(e) => setCategory(i, { name: e.target.value })}
                    />
                    {nameProblem && <span className="field-error">{nameProblem.message}</span>}
                  </td>
                  <td>
                    <input
                      aria-label={`Category ${i + 1} Media Topic code`}
                      className="mono"
                      value={c.mediaTopic}
                      placeholder="medtop:11000000"
                      spellCheck={false}
                      aria-invalid={codeProblem ? true : undefined}
                      onChange={(e) => setCategory(i, { mediaTopic: e.target.value.trim() })}
                    />
                    {codeProblem && <span className="field-error">{codeProblem.message}</span>}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Remove category ${c.name || i + 1}`}
                      onClick={() => change({ categories: draft.categories.filter((_, j) => j !== i) })}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="button" onClick={() => change({ categories: [...draft.categories, { name: '', mediaTopic: 'medtop:' }] })}>
          Add category
        </button>
      </section>
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={status.kind === 'saving' || status.kind === 'clean'}>
          Save settings
        </button>
        <span className={`save-state save-${status.kind}`} role="status">
          {statusText(status)}
        </span>
      </div>
    </form>
  );
}
