// The typing and cold-start reference of `npm run bench`: Lexical with rich text and history,
// nothing else (no React, no desk). `?long` loads the bench's 5,000-word body from /body.txt.
import { registerHistory, createEmptyHistoryState } from '@lexical/history';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';

const editor = createEditor({
  namespace: 'bare',
  nodes: [HeadingNode, QuoteNode],
  onError: (e) => {
    throw e;
  },
});
editor.setRootElement(document.getElementById('editor'));
registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);

const text = location.search.includes('long') ? await (await fetch('/body.txt')).text() : 'The plan was signed between the ministries.';
editor.update(
  () => {
    const root = $getRoot();
    root.clear();
    for (const line of text.split('\n')) root.append($createParagraphNode().append($createTextNode(line)));
  },
  { discrete: true },
);
window.__ready = true;
