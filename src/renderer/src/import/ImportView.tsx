import { useState } from 'react';
import { IMPORT_ENCODINGS, type ImportEncoding } from '@core/encoding';
import { type DeskError, ErrorCode } from '@core/errors';
import { type ImportFields, importBodyText } from '@core/importFields';
import { hardLimitProblems } from '@core/item';
import { IMPORT_ITEMS_MAX, type ImportFormat, type ImportPreview } from '../../../contract';
import { useApp } from '@renderer/app/AppContext';
import { desk } from '@renderer/shared/desk';
import { type Draft, ImportCard } from './ImportCard';
import { OriginalText, PREVIEW_MAX, sourceId } from './OriginalText';
import { decodeFile, sizeProblem } from './readFile';
import './import.css';

const FORMATS: readonly { value: ImportFormat; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'text', label: 'Wire copy text' },
  { value: 'ninjs', label: 'ninjs' },
  { value: 'jsonfeed', label: 'JSON Feed' },
];
const FORMAT_WORDS: Record<ImportPreview['format'], string> = { text: 'wire copy text', ninjs: 'a ninjs file', jsonfeed: 'a JSON Feed' };

/** Cards drawn at a time; the rest wait behind "Show more" (all are imported). */
const CARD_PAGE = 50;
/** Drafts offered to open after an import; the rest are on the Desk. */
const CREATED_SHOWN = 12;
/** The most items one import stores (the service's limit). */
/** A file larger than this is not put into the paste area for editing. */
const EDITABLE_MAX = PREVIEW_MAX;

interface Input {
  text: string;
  /** The file it came from; null when pasted or typed. */
  file: string | null;
}

interface Found {
  preview: ImportPreview;
  /** The text the items were found in: every offset in the preview points into it. */
  from: string;
  drafts: Draft[];
}

interface Created {
  id: string;
  label: string;
}

const plural = (n: number, word: string): string => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

