import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { mergeRegister } from '@lexical/utils';
import { $createParagraphNode, $getSelection, $isRangeSelection, COMMAND_PRIORITY_EDITOR, COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { type BlockKind, EDIT_LINK_COMMAND, SET_BLOCK_COMMAND } from '../commands';

/** Keyboard shortcuts for blocks (bold, italic, underline, undo and redo are Lexical's own). */
const SHORTCUTS: { code: string; shift: boolean; alt: boolean; kind: BlockKind }[] = [
  { code: 'Digit0', shift: false, alt: true, kind: 'paragraph' },
  { code: 'Digit2', shift: false, alt: true, kind: 'h2' },
  { code: 'Digit7', shift: true, alt: false, kind: 'number' },
  { code: 'Digit8', shift: true, alt: false, kind: 'bullet' },
  { code: 'Digit9', shift: true, alt: false, kind: 'quote' },
];

export function BlockFormatPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SET_BLOCK_COMMAND,
          (kind) => {
            if (kind === 'bullet') return editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
            if (kind === 'number') return editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return false;
            $setBlocksType(selection, () => (kind === 'h2' ? $createHeadingNode('h2') : kind === 'quote' ? $createQuoteNode() : $createParagraphNode()));
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            const mod = event.ctrlKey || event.metaKey;
            if (!mod) return false;
            if (event.code === 'KeyK' && !event.shiftKey && !event.altKey) {
              event.preventDefault();
              return editor.dispatchCommand(EDIT_LINK_COMMAND, undefined);
            }
            const hit = SHORTCUTS.find((s) => s.code === event.code && s.shift === event.shiftKey && s.alt === event.altKey);
            if (!hit) return false;
            event.preventDefault();
            return editor.dispatchCommand(SET_BLOCK_COMMAND, hit.kind);
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );
  return null;
}
