import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importBodyText, richBody } from '../importFields';
import { bodyToPlainText } from '../richtext';
import { DEFAULT_SETTINGS } from '../settings';
import { SLUG_MAX, slugProblem } from '../slug';
import { placeName } from './datelines';
import { parseDate } from './dates';
import { type ParseResult, type ParsedItem, parseWireCopy, putBack } from './parse';
import { suggestSlug } from './suggest-slug';

const settings = { ...DEFAULT_SETTINGS, defaultSignOff: '' };
const now = new Date('2023-10-07T09:00:00Z');
const parse = (text: string, opts: { now?: Date; defaultSignOff?: string } = {}): ParseResult =>
  parseWireCopy(text, { settings: { ...settings, defaultSignOff: opts.defaultSignOff ?? '' }, now: opts.now ?? now });
const only = (text: string): ParsedItem => {
  const r = parse(text);
  expect(r.items).toHaveLength(1);
  return r.items[0]!;
};
const bodyOf = (item: ParsedItem): string => importBodyText(item.fields.body);
const spans = (item: ParsedItem, field: string): string[] => item.recognised.filter((s) => s.field === field).map((s) => s.text);

/** Every span must point at exactly its text in the input, and lie inside its item. */
function expectSpansInInput(text: string, r: ParseResult): void {
  for (const item of r.items) {
    expect(item.original.start).toBeLessThanOrEqual(item.original.end);
    for (const s of item.recognised) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBeGreaterThanOrEqual(item.original.start);
      expect(s.end).toBeLessThanOrEqual(item.original.end);
    }
  }
}

const sampleUrl = new URL('../../../../shared/samples/turan-page.txt', import.meta.url);
const hasSample = existsSync(sampleUrl);

describe.skipIf(!hasSample)(hasSample ? 'the Turan sample page' : `the Turan sample page — SKIPPED: ${fileURLToPath(sampleUrl)} is absent`, () => {
  const text = hasSample ? readFileSync(sampleUrl, 'utf8') : '';
  const r = parse(text);

  it('reads five items and no text-wide warnings', () => {
    expect(r.warnings).toEqual([]);
    expect(r.items).toHaveLength(5);
    expectSpansInInput(text, r);
  });

  it('fills the lead item from source, headline, dateline, sign-off and page metadata', () => {
    const item = r.items[0]!;
    const f = item.fields;
    expect(f.dateline).toEqual({ place: 'Baku', date: '2023-10-06', agency: 'Turan' });
    expect(f.signOff).toBe('06B');
    expect(f.source).toBe('mod.gov.az');
    expect(f.headline).toBe('Azerbaijan and Kazakhstan approved the "Plan of bilateral military cooperation for 2024"');
    expect(f.category).toBe('Politics');
    expect(f.keywords).toEqual(['Social']);
    expect(f.slug).toBe('AZERBAIJAN-KAZAKHSTAN-APPROVED-PLAN');
    expect(slugProblem(f.slug)).toBeNull();
    expect(item.publishedAt).toBe('2023-10-06T16:16');
    const body = bodyOf(item);
    expect(body.startsWith('The "Plan of bilateral military cooperation for 2024" was signed')).toBe(true);
    expect(body.endsWith('further noted in the press release.')).toBe(true);
    expect(body).not.toContain('Turan:');
    expect(body).not.toContain('---');
    expect(f.body).toEqual({ paragraphs: expect.any(Array) });
    expect(richBody(f.body).root.children).toHaveLength(5);
    expect(item.warnings).toEqual(['Category set to Politics; "Social" was kept as a keyword.']);
  });

  it('points every recognised part at the page', () => {
    const item = r.items[0]!;
    expect(spans(item, 'dateline')).toEqual(['Baku/06.10.23/Turan:']);
    expect(spans(item, 'dateline.place')).toEqual(['Baku']);
    expect(spans(item, 'dateline.date')).toEqual(['06.10.23']);
    expect(spans(item, 'dateline.agency')).toEqual(['Turan']);
    expect(spans(item, 'signOff')).toEqual(['---06B---']);
    expect(spans(item, 'source')).toEqual(['mod.gov.az']);
    expect(spans(item, 'publishedAt')).toEqual(['6 October 2023 16:16']);
    expect(spans(item, 'category')).toEqual(['Politics']);
    expect(spans(item, 'keywords')).toEqual(['Social']);
    expect(spans(item, 'body')).toHaveLength(5);
    expect(item.original.start).toBe(0);
    expect(text.slice(item.original.start, item.original.end).endsWith('Politics')).toBe(true);
  });

  it('keeps the four short items as separate drafts without headline or dateline', () => {
    const short = r.items.slice(1);
    expect(short.map((i) => bodyOf(i).slice(0, 30))).toEqual([
      'The top U.S. and French diplom',
      'Azerbaijan Airlines (AZAL) has',
      'Armenian Foreign Minister Arar',
      'On January 8, Ilham Aliyev rec',
    ]);
    expect(short.map((i) => i.fields.slug)).toEqual([
      'TOP-US-FRENCH-DIPLOMATS',
      'AZERBAIJAN-AIRLINES-AZAL-INDEFINITELY',
      'ARMENIAN-FOREIGN-MINISTER-ARARAT',
      'JANUARY-8-ILHAM-ALIYEV',
    ]);
    for (const item of short) {
      expect(item.fields.headline).toBe('');
      expect(item.fields.dateline).toEqual({ place: '', date: '', agency: 'Turan' });
      expect(item.warnings).toContain('No headline found.');
      expect(item.warnings).toContain('No dateline found: place and date are left empty.');
      expect(item.warnings).toContain("The copy names no agency: the desk's own (Turan) was put in — check it.");
      expect(item.agencyFromDesk).toBe(true);
      expect(richBody(item.fields.body).root.children).toHaveLength(1);
    }
  });

  it('drops "Leave a review" with a warning', () => {
    const last = r.items[4]!;
    expect(bodyOf(last)).not.toContain('Leave a review');
    expect(bodyOf(last).endsWith('Aliyev asked Ahmadian to convey his reciprocal greetings.')).toBe(true);
    expect(last.warnings).toContain('Dropped page furniture: "Leave a review".');
    expect(spans(last, 'dropped')).toEqual(['Leave a review']);
  });
});

