import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { EditorState } from 'lexical';
import { memo, useCallback } from 'react';
import type { SerializedBody } from '@core/richtext';
import { safeUrl } from '@core/sanitize';
import { BODY_NODES } from './nodes';
import { BlockFormatPlugin } from './plugins/BlockFormatPlugin';
import { KeepFormatsPlugin } from './plugins/KeepFormatsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { bodyTheme } from './theme';
import './editor.css';

interface Props {
  /** The body to start from; remount (change `key`) to load another. */
  initial: SerializedBody;
  readOnly?: boolean;
  /** Id of the visible label that names the body. */
  labelledBy: string;
  onChange(body: SerializedBody): void;
}

const validateUrl = (url: string) => safeUrl(url) !== null;

/** The wire item's body: Lexical rich text limited to the desk's formats (not redrawn by the item editor's own renders). */
export const BodyEditor = memo(function BodyEditor({ initial, readOnly = false, labelledBy, onChange }: Props) {
  const handleChange = useCallback((state: EditorState) => onChange(state.toJSON() as unknown as SerializedBody), [onChange]);
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
        {!readOnly && <ToolbarPlugin />}
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
      </div>
    </LexicalComposer>
  );
});
