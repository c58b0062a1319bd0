import { IMPORT_ENCODINGS, type ImportEncoding } from '@core/encoding';
import type { ImportFormat } from '../../../contract';
import { FORMATS, count, size } from './words';

/** Longer than this, a text is not put into the paste box (a 38 MB textarea stalls the page): it is shown read-only. */
export const EDITABLE_MAX = 200_000;
/** How much of a text too long to edit is shown before its items are found. */
const EXCERPT_MAX = 1_500;

export interface Input {
  text: string;
  /** The file it came from; null when pasted or typed. */
  file: string | null;
}

/** The last file opened, kept so that it can be read again in another encoding. */
export interface Opened {
  name: string;
  bytes: Uint8Array;
  encoding: ImportEncoding;
  failed: boolean;
}

interface Props {
  input: Input;
  /** Typed or pasted into the box (a paste too long for it comes as `large`). */
  onInput(input: Input, large: boolean): void;
  opened: Opened | null;
  onEncoding(encoding: ImportEncoding): void;
  format: ImportFormat;
  onFormat(format: ImportFormat): void;
  busy: 'finding' | 'importing' | null;
  onFind(): void;
  onFile(file: File | undefined): void;
  onDesktopFile(): void;
  /** Items are shown below: the box takes less room. */
  compact: boolean;
  /** Items have been found in this text (the excerpt gives way to them). */
  found: boolean;
  error: string | null;
}

/** The text to import: a paste box, or — for a long text — its name and size, read-only; the file, format and encoding choices. */
export function ImportInput({ input, onInput, opened, onEncoding, format, onFormat, busy, onFind, onFile, onDesktopFile, compact, found, error }: Props) {
  const large = input.text.length > EDITABLE_MAX;
  const bytes = opened && input.file === opened.name && !opened.failed ? opened.bytes.length : null;
  return (
    <section className="imp-input" aria-label="Input">
      {large ? (
        <div className="imp-loaded" role="group" aria-label="Text to import">
          <p>
            <strong>{input.file ?? 'Pasted text'}</strong> — {bytes !== null && `${size(bytes)}, `}
            {count(input.text.length)} characters: too long to edit here. It is read-only; the items found are shown beside it, page by page.{' '}
            <button type="button" onClick={() => onInput({ text: '', file: null }, false)}>
              Clear
            </button>
          </p>
          {!found && <pre className="imp-excerpt" aria-label="How the text begins">{`${input.text.slice(0, EXCERPT_MAX)}…`}</pre>}
        </div>
      ) : (
        <div className="field imp-paste">
          <div className="field-label">
            <label htmlFor="imp-paste">Paste wire copy</label>
            {input.file && <small className="imp-from">from {input.file}</small>}
          </div>
          <textarea
            id="imp-paste"
            rows={compact ? 3 : 10}
            spellCheck={false}
            value={input.text}
            placeholder="Paste an agency page, a reporter's e-mail or a feed file (ninjs, JSON Feed) here, or open a file."
            onChange={(e) => onInput({ text: e.target.value, file: null }, false)}
            onPaste={(e) => {
              const pasted = e.clipboardData.getData('text/plain');
              if (pasted.length <= EDITABLE_MAX) return;
              // Kept out of the box: the whole paste becomes the text, shown read-only.
              e.preventDefault();
              onInput({ text: pasted, file: null }, true);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && busy === null) onFind();
            }}
          />
        </div>
      )}
      <div className="imp-controls">
        {window.deskShell ? (
          <button type="button" onClick={onDesktopFile}>
            Open file
          </button>
        ) : (
          <label className="imp-file">
            Open file
            <input
              type="file"
              accept=".txt,.json,.ndjson,.jsonl,text/plain,application/json"
              onChange={(e) => {
                onFile(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </label>
        )}
        <span className="imp-format">
          <label htmlFor="imp-format">Format</label>
          <select id="imp-format" value={format} onChange={(e) => onFormat(e.target.value as ImportFormat)}>
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
            <select
              id="imp-encoding"
              value={opened.encoding}
              title="Wiredesk's guess; choose another if the text looks wrong"
              onChange={(e) => onEncoding(e.target.value as ImportEncoding)}
            >
              {Object.entries(IMPORT_ENCODINGS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </span>
        )}
        <button type="button" className="primary" disabled={busy !== null} title="Find items (Ctrl+Enter)" onClick={onFind}>
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
  );
}