describe('datelines', () => {
  it('reads the slash house style and removes it from the body', () => {
    const item = only('Baku/06.10.23/Turan: Text of the story.');
    expect(item.fields.dateline).toEqual({ place: 'Baku', date: '2023-10-06', agency: 'Turan' });
    expect(bodyOf(item)).toBe('Text of the story.');
    expect(item.warnings).toEqual(['No headline found.']);
  });

  it('reads slash style with capitals, spaces, a four-digit year and no agency', () => {
    expect(only('GANJA / 6.1.2024 / Turan: Text.').fields.dateline).toEqual({ place: 'Ganja', date: '2024-01-06', agency: 'Turan' });
    const noAgency = only('Baku/06.10.23: Text.');
    expect(noAgency.fields.dateline).toEqual({ place: 'Baku', date: '2023-10-06', agency: 'Turan' });
    expect(noAgency.agencyFromDesk).toBe(true);
    expect(noAgency.warnings).toContain("The copy names no agency: the desk's own (Turan) was put in — check it.");
    expect(only('GANJA / 6.1.2024 / Turan: Text.').agencyFromDesk).toBe(false);
  });

  it('reads AP style with a region: place is the city, the region goes to the editor note', () => {
    const item = only('Headline here\nBAKU, Azerbaijan (AP) — The story starts.\nSecond paragraph.');
    expect(item.fields.dateline).toEqual({ place: 'Baku', date: '', agency: 'AP' });
    expect(item.fields.headline).toBe('Headline here');
    expect(bodyOf(item)).toBe('The story starts.\nSecond paragraph.');
    expect(item.fields.editorNote).toContain('Azerbaijan');
    expect(spans(item, 'editorNote')).toEqual(['Azerbaijan']);
    expect(spans(item, 'dateline')).toEqual(['BAKU, Azerbaijan (AP) —']);
    expect(item.warnings).toEqual([]);
  });

  it('reads Reuters style; a year-less date takes the year of now, with a warning', () => {
    const item = only('ASTANA, Oct 6 (Reuters) - Kazakhstan said on Friday.');
    expect(item.fields.dateline).toEqual({ place: 'Astana', date: '2023-10-06', agency: 'Reuters' });
    expect(bodyOf(item)).toBe('Kazakhstan said on Friday.');
    expect(item.warnings).toContain('Dateline: Date "Oct 6" has no year; assumed 2023 from the current date.');
    expect(spans(item, 'dateline.date')).toEqual(['Oct 6']);
  });

  it('takes the year of the page time stamp before the current date', () => {
    const item = only('ASTANA, Dec 31 (Reuters) - Text.\n- 31 December 2021 23:10');
    expect(item.fields.dateline.date).toBe('2021-12-31');
    expect(item.publishedAt).toBe('2021-12-31T23:10');
    expect(item.warnings).toContain('Dateline: Date "Dec 31" has no year; assumed 2021 from the page time stamp.');
  });

  it('reads AFP style with a full date and no year warning', () => {
    const item = only('PARIS, Oct. 6, 2023 (AFP) - France and the United States said.');
    expect(item.fields.dateline).toEqual({ place: 'Paris', date: '2023-10-06', agency: 'AFP' });
    expect(bodyOf(item)).toBe('France and the United States said.');
    expect(item.warnings).toEqual(['No headline found.']);
  });

  it.each([
    ['hyphen', '-'],
    ['en dash', '–'],
    ['em dash', '—'],
    ['double hyphen', '--'],
  ])('accepts a %s after the agency', (_name, dash) => {
    const item = only(`NEW YORK, 6 October 2023 (AP) ${dash} Markets rose.`);
    expect(item.fields.dateline).toEqual({ place: 'New York', date: '2023-10-06', agency: 'AP' });
    expect(bodyOf(item)).toBe('Markets rose.');
  });

  it('keeps region and date apart: BAKU, Azerbaijan, Sept. 5 (AP) —', () => {
    const item = only('BAKU, Azerbaijan, Sept. 5 (AP) — Text.');
    expect(item.fields.dateline).toEqual({ place: 'Baku', date: '2023-09-05', agency: 'AP' });
    expect(spans(item, 'editorNote')).toEqual(['Azerbaijan']);
  });

  it('flags ambiguous day/month dates instead of guessing', () => {
    const item = only('WASHINGTON, 06/10/23 (AP) — Text.');
    expect(item.fields.dateline.date).toBe('');
    expect(item.fields.dateline.place).toBe('Washington');
    expect(item.warnings.join(' ')).toMatch(/06\/10\/23.*could be 6 October or 10 June 2023/);
  });

  it('reads slashed dates that have only one reading', () => {
    expect(only('LONDON, 13/10/23 (AP) — Text.').fields.dateline.date).toBe('2023-10-13');
    expect(only('LONDON, 10/13/2023 (AP) — Text.').fields.dateline.date).toBe('2023-10-13');
    expect(only('LONDON, 05/05/23 (AP) — Text.').fields.dateline.date).toBe('2023-05-05');
  });

  it('leaves an impossible date empty with a warning', () => {
    const item = only('Baku/31.02.23/Turan: Text.');
    expect(item.fields.dateline.date).toBe('');
    expect(item.warnings.join(' ')).toContain('"31.02.23" is not a real calendar date');
  });

  it('does not take ordinary sentences for datelines', () => {
    for (const line of [
      'Azerbaijan Airlines (AZAL) - the carrier - suspended flights.',
      'The minister (right) — smiling — met reporters.',
      'On January 8, Ilham Aliyev received guests.',
      'Prices rose 5/10.3.4 percent: analysts.',
    ]) {
      const item = only(line);
      expect(item.fields.dateline.place).toBe('');
      expect(bodyOf(item)).toBe(line);
    }
  });

  it('title-cases places written in capitals', () => {
    expect(placeName('BAKU')).toBe('Baku');
    expect(placeName('NEW YORK')).toBe('New York');
    expect(placeName('ST. PETERSBURG')).toBe('St. Petersburg');
    expect(placeName('RIO DE JANEIRO')).toBe('Rio de Janeiro');
    expect(placeName('ROSTOV-ON-DON')).toBe('Rostov-on-Don');
    expect(placeName("N'DJAMENA")).toBe("N'Djamena");
    expect(placeName('ŞƏKI')).toBe('Şəki');
    expect(placeName('Baku')).toBe('Baku');
  });
});

