import { describe, expect, it } from 'vitest';
import { type ImportFields, importBodyText, lightBody, putBack, richBody } from './importFields';
import { defaultFields } from './item';
import { DEFAULT_SETTINGS } from './settings';
import { bodyFromBlocks, bodyFromPlainText, emptyBody, paragraph, textNode } from './richtext';

describe('import bodies', () => {
  it('gives plain paragraphs back as the same rich text, and only then', () => {
    for (const rich of [bodyFromPlainText('One.\nTwo.'), emptyBody(), bodyFromBlocks([paragraph([]), paragraph([textNode('After an empty one.')])])]) {
      const light = lightBody(rich);
      expect(light).toHaveProperty('paragraphs');
      expect(richBody(light)).toEqual(rich);
    }
    const bold = bodyFromBlocks([paragraph([textNode('Bold', 1)])]);
    const twoRuns = bodyFromBlocks([paragraph([textNode('a'), textNode('b')])]);
    const indented = bodyFromBlocks([{ ...paragraph([textNode('In')]), indent: 1 }]);
    for (const rich of [bold, twoRuns, indented]) expect(lightBody(rich)).toEqual({ rich });
  });

  it('reads plain text from either form, empty paragraphs left out', () => {
    expect(importBodyText({ paragraphs: ['One.', '', 'Two.'] })).toBe('One.\nTwo.');
    expect(importBodyText({ rich: bodyFromPlainText('One.\nTwo.') })).toBe('One.\nTwo.');
  });

  it('puts a left-out line back before the paragraph it stood before, in either form', () => {
    const base: ImportFields = { ...defaultFields(DEFAULT_SETTINGS), body: { paragraphs: ['First.', 'Second.'] } };
    expect(putBack(base, { text: 'Back.', paragraph: 1 }).body).toEqual({ paragraphs: ['First.', 'Back.', 'Second.'] });
    expect(putBack({ ...base, body: { paragraphs: [] } }, { text: 'Only.', paragraph: 3 }).body).toEqual({ paragraphs: ['Only.'] });
    const rich = putBack({ ...base, body: { rich: emptyBody() } }, { text: 'Only.', paragraph: 0 }).body;
    expect(rich).toEqual({ rich: bodyFromPlainText('Only.') });
  });
});
