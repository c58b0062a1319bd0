/** The bench's desk: seeded items, long bodies, agency copy, and the export's reference writer. */
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import { uuidv7 } from '../core/ids';
import { defaultFields, type ItemStatus } from '../core/item';
import { bodyFromPlainText } from '../core/richtext';
import { DEFAULT_SETTINGS } from '../core/settings';
import { type StoredItem, newStoredItem } from '../store/items';

export const WORDS = [
  'minister',
  'defence',
  'Baku',
  'Astana',
  'agreement',
  'signed',
  'cooperation',
  'plan',
  'military',
  'exercise',
  'Caspian',
  'naval',
  'press',
  'service',
  'reported',
  'talks',
  'energy',
  'pipeline',
  'budget',
  'election',
];
/** Search words: one item in 1,000 holds the rare one, one in 10 the common one; every item holds "caspian". */
export const RARE = 'Zangezur';
export const COMMON = 'Nakhchivan';

export function sentence(words: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 31 + i * 7) % WORDS.length]!);
  return out.join(' ') + '.';
}

/** A body of about `words` words in paragraphs of 50. */
export function longText(words: number): string {
  return Array.from({ length: Math.ceil(words / 50) }, (_, i) => sentence(50, i)).join('\n');
}

export const STATUSES: ItemStatus[] = ['draft', 'submitted', 'approved', 'published'];

export function* seed(n: number): Generator<StoredItem> {
  const t = Date.now() - n * 1000;
  for (let i = 0; i < n; i++) {
    const rare = i % 1000 === 1 ? ` ${RARE} corridor.` : ''; // i % 4 === 1: in the Submitted tab
    const common = i % 10 === 1 ? ` ${COMMON} talks.` : '';
    const body = bodyFromPlainText(`${sentence(40, i)}${common}\n${sentence(60, i + 1)}\n${sentence(50, i + 2)}${rare}`);
    const at = new Date(t + i * 1000).toISOString();
    const status = STATUSES[i % STATUSES.length]!;
    const fields = {
      ...defaultFields(DEFAULT_SETTINGS),
      slug: `SLUG-${i}`,
      headline: `Headline ${i}: ${sentence(8, i)}`,
      dateline: { place: 'Baku', date: '2026-11-26', agency: 'Turan' },
      category: 'Politics',
      source: 'mod.gov.az',
      signOff: '06B',
      urgency: (i % 9) + 1,
      body,
    };
    yield {
      ...newStoredItem(fields, { id: uuidv7(t + i, randomBytes(10)), at, by: 'bench' }),
      status,
      publishedVersion: status === 'published' ? 1 : 0,
      firstPublishedAt: status === 'published' ? at : null,
      versionPublishedAt: status === 'published' ? at : null,
      approvedRevision: status === 'approved' ? 1 : null,
    };
  }
}

/** JSON.stringify of ninjs objects into a file, 1 MB writes, fsync: the export's limit. */
export async function stringifyToFile(file: string, objects: Iterable<object>): Promise<number> {
  const fh = await fsp.open(file, 'w');
  let bytes = 0;
  try {
    let parts: string[] = ['[\n'];
    let size = 0;
    let first = true;
    for (const o of objects) {
      const s = (first ? '' : ',\n') + JSON.stringify(o);
      first = false;
      parts.push(s);
      size += s.length;
      if (size >= 1 << 20) {
        const buf = Buffer.from(parts.join(''));
        bytes += buf.length;
        await fh.write(buf);
        parts = [];
        size = 0;
      }
    }
    parts.push('\n]\n');
    const buf = Buffer.from(parts.join(''));
    bytes += buf.length;
    await fh.write(buf);
    await fh.sync();
  } finally {
    await fh.close();
  }
  return bytes;
}

/** Agency copy as an editor pastes it: stories with a slug line, headline, dateline and body. */
export function wireCopy(stories: number): string {
  const out: string[] = [];
  for (let i = 0; i < stories; i++) {
    out.push(
      `AZERBAIJAN-TALKS-${i}\nMinisters sign ${WORDS[i % WORDS.length]} agreement ${i}\nBaku, 26 November (Turan) -- ${sentence(60, i)}\n${sentence(80, i + 1)}\n${sentence(40, i + 2)}\n06B\n`,
    );
  }
  return out.join('\n');
}