describe('dates', () => {
  it.each([
    ['Oct 6', { year: null, month: 10, day: 6 }],
    ['Oct. 6, 2023', { year: 2023, month: 10, day: 6 }],
    ['October 6 2023', { year: 2023, month: 10, day: 6 }],
    ['6 October 2023', { year: 2023, month: 10, day: 6 }],
    ['6th Oct', { year: null, month: 10, day: 6 }],
    ['Sept. 30', { year: null, month: 9, day: 30 }],
    ['2023-10-06', { year: 2023, month: 10, day: 6 }],
    ['06.10.23', { year: 2023, month: 10, day: 6 }],
    ['06/10/2023', { year: 2023, month: 10, day: 6, swapped: { month: 6, day: 10 } }],
    ['1 дек', { year: null, month: 12, day: 1 }], // Reuters in Russian: `МОСКВА, 1 дек (Рейтер) -`
    ['15 сент. 2023', { year: 2023, month: 9, day: 15 }],
    ['15 февр. 2023', { year: 2023, month: 2, day: 15 }], // the dictionary's abbreviation, as сент. and нояб.
  ])('parseDate(%j)', (s, expected) => {
    expect(parseDate(s)).toEqual(expected);
  });

  it.each(['Mayor 6', 'Oct', '6', '2023', '6.10', 'yesterday'])('parseDate(%j) is null', (s) => {
    expect(parseDate(s)).toBeNull();
  });

  it.each([
    ['6 October 2023 16:16', '2023-10-06T16:16'],
    ['- 6 October 2023, 9:05', '2023-10-06T09:05'],
    ['16:16, 06.10.2023', '2023-10-06T16:16'],
    ['October 6, 2023 at 16:16', '2023-10-06T16:16'],
    ['2023-10-06 16:16:59', '2023-10-06T16:16'],
    ['6 October 2023', '2023-10-06'],
  ])('reads the time stamp %j as published %s and removes it', (stamp, published) => {
    const item = only(`Body text.\n${stamp}`);
    expect(item.publishedAt).toBe(published);
    expect(bodyOf(item)).toBe('Body text.');
  });

  it('keeps a year-less or impossible time in the body', () => {
    expect(bodyOf(only('Body text.\n6 October 16:16'))).toBe('Body text.\n6 October 16:16');
    expect(bodyOf(only('Body text.\n6 October 2023 25:16'))).toBe('Body text.\n6 October 2023 25:16');
  });

  it('flags an ambiguous time stamp and leaves publishedAt unset', () => {
    const item = only('Body text.\n06/10/2023 16:16');
    expect(item.publishedAt).toBeUndefined();
    expect(item.warnings.join(' ')).toContain('Time stamp: Date "06/10/2023 16:16" could be');
  });

  it('keeps the first of several time stamps', () => {
    const item = only('Body text.\n6 October 2023 16:16\n7 October 2023 10:00');
    expect(item.publishedAt).toBe('2023-10-06T16:16');
    expect(item.warnings).toContain('More than one time stamp; kept the first.');
  });
});

