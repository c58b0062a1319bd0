import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { isEmbargoPast, renderWireCopy } from '@core/copy';
import { type ItemFields, submissionProblems } from '@core/item';
import { bodyToPlainText, countCharacters, countWords } from '@core/richtext';
import { sanitizeBody } from '@core/sanitize';
import { type EditorAction, isEditable, statusWords } from '@core/workflow';
import { useSettings } from '@renderer/app/AppContext';
import { type WireField, WireFieldsForm } from '@renderer/fields/WireFieldsForm';
import { ChangesView, usePublished } from '@renderer/shared/ChangesView';
import { desk, shortTime } from '@renderer/shared/desk';
import type { ItemDetail } from '../../../contract';
import { ActionBar } from './ActionBar';
import { ConflictBanner } from './ConflictBanner';
import { BodyEditor } from './editor/BodyEditor';
import { HistoryPanel } from './HistoryPanel';
import { ProblemList, showsAtField } from './ProblemList';
import { useAutosave } from './useAutosave';
import { submitWhy, useEditorCommands } from './useEditorCommands';
import { WirePreview } from './WirePreview';

interface Props {
  detail: ItemDetail;
  /**
   * Which showing of an item this is: a new number each time one is shown (another item, or this
   * one anew). The editor stays mounted; what belongs to one showing starts afresh with the next.
   */
  opened: number;
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

const EMBARGO_PASSED = { message: 'The embargo time has already passed.', severity: 'warning' } as const;

/** One item: its wire fields, body, the copy as it goes out, and what it still needs. */
export function ItemEditor({ detail, opened, onChanged, onReplace, onOpen, onTheirs, changedBy, showHistory, onToggleHistory }: Props) {
  const settings = useSettings();
  // The item as last saved: a save can move it (an approved item edited goes back to review).
  const [item, setItem] = useStateOf(opened, detail.item);
  const onSaved = useCallback(
    (d: ItemDetail) => {
      setItem(d.item);
      onChanged(d);
    },
    [setItem, onChanged],
  );
  const { fields, update, typing, state, save, restore, keepMine, takeTheirs, own } = useAutosave(detail, opened, onSaved, onTheirs);
  // Each item shown starts at its top. The boxes scrolled are noted as they scroll: a scroll
  // position read (or set) as the next item is drawn would lay the page out in the key's task.
  const editorBox = useRef<HTMLElement>(null);
  const scrolled = useRef(new Set<Element>());
  useEffect(() => {
    const section = editorBox.current;
    const note = (e: Event) => {
      const box = e.target as Element;
      if (box.scrollTop > 0) scrolled.current.add(box);
      else scrolled.current.delete(box);
    };
    section?.addEventListener('scroll', note, { capture: true, passive: true });
    return () => section?.removeEventListener('scroll', note, { capture: true });
  }, []);
  useLayoutEffect(() => {
    for (const box of scrolled.current) box.scrollTop = 0;
    scrolled.current.clear();
  }, [opened]);
  const changed = state.kind === 'conflict' ? { by: state.theirs.updatedBy, at: state.theirs.updatedAt } : (changedBy ?? null);
  const [actionError, setActionError] = useStateOf<string | null>(opened, null);
  /** What is wrong with embargo text typed but not yet a time (not stored), or null; told again for each showing. */
  const [embargoUnread, setEmbargoUnread] = useStateOf<string | null>(opened, null);
  // It is an edit under way: an approved or held item goes back to review now, not once it reads as a time.
  useEffect(() => typing(embargoUnread ? 'embargo' : null), [typing, embargoUnread]);
  const editable = isEditable(item.status);
  const setBody = useCallback((body: ItemFields['body']) => update({ body }), [update]);

  // The desktop app spellchecks in the item's language (the browser desk keeps the browser's).
  useEffect(() => void window.deskShell?.setSpellcheckLanguage(fields.language), [fields.language]);

  // The preview, counts and problems follow the typing without holding it up.
  // Another item shown is shown whole at once: its fields, never the last item's, in its preview.
  const typed = useMemo(() => ({ fields, opened }), [fields, opened]);
  const lagging = useDeferredValue(typed);
  const shown = lagging.opened === opened ? lagging.fields : fields;
  const body = useMemo(() => sanitizeBody(shown.body), [shown.body]);
  const copy = useMemo(() => renderWireCopy({ ...shown, body }, settings.datelineStyle), [shown, body, settings.datelineStyle]);
  const plain = useMemo(() => bodyToPlainText(body), [body]);
  const counts = useMemo(() => `${countWords(plain)} words · ${countCharacters(plain)} characters`, [plain]);
  const checked = useMemo(() => submissionProblems({ ...shown, body }, { version: item.version, settings }), [shown, body, item.version, settings]);
  // Embargo text not yet a time is not stored: the item must not go as if it had none.
  const unread = useMemo(
    () =>
      embargoUnread
        ? { field: 'embargo' as const, code: 'INVALID' as const, message: `Embargo not finished: ${embargoUnread}`, severity: 'error' as const }
        : null,
    [embargoUnread],
  );
  const problems = useMemo(() => (unread ? [...checked, unread] : checked), [checked, unread]);
  // The form gets the same props while only the body changes, so a key typed in the body does
  // not redraw it: the other fields as one object, and the problems, kept while they read the same.
  const { body: _body, ...headNow } = fields;
  const headKey = JSON.stringify(headNow);
  const head = useMemo(() => JSON.parse(headKey) as Omit<ItemFields, 'body'>, [headKey]);
  const problemsKey = JSON.stringify(problems);
  const sameProblems = useMemo(() => JSON.parse(problemsKey) as typeof problems, [problemsKey]);
  const embargo = fields.embargo;
  const problemFor = useCallback(
    (f: WireField) => {
      const p = sameProblems.find((x) => x.field === f && showsAtField(x));
      if (p || f !== 'embargo') return p;
      return embargo && isEmbargoPast(embargo, new Date()) ? EMBARGO_PASSED : undefined;
    },
    [sameProblems, embargo],
  );

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

  // A copy is made of what is stored: an embargo not finished would be left out of it.
  const duplicate = () =>
    unread
      ? setActionError(`Not duplicated. ${unread.message} Finish or clear it first.`)
      : afterSave(async () => {
          const r = await desk('duplicateItem', { id: item.id });
          if (r.ok) onOpen(r.value.item.id);
          else setActionError(r.error.message);
        });

  const why = submitWhy(problems);
  useEditorCommands({ item, why, showHistory, onToggleHistory, duplicate: () => void duplicate(), act: (a) => void act(a) });
  // A correction shows what changed since the version that went out (a kill is no correction).
  const published = usePublished(item.id, item.status === 'killed' ? 0 : item.version);

  return (
    <section ref={editorBox} className="item-editor" aria-label="Item" data-shown={opened}>
      <ActionBar
        item={item}
        embargo={shown.embargo}
        saveState={state}
        changed={changed}
        showHistory={showHistory}
        onToggleHistory={onToggleHistory}
        onDuplicate={() => void duplicate()}
        onAction={(a) => void act(a)}
        submitBlocked={why || null}
      />
      {item.returnNote && item.status === 'draft' && (
        <p className="return-note" role="note">
          <strong>Returned by the desk:</strong> {item.returnNote}
        </p>
      )}
      {state.kind === 'conflict' && (
        <ConflictBanner
          theirs={state.theirs}
          onKeepMine={() => void keepMine(state.theirs)}
          onTakeTheirs={() => void takeTheirs(state.theirs).then((d) => d && onReplace(d))}
        />
      )}
      {actionError && (
        <p className="action-error" role="alert">
          {actionError}
        </p>
      )}
      {item.reopened && item.status === 'submitted' && (
        <p className="reopened-note" role="note">
          <strong>Back in review: edited after approval.</strong> {item.reopened.by} changed it at {shortTime(item.reopened.at)}; it goes out only once it is
          approved again.
        </p>
      )}
      {(item.status === 'approved' || item.status === 'held') && (
        <p className="hint banner">
          This version is {statusWords(item.status)}. Editing it sends it back to review: it must be approved again before it goes out.
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
            <WireFieldsForm
              fields={head}
              onChange={update}
              problemFor={problemFor}
              subscriberNoteRequired={item.version >= 2}
              slugLocked={item.publishedVersion > 0}
              datelineExample={copy.dateline || undefined}
              // Read-only, the fields show what is stored (what goes out), not text half typed before.
              itemId={editable ? detail.item.id : `${detail.item.id} read-only`}
              onEmbargoUnread={setEmbargoUnread}
            />
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
              {counts}
            </small>
          </div>
          <BodyEditor initial={detail.item.body} itemId={detail.item.id} opened={opened} readOnly={!editable} labelledBy="body-label" onChange={setBody} />
          {published && <ChangesView published={published} headline={shown.headline} bodyText={plain} />}
          <WirePreview embargo={shown.embargo} headline={shown.headline} blocks={copy.blocks} />
          {item.status === 'draft' ? <ProblemList problems={problems} /> : editable && unread && <ProblemList title="Before it goes out" problems={[unread]} />}
        </div>
        {showHistory && <HistoryPanel key={item.id} itemId={item.id} saveState={state} onRestore={onRestore} />}
      </div>
    </section>
  );
}

/**
 * State of one showing of an item: it reads `initial` again once the next is `opened` (the
 * editor stays mounted from item to item), and a set meant for an earlier one (a late save or
 * action of the item left) is dropped.
 */
function useStateOf<T>(opened: number, initial: T): [T, (value: T) => void] {
  const [state, setState] = useState({ of: opened, value: initial });
  const shown = useRef(opened);
  shown.current = opened;
  const set = useCallback((value: T) => shown.current === opened && setState({ of: opened, value }), [opened]);
  return [state.of === opened ? state.value : initial, set];
}
