import type { EditorThemeClasses } from 'lexical';

export const bodyTheme: EditorThemeClasses = {
  paragraph: 'b-p',
  quote: 'b-quote',
  heading: { h2: 'b-h2' },
  list: { ul: 'b-ul', ol: 'b-ol', listitem: 'b-li', nested: { listitem: 'b-li-nested' } },
  link: 'b-link',
  text: { bold: 'b-bold', italic: 'b-italic', underline: 'b-underline' },
};