describe('headline, source, byline, sign-off, category', () => {
  it('takes a short first line without a full stop as the headline of an item without dateline', () => {
    const item = only('Markets rally after rate cut\nShares rose on Friday.\nBonds fell.');
    expect(item.fields.headline).toBe('Markets rally after rate cut');
    expect(item.fields.slug).toBe('MARKETS-RALLY-RATE-CUT');
    expect(bodyOf(item)).toBe('Shares rose on Friday.\nBonds fell.');
    expect(item.warnings).toEqual([
      'No dateline found: place and date are left empty.',
      "The copy names no agency: the desk's own (Turan) was put in — check it.",
    ]);
  });

  it('does not take a sentence, an over-long line or a lone line as the headline', () => {
    expect(only('Shares rose on Friday.\nBonds fell.').fields.headline).toBe('');
    expect(only(`${'Very long line '.repeat(11)}\nBonds fell.`).fields.headline).toBe('');
    expect(only('Only one line here').fields.headline).toBe('');
    expect(only('He said: "We agree."\nMore text.').fields.headline).toBe('');
  });

  it('keeps text between headline and dateline at the top of the body, with a warning', () => {
    const item = only('The headline\nA standfirst sentence.\nBAKU (AP) — Story.');
    expect(item.fields.headline).toBe('The headline');
    expect(bodyOf(item)).toBe('A standfirst sentence.\nStory.');
    expect(item.warnings).toContain('Text before the dateline was kept at the top of the body.');
  });

  it('reads source lines above the item, with or without a scheme', () => {
    expect(only('https://www.example.com/\nHeadline\nBaku/06.10.23/Turan: Text.').fields.source).toBe('www.example.com');
    expect(only('Source: apa.az\nHeadline\nBaku/06.10.23/Turan: Text.').fields.source).toBe('apa.az');
  });

  it('keeps a domain inside the body as text', () => {
    const item = only('Baku/06.10.23/Turan: Text.\nturan.az');
    expect(item.fields.source).toBe('');
    expect(bodyOf(item)).toBe('Text.\nturan.az');
  });

  it('reads a byline between headline and dateline', () => {
    const item = only('Headline\nBy JOHN SMITH and Jane Doe, Associated Press\nBAKU (AP) — Text.');
    expect(item.fields.byline).toBe('JOHN SMITH and Jane Doe, Associated Press');
    expect(spans(item, 'byline')).toEqual(['JOHN SMITH and Jane Doe, Associated Press']);
    expect(only('Headline\nBy contrast, prices fell.\nMore.').fields.byline).toBe('');
  });

  it('reads a sign-off at the end of the last line or on a line of its own', () => {
    expect(only('Baku/06.10.23/Turan: Text. ---06B---').fields.signOff).toBe('06B');
    const own = only('Baku/06.10.23/Turan: Text.\n---AZ7---');
    expect(own.fields.signOff).toBe('AZ7');
    expect(bodyOf(own)).toBe('Text.');
  });

  it('keeps the desk default sign-off when the copy has none', () => {
    expect(parse('Some text.', { defaultSignOff: 'XY' }).items[0]!.fields.signOff).toBe('XY');
    expect(parse('Some text. ---06B---', { defaultSignOff: 'XY' }).items[0]!.fields.signOff).toBe('06B');
  });

  it('maps page words to the desk categories: own-line rubric first, tags as keywords', () => {
    const item = only('Some text.\n- Sport\n- Business\nSOCIAL');
    expect(item.fields.category).toBe('Society');
    expect(item.fields.keywords).toEqual(['Sport', 'Business']);
    expect(item.warnings).toContain('Category set to Society; "Sport" was kept as a keyword.');
  });

  it('ignores categories the desk does not have and words like "constructor"', () => {
    const item = parseWireCopy('Some text.\nSociety\nconstructor\n__proto__', {
      settings: { ...settings, categories: [{ name: 'Politics', mediaTopic: 'medtop:11000000' }] },
    }).items[0]!;
    expect(item.fields.category).toBe('');
    expect(bodyOf(item)).toBe('Some text.\nSociety\nconstructor\n__proto__');
  });

  it('suggests slugs of ASCII capitals within the limit', () => {
    expect(suggestSlug('Iran’s leader meets Azerbaijan’s president in Baku')).toBe('IRAN-LEADER-MEETS-AZERBAIJAN');
    expect(suggestSlug('Şəki hosts the U.S. delegation')).toBe('SEKI-HOSTS-US-DELEGATION');
    expect(suggestSlug('Интервью')).toBe('');
    const long = suggestSlug('Internationalisation counterrevolutionaries extraordinarily');
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(slugProblem(long)).toBeNull();
    expect(suggestSlug('X'.repeat(60))).toBe('X'.repeat(SLUG_MAX));
  });

  it('warns when a headline gives no slug', () => {
    const item = only('Интервью министра\nТекст.');
    expect(item.fields.slug).toBe('');
    expect(item.warnings).toContain('Could not suggest a slug from the headline.');
  });
});

