import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, CLEAR_HISTORY_COMMAND, type EditorState, type TextNode } from 'lexical';
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import type { SerializedBody } from '@core/richtext';
import { safeUrl } from '@core/sanitize';
import { BODY_NODES } from './nodes';
import { BlockFormatPlugin } from './plugins/BlockFormatPlugin';
import { KeepFormatsPlugin } from './plugins/KeepFormatsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { bodyTheme } from './theme';
import './editor.css';

interface Props {
  /** The body to start from. */
  initial: SerializedBody;
  /** The item whose body it is: the same item shown anew keeps the caret where it was. */
  itemId: string;
  /** A new number loads `initial` in place of what the editor holds, with a fresh undo history (another item shown). */
  opened: number;
  readOnly?: boolean;
  /** Id of the visible label that names the body. */
  labelledBy: string;
  onChange(body: SerializedBody): void;
}

/** The update that loads another body. */
const LOADED = 'wiredesk-load';

const validateUrl = (url: string) => safeUrl(url) !== null;

/** The wire item's body: Lexical rich text limited to the desk's formats (not redrawn by the item editor's own renders). */
export const BodyEditor = memo(function BodyEditor({ initial, itemId, opened, readOnly = false, labelledBy, onChange }: Props) {
  const handleChange = useCallback(
    (state: EditorState, _editor: unknown, tags: Set<string>) => {
      // A body loaded is what the item holds already, not an edit.
      if (!tags.has(LOADED)) onChange(state.toJSON() as unknown as SerializedBody);
    },
    [onChange],
  );
  return (
    <LexicalComposer
      initialConfig={{
        namespace: 'wiredesk-body',
        nodes: BODY_NODES,
        theme: bodyTheme,
        editable: !readOnly,
        editorState: JSON.stringify(initial),
        onError(error) {
          console.error('[body editor]', error);
        },
      }}
    >
      <div className={`body-editor${readOnly ? ' read-only' : ''}`}>
        {/* Each item shown starts the toolbar afresh (no half-typed link carried over). */}
        {!readOnly && <ToolbarPlugin itemId={itemId} />}
        <RichTextPlugin
          contentEditable={<ContentEditable className="body-input" aria-labelledby={labelledBy} aria-multiline="true" role="textbox" spellCheck />}
          placeholder={<div className="body-placeholder">Type the story. The dateline and sign-off are added from the fields.</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={validateUrl} />
        <KeepFormatsPlugin />
        <BlockFormatPlugin />
        <OnChangePlugin onChange={handleChange} ignoreSelectionChange />
        <LoadPlugin initial={initial} itemId={itemId} opened={opened} readOnly={readOnly} />
      </div>
    </LexicalComposer>
  );
});

/** Loads the body of each item shown in place of the last (one editor for every item, not one each), with a fresh undo history. */
function LoadPlugin({ initial, itemId, opened, readOnly }: { initial: SerializedBody; itemId: string; opened: number; readOnly: boolean }) {
  const [editor] = useLexicalComposerContext();
  const loaded = useRef({ opened, itemId });
  // In the commit that shows the item, before a key can reach the body.
  useLayoutEffect(() => {
    if (loaded.current.opened === opened) return;
    const same = loaded.current.itemId === itemId;
    loaded.current = { opened, itemId };
    // The same item shown anew (submitted, someone else's save) under the caret: the keys typed next go where it was.
    const root = editor.getRootElement();
    const focused = root !== null && root === document.activeElement;
    const caret = same && focused ? editor.getEditorState().read($caret) : null;
    editor.setEditorState(editor.parseEditorState(initial), { tag: LOADED });
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
    if (caret) editor.update(() => $placeCaret(caret), { tag: LOADED, discrete: true });
  }, [editor, initial, itemId, opened]);
  useLayoutEffect(() => editor.setEditable(!readOnly), [editor, readOnly]);
  return null;
}

/** Where the caret is: its top-level block, and the characters of that block's text before it. */
type Caret = { block: number; offset: number };

function $caret(): Caret | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const point = selection.focus;
  const node = point.getNode();
  if (node.getParent() === null) return null;
  const block = node.getTopLevelElementOrThrow();
  // The text before the caret: up to its offset in a text node; before the child at its offset in an element.
  const after = $isElementNode(node) ? node.getChildAtIndex(point.offset) : null;
  const before = (text: TextNode) => {
    if ($isTextNode(node)) return text.isBefore(node);
    if (after) return text.isBefore(after) && !($isElementNode(after) && after.isParentOf(text));
    return text.isBefore(node) || ($isElementNode(node) && node.isParentOf(text));
  };
  let offset = $isTextNode(node) ? point.offset : 0;
  for (const text of block.getAllTextNodes()) if (before(text)) offset += text.getTextContentSize();
  return { block: block.getIndexWithinParent(), offset };
}

function $placeCaret(caret: Caret): void {
  const block = $getRoot().getChildAtIndex(caret.block);
  if (!$isElementNode(block)) return void $getRoot().selectEnd();
  let left = caret.offset;
  for (const text of block.getAllTextNodes()) {
    const size = text.getTextContentSize();
    if (left <= size) return void text.select(left, left);
    left -= size;
  }
  block.selectEnd();
}
