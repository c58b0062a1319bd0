import { type FormEvent, useEffect, useRef, useState } from 'react';
import { formatDateline } from '../../../core/dateline';
import type { Category, DatelineStyle, DeskSettings } from '../../../core/settings';
import { Field } from '../desk/Field';
import { desk, shortTime } from '../lib/desk';

const STYLES: { style: DatelineStyle; label: string }[] = [
  { style: 'slash', label: 'Slash' },
  { style: 'ap', label: 'AP' },
];

/** The example every style is shown with: the desk's own agency, a fixed place and date. */
const EXAMPLE = { place: 'Baku', date: '2023-10-06' };

type Status = { kind: 'clean'; at: string | null } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'failed'; message: string; path: string | null };

/**
 * The service's refusal in the editor's words, and the field it is about:
 * "Invalid request to saveSettings — categories.2.mediaTopic: Media Topic codes look like …".
 */
function refusal(message: string): { message: string; path: string | null } {
  const m = /^Invalid request to \w+ — (?:([\w.]+): )?(.*)$/s.exec(message);
  return m ? { message: m[2]!, path: m[1] ?? null } : { message, path: null };
}

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

/** Desk-wide settings: who is editing, the agency, the house dateline style, the category list. */
export function SettingsView({ settings, onSettings }: { settings: DeskSettings; onSettings?(s: DeskSettings): void }) {
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
  const problem = (path: string) => (status.kind === 'failed' && status.path === path ? { message: status.message, severity: 'error' as const } : undefined);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus({ kind: 'saving' });
    const r = await desk('saveSettings', draft);
    if (!r.ok) return setStatus({ kind: 'failed', ...refusal(r.error.message) });
    setDraft(r.value);
    setStatus({ kind: 'clean', at: new Date().toISOString() });
    onSettings?.(r.value);
  };

  const text = (key: 'editorName' | 'defaultSignOff' | 'agency' | 'language' | 'deskName', label: string, hint?: string) => (
    <Field id={`settings-${key}`} label={label} className={`s-${key}`} problem={problem(key)}>
      <input id={`settings-${key}`} name={key} value={draft[key]} placeholder={hint} spellCheck={false} onChange={(e) => change({ [key]: e.target.value })} />
    </Field>
  );

  return (
    <main className="settings">
      <form className="settings-form" onSubmit={(e) => void save(e)} aria-labelledby="settings-title">
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
          <div className="dateline-styles" role="radiogroup" aria-labelledby="s-dateline">
            {STYLES.map(({ style, label }) => (
              <label key={style} className="style-choice">
                <input
                  type="radio"
                  name="datelineStyle"
                  value={style}
                  checked={draft.datelineStyle === style}
                  onChange={() => change({ datelineStyle: style })}
                  aria-labelledby={`style-${style}`}
                  aria-describedby={`example-${style}`}
                />
                <span id={`style-${style}`} className="style-name">
                  {label}
                </span>
                <code id={`example-${style}`} className="style-example">
                  {formatDateline({ ...EXAMPLE, agency: draft.agency }, style)} …
                </code>
              </label>
            ))}
          </div>
        </section>
        <section className="settings-section" aria-labelledby="s-categories">
          <h2 id="s-categories">Categories</h2>
          <p className="section-hint">
            Each category maps to an IPTC Media Topic code (medtop: and eight digits) that goes out with the item. Renaming a category does not change items already filed under
            the old name.
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
                      <input aria-label={`Category ${i + 1} name`} value={c.name} aria-invalid={nameProblem ? true : undefined} onChange={(e) => setCategory(i, { name: e.target.value })} />
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
                      <button type="button" className="danger" aria-label={`Remove category ${c.name || i + 1}`} onClick={() => change({ categories: draft.categories.filter((_, j) => j !== i) })}>
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
    </main>
  );
}
