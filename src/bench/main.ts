/**
 * `npm run bench`: figures for the desk at scale, printed (never asserted in tests).
 * Seeds a temporary desk with N items (default 100,000; BENCH_ITEMS to change), then times
 * list and queue pages, FTS search, autosaves of a 5,000-word body, and a streamed batch export
 * of every item, reporting peak RSS.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { uuidv7 } from '../core/ids';
import { defaultFields } from '../core/item';
import { DEFAULT_SETTINGS } from '../core/settings';
import { bodyFromPlainText, bodyToPlainText } from '../core/richtext';
import { openDb } from '../store/db';
import type { StoredItem } from '../store/items';
import { DeskService } from '../service/desk';
import { benchWireCopy } from './wirecopy';

const N = Number(process.env.BENCH_ITEMS ?? 100_000);
const WORDS = ['minister', 'defence', 'Baku', 'Astana', 'agreement', 'signed', 'cooperation', 'plan', 'military', 'exercise', 'Caspian', 'naval', 'press', 'service', 'reported', 'talks', 'energy', 'pipeline', 'budget', 'election'];

function sentence(words: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 31 + i * 7) % WORDS.length]!);
  return out.join(' ') + '.';
}

function time<T>(label: string, fn: () => T, reps = 1): T {
  let r!: T;
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) r = fn();
  const ms = (performance.now() - t0) / reps;
  console.log(`${label.padEnd(46)} ${ms.toFixed(2).padStart(10)} ms${reps > 1 ? ` (mean of ${reps})` : ''}`);
  return r;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-bench-'));
  const db = openDb(path.join(dir, 'bench.sqlite'));
  const desk = new DeskService(db);
  console.log(`Wiredesk bench: ${N} items, ${os.cpus().length} cores, node ${process.version}`);
  // First, while the process is small: its memory figures are the parser's own.
  benchWireCopy();

  const statuses = ['draft', 'submitted', 'approved', 'published'] as const;
  function* seed(): Generator<StoredItem> {
    const t = Date.now() - N * 1000;
    for (let i = 0; i < N; i++) {
      const rare = i % 1000 === 0 ? ' Zangezur corridor.' : '';
      const body = bodyFromPlainText(`${sentence(40, i)}\n${sentence(60, i + 1)}\n${sentence(50, i + 2)}${rare}`);
      const at = new Date(t + i * 1000).toISOString();
      const status = statuses[i % statuses.length]!;
      yield {
        ...defaultFields(DEFAULT_SETTINGS),
        id: uuidv7(t + i, randomBytes(10)),
        slug: `SLUG-${i}`,
        headline: `Headline ${i}: ${sentence(8, i)}`,
        dateline: { place: 'Baku', date: '2026-11-26', agency: 'Turan' },
        category: 'Politics',
        source: 'mod.gov.az',
        signOff: '06B',
        urgency: (i % 9) + 1,
        body,
        bodyText: bodyToPlainText(body),
        status,
        heldFrom: null,
        version: 1,
        revision: 1,
        publishedVersion: status === 'published' ? 1 : 0,
        returnNote: null,
        createdAt: at,
        updatedAt: at,
        createdBy: 'bench',
        updatedBy: 'bench',
        firstPublishedAt: null,
        versionPublishedAt: null,
        approvedRevision: status === 'approved' ? 1 : null,
        reopened: null,
        kill: null,
        versionStartedAt: null,
      };
    }
  }
  time(`seed ${N} items (one transaction)`, () => desk.items.insertMany(seed()));

  time('desk list, first page (100)', () => desk.listItems({ view: 'desk', limit: 100 }), 20);
  const p1 = desk.listItems({ view: 'desk', limit: 100 });
  time('desk list, next page (keyset)', () => desk.listItems({ view: 'desk', limit: 100, cursor: p1.next }), 20);
  time('queue Submitted, first page + counts', () => desk.queue({ tab: 'submitted', limit: 100 }), 20);
  time('FTS search, rare word ("zangezur")', () => desk.queue({ tab: 'approved', search: 'zangezur', limit: 50 }), 20);
  time('FTS search, words in every item ("caspian naval")', () => desk.queue({ tab: 'approved', search: 'caspian naval', limit: 50 }), 20);
  // Issue 12: a virtual list asks for any slice by position; search counts matches in every tab.
  time('desk list, last slice by offset (+ total)', () => desk.listItems({ view: 'desk', offset: N - 100, limit: 100 }), 20);
  time('desk list, middle slice by offset (+ total)', () => desk.listItems({ view: 'desk', offset: Math.floor(N / 2), limit: 100 }), 20);
  time('search + match counts per tab, rare word', () => desk.queue({ tab: 'submitted', search: 'zangezur', limit: 100 }), 20);
  time('search + match counts per tab, common word', () => desk.queue({ tab: 'submitted', search: 'pipeline', limit: 100 }), 5);
  time('Editor filter suggestions (distinct editors)', () => desk.listEditors(), 5);

  const long = bodyFromPlainText(Array.from({ length: 100 }, (_, i) => sentence(50, i)).join('\n'));
  const created = desk.createItem({ fields: { headline: 'Long body', body: long } });
  let rev = created.item.revision;
  console.log(`5,000-word body: ${bodyToPlainText(long).split(/\s+/).length} words, ${JSON.stringify(long).length} bytes of editor JSON`);
  time('autosave of a 5,000-word body', () => {
    const r = desk.saveDraft({ id: created.item.id, baseRevision: rev, fields: { ...created.item, body: bodyFromPlainText(`${bodyToPlainText(long)}\nedit ${rev}`) } });
    rev = r.item.revision;
  }, 20);

  // Export every item as one streamed batch (preview: no state change).
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const target = path.join(dir, 'all.json');
  const n = await desk.batches.writePreview({ format: 'ninjs', ndjson: false }, target);
  clearInterval(sampler);
  console.log(`${`stream ${n} items as ninjs 3.1`.padEnd(46)} ${(performance.now() - t0).toFixed(0).padStart(10)} ms, ${(fs.statSync(target).size / 1048576).toFixed(1)} MB file, peak RSS ${(peak / 1048576).toFixed(0)} MB`);

  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