describe('several items in one text', () => {
  it('splits at lines holding only "-"', () => {
    const r = parse('First item.\n-\nSecond item.\n -  \nThird item.');
    expect(r.items.map(bodyOf)).toEqual(['First item.', 'Second item.', 'Third item.']);
  });

  it('splits after sign-offs', () => {
    const r = parse('Baku/06.10.23/Turan: One. ---AB1---\nGanja/07.10.23/Turan: Two.\nMore two. ---CD2---\nThree.');
    expect(r.items.map((i) => i.fields.signOff)).toEqual(['AB1', 'CD2', '']);
    expect(r.items.map(bodyOf)).toEqual(['One.', 'Two.\nMore two.', 'Three.']);
  });

  it('splits at a repeated dateline and carries the headline above it', () => {
    const text = [
      'Kazakh oil output rises',
      'ASTANA, Oct 6 (Reuters) - Output rose.',
      'It was a record.',
      '',
      'apa.az',
      'French ministers meet',
      'PARIS, Oct. 6, 2023 (AFP) – Ministers met.',
      'Baku/06.10.23/Turan: A third item without headline.',
    ].join('\n');
    const r = parse(text);
    expect(r.items.map((i) => i.fields.headline)).toEqual(['Kazakh oil output rises', 'French ministers meet', '']);
    expect(r.items.map((i) => i.fields.dateline.place)).toEqual(['Astana', 'Paris', 'Baku']);
    expect(r.items.map((i) => i.fields.source)).toEqual(['', 'apa.az', '']);
    expect(r.items.map(bodyOf)).toEqual(['Output rose.\nIt was a record.', 'Ministers met.', 'A third item without headline.']);
    expectSpansInInput(text, r);
    expect(text.slice(r.items[1]!.original.start, r.items[1]!.original.end).startsWith('apa.az')).toBe(true);
  });

  it('gives metadata after an item to that item, and a source line to the item after', () => {
    const r = parse('Item one.\n-\nPolitics\n6 October 2023 16:16\n-\nmod.gov.az\n-\nHeadline two\nItem two.');
    expect(r.items).toHaveLength(2);
    expect(r.items[0]!.fields.category).toBe('Politics');
    expect(r.items[0]!.publishedAt).toBe('2023-10-06T16:16');
    expect(r.items[1]!.fields.source).toBe('mod.gov.az');
    expect(r.items[1]!.fields.headline).toBe('Headline two');
  });

  it('gives metadata before the first item to the first item', () => {
    const r = parse('Economy\n-\nThe only item.');
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.fields.category).toBe('Economy');
  });
});

