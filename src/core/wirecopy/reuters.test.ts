/**
 * Real wire copy: 798 Reuters stories of 1987 (Reuters-21578), scored as
 * ../shared/corpora/reuters-21578/README.md describes — the whole sample imported at
 * once (stories split cleanly; place, date and agency of each), then each story on
 * its own (field errors apart from splitting errors). The figures are printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { richBody } from '../importFields';
import { DEFAULT_SETTINGS } from '../settings';
import { type ParsedItem, parseWireCopy } from './parse';

interface Story {
  n: number;
  start: number;
  end: number;
  headline: string;
  place: string;
  monthDay: string;
  agency: string;
  signOff: string;
}

const dir = new URL('../../../../shared/corpora/reuters-21578/', import.meta.url);
const present = existsSync(new URL('reuters-sample.txt', dir)) && existsSync(new URL('reuters-expected.json', dir));
// The desk's own agency is not Reuters: an agency read right was read from the copy.
const settings = { ...DEFAULT_SETTINGS, agency: 'Turan', defaultSignOff: '' };
const now = new Date('2026-11-30T12:00:00Z');

const pct = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)}%`;

function fieldsRight(item: ParsedItem, s: Story): { place: boolean; date: boolean; agency: boolean } {
  const d = item.fields.dateline;
  return { place: d.place.toLowerCase() === s.place.toLowerCase(), date: d.date.slice(5) === s.monthDay, agency: d.agency === s.agency };
}

describe.skipIf(!present)(present ? 'Reuters-21578: 798 real stories of 1987' : `Reuters-21578 — SKIPPED: ${fileURLToPath(dir)} is absent`, () => {
  const text = present ? readFileSync(new URL('reuters-sample.txt', dir), 'utf8') : '';
  const stories: Story[] = present ? JSON.parse(readFileSync(new URL('reuters-expected.json', dir), 'utf8')).items : [];

  it('imported as one feed: at least 95% split cleanly, 95% of places and dates right', () => {
    const { items } = parseWireCopy(text, { settings, now });
    let clean = 0;
    const right = { place: 0, date: 0, agency: 0, headline: 0, signOff: 0 };
    const misses: string[] = [];
    let next = 0;
    for (const s of stories) {
      // Items are in text order: skip those before the story, gather those that overlap it.
      while (next < items.length && items[next]!.original.end <= s.start) next++;
      const over: ParsedItem[] = [];
      for (let k = next; k < items.length && items[k]!.original.start < s.end; k++) over.push(items[k]!);
      const item = over.length === 1 && over[0]!.original.start === s.start && over[0]!.original.end === s.end ? over[0]! : null;
      if (!item) {
        if (misses.length < 5) misses.push(`#${s.n} ${s.headline}: ${over.length} items`);
        continue;
      }
      clean++;
      const f = fieldsRight(item, s);
      right.place += Number(f.place);
      right.date += Number(f.date);
      right.agency += Number(f.agency);
      right.headline += Number(item.fields.headline === s.headline);
      right.signOff += Number(item.fields.signOff === s.signOff);
    }
    const n = stories.length;
    console.log(
      `Reuters-21578 feed (${n} stories → ${items.length} items): split cleanly ${pct(clean, n)}, place ${pct(right.place, n)}, date ${pct(right.date, n)}, agency ${pct(right.agency, n)}, headline ${pct(right.headline, n)}, sign-off ${pct(right.signOff, n)}`,
    );
    if (misses.length > 0) console.log(`  not split cleanly, e.g. ${misses.join('; ')}`);
    expect(n).toBe(798);
    expect(clean / n).toBeGreaterThanOrEqual(0.95);
    expect(right.place / n).toBeGreaterThanOrEqual(0.95);
    expect(right.date / n).toBeGreaterThanOrEqual(0.95);
    expect(right.agency / n).toBeGreaterThanOrEqual(0.95);
  });

  it('one story per file: at least 95% of places, dates and agencies right, the sign-off out of the body', () => {
    const right = { one: 0, place: 0, date: 0, agency: 0, body: 0 };
    for (const s of stories) {
      const { items } = parseWireCopy(text.slice(s.start, s.end), { settings, now });
      if (items.length !== 1) continue;
      right.one++;
      const item = items[0]!;
      const f = fieldsRight(item, s);
      right.place += Number(f.place);
      right.date += Number(f.date);
      right.agency += Number(f.agency);
      const last = richBody(item.fields.body).root.children.at(-1);
      const lastText = last?.type === 'paragraph' ? last.children.map((c) => ('text' in c ? c.text : '')).join('') : '';
      right.body += Number(!/\breuter\s*$/i.test(lastText) && !item.agencyFromDesk);
    }
    const n = stories.length;
    console.log(
      `Reuters-21578 one story per file: one item ${pct(right.one, n)}, place ${pct(right.place, n)}, date ${pct(right.date, n)}, agency ${pct(right.agency, n)}, sign-off out of the body ${pct(right.body, n)}`,
    );
    expect(right.one / n).toBeGreaterThanOrEqual(0.95);
    expect(right.place / n).toBeGreaterThanOrEqual(0.95);
    expect(right.date / n).toBeGreaterThanOrEqual(0.95);
    expect(right.agency / n).toBeGreaterThanOrEqual(0.95);
    expect(right.body / n).toBeGreaterThanOrEqual(0.95);
  });

  it('joins hard-wrapped lines into paragraphs, and keeps every word of the story', () => {
    const s = stories[0]!;
    const item = parseWireCopy(text.slice(s.start, s.end), { settings, now }).items[0]!;
    const paras = richBody(item.fields.body).root.children.map((b) =>
      b.type === 'paragraph' ? b.children.map((c) => ('text' in c ? c.text : '')).join('') : '',
    );
    // The first story: 16 indented paragraphs, 44 printed lines.
    expect(paras).toHaveLength(16);
    expect(paras[0]).toBe(
      "BankAmerica Corp is not under pressure to act quickly on its proposed equity offering and would do well to delay it because of the stock's recent poor performance, banking analysts said.",
    );
    const words = (t: string) => t.split(/\s+/).filter(Boolean);
    const printed = words(text.slice(s.start, s.end));
    // Every printed word but the headline's, the dateline's and the sign-off is in the body, in order.
    const dateline = words('LOS ANGELES, Feb 26 -');
    expect(words(paras.join(' '))).toEqual(printed.slice(words(s.headline).length + dateline.length, -1));
  });
});
