import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isLinkNode, LinkNode } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';
import { TextNode } from 'lexical';
import { useEffect } from 'react';
import { TEXT_FORMAT } from '@core/richtext';
import { safeUrl } from '@core/sanitize';

const ALLOWED = TEXT_FORMAT.bold | TEXT_FORMAT.italic | TEXT_FORMAT.underline;

/**
 * Whatever arrives (paste from Word or the web, drag and drop), only the desk's formats
 * stay: inline styles, strikethrough, code and the like are dropped; unsafe links unlinked.
 */
export function KeepFormatsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
          const format = node.getFormat();
          if ((format & ~ALLOWED) !== 0) node.setFormat(format & ALLOWED);
        }),
        editor.registerNodeTransform(LinkNode, (node) => {
          if (!$isLinkNode(node)) return;
          const url = safeUrl(node.getURL());
          if (url === null) {
            for (const child of node.getChildren()) node.insertBefore(child);
            node.remove();
          } else if (node.getTarget() !== null || node.getRel() !== 'noopener noreferrer') {
            node.setTarget(null);
            node.setRel('noopener noreferrer');
          }
        }),
      ),
    [editor],
  );
  return null;
}