/** How a new draft is named on its Open button: slug, else headline, else how its body begins. */
function draftName(f: ImportFields): string {
  const name = f.slug || f.headline || importBodyText(f.body).replace(/\s+/g, ' ').trim() || 'untitled draft';
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

function errorText(e: DeskError): string {
  switch (e.code) {
    case ErrorCode.ImportFailed:
      return e.message;
    case ErrorCode.InvalidArgument:
    case ErrorCode.ValidationFailed:
      return `${e.message} Nothing was imported.`;
    default:
      return `The desk could not import this: ${e.message} Nothing was imported.`;
  }
}

/** File → Import: wire copy or a feed file in, the items found side by side with the text, drafts out. */
export function ImportView() {
  const { openItem: onOpenItem } = useApp();
  const [input, setInput] = useState<Input>({ text: '', file: null });
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [busy, setBusy] = useState<'finding' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [shown, setShown] = useState(CARD_PAGE);
  const [pointed, setPointed] = useState<number | null>(null);
  const [created, setCreated] = useState<Created[] | null>(null);
  /** The last file opened, kept so the editor can read it again in another encoding. */
  const [opened, setOpened] = useState<{ name: string; bytes: Uint8Array; encoding: ImportEncoding; failed: boolean } | null>(null);

  /** Nothing found, nothing stored: say why. */
  const refuse = (message: string) => {
    setFound(null);
    setCreated(null);
    setError(message);
  };

  const findItems = async (text: string) => {
    setBusy('finding');
    setError(null);
    setCreated(null);
    const r = await desk('parseImport', { text, format });
    setBusy(null);
    if (!r.ok) return refuse(errorText(r.error));
    // Copy already on the desk starts left out.
    setFound({ preview: r.value, from: text, drafts: r.value.items.map((i) => ({ fields: i.fields, include: i.duplicateOf === null, restored: [] })) });
    setShown(CARD_PAGE);
    setPointed(null);
  };

  const openBytes = (name: string, bytes: Uint8Array, encoding?: ImportEncoding) => {
    const read = decodeFile(name, bytes, encoding);
    setOpened(read.encoding ? { name, bytes, encoding: read.encoding, failed: !read.ok } : null);
    if (!read.ok) return refuse(read.message);
    setInput({ text: read.text, file: name });
    void findItems(read.text);
  };

  const openInBrowser = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = sizeProblem(file.name, file.size);
    if (tooLarge) return refuse(tooLarge);
    openBytes(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  const openInDesktop = async () => {
    const picked = await window.deskShell?.openFile();
    if (picked) openBytes(picked.name, picked.bytes);
  };

  const setDraft = (n: number, d: Draft) => setFound((f) => f && { ...f, drafts: f.drafts.map((x, i) => (i === n ? d : x)) });

  const included = found ? found.drafts.filter((d) => d.include) : [];
  const duplicates = found ? found.preview.items.filter((i) => i.duplicateOf !== null).length : 0;
  const blocked = found ? found.drafts.flatMap((d, n) => (d.include && hardLimitProblems(d.fields).length > 0 ? [n + 1] : [])) : [];

  const accept = async () => {
    if (!found) return;
    setBusy('importing');
    setError(null);
    const r = await desk('acceptImport', { items: included.map((d) => d.fields) });
    setBusy(null);
    if (!r.ok) return setError(errorText(r.error));
    setCreated(r.value.ids.map((id, i) => ({ id, label: draftName(included[i]!.fields) })));
    setFound(null);
    setInput({ text: '', file: null });
  };

  const showInText = (n: number) => {
    setPointed(n);
    document.getElementById(sourceId(n))?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  const large = input.file !== null && input.text.length > EDITABLE_MAX;
  const stale = found !== null && found.from !== input.text;
  const inText = (n: number) => found !== null && found.preview.format === 'text' && (found.preview.items[n]?.original?.start ?? PREVIEW_MAX) < PREVIEW_MAX;

  return (
    <main className={`imp${found ? ' imp-has-results' : ''}`} aria-label="Import">
      <section className="imp-input" aria-label="Input">
        {large ? (
          <p className="imp-loaded">
            <strong>{input.file}</strong> — {input.text.length.toLocaleString('en-GB')} characters, too long to edit here.{' '}
            <button type="button" onClick={() => setInput({ text: '', file: null })}>
              Clear
            </button>
          </p>
        ) : (
          <div className="field imp-paste">
            <div className="field-label">
              <label htmlFor="imp-paste">Paste wire copy</label>
              {input.file && <small className="imp-from">from {input.file}</small>}
            </div>
            <textarea
              id="imp-paste"
              rows={found ? 3 : 10}
              spellCheck={false}
              value={input.text}
              placeholder="Paste an agency page, a reporter's e-mail or a feed file (ninjs, JSON Feed) here, or open a file."
              onChange={(e) => setInput({ text: e.target.value, file: null })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && busy === null) void findItems(input.text);
              }}
            />
          </div>
        )}
        <div className="imp-controls">
          {window.deskShell ? (
            <button type="button" onClick={() => void openInDesktop()}>
              Open file
            </button>
          ) : (
            <label className="imp-file">
              Open file
              <input
                type="file"
                accept=".txt,.json,.ndjson,.jsonl,text/plain,application/json"
                onChange={(e) => {
                  void openInBrowser(e.target.files?.[0]);
                  e.target.value = '';
                }}
              />
            </label>
          )}
          <span className="imp-format">
            <label htmlFor="imp-format">Format</label>
            <select id="imp-format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </span>
          {opened && (opened.failed || input.file === opened.name) && (
            <span className="imp-format">
              <label htmlFor="imp-encoding">Encoding</label>
              <select id="imp-encoding" value={opened.encoding} title="Wiredesk's guess; choose another if the text looks wrong" onChange={(e) => openBytes(opened.name, opened.bytes, e.target.value as ImportEncoding)}>
                {Object.entries(IMPORT_ENCODINGS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </span>
          )}
          <button type="button" className="primary" disabled={busy !== null} title="Find items (Ctrl+Enter)" onClick={() => void findItems(input.text)}>
            {busy === 'finding' ? 'Finding items…' : 'Find items'}
          </button>
          <span className="imp-hint">Nothing is stored until you import.</span>
        </div>
        {error && (
          <p className="imp-error" role="alert">
            {error}
          </p>
        )}
      </section>

      {created && (
        <section className="imp-done" aria-label="Imported">
          <p role="status">
            {plural(created.length, 'draft')} created on the Desk.
          </p>
          <ul>
            {created.slice(0, CREATED_SHOWN).map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => onOpenItem(c.id)}>
                  Open {c.label}
                </button>
              </li>
            ))}
            {created.length > CREATED_SHOWN && <li className="imp-hint">and {(created.length - CREATED_SHOWN).toLocaleString('en-GB')} more on the Desk</li>}
          </ul>
        </section>
      )}

      {found && (
        <section className="imp-results" aria-label="Items found">
          <div className="imp-summary">
            <p role="status">
              Found {plural(found.drafts.length, 'item')} in {FORMAT_WORDS[found.preview.format]}
              {included.length < found.drafts.length && ` · ${included.length.toLocaleString('en-GB')} included`}.
            </p>
            {duplicates > 0 && <p className="imp-stale">{plural(duplicates, 'item')} already on the desk, left out.</p>}
            {stale && <p className="imp-stale">The text has changed since: Find items again to see it.</p>}
            {blocked.length > 0 && <p className="imp-blocked">Fix the fields marked in item {blocked.slice(0, 5).join(', ')}{blocked.length > 5 ? '…' : ''} first.</p>}
            {included.length > IMPORT_ITEMS_MAX && <p className="imp-blocked">One import takes at most {IMPORT_ITEMS_MAX.toLocaleString('en-GB')} items; leave some out or split the file.</p>}
            <span className="spacer" />
            <button
              type="button"
              className="primary"
              disabled={busy !== null || included.length === 0 || included.length > IMPORT_ITEMS_MAX || blocked.length > 0}
              onClick={() => void accept()}
            >
              {busy === 'importing' ? 'Importing…' : `Import ${plural(included.length, 'item')}`}
            </button>
          </div>
          {found.preview.warnings.length > 0 && (
            <ul className="imp-warnings imp-file-warnings" aria-label="About the text">
              {found.preview.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          <div className={`imp-split${found.preview.format === 'text' ? '' : ' imp-feed'}`}>
            {found.preview.format === 'text' && <OriginalText text={found.from} items={found.preview.items} included={found.drafts.map((d) => d.include)} pointed={pointed} />}
            <div className="imp-cards">
              {found.drafts.slice(0, shown).map((d, n) => (
                <ImportCard
                  key={n}
                  n={n}
                  candidate={found.preview.items[n]!}
                  draft={d}
                  onChange={(next) => setDraft(n, next)}
                  onShowInText={inText(n) ? () => showInText(n) : undefined}
                  onFocus={() => setPointed(n)}
                />
              ))}
              {found.drafts.length > shown && (
                <button type="button" className="imp-more" onClick={() => setShown((s) => s + CARD_PAGE)}>
                  Show {Math.min(CARD_PAGE, found.drafts.length - shown)} more of {plural(found.drafts.length - shown, 'item')} not shown
                </button>
              )}
            </div>
          </div>
        </section>
      )}
    </main>
  );
}
