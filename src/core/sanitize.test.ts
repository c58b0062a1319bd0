import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from './richtext';
import { safeUrl, sanitizeBody } from './sanitize';

const root = (children: unknown[]) => ({ root: { type: 'root', children } });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });
const t = (text: string, format = 0) => ({ type: 'text', text, format });

describe('the body sanitizer', () => {
  it('anything that is not an editor state becomes one empty paragraph', () => {
    for (const junk of [null, 42, 'text', [], {}, { root: 'x' }, { root: { children: 'x' } }]) {
      expect(sanitizeBody(junk).root.children).toEqual([expect.objectContaining({ type: 'paragraph', children: [] })]);
    }
  });

  it('keeps the wire formats and drops every other format bit, style and attribute', () => {
    const body = sanitizeBody(root([p({ ...t('bold and code', 1 | 16), style: 'color:red', onclick: 'x()' })]));
    const first = body.root.children[0]!;
    const text = first.type === 'paragraph' ? first.children[0] : null;
    expect(text).toMatchObject({ type: 'text', text: 'bold and code', format: 1, style: '' });
    expect(JSON.stringify(body)).not.toMatch(/onclick|color:red/);
  });

  it('links keep only http(s) and mailto; others keep their text', () => {
    const body = sanitizeBody(
      root([
        p({ type: 'link', url: 'javascript:alert(1)', children: [t('click')] }, t(' '), {
          type: 'link',
          url: 'https://mod.gov.az/x',
          children: [t('ministry')],
        }),
      ]),
    );
    expect(JSON.stringify(body)).not.toContain('javascript');
    expect(bodyToPlainText(body)).toBe('click ministry');
    expect(safeUrl('https://a.b/c?d=1')).toBe('https://a.b/c?d=1');
    expect(safeUrl('mailto:desk@turan.az')).toBe('mailto:desk@turan.az');
    for (const bad of ['data:text/html,x', 'http://a b', 'https://a"b', ' javascript:x', 42]) expect(safeUrl(bad)).toBeNull();
  });

  it('unknown containers (tables, code) keep their text as paragraphs; unknown leaves go', () => {
    const body = sanitizeBody(
      root([
        { type: 'table', children: [{ type: 'tablerow', children: [{ type: 'tablecell', children: [p(t('cell text'))] }] }] },
        { type: 'image', src: 'x.png' },
      ]),
    );
    expect(bodyToPlainText(body)).toBe('cell text');
    expect(JSON.stringify(body)).not.toContain('x.png');
  });

  it('headings become the one sub-heading level; lists renumber from 1 and nest only so deep', () => {
    const body = sanitizeBody(
      root([
        { type: 'heading', tag: 'h1', children: [t('Sub')] },
        { type: 'list', listType: 'number', start: 3, children: [{ type: 'listitem', value: 9, children: [t('a')] }] },
      ]),
    );
    expect(body.root.children[0]).toMatchObject({ type: 'heading', tag: 'h2' });
    expect(body.root.children[1]).toMatchObject({ type: 'list', tag: 'ol', start: 3, children: [{ value: 1 }] });
    let deep: unknown = { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [t('bottom')] }] };
    for (let i = 0; i < 50; i++) deep = { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [t(`level ${i}`), deep] }] };
    const flat = JSON.stringify(sanitizeBody(root([deep])));
    expect(flat.split('"type":"list"').length - 1).toBeLessThanOrEqual(9);
  });
});
