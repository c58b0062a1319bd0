// The floor of the desk's cold start in `npm run bench`: the bare page's editor (rich text and
// history, one short paragraph) mounted by React with @lexical/react, as the desk mounts it, and
// nothing else (no desk, no list, no fields). Informational: shows what React and its Lexical
// bindings cost before the desk does anything.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';

const config = {
  namespace: 'bare-react',
  nodes: [HeadingNode, QuoteNode],
  onError: (e) => {
    throw e;
  },
  editorState: () => $getRoot().append($createParagraphNode().append($createTextNode('The plan was signed between the ministries.'))),
};

createRoot(document.getElementById('root')).render(
  h(
    LexicalComposer,
    { initialConfig: config },
    h(RichTextPlugin, {
      contentEditable: h(ContentEditable, { className: 'editor', role: 'textbox', 'aria-label': 'Body' }),
      ErrorBoundary: LexicalErrorBoundary,
    }),
    h(HistoryPlugin),
  ),
);
