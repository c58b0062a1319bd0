/**
 * The HTML body of a feed item, both ways. Out: the wire copy from renderWireCopy, with
 * the dateline's date and agency also carried as data attributes on its span, because
 * the rendered dateline loses them (two-digit or no year; the agency's spacing).
 * In: any HTML, read with htmlparser2; the tags that serializer emits (p, h2, blockquote,
 * ul/ol/li, a, strong, em, u, br and the dateline and sign-off spans) keep their meaning,
 * other tags keep their text; scripts, styles, embedded documents and comments are dropped.
 */
import { Parser } from 'htmlparser2';
import { renderWireCopy, type WireCopy } from '../copy';
import type { ItemFields } from '../item';
import { type SerializedBody, TEXT_FORMAT, escapeHtml } from '../richtext';
import { safeUrl, sanitizeBody } from '../sanitize';
import type { DatelineStyle } from '../settings';

export function feedCopy(f: Pick<ItemFields, 'dateline' | 'body' | 'signOff'>, style: DatelineStyle): WireCopy {
  const copy = renderWireCopy(f, style);
  if (!copy.dateline) return copy;
  const { date, agency } = f.dateline;
  const attrs = (date ? ` data-date="${escapeHtml(date)}"` : '') + (agency ? ` data-agency="${escapeHtml(agency)}"` : '');
  // Body text is escaped, so the first "<span" is ours; a function keeps "$" in the agency literal.
  return { ...copy, html: copy.html.replace('<span class="dateline">', () => `<span class="dateline"${attrs}>`) };
}

export interface CopyParts {
  body: SerializedBody;
  /** From the dateline span; null when the HTML has none. */
  dateline: { date: string; agency: string } | null;
  /** The code inside the sign-off span ("06B" from ---06B---), or ''. */
  signOff: string;
}

// ---------------------------------------------------------------------------
// Tree, built with htmlparser2 (a streaming parser: it iterates, so no input can exhaust the stack)

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: HNode[];
}
type HNode = string | El;

/** Dropped with everything inside them: code, styling, embedded documents, metadata. */
const DROPPED = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'head', 'svg', 'math']);
/**
 * Deepest element nesting kept. Copy nests a few levels; anything deeper (10,000 nested <b>)
 * keeps its text in the element at this depth, and every later step stays shallow.
 */
export const HTML_DEPTH_MAX = 32;

function appendText(children: HNode[], text: string): void {
  const last = children.length - 1;
  if (typeof children[last] === 'string') children[last] += text;
  else children.push(text);
}

function parseTree(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  // One entry per open element, as htmlparser2 opens and closes them (it closes every one,
  // implied or not): the element in the tree, or null when dropped or past the depth cap.
  const open: (El | null)[] = [];
  const kept: El[] = [root];
  let dropping = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (dropping > 0 || DROPPED.has(name)) {
          dropping++;
          open.push(null);
          return;
        }
        if (kept.length > HTML_DEPTH_MAX) {
          open.push(null);
          return;
        }
        const el: El = { tag: name, attrs: attribs, children: [] };
        kept[kept.length - 1]!.children.push(el);
        kept.push(el);
        open.push(el);
      },
      onclosetag() {
        const el = open.pop();
        if (el === undefined) return;
        if (el === null) {
          if (dropping > 0) dropping--;
          return;
        }
        kept.pop();
      },
      ontext(text) {
        if (dropping === 0) appendText(kept[kept.length - 1]!.children, text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return root;
}

const textOf = (n: HNode): string => (typeof n === 'string' ? n : n.children.map(textOf).join(''));
const isSpan = (n: HNode | undefined, cls: string): n is El => typeof n === 'object' && n.tag === 'span' && n.attrs.class === cls;

/** Take the dateline span off the start of the first block and the sign-off span off the end of the last. */
function takeSpans(root: El): Omit<CopyParts, 'body'> {
  let dateline: CopyParts['dateline'] = null;
  let signOff = '';
  const blocks = () => root.children.filter((n): n is El => typeof n === 'object');
  const dropIfEmpty = (b: El) => {
    if (b.tag === 'p' && b.children.length === 0) root.children.splice(root.children.indexOf(b), 1);
  };
  const first = blocks()[0];
  const span = first?.children[0];
  if (first && isSpan(span, 'dateline')) {
    first.children.shift();
    dateline = { date: span.attrs['data-date'] ?? '', agency: span.attrs['data-agency'] ?? '' };
    const next = first.children[0];
    if (typeof next === 'string' && next.startsWith(' ')) {
      if (next.length > 1) first.children[0] = next.slice(1);
      else first.children.shift();
    }
    dropIfEmpty(first);
  }
  const last = blocks().at(-1);
  if (last && isSpan(last.children.at(-1), 'signoff')) {
    const text = textOf(last.children.pop()!);
    signOff = /^---([\s\S]*)---$/.exec(text)?.[1] ?? text;
    const prev = last.children.at(-1);
    if (typeof prev === 'string' && prev.endsWith(' ')) {
      if (prev.length > 1) last.children[last.children.length - 1] = prev.slice(0, -1);
      else last.children.pop();
    }
    dropIfEmpty(last);
  }
  return { dateline, signOff };
}

// ---------------------------------------------------------------------------
// Tree to a loose Lexical state, then sanitizeBody makes it canonical.

type Loose = Record<string, unknown>;
const FORMAT_TAGS: Record<string, number> = {
  strong: TEXT_FORMAT.bold,
  b: TEXT_FORMAT.bold,
  em: TEXT_FORMAT.italic,
  i: TEXT_FORMAT.italic,
  u: TEXT_FORMAT.underline,
};
const BLOCK_TYPES: Record<string, string> = {
  p: 'paragraph',
  blockquote: 'quote',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
};
const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'body',
  'html',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'figure',
  'header',
  'footer',
  'main',
  'aside',
  'dl',
  'details',
]);
/** Blocks that are paragraphs in copy: a table caption or row, a figure caption, a definition, preformatted text. */
const PARAGRAPHS = new Set(['tr', 'caption', 'figcaption', 'dt', 'dd', 'summary', 'address', 'pre']);
const isCell = (n: HNode): n is El => typeof n === 'object' && (n.tag === 'td' || n.tag === 'th');

