/**
 * The body of a wire item is a serialized Lexical editor state. This module is the
 * pure side of it: the node shapes Wiredesk allows, a sanitizer that rebuilds any
 * incoming state from those shapes only, and serializers to plain text and HTML.
 * It never imports Lexical itself, so core stays free of DOM and runtime.
 */

/** Lexical text format bits that Wiredesk keeps (others are dropped). */
export const TEXT_FORMAT = { bold: 1, italic: 2, underline: 8 } as const;
const ALLOWED_FORMAT_MASK = TEXT_FORMAT.bold | TEXT_FORMAT.italic | TEXT_FORMAT.underline;

export interface SerializedText {
  type: 'text';
  text: string;
  format: number;
  detail: 0;
  mode: 'normal';
  style: '';
  version: 1;
}
export interface SerializedLineBreak {
  type: 'linebreak';
  version: 1;
}
export interface SerializedLink {
  type: 'link';
  url: string;
  rel: 'noopener noreferrer';
  target: null;
  title: null;
  children: SerializedText[];
  direction: 'ltr' | 'rtl' | null;
  format: '';
  indent: 0;
  version: 1;
}
export type SerializedInline = SerializedText | SerializedLineBreak | SerializedLink;

interface BlockBase {
  direction: 'ltr' | 'rtl' | null;
  format: '';
  indent: number;
  version: 1;
}
export interface SerializedParagraph extends BlockBase {
  type: 'paragraph';
  children: SerializedInline[];
  textFormat: 0;
  textStyle: '';
}
export interface SerializedHeading extends BlockBase {
  type: 'heading';
  tag: 'h2';
  children: SerializedInline[];
}
export interface SerializedQuote extends BlockBase {
  type: 'quote';
  children: SerializedInline[];
}
export interface SerializedListItem extends BlockBase {
  type: 'listitem';
  value: number;
  children: (SerializedInline | SerializedList)[];
}
export interface SerializedList extends BlockBase {
  type: 'list';
  listType: 'bullet' | 'number';
  start: number;
  tag: 'ul' | 'ol';
  children: SerializedListItem[];
}
export type SerializedBlock = SerializedParagraph | SerializedHeading | SerializedQuote | SerializedList;

export interface SerializedBody {
  root: {
    type: 'root';
    children: SerializedBlock[];
    direction: 'ltr' | 'rtl' | null;
    format: '';
    indent: 0;
    version: 1;
  };
}

/** Deepest nesting a body keeps (lists in lists); deeper content is flattened or dropped. */
export const MAX_DEPTH = 8;

export function textNode(text: string, format = 0): SerializedText {
  return { type: 'text', text, format: format & ALLOWED_FORMAT_MASK, detail: 0, mode: 'normal', style: '', version: 1 };
}

export function paragraph(children: SerializedInline[]): SerializedParagraph {
  return { type: 'paragraph', children, direction: null, format: '', indent: 0, version: 1, textFormat: 0, textStyle: '' };
}

export function bodyFromBlocks(children: SerializedBlock[]): SerializedBody {
  return { root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 } };
}

export function emptyBody(): SerializedBody {
  return bodyFromBlocks([paragraph([])]);
}

/** One paragraph per non-empty line: how wire copy arrives as plain text. */
export function bodyFromPlainText(text: string): SerializedBody {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return emptyBody();
  return bodyFromBlocks(lines.map((l) => paragraph([textNode(l)])));
}

// ---------------------------------------------------------------------------
// Plain text

function inlineText(nodes: readonly (SerializedInline | SerializedList)[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text') s += n.text;
    else if (n.type === 'linebreak') s += '\n';
    else if (n.type === 'link') s += n.children.map((c) => c.text).join('');
  }
  return s;
}

function listLines(list: SerializedList, depth: number): string[] {
  const lines: string[] = [];
  list.children.forEach((item, i) => {
    const marker = list.listType === 'number' ? `${list.start + i}.` : '-';
    const own = inlineText(item.children);
    if (own) lines.push(`${'  '.repeat(depth)}${marker} ${own}`);
    for (const c of item.children) if (c.type === 'list') lines.push(...listLines(c, depth + 1));
  });
  return lines;
}

/** Paragraph texts of the body in order, one string per block line. */
export function bodyLines(body: SerializedBody): string[] {
  const lines: string[] = [];
  for (const b of body.root.children) {
    if (b.type === 'list') lines.push(...listLines(b, 0));
    else lines.push(inlineText(b.children));
  }
  return lines;
}

/** Plain text of the body: one line per block, empty blocks dropped. */
export function bodyToPlainText(body: SerializedBody): string {
  return bodyLines(body)
    .filter((l) => l.trim().length > 0)
    .join('\n');
}

