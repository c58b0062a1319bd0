import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { safeUrl } from '@core/sanitize';
import { useToolbarKeys } from '@renderer/shared/useToolbarKeys';
import { useAnotherItem } from '@renderer/shared/useAnotherItem';
import { type BlockKind, EDIT_LINK_COMMAND, SET_BLOCK_COMMAND } from '../commands';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

const MARKS: { format: TextFormatType; label: string; key: string; glyph: string }[] = [
  { format: 'bold', label: 'Bold', key: 'B', glyph: 'B' },
  { format: 'italic', label: 'Italic', key: 'I', glyph: 'I' },
  { format: 'underline', label: 'Underline', key: 'U', glyph: 'U' },
];

const BLOCKS: { kind: BlockKind; label: string; keys: string; glyph: string }[] = [
  { kind: 'paragraph', label: 'Paragraph', keys: `${MOD}Alt+0`, glyph: '¶' },
  { kind: 'h2', label: 'Sub-heading', keys: `${MOD}Alt+2`, glyph: 'H' },
  { kind: 'bullet', label: 'Bulleted list', keys: `${MOD}Shift+8`, glyph: '•' },
  { kind: 'number', label: 'Numbered list', keys: `${MOD}Shift+7`, glyph: '1.' },
  { kind: 'quote', label: 'Quote', keys: `${MOD}Shift+9`, glyph: '“' },
];

/** Another item shown (`itemId`): the marks and a half-typed link start afresh (the same item shown anew keeps the link). */
export function ToolbarPlugin({ itemId }: { itemId: string }) {
  const [editor] = useLexicalComposerContext();
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const [block, setBlock] = useState<BlockKind>('paragraph');
  const [inLink, setInLink] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const [linkError, setLinkError] = useState('');
  const linkInput = useRef<HTMLInputElement>(null);
  if (useAnotherItem(itemId)) {
    setMarks({});
    setBlock('paragraph');
    setInLink(false);
    setLinkDraft(null);
    setLinkError('');
  }
  const keys = useToolbarKeys<HTMLDivElement>();

  const refresh = useCallback(() => {
    const selection = $getSelection();
    // No caret in the body (a body loaded anew while the caret was elsewhere): nothing is pressed.
    if (!$isRangeSelection(selection)) {
      setMarks((was) => (was.bold || was.italic || was.underline ? {} : was));
      setBlock('paragraph');
      setInLink(false);
      return;
    }
    const now = { bold: selection.hasFormat('bold'), italic: selection.hasFormat('italic'), underline: selection.hasFormat('underline') };
    // The same marks keep the same object: typing on in one format does not redraw the toolbar.
    setMarks((was) => (was.bold === now.bold && was.italic === now.italic && was.underline === now.underline ? was : now));
    const anchor = selection.anchor.getNode();
    const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
    const list = $getNearestNodeOfType(anchor, ListNode);
    if (list && $isListNode(list)) setBlock(list.getListType() === 'number' ? 'number' : 'bullet');
    else if ($isHeadingNode(top)) setBlock('h2');
    else if ($isQuoteNode(top)) setBlock('quote');
    else setBlock('paragraph');
    const parent = anchor.getParent();
    setInLink($isLinkNode(parent) || $isLinkNode(anchor));
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(
          EDIT_LINK_COMMAND,
          () => {
            setLinkDraft('https://');
            setLinkError('');
            setTimeout(() => linkInput.current?.select(), 0);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, refresh],
  );

  const applyLink = () => {
    const url = safeUrl(linkDraft ?? '');
    if (!url) {
      setLinkError('Links must start with http://, https:// or mailto:');
      return;
    }
    // The words it was for are no longer chosen once the body was loaded anew (another window's
    // save under the address): say so and keep the address, rather than close it with no link.
    if (!editor.getEditorState().read(() => $isRangeSelection($getSelection()))) {
      setLinkError('Select the words to link in the body, then Apply link.');
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, { url, rel: 'noopener noreferrer', target: null });
    // Carry on typing after the link, not over it.
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || selection.isCollapsed()) return;
      const end = selection.isBackward() ? selection.anchor : selection.focus;
      const { key, offset, type } = end;
      selection.anchor.set(key, offset, type);
      selection.focus.set(key, offset, type);
    });
    setLinkDraft(null);
    editor.focus();
  };

  return (
    // A click on a button leaves the caret in the body (the link address field takes focus as usual).
    <div
      ref={keys.ref}
      className="toolbar"
      role="toolbar"
      aria-label="Body formatting"
      onKeyDown={keys.onKeyDown}
      onFocus={keys.onFocus}
      onMouseDown={(e) => e.target instanceof HTMLInputElement || e.preventDefault()}
    >
      <button type="button" aria-label="Undo" title={`Undo (${MOD}Z)`} disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        ↶
      </button>
      <button
        type="button"
        aria-label="Redo"
        title={`Redo (${MOD}${isMac ? 'Shift+Z' : 'Y'})`}
        disabled={!canRedo}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      >
        ↷
      </button>
      <span className="sep" />
      {MARKS.map((m) => (
        <button
          key={m.format}
          type="button"
          className={`mark-${m.format}`}
          aria-label={m.label}
          aria-pressed={marks[m.format] === true}
          title={`${m.label} (${MOD}${m.key})`}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, m.format)}
        >
          {m.glyph}
        </button>
      ))}
      <span className="sep" />
      {BLOCKS.map((b) => (
        <button
          key={b.kind}
          type="button"
          aria-label={b.label}
          aria-pressed={block === b.kind}
          title={`${b.label} (${b.keys})`}
          onClick={() => editor.dispatchCommand(SET_BLOCK_COMMAND, b.kind)}
        >
          {/* Drawn by CSS: the button is named by its label alone. */}
          <span aria-hidden="true" className="glyph" data-glyph={b.glyph} />
        </button>
      ))}
      <span className="sep" />
      <button
        type="button"
        aria-label={inLink ? 'Remove link' : 'Link'}
        aria-pressed={inLink}
        title={`Link (${MOD}K)`}
        onClick={() => (inLink ? editor.dispatchCommand(TOGGLE_LINK_COMMAND, null) : editor.dispatchCommand(EDIT_LINK_COMMAND, undefined))}
      >
        Link
      </button>
      {linkDraft !== null && (
        <span className="link-edit">
          <input
            ref={linkInput}
            aria-label="Link address"
            value={linkDraft}
            onChange={(e) => setLinkDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              } else if (e.key === 'Escape') {
                setLinkDraft(null);
                editor.focus();
              }
            }}
          />
          <button type="button" onClick={applyLink}>
            Apply link
          </button>
          {linkError && <span className="field-error">{linkError}</span>}
        </span>
      )}
    </div>
  );
}
