/**
 * The body sanitizer: a body from anywhere (the editor, an import, an HTTP request) is rebuilt
 * from allowed shapes only — paragraphs, one heading level, quotes, lists, bold/italic/underline,
 * line breaks and http(s)/mailto links. Unknown nodes keep their text; nothing else survives.
 */
import {
  MAX_DEPTH,
  type SerializedBlock,
  type SerializedBody,
  type SerializedInline,
  type SerializedList,
  type SerializedListItem,
  type SerializedText,
  bodyFromBlocks,
  emptyBody,
  paragraph,
  textNode,
} from './richtext';

type Unknown = Record<string, unknown>;
const isObj = (v: unknown): v is Unknown => typeof v === 'object' && v !== null && !Array.isArray(v);
const childrenOf = (n: Unknown): unknown[] => (Array.isArray(n.children) ? n.children : []);
const dirOf = (n: Unknown): 'ltr' | 'rtl' | null => (n.direction === 'ltr' || n.direction === 'rtl' ? n.direction : null);

/** Links keep only http(s) and mailto URLs; anything else (javascript:, data:) is dropped. */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
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
        out.push({
          type: 'link',
          url,
          rel: 'noopener noreferrer',
          target: null,
          title: null,
          children: texts,
          direction: dirOf(n),
          format: '',
          indent: 0,
          version: 1,
        });
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
  if (nodes.length < 2) return nodes; // the usual paragraph: one run, nothing to merge or copy
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
    // Each block written out in full, keys in their stored order: on Node 20 spreading shared keys
    // and adding more costs ~10 µs an object, most of what sanitising a long body took.
    // The children as a value, not a closure made per block: until the JIT has warmed up (the
    // first saves of a session) making one costs more than the block's own work.
    const direction = dirOf(n);
    const own = n.type === 'paragraph' || n.type === 'heading' || n.type === 'quote' ? sanitizeInlines(childrenOf(n), depth + 1) : [];
    if (n.type === 'paragraph') out.push({ direction, format: '', indent: 0, version: 1, type: 'paragraph', children: own, textFormat: 0, textStyle: '' });
    else if (n.type === 'heading') out.push({ direction, format: '', indent: 0, version: 1, type: 'heading', tag: 'h2', children: own });
    else if (n.type === 'quote') out.push({ direction, format: '', indent: 0, version: 1, type: 'quote', children: own });
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