/** A word: a letter or digit, then letters, digits, apostrophes, hyphens and points. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu;
const NOT_ASCII = /[\u0080-\uffff]/;

export function countWords(text: string): number {
  // Plain ASCII (most wire copy) is counted by a scan with the same rule, without building every word.
  if (!NOT_ASCII.test(text)) return countAsciiWords(text);
  const m = text.match(WORD);
  return m ? m.length : 0;
}

/** Whether the text has a word at all (countWords > 0): a letter or a digit anywhere. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** An ASCII character's part in a word: 1 a letter or digit, 2 one that continues a word (' - .), 0 one that ends it. */
const ASCII_WORD = new Uint8Array(128).map((_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : c === 39 || c === 45 || c === 46 ? 2 : 0,
);

function countAsciiWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const part = ASCII_WORD[text.charCodeAt(i)];
    if (part === 1) {
      if (!inWord) n++;
      inWord = true;
    } else if (part === 0) inWord = false;
  }
  return n;
}

/** A UTF-16 surrogate. A text without one (any one-byte string, found at once) has as many characters as units. */
const SURROGATE = /[\ud800-\udfff]/;

/** Characters as a reader counts them: code points (a surrogate pair is one), as [...text].length, without the array. */
export function countCharacters(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

// ---------------------------------------------------------------------------
// HTML: our own serializer limited to the allowed formats; every text escaped.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const HTML_SPECIAL = /[&<>"']/;

export function escapeHtml(s: string): string {
  return HTML_SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : s;
}

function textHtml(n: SerializedText): string {
  let h = escapeHtml(n.text);
  if (n.format & TEXT_FORMAT.underline) h = `<u>${h}</u>`;
  if (n.format & TEXT_FORMAT.italic) h = `<em>${h}</em>`;
  if (n.format & TEXT_FORMAT.bold) h = `<strong>${h}</strong>`;
  return h;
}

function inlineHtml(nodes: readonly (SerializedInline | SerializedList)[]): string {
  let h = '';
  for (const n of nodes) {
    if (n.type === 'text') h += textHtml(n);
    else if (n.type === 'linebreak') h += '<br>';
    else if (n.type === 'link') h += `<a href="${escapeHtml(n.url)}" rel="noopener noreferrer">${n.children.map(textHtml).join('')}</a>`;
    else if (n.type === 'list') h += listHtml(n);
  }
  return h;
}

function listHtml(list: SerializedList): string {
  const start = list.listType === 'number' && list.start !== 1 ? ` start="${list.start}"` : '';
  return `<${list.tag}${start}>${list.children.map((i) => `<li>${inlineHtml(i.children)}</li>`).join('')}</${list.tag}>`;
}

function blockHtml(b: SerializedBlock, prefix = ''): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${prefix}${inlineHtml(b.children)}</p>`;
    case 'heading':
      return `<h2>${prefix}${inlineHtml(b.children)}</h2>`;
    case 'quote':
      return `<blockquote>${prefix}${inlineHtml(b.children)}</blockquote>`;
    case 'list':
      return (prefix ? `<p>${prefix}</p>` : '') + listHtml(b);
  }
}

const isEmptyBlock = (b: SerializedBlock): boolean => b.type !== 'list' && inlineText(b.children).trim() === '';

/**
 * HTML of the body. `lead` is inserted (already escaped) at the start of the first
 * block and `tail` at the end of the last — how the dateline and sign-off travel.
 */
export function bodyToHtml(body: SerializedBody, opts: { leadHtml?: string; tailHtml?: string } = {}): string {
  return bodyBlocksHtml(body, opts).join('\n');
}

/** The body's HTML a block at a time: each part is one element (a preview can redraw only the parts that changed). */
export function bodyBlocksHtml(body: SerializedBody, opts: { leadHtml?: string; tailHtml?: string } = {}): string[] {
  const blocks = body.root.children.filter((b) => !isEmptyBlock(b));
  const parts = blocks.map((b, i) => blockHtml(b, i === 0 && opts.leadHtml ? `${opts.leadHtml} ` : ''));
  if (blocks.length === 0 && opts.leadHtml) parts.push(`<p>${opts.leadHtml}</p>`);
  if (opts.tailHtml) {
    const last = parts.length - 1;
    const lastBlock = blocks[blocks.length - 1];
    if (last >= 0 && lastBlock && lastBlock.type !== 'list') {
      parts[last] = parts[last]!.replace(/<\/(p|h2|blockquote)>$/, (_m, tag: string) => ` ${opts.tailHtml}</${tag}>`);
    } else {
      parts.push(`<p>${opts.tailHtml}</p>`);
    }
  }
  return parts;
}
