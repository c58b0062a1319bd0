/** Timing helpers for the bench: interleaved real/reference runs, medians, p95, peak RSS. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Result {
  name: string;
  median_ms: number;
  p95_ms: number;
  reference: string;
  reference_median_ms: number;
  reference_p95_ms?: number;
  ratio: number;
  target: string;
  met: boolean | null;
  [extra: string]: unknown;
}

export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
export const median = (xs: number[]) => quantile(xs, 0.5);
export const p95 = (xs: number[]) => quantile(xs, 0.95);
export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export interface Pair {
  real: number[];
  ref: number[];
}

/**
 * Run the real path and its reference `reps` times each, alternating which goes first, so
 * both see the same machine load. `reset` runs untimed after each run of either.
 */
export async function interleave(reps: number, real: () => unknown, ref: () => unknown, reset?: () => unknown): Promise<Pair> {
  const out: Pair = { real: [], ref: [] };
  const one = async (fn: () => unknown, into: number[]) => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
    if (reset) await reset();
  };
  for (let i = 0; i < reps; i++) {
    if (i % 2 === 0) {
      await one(real, out.real);
      await one(ref, out.ref);
    } else {
      await one(ref, out.ref);
      await one(real, out.real);
    }
  }
  return out;
}

/** Peak RSS of this process (MB) while `fn` runs: the kernel's high-water mark, reset first. */
export async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let sampled = process.memoryUsage().rss;
  const resettable = (() => {
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5');
      return true;
    } catch {
      return false;
    }
  })();
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 10);
  try {
    const value = await fn();
    const hwm = resettable ? vmHwmKb('/proc/self/status') : 0;
    return { value, peakMb: Math.max(sampled, hwm * 1024) / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

/** VmHWM (peak resident set, kB) from a /proc/PID/status file; 0 when unreadable. */
export function vmHwmKb(statusFile: string): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(statusFile, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function result(
  name: string,
  pair: Pair,
  reference: string,
  target: string,
  met: (r: { median: number; p95: number; ratio: number; refMedian: number; refP95: number }) => boolean | null,
  extra: Record<string, unknown> = {},
): Result {
  const m = median(pair.real);
  const refMedian = median(pair.ref);
  const r = { median: m, p95: p95(pair.real), ratio: m / refMedian, refMedian, refP95: p95(pair.ref) };
  return {
    name,
    median_ms: round(r.median, 3),
    p95_ms: round(r.p95, 3),
    reference,
    reference_median_ms: round(refMedian, 3),
    reference_p95_ms: round(r.refP95, 3),
    ratio: round(r.ratio, 2),
    target,
    met: met(r),
    runs: pair.real.length,
    ...extra,
  };
}

export function printTable(results: Result[]): void {
  const rows = results.map((r) => [
    r.name,
    r.median_ms.toFixed(2),
    r.p95_ms.toFixed(2),
    r.reference_median_ms.toFixed(2),
    `${r.ratio.toFixed(2)}×`,
    r.met === null ? '—' : r.met ? 'met' : 'NOT met',
    r.target,
  ]);
  const head = ['result', 'median ms', 'p95 ms', 'ref median', 'ratio', 'target', 'what'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i >= 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

/** bench-results.json: the machine (with its load at the start and end), the desk's size and every result. */
export function writeResults(o: { items: number; quick: boolean; loadAtStart: number[]; results: Result[] }): void {
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '',
    memory_gb: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    load_at_start: o.loadAtStart,
    load_at_end: os.loadavg().map((l) => round(l, 1)),
    at: new Date().toISOString(),
  };
  fs.writeFileSync('bench-results.json', JSON.stringify({ machine, items: o.items, quick: o.quick, results: o.results }, null, 2) + '\n');
}

/** A result that could not be measured here, and why (no Chromium, no PostgreSQL…). */
export const notMeasured = (name: string, why: string, target: string): Result => ({
  name,
  median_ms: Number.NaN,
  p95_ms: Number.NaN,
  reference: why,
  reference_median_ms: Number.NaN,
  ratio: Number.NaN,
  target,
  met: false,
  not_measured: why,
});

/** Median and p95 of `reps` runs of `fn` alone (a figure reported beside a result, not a pair). */
export async function timeRuns(reps: number, fn: () => unknown): Promise<{ median_ms: number; p95_ms: number }> {
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return { median_ms: round(median(ms), 2), p95_ms: round(p95(ms), 2) };
}

/** `wiredesk export` of the approved queue in a child process: its time, peak RSS (VmHWM, polled) and file size. */
export async function cliExportPeak(dbFile: string, out: string): Promise<{ value: { ms: number; bytes: number }; peakMb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.resolve('out', 'main', 'cli.js'), 'export', '--format', 'ninjs', '--out', out, '--db', dbFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  let peakKb = 0;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, vmHwmKb(`/proc/${child.pid}/status`))), 10);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`wiredesk export failed (${code}): ${err}`);
  return { value: { ms: performance.now() - t0, bytes: fs.statSync(out).size }, peakMb: peakKb / 1024 };
}

/**
 * The least any export of `ids` must do beyond the reference's JSON.stringify of ninjs objects
 * already built: read the items' rows and durably mark them published (bare SQL, one statement
 * each). Their sum with the reference, over the reference, is the lowest ratio an export can reach.
 */
export async function exportFloor(
  ref: { readRows(ids: readonly string[]): number; statusOnlyUpdate(ids: readonly string[], status: 'approved' | 'published'): void },
  ids: readonly string[],
  referenceMs: number,
): Promise<Record<string, unknown>> {
  const read = await timeRuns(3, () => ref.readRows(ids));
  let flip = 0;
  const mark = await timeRuns(4, () => ref.statusOnlyUpdate(ids, flip++ % 2 ? 'approved' : 'published'));
  return {
    floor_read_rows_ms: read.median_ms,
    floor_mark_published_ms: mark.median_ms,
    floor_ratio: round((referenceMs + read.median_ms + mark.median_ms) / referenceMs, 2),
  };
}
