import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, killNotice } from './settings';
import fc from 'fast-check';
import { type ItemFields, changedFieldLabels, defaultFields, fieldsJsonWithoutBody, pickFields, submissionProblems } from './item';
import { bodyFromPlainText, bodyToPlainText } from './richtext';

const ready = (over: Partial<ItemFields> = {}): ItemFields => ({
  ...defaultFields(DEFAULT_SETTINGS),
  slug: 'BAKU-TALKS',
  headline: 'Talks in Baku',
  dateline: { place: 'Baku', date: '2023-10-06', agency: 'Turan' },
  category: 'Politics',
  signOff: '06B',
  body: bodyFromPlainText('The talks went on.'),
  ...over,
});
const codes = (f: ItemFields, ctx: Parameters<typeof submissionProblems>[1] = { settings: DEFAULT_SETTINGS }) =>
  submissionProblems(f, ctx)
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.field}:${p.code}`);

describe('what stands before submission, as codes', () => {
  it('a ready item has none', () => {
    expect(codes(ready())).toEqual([]);
  });

  it('an incomplete or impossible date blocks at the Date field; the slash style needs a date, AP only warns', () => {
    expect(codes(ready({ dateline: { place: 'Baku', date: '6.10.', agency: 'Turan' } }))).toEqual(['dateline.date:DATE_INCOMPLETE']);
    expect(codes(ready({ dateline: { place: 'Baku', date: '31.02.2023', agency: 'Turan' } }))).toEqual(['dateline.date:DATE_IMPOSSIBLE']);
    expect(codes(ready({ dateline: { place: 'Baku', date: '', agency: 'Turan' } }))).toEqual(['dateline.date:DATE_REQUIRED']);
    const ap = { settings: { ...DEFAULT_SETTINGS, datelineStyle: 'ap' as const } };
    expect(codes(ready({ dateline: { place: 'Baku', date: '', agency: 'Turan' } }), ap)).toEqual([]);
    expect(submissionProblems(ready({ dateline: { place: 'Baku', date: '', agency: 'Turan' } }), ap)).toContainEqual(
      expect.objectContaining({ code: 'NO_DATE', severity: 'warning' }),
    );
  });

  it('a correction needs a note to subscribers; version 1 does not', () => {
    expect(codes(ready(), { version: 2, settings: DEFAULT_SETTINGS })).toEqual(['subscriberNote:SUBSCRIBER_NOTE_REQUIRED']);
    expect(codes(ready({ subscriberNote: 'Corrects the day.' }), { version: 2, settings: DEFAULT_SETTINGS })).toEqual([]);
  });

  it('required fields say REQUIRED', () => {
    expect(codes(ready({ headline: '', slug: '', body: bodyFromPlainText('') }))).toEqual(['headline:REQUIRED', 'slug:REQUIRED', 'body:REQUIRED']);
  });
});

describe('the kill notice', () => {
  it('fills slug and reason into the desk template', () => {
    expect(killNotice(DEFAULT_SETTINGS.killTemplate, 'BAKU-TALKS', ' Source retracted. ')).toBe('KILL — BAKU-TALKS. Source retracted. Do not use this story.');
    expect(killNotice('{reason} ({slug}) {slug}', 'X', 'Why')).toBe('Why (X) X');
  });
});

describe('what a save stores and compares', () => {
  it('a revision stored without its body, with the body spliced in as migration 150 does, is exactly JSON.stringify of the fields', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.option(fc.string(), { nil: null }),
        fc.string(),
        (slug, headline, keywords, embargo, text) => {
          const f = ready({ slug, headline, keywords, embargo, body: bodyFromPlainText(text) });
          const head = fieldsJsonWithoutBody(f);
          return `${head.slice(0, -1)},"body":${JSON.stringify(f.body)}}` === JSON.stringify(pickFields(f));
        },
      ),
    );
  });

  it('names the changed fields in the form’s order, the body last as the caller found it', () => {
    const a = ready();
    expect(changedFieldLabels(a, { ...a, headline: 'New', keywords: ['x'] }, true)).toEqual(['Headline', 'Keywords', 'Body']);
    expect(changedFieldLabels(a, pickFields(a), false)).toEqual([]);
  });

  it('an empty body is REQUIRED whether its text is derived here or given by a save', () => {
    const empty = ready({ body: bodyFromPlainText(' - ') });
    expect(codes(empty)).toContain('body:REQUIRED');
    expect(codes(empty, { settings: DEFAULT_SETTINGS, bodyText: bodyToPlainText(empty.body) })).toContain('body:REQUIRED');
    expect(codes(ready(), { settings: DEFAULT_SETTINGS, bodyText: 'The talks went on.' })).not.toContain('body:REQUIRED');
  });
});
