import { useEffect, useState } from 'react';
import type { ImportEncoding } from '@core/encoding';
import type { ImportFormat } from '../../../contract';
import { useApp } from '@renderer/app/AppContext';
import { desk } from '@renderer/shared/desk';
import type { Draft } from './ImportCard';
import { type Input, ImportInput, type Opened } from './ImportInput';
import { type Found, ImportResults } from './ImportResults';
import { CARD_PAGE } from './Pager';
import { decodeFile, sizeProblem } from './readFile';
import { count, draftName, errorText, plural } from './words';
import './import.css';

/** Drafts offered to open after an import; the rest are on the Desk. */
const CREATED_SHOWN = 12;

interface Created {
  id: string;
  label: string;
}

/**
 * File → Import: wire copy or a feed file in, the items found side by side with the text,
 * drafts out. The text stays here: the desk answers with the items and offsets into it.
 */
export function ImportView() {
  const { openItem: onOpenItem } = useApp();
  const [input, setInput] = useState<Input>({ text: '', file: null });
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [busy, setBusy] = useState<'finding' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [first, setFirst] = useState(0);
  const [pointed, setPointed] = useState<number | null>(null);
  /** A card to bring into view once its page is drawn. */
  const [goTo, setGoTo] = useState<number | null>(null);
  const [created, setCreated] = useState<Created[] | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);

  useEffect(() => {
    if (goTo === null) return;
    document.getElementById(`imp-card-${goTo}`)?.scrollIntoView({ block: 'start' });
    setGoTo(null);
  }, [goTo, first]);

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
    setFirst(0);
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

  const onInput = (next: Input, large: boolean) => {
    setInput(next);
    if (!large) return;
    // A paste too long for the box is read at once, as an opened file is.
    setOpened(null);
    void findItems(next.text);
  };

  const setDraft = (n: number, d: Draft) => setFound((f) => f && { ...f, drafts: f.drafts.map((x, i) => (i === n ? d : x)) });

  const showItem = (n: number) => {
    setFirst(Math.floor(n / CARD_PAGE) * CARD_PAGE);
    setPointed(n);
    setGoTo(n);
  };

  const accept = async () => {
    if (!found) return;
    const included = found.drafts.filter((d) => d.include);
    setBusy('importing');
    setError(null);
    const r = await desk('acceptImport', { items: included.map((d) => d.fields) });
    setBusy(null);
    if (!r.ok) return setError(errorText(r.error));
    setCreated(r.value.ids.map((id, i) => ({ id, label: draftName(included[i]!.fields) })));
    setFound(null);
    setInput({ text: '', file: null });
  };

  return (
    <main className={`imp${found ? ' imp-has-results' : ''}`} aria-label="Import">
      <ImportInput
        input={input}
        onInput={onInput}
        opened={opened}
        onEncoding={(encoding) => opened && openBytes(opened.name, opened.bytes, encoding)}
        format={format}
        onFormat={setFormat}
        busy={busy}
        onFind={() => void findItems(input.text)}
        onFile={(file) => void openInBrowser(file)}
        onDesktopFile={() => void openInDesktop()}
        compact={found !== null}
        found={found !== null && found.from === input.text}
        error={error}
      />

      {created && (
        <section className="imp-done" aria-label="Imported">
          <p role="status">{plural(created.length, 'draft')} created on the Desk.</p>
          <ul>
            {created.slice(0, CREATED_SHOWN).map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => onOpenItem(c.id)}>
                  Open {c.label}
                </button>
              </li>
            ))}
            {created.length > CREATED_SHOWN && <li className="imp-hint">and {count(created.length - CREATED_SHOWN)} more on the Desk</li>}
          </ul>
        </section>
      )}

      {found && (
        <ImportResults
          found={found}
          stale={found.from !== input.text}
          busy={busy}
          first={first}
          onFirst={setFirst}
          onGoTo={showItem}
          pointed={pointed}
          onPoint={setPointed}
          onDraft={setDraft}
          onAccept={() => void accept()}
        />
      )}
    </main>
  );
}
