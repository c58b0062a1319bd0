import { createCommand, type LexicalCommand } from 'lexical';

export type BlockKind = 'paragraph' | 'h2' | 'quote' | 'bullet' | 'number';

/** Turn the selected blocks into a paragraph, sub-heading, quote or list. */
export const SET_BLOCK_COMMAND: LexicalCommand<BlockKind> = createCommand('SET_BLOCK_COMMAND');
/** Ask for a link on the selection (null removes it). */
export const EDIT_LINK_COMMAND: LexicalCommand<void> = createCommand('EDIT_LINK_COMMAND');
