/**
 * The wire-copy parser at scale: 20 MB of agency copy in several house styles (hard-wrapped
 * 1987 Reuters, AP, TASS, Turan with page furniture), read with and without the import's
 * 10,000-item limit. Prints items per second and the memory the parse took.
 */
import { performance } from 'node:perf_hooks';
import { DEFAULT_SETTINGS } from '../core/settings';
import { parseWireCopy } from '../core/wirecopy/parse';

const WORDS =
  'the minister said on friday that talks on the new pipeline would continue next week after officials from both countries met in the capital to discuss energy prices'.split(
    ' ',
  );

function wrapped(n: number, words: number): string {
  const out: string[] = [];
  let line = '    ';
  for (let i = 0; i < words; i++) {
    const w = WORDS[(n * 7 + i * 3) % WORDS.length]!;
    if (line.length + w.length > 64) {
      out.push(line.trimEnd());
      line = i % 40 === 0 ? '    ' : '';
    }
    line += `${w} `;
  }
  out.push(`${line.trimEnd()}.`);
  return out.join('\n');
}

const STYLES = [
  (n: number) => `OIL OUTPUT RISES IN REGION ${n}\n    HOUSTON, March ${(n % 28) + 1} - ${wrapped(n, 160).trimStart()}\n Reuter\n`,
  (n: number) => `Farm bill number ${n} passes Senate\nWASHINGTON (AP) — ${WORDS.join(' ')}.\n\nAdvertisement\n\n${WORDS.slice(3).join(' ')}.\n`,
  (n: number) => `Grain transit deal ${n} agreed\nMOSCOW, October ${(n % 28) + 1}. /TASS/. ${WORDS.join(' ')}.\n${WORDS.slice(5).join(' ')}.\n`,
  (n: number) => `mod.gov.az\nDefence plan ${n} approved\nBaku/06.10.23/Turan: ${WORDS.join(' ')}. ---06B---\n-\n- Social\n6 October 2023 16:16\nPolitics\n-\n`,
];

function copy(bytes: number): { text: string; stories: number } {
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    const s = STYLES[n % STYLES.length]!(n);
    parts.push(s);
    size += s.length + 1;
    n++;
  }
  return { text: parts.join('\n'), stories: n };
}

export function benchWireCopy(): void {
  const { text, stories } = copy(20 * 1024 * 1024);
  const mb = text.length / 1048576;
  for (const limit of [undefined, 10_000]) {
    global.gc?.();
    const before = process.memoryUsage();
    let peak = before.rss;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const r = parseWireCopy(text, { settings: DEFAULT_SETTINGS, limit });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    // CPU time too: on a shared machine the wall clock also counts other processes' turns.
    const cpuMs = (cpu.user + cpu.system) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    const label = `parse ${mb.toFixed(1)} MB wire copy (${stories} stories)${limit ? `, limit ${limit}` : ''}`;
    console.log(
      `${label.padEnd(46)} ${ms.toFixed(0).padStart(10)} ms (CPU ${cpuMs.toFixed(0)} ms), ${r.items.length} items, ${Math.round(r.items.length / (ms / 1000))} items/s (${Math.round(r.items.length / (cpuMs / 1000))} per CPU second), ${(mb / (ms / 1000)).toFixed(1)} MB/s, RSS +${((peak - before.rss) / 1048576).toFixed(0)} MB (heap +${((process.memoryUsage().heapUsed - before.heapUsed) / 1048576).toFixed(0)} MB)`,
    );
  }
}