describe('page furniture', () => {
  it('drops furniture lines and menus with one warning per item', () => {
    const item = only('Share\nFacebook\nHome | Politics | Economy\nBaku/06.10.23/Turan: Text.\nRead more »\nPrint\nTwitter');
    expect(bodyOf(item)).toBe('Text.');
    expect(item.warnings).toContain('Dropped page furniture: "Share", "Facebook", "Home | Politics | Economy", "Read more »", "Print", "Twitter".');
    expect(item.fields.category).toBe('');
  });

  it('lists at most six dropped lines in the warning', () => {
    const item = only(`Text.\n${'Share\n'.repeat(10)}`);
    expect(item.warnings).toContain('Dropped page furniture: "Share", "Share", "Share", "Share", "Share", "Share" and 4 more.');
    expect(spans(item, 'dropped')).toHaveLength(10);
  });

  it('warns when the text holds nothing but furniture', () => {
    const r = parse('Share\n-\nLeave a review\nPolitics');
    expect(r.items).toEqual([]);
    expect(r.warnings).toEqual(['No wire copy found: the text holds only separators, page furniture or metadata.']);
  });
});

describe('bad input', () => {
  it.each(['', '   ', '\n\r\n\t \r', '\u00a0\ufeff'])('reads %j as no items with a warning', (text) => {
    const r = parse(text);
    expect(r.items).toEqual([]);
    expect(r.warnings).toEqual(['The text is empty: there is no wire copy to read.']);
  });

  it('reads CRLF, CR and mixed line endings like LF, with offsets into the original', () => {
    const lines = ['mod.gov.az', 'Headline here', 'Baku/06.10.23/Turan: First line.', 'Second line. ---06B---', '-', 'Politics', '-', 'Other item.'];
    const lf = parse(lines.join('\n'));
    for (const eol of ['\r\n', '\r', '\u2028']) {
      const text = lines.join(eol);
      const r = parse(text);
      expect(r.items.map((i) => i.fields)).toEqual(lf.items.map((i) => i.fields));
      expectSpansInInput(text, r);
    }
    const mixed = lines.map((l, i) => l + ['\r\n', '\n', '\r'][i % 3]).join('');
    const r = parse(mixed);
    expect(r.items.map((i) => i.fields)).toEqual(lf.items.map((i) => i.fields));
    expectSpansInInput(mixed, r);
  });

  it('strips NUL and other control characters with a warning, keeping offsets', () => {
    const text = '\u0000Head\u0007line\r\nBa\u0000ku/06.10.23/Tu\u001bran: Te\u0085xt\u0000.\u0000 ---06B---';
    const r = parse(text);
    expect(r.warnings).toEqual(['Removed 6 control characters (such as NUL) from the text.']);
    const item = r.items[0]!;
    expect(item.fields.headline).toBe('Headline');
    expect(item.fields.dateline).toEqual({ place: 'Baku', date: '2023-10-06', agency: 'Turan' });
    expect(bodyOf(item)).toBe('Te\nxt.');
    expect(spans(item, 'dateline.place')).toEqual(['Ba\u0000ku']);
    expect(spans(item, 'headline')).toEqual(['Head\u0007line']);
    expectSpansInInput(text, r);
  });

  it('reads a text of NUL bytes only as empty', () => {
    const r = parse('\u0000\u0000\u0000');
    expect(r.items).toEqual([]);
    expect(r.warnings).toEqual(['Removed 3 control characters (such as NUL) from the text.', 'The text is empty: there is no wire copy to read.']);
  });

  // Speed is measured by `npm run bench`; these check that huge and hostile input still reads (no backtracking blow-up).
  it('reads a 1 MB page of repeated items', () => {
    const block =
      'mod.gov.az\nHeadline number one\r\nBaku/06.10.23/Turan: Text of the item. ---06B---\n-\n- Social\n6 October 2023 16:16\nPolitics\n-\nShort item.\nLeave a review\n-\n';
    const text = block.repeat(Math.ceil(1_000_000 / block.length));
    const r = parse(text);
    expect(r.items).toHaveLength((text.length / block.length) * 2);
    expect(r.items.at(-2)!.fields.dateline.place).toBe('Baku');
  });

  it.each([
    ['one 5 MB line', 'word '.repeat(1_000_000)],
    ['parentheses and dashes', 'BAKU, '.repeat(200_000) + '(AP'.repeat(200_000)],
    ['slashes and dots', 'Baku/'.repeat(500_000) + '06.10.'.repeat(100_000)],
    ['dashes and codes', '---06B--'.repeat(600_000)],
    ['domain-like dots', 'a.'.repeat(2_500_000)],
    ['white space runs', ` ${' \t'.repeat(1_000_000)}word${' '.repeat(1_000_000)}`],
    ['short lines', 'Oct 6\n- a\nBy A B\n'.repeat(50_000)],
    ['furniture after an item', `Item.\n${'Share\n-\n'.repeat(100_000)}`],
    ['source lines before an item', `${'a.com\n-\n'.repeat(100_000)}Item.`],
    ['repeated datelines', 'Headline\nBAKU (AP) — Text.\n'.repeat(30_000)],
  ])('reads %s', (_name, text) => {
    const r = parse(text);
    expect(r.items.length).toBeGreaterThan(0);
  });
});

