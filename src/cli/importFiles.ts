/** `wiredesk import FILE…`: read and parse every file first, so one bad file stores nothing. */
import { type ImportEncoding } from '../core/encoding';
import { DeskFailure, ErrorCode } from '../core/errors';
import { storedFields } from '../core/importFields';
import { IMPORT_FORMATS } from '../core/vocabulary';
import { type DeskHandlers, IMPORT_ITEMS_MAX } from '../contract';
import { orList } from './help';
import { UserError, call, out, readText } from './io';

export interface ImportOptions {
  format: string;
  dryRun: boolean;
  json: boolean;
  encoding?: ImportEncoding;
  /** Store copy already on the desk again (left out otherwise, as the Import view does). */
  keepDuplicates: boolean;
}

export async function importFiles(desk: DeskHandlers, files: string[], { format, dryRun, json, encoding, keepDuplicates }: ImportOptions): Promise<number> {
  if (files.length === 0) throw new UserError('Name at least one file: wiredesk import FILE…');
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UserError(`--format is ${orList(IMPORT_FORMATS)}.`);
  // Read and parse everything first: one bad file stores nothing.
  const previews = [];
  for (const file of files) {
    const text = await readText(file, encoding);
    try {
      previews.push({ file, preview: await call(desk, 'parseImport', { text, format: format as never }) });
    } catch (e) {
      if (e instanceof DeskFailure && e.code !== ErrorCode.Internal) throw new UserError(`${file}: ${e.message}`);
      throw e;
    }
  }
  const all = previews.flatMap((p) => p.preview.items.map((i) => ({ file: p.file, ...i })));
  if (all.length === 0) throw new UserError('No items found in the input; nothing was imported.');
  const leftOut = new Set(keepDuplicates ? [] : all.filter((i) => i.duplicateOf !== null));
  const storing = all.filter((i) => !leftOut.has(i));
  // A file read only up to the limit is refused whatever is left out: the items past it were never read.
  const over = previews.some((p) => p.preview.items.length > IMPORT_ITEMS_MAX) ? all : storing;
  if (!dryRun && over.length > IMPORT_ITEMS_MAX) {
    throw new UserError(
      `Found ${over.length.toLocaleString('en')} items; one import stores at most ${IMPORT_ITEMS_MAX.toLocaleString('en')}. Split the file; nothing was imported.`,
    );
  }
  const stored = dryRun || storing.length === 0 ? [] : (await call(desk, 'acceptImport', { items: storing.map((i) => i.fields) })).ids;
  const idOf = new Map(storing.map((i, n) => [i, stored[n]]));
  const ids = all.map((i) => idOf.get(i));
  for (const i of leftOut) i.warnings.push('Left out: it is on the desk already (--keep-duplicates imports it again).');
  if (json) {
    // stdout stays one JSON document; what the files as a whole lost still reaches the editor.
    for (const p of previews) for (const w of p.preview.warnings) process.stderr.write(`! ${p.file}: ${w}\n`);
    out(
      JSON.stringify(
        all.map((i, n) => ({ file: i.file, id: ids[n] ?? null, fields: storedFields(i.fields), warnings: i.warnings })),
        null,
        2,
      ),
    );
  } else {
    for (const p of previews) for (const w of p.preview.warnings) out(`! ${p.file}: ${w}`);
    all.forEach((i, n) => {
      const d = i.fields.dateline;
      out(
        `${ids[n] ?? (leftOut.has(i) ? '(left out)' : '(dry run)')}  ${i.fields.slug || '—'}  ${[d.place, d.date, d.agency].filter(Boolean).join('/') || '(no dateline)'}  ${i.fields.headline || '(no headline)'}`,
      );
      for (const w of i.warnings) out(`    ! ${w}`);
    });
    const left = leftOut.size > 0 ? `; ${leftOut.size} already on the desk, left out` : '';
    out(dryRun ? `${all.length} item(s) found${left}; nothing stored (dry run).` : `${storing.length} item(s) imported as drafts${left}.`);
  }
  return 0;
}
