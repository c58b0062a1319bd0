/**
 * An item an import found, before it is stored. Its body travels light: wire copy's as the
 * plain paragraphs the parser joined (the editor's rich text, Lexical's serialised state, is
 * about 250 bytes more per paragraph and is made only when the item is imported); a feed's
 * as plain paragraphs too when that loses nothing, else as the rich text it came with.
 */
import type { ItemFields } from './item';
import { type SerializedBody, bodyFromBlocks, bodyToPlainText, emptyBody, paragraph, textNode } from './richtext';

export type ImportBody = { paragraphs: string[] } | { rich: SerializedBody };

export type ImportFields = Omit<ItemFields, 'body'> & { body: ImportBody };

/** The body as the editor stores it: one paragraph of unformatted text per line. */
export function richBody(body: ImportBody): SerializedBody {
  if ('rich' in body) return body.rich;
  const paras = body.paragraphs;
  return paras.length === 0 ? emptyBody() : bodyFromBlocks(paras.map((p) => paragraph(p === '' ? [] : [textNode(p)])));
}

/** A rich body as plain paragraphs when it is nothing more (no formats, links, lists, headings); else as it is. */
export function lightBody(rich: SerializedBody): ImportBody {
  const paragraphs: string[] = [];
  for (const b of rich.root.children) {
    if (b.type !== 'paragraph' || b.children.length > 1) return { rich };
    const only = b.children[0];
    if (only && only.type !== 'text') return { rich };
    paragraphs.push(only?.text ?? '');
  }
  const light = { paragraphs };
  // Lossless or not at all: anything the paragraphs would not give back (a format, an indent) keeps the rich text.
  return sameValue(richBody(light), rich) ? light : { rich };
}

/** Deep equality of JSON values, whatever the order of their keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
}

/** Plain text of the body, one line per paragraph, empty ones left out (as bodyToPlainText). */
export function importBodyText(body: ImportBody): string {
  if ('rich' in body) return bodyToPlainText(body.rich);
  return body.paragraphs.filter((p) => p.trim().length > 0).join('\n');
}

/** What an import stores for a found item. */
export function storedFields(f: ImportFields): ItemFields {
  return { ...f, body: richBody(f.body) };
}

/** An item read from a feed, with its body made light where that loses nothing. */
export function foundFields(f: ItemFields): ImportFields {
  return { ...f, body: lightBody(f.body) };
}

/** Put a left-out line back into a body, as a paragraph of its own, before paragraph `at`. */
export function putBack(fields: ImportFields, line: { text: string; paragraph: number }): ImportFields {
  const paras = 'rich' in fields.body ? null : fields.body.paragraphs;
  if (paras) {
    const kept = paras.length === 1 && paras[0] === '' ? [] : [...paras];
    kept.splice(Math.min(line.paragraph, kept.length), 0, line.text);
    return { ...fields, body: { paragraphs: kept } };
  }
  const children = [...richBody(fields.body).root.children];
  const empty = children.length === 1 && children[0]!.type === 'paragraph' && children[0]!.children.length === 0;
  if (empty) children.length = 0;
  children.splice(Math.min(line.paragraph, children.length), 0, paragraph([textNode(line.text)]));
  return { ...fields, body: { rich: bodyFromBlocks(children) } };
}