describe('story boundaries and heads in agency copy', () => {
  it('takes the line nearest the dateline as the headline and leaves a slug line above it out, restorably', () => {
    const r = parse(
      'BC-US-Farm-Bill\nSenate passes farm bill\nBy MARY SMITH\nWASHINGTON (AP) — The Senate passed a farm bill.\n\nBC-Oil-Prices\nOil rises\nNEW YORK (AP) — Oil rose.',
    );
    expect(r.items.map((i) => i.fields.headline)).toEqual(['Senate passes farm bill', 'Oil rises']);
    expect(r.items.map((i) => i.dropped.map((d) => [d.kind, d.text]))).toEqual([[['header', 'BC-US-Farm-Bill']], [['header', 'BC-Oil-Prices']]]);
    expect(r.items[0]!.fields.byline).toBe('MARY SMITH');
    expect(bodyOf(r.items[0]!)).toBe('The Senate passed a farm bill.');
  });

  it('reads a market report dateline with a date and an agency but no place', () => {
    const item = only('Gold steady\nOct 6 (Reuters) - Gold prices were steady on Friday.');
    expect(item.fields.dateline).toEqual({ place: '', date: '2023-10-06', agency: 'Reuters' });
    expect(bodyOf(item)).toBe('Gold prices were steady on Friday.');
    expect(item.warnings).toContain('The dateline names no place.');
  });

  it('ends a story at the agency name alone on a line, but not at a wrapped "Reuters." ending a sentence', () => {
    const r = parse('Peru president meets ministers\nLima, Oct 6 (EFE).- The president met.\nEFE\nChile votes\nThe vote was calm.');
    expect(r.items).toHaveLength(2);
    expect(r.items[0]!.dropped.map((d) => d.text)).toEqual(['EFE']);
    const wrapped = only('    WASHINGTON, March 2 - The official said in a statement to\nreporters that he had told\nReuters.\n    He added nothing.\n Reuter');
    expect(bodyOf(wrapped)).toBe('The official said in a statement to reporters that he had told Reuters.\nHe added nothing.');
  });

  it("keeps Xinhua's editor line with the story it ends", () => {
    const r = parse(
      'Trade rises\nBEIJING, Oct. 6 (Xinhua) -- Trade rose.\nEnditem\n(Editor: Zhang Wei)\nFM meets counterpart\nBEIJING, Oct. 6 (Xinhua) -- The FM met.\nEnditem',
    );
    expect(r.items.map((i) => i.dropped.map((d) => d.text))).toEqual([['(Editor: Zhang Wei)'], []]);
    expect(r.items.map((i) => i.fields.signOff)).toEqual(['Enditem', 'Enditem']);
  });

  it('never lets a rule inside a signed-off market report split it, and keeps every line of the table', () => {
    const text =
      'U.S. MONEY SUPPLY\n    NEW YORK, March 5 - Money supply figures:\n    ----------------------------------\n    M-1 up 1.2 billion dlrs\n    M-2 down 0.4 billion dlrs\n Reuter\n\nOTHER STORY\n    CHICAGO, March 5 - Text.\n Reuter';
    const r = parse(text);
    expect(r.items.map((i) => i.fields.headline)).toEqual(['U.S. MONEY SUPPLY', 'OTHER STORY']);
    expect(bodyOf(r.items[0]!)).toBe('Money supply figures:\nM-1 up 1.2 billion dlrs\nM-2 down 0.4 billion dlrs');
    expect(r.items[0]!.dropped).toEqual([expect.objectContaining({ kind: 'rule', paragraph: 1 })]);
  });

  it('stops at the limit and says where', () => {
    const r = parseWireCopy('A\nBAKU (AP) — One.\n\nB\nBAKU (AP) — Two.\n\nC\nBAKU (AP) — Three.', { settings, now, limit: 2 });
    expect(r.items.map((i) => i.fields.headline)).toEqual(['A', 'B']);
    expect(r.stoppedAt).toBe('A\nBAKU (AP) — One.\n\nB\nBAKU (AP) — Two.\n\n'.length);
  });
});

describe('putting a left-out line back', () => {
  it('puts it back as its own paragraph where it stood', () => {
    const item = only('Markets rally\nShares rose on Friday.\nAdvertisement\nBonds fell.');
    const back = putBack(item.fields, item.dropped[0]!);
    expect(bodyToPlainText(richBody(back.body))).toBe('Shares rose on Friday.\nAdvertisement\nBonds fell.');
  });
});
