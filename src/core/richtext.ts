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

const MAX_DEPTH = 8;

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
// Sanitizer: rebuild from allowed shapes only. Unknown nodes keep their text.

type Unknown = Record<string, unknown>;
const isObj = (v: unknown): v is Unknown => typeof v === 'object' && v !== null && !Array.isArray(v);
const childrenOf = (n: Unknown): unknown[] => (Array.isArray(n.children) ? n.children : []);
const dirOf = (n: Unknown): 'ltr' | 'rtl' | null => (n.direction === 'ltr' || n.direction === 'rtl' ? n.direction : null);

/** Links keep only http(s) and mailto URLs; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  return /^(https?:\/\/|mailto:)/i.test(u) && !/[\u0000-\u001f\s"'<>`]/.test(u) ? u : null;
}

function sanitizeInlines(nodes: unknown[], depth: number): SerializedInline[] {
  const out: SerializedInline[] = [];
  for (const n of nodes) {
    if (!isObj(n) || depth > MAX_DEPTH) continue;
    if (n.type === 'text' || n.type === 'tab' || n.type === 'hashtag') {
      const text = typeof n.text === 'string' ? n.text : '';
      if (text) out.push(textNode(text, typeof n.format === 'number' ? n.format : 0));
    } else if (n.type === 'linebreak') {
      out.push({ type: 'linebreak', version: 1 });
    } else if (n.type === 'link' || n.type === 'autolink') {
      const texts = sanitizeInlines(childrenOf(n), depth + 1).filter((c): c is SerializedText => c.type === 'text');
      const url = safeUrl(n.url);
      if (url && texts.length > 0) {
        out.push({ type: 'link', url, rel: 'noopener noreferrer', target: null, title: null, children: texts, direction: dirOf(n), format: '', indent: 0, version: 1 });
      } else {
        out.push(...texts);
      }
    } else if (Array.isArray(n.children)) {
      out.push(...sanitizeInlines(n.children, depth + 1));
    }
  }
  return mergeTexts(out);
}

/** Neighbouring text runs of one format become one (as Lexical itself normalizes them). */
function mergeTexts<T extends SerializedInline>(nodes: T[]): T[] {
  const out: T[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'text' && n.type === 'text' && prev.format === n.format) out[out.length - 1] = textNode(prev.text + n.text, prev.format) as T;
    else out.push(n);
  }
  return out;
}

function sanitizeList(n: Unknown, depth: number): SerializedList {
  const listType = n.listType === 'number' ? 'number' : 'bullet';
  const items: SerializedListItem[] = [];
  let value = 1;
  for (const c of childrenOf(n)) {
    if (!isObj(c)) continue;
    const kids: (SerializedInline | SerializedList)[] = [];
    const raw = c.type === 'listitem' ? childrenOf(c) : [c];
    for (const k of raw) {
      if (isObj(k) && k.type === 'list' && depth < MAX_DEPTH) kids.push(sanitizeList(k, depth + 1));
      else kids.push(...sanitizeInlines([k], depth + 1));
    }
    items.push({ type: 'listitem', value: value++, children: kids, direction: dirOf(c), format: '', indent: 0, version: 1 });
  }
  const start = typeof n.start === 'number' && Number.isInteger(n.start) && n.start > 0 ? n.start : 1;
  return { type: 'list', listType, start, tag: listType === 'number' ? 'ol' : 'ul', children: items, direction: dirOf(n), format: '', indent: 0, version: 1 };
}

function sanitizeBlocks(nodes: unknown[], depth: number): SerializedBlock[] {
  const out: SerializedBlock[] = [];
  for (const n of nodes) {
    if (!isObj(n) || depth > MAX_DEPTH) continue;
    const base = { direction: dirOf(n), format: '' as const, indent: 0, version: 1 as const };
    if (n.type === 'paragraph') out.push({ ...base, type: 'paragraph', children: sanitizeInlines(childrenOf(n), depth + 1), textFormat: 0, textStyle: '' });
    else if (n.type === 'heading') out.push({ ...base, type: 'heading', tag: 'h2', children: sanitizeInlines(childrenOf(n), depth + 1) });
    else if (n.type === 'quote') out.push({ ...base, type: 'quote', children: sanitizeInlines(childrenOf(n), depth + 1) });
    else if (n.type === 'list') out.push(sanitizeList(n, depth + 1));
    else if (n.type === 'text' || n.type === 'link' || n.type === 'autolink' || n.type === 'linebreak') {
      out.push(paragraph(sanitizeInlines([n], depth + 1)));
    } else if (Array.isArray(n.children)) {
      // Unknown container (table, code block, layout…): keep its content as blocks.
      const inner = sanitizeBlocks(n.children, depth + 1);
      if (inner.length > 0) out.push(...inner);
      else out.push(paragraph(sanitizeInlines(n.children, depth + 1)));
    }
  }
  return out;
}

/** Rebuild a body from anything: only allowed nodes, formats, and safe links survive. */
export function sanitizeBody(input: unknown): SerializedBody {
  const root = isObj(input) && isObj(input.root) ? input.root : null;
  if (!root) return emptyBody();
  const blocks = sanitizeBlocks(childrenOf(root), 0);
  return bodyFromBlocks(blocks.length > 0 ? blocks : [paragraph([])]);
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

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu);
  return m ? m.length : 0;
}

export function countCharacters(text: string): number {
  return [...text].length;
}

// ---------------------------------------------------------------------------
// HTML: our own serializer limited to the allowed formats; every text escaped.

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
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
  return parts.join('\n');
}