/** A row's cells, a tab between them (as a spreadsheet copies them); preformatted lines as line breaks. */
function paragraphContent(n: El): HNode[] {
  if (n.tag === 'tr') return n.children.filter(isCell).flatMap((cell, i) => (i === 0 ? [cell] : ['\t', cell]));
  if (n.tag !== 'pre') return n.children;
  const br: El = { tag: 'br', attrs: {}, children: [] };
  return n.children.flatMap((c) =>
    typeof c === 'string'
      ? c
          .replace(/^\n/, '')
          .split('\n')
          .flatMap((line, i) => (i === 0 ? [line] : [br, line]))
      : [c],
  );
}

function inlines(nodes: HNode[], format = 0, out: Loose[] = []): Loose[] {
  for (const n of nodes) {
    if (typeof n === 'string') {
      const last = out.at(-1);
      // Adjacent runs of one format are one Lexical text node.
      if (last?.type === 'text' && last.format === format) last.text = `${last.text as string}${n}`;
      else out.push({ type: 'text', text: n, format });
    } else if (n.tag === 'br') out.push({ type: 'linebreak' });
    else if (n.tag === 'a' && safeUrl(n.attrs.href)) out.push({ type: 'link', url: n.attrs.href, children: inlines(n.children, format) });
    else if (n.tag === 'ul' || n.tag === 'ol') out.push(list(n));
    else inlines(n.children, format | (FORMAT_TAGS[n.tag] ?? 0), out); // unsafe links and unknown tags keep their text
  }
  return out;
}

function list(n: El): Loose {
  const start = Number(n.attrs.start);
  return {
    type: 'list',
    listType: n.tag === 'ol' ? 'number' : 'bullet',
    start: Number.isInteger(start) && start > 0 ? start : 1,
    children: n.children.filter((c): c is El => typeof c === 'object' && c.tag === 'li').map((li) => ({ type: 'listitem', children: inlines(li.children) })),
  };
}

function blocks(nodes: HNode[]): Loose[] {
  const out: Loose[] = [];
  let loose: HNode[] = [];
  const flush = () => {
    // An image or an empty tag between blocks is no paragraph.
    if (loose.some((n) => textOf(n).trim() !== '')) out.push({ type: 'paragraph', children: inlines(loose) });
    loose = [];
  };
  for (const n of nodes) {
    if (typeof n === 'string' || !(n.tag in BLOCK_TYPES || n.tag === 'ul' || n.tag === 'ol' || CONTAINERS.has(n.tag) || PARAGRAPHS.has(n.tag))) {
      loose.push(n);
      continue;
    }
    flush();
    if (n.tag === 'ul' || n.tag === 'ol') out.push(list(n));
    else if (CONTAINERS.has(n.tag)) out.push(...blocks(n.children));
    else if (PARAGRAPHS.has(n.tag)) out.push({ type: 'paragraph', children: inlines(paragraphContent(n)) });
    else out.push({ type: BLOCK_TYPES[n.tag], children: inlines(n.children) });
  }
  flush();
  return out;
}

/** The inverse of feedCopy's HTML: body, dateline date and agency, sign-off. */
export function parseCopyHtml(html: string): CopyParts {
  const root = parseTree(html);
  const spans = takeSpans(root);
  return { body: sanitizeBody({ root: { children: blocks(root.children) } }), ...spans };
}
