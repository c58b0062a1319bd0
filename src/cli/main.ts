/**
 * `wiredesk` — the desk from a terminal, over the same service as the app.
 * Exit codes: 0 success, 1 the editor's mistake (one clear line on stderr), 2 internal error.
 */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IMPORT_ENCODINGS, type ImportEncoding, guessEncoding, isImportEncoding, looksBinary } from '../core/encoding';
import { DeskFailure, ErrorCode } from '../core/errors';
import { UUID_RE } from '../core/ids';
import { ITEM_STATUSES, type ItemStatus } from '../core/item';
import { urgencyLabel } from '../core/urgency';
import { FEED_FORMATS, IMPORT_FORMATS, IMPORT_MAX_BYTES, hasNdjson } from '../core/vocabulary';
import { EDITOR_ACTIONS, type EditorAction } from '../core/workflow';
import { type DeskHandlers, type FeedFormatName, IMPORT_ITEMS_MAX, type ValueOf } from '../contract';
import { toFailure } from '../service/dispatch';
import { type OpenedDesk, openDesk } from '../service/open';
import { BACKUPS_KEPT, backupNow, listBackups, restoreBackup, scheduleDailyBackups } from '../store/backup';
import { resolveDbPath } from '../store/paths';
import { startDeskServer } from '../server/server';
import { hubUrlFrom } from '../service/hub';
import { HUB_HELP, hubCommand, hubInit, resendShared, sharedBatches, syncCommand } from './hub';
import { UserError, call, out, row } from './io';

const here = path.dirname(fileURLToPath(import.meta.url));

/** "a, b or c" */
function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const HELP: Record<string, string> = {
  '': `wiredesk — the Wiredesk editorial desk from a terminal

Usage: wiredesk <command> [options]

Commands:
  serve                 run the desk in your browser (desk server on 127.0.0.1)
  list                  list items on the desk
  show ID               show one item as wire copy
  queue                 the publishing queue
  submit|approve|return|hold|release|kill|correct|spike|restore ID…
                        move items through the workflow
  export                export the approved queue as a batch (or --preview any selection)
  batches               past batches
  resend BATCH_ID       write a past batch again, byte for byte
  import FILE…          import wire copy or feed files as drafts
  backup                back up the store; --list, or restore FILE
  sync                  shared desk: push this desk's waiting changes, pull the hub's
  hub init|status|join|leave
                        shared desk: set up its PostgreSQL database; the connection; join or leave

Every command takes --db PATH (or WIREDESK_DB); the default is the desktop app's database.
Every command takes --hub URL (or WIREDESK_HUB) to work on a shared desk in PostgreSQL;
without, the shared desk joined with "wiredesk hub join" or in Settings, if any.
Run "wiredesk <command> --help" for its options.`,
  serve: `Usage: wiredesk serve [--port N] [--db PATH]
Serves the desk on http://127.0.0.1 (a random free port unless --port) and prints the link to open.`,
  list: `Usage: wiredesk list [--status draft|submitted|approved|held|published|killed|spiked] [--limit N] [--json]`,
  show: `Usage: wiredesk show ID [--json]`,
  queue: `Usage: wiredesk queue [--tab submitted|approved|held|published|killed|spiked] [--search TEXT] [--json]
Without --tab, prints the counts and the Submitted and Approved tabs.`,
  transition: `Usage: wiredesk submit|approve|return|hold|release|kill|correct|spike|restore ID… [--note TEXT]
"return" and "kill" need --note. All listed items change, or none.`,
  export: `Usage: wiredesk export --format ${FEED_FORMATS.join('|')} [--ndjson] --out FILE [--allow-past-embargo]
       wiredesk export --preview --format F [--ndjson] --out FILE [--status S] [--ids ID,ID] [--since ISO-TIME]
Without --preview: exports the approved queue (and kills waiting) as a batch, exactly as the app does.
With --preview: writes any selection and changes nothing.`,
  batches: `Usage: wiredesk batches [--json]
       wiredesk batches --shared [--json]     the shared desk's batches, whichever desk exported them
       wiredesk batches --complete BATCH_ID   write a stuck batch's stored file and publish it
       wiredesk batches --drop BATCH_ID       drop a stuck batch: nothing in it is published
A batch is stuck when the Wiredesk writing it is gone and it could not be finished by itself.`,
  resend: `Usage: wiredesk resend BATCH_ID --out FILE
       wiredesk resend NO --shared --out FILE    a shared desk batch (any desk's), from the bytes kept there`,
  backup: `Usage: wiredesk backup [--out FILE]      back up the store now (into its backups folder, or FILE)
       wiredesk backup --list              the backups kept beside the store, newest first
       wiredesk backup restore FILE        make FILE the store; the current store is kept beside it
Backups are also taken before every upgrade of the store and at most daily while the desk serves (the newest ${BACKUPS_KEPT} are kept).`,
  ...HUB_HELP,
  import: `Usage: wiredesk import FILE… [--format ${IMPORT_FORMATS.join("|")}] [--encoding ${Object.keys(IMPORT_ENCODINGS).join('|')}] [--dry-run] [--json]
Prints each item found; stores them as drafts unless --dry-run. Unreadable input stores nothing.
Without --encoding, each file's encoding is guessed (and named when it is not UTF-8).`,
};

const COMMON = { db: { type: 'string' }, hub: { type: 'string' }, help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } } as const;

/** --db names a store the editor chose: never fall back to the app's own, never invent folders. */
function checkDbFlag(dbFlag: string | undefined): void {
  if (dbFlag === undefined) return;
  if (dbFlag.trim() === '') throw new UserError('--db needs a file path; leave it out to use the desktop app\'s database.');
  const dir = path.dirname(path.resolve(dbFlag));
  if (!existsSync(dir)) throw new UserError(`--db ${dbFlag}: the folder ${dir} does not exist. Create it first, or check the path.`);
}

/** --out must name a file, in a folder that exists. */
async function checkOut(target: string): Promise<void> {
  const stat = await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) throw new UserError(`--out ${target} is a folder; give a file name in it, e.g. ${path.join(target, 'batch.json')}.`);
}

/** A file's text, in the encoding given or guessed (said on stderr when it is not UTF-8). */
async function readText(file: string, chosen: ImportEncoding | undefined): Promise<string> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new UserError(`${file} is not a file.`);
    if (stat.size > IMPORT_MAX_BYTES) throw new UserError(`${file} is ${Math.round(stat.size / 1048576)} MB; the import limit is ${IMPORT_MAX_BYTES / 1048576} MB.`);
    bytes = await fs.readFile(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  const encoding = chosen ?? guessEncoding(bytes);
  if (looksBinary(bytes, encoding)) throw new UserError(`${file} looks like a binary file, not wire copy or a feed file; nothing was imported.`);
  if (!chosen && encoding !== 'utf-8') process.stderr.write(`${file}: read as ${IMPORT_ENCODINGS[encoding]} (a guess; choose with --encoding).\n`);
  try {
    return new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes);
  } catch {
    throw new UserError(`${file} is not valid ${IMPORT_ENCODINGS[encoding]} text; name its encoding with --encoding ${Object.keys(IMPORT_ENCODINGS).join('|')}.`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command = '', ...rest] = argv;
  if (command === '' || command === '--help' || command === '-h' || command === 'help') {
    out(HELP['']);
    return command === '' ? 1 : 0;
  }
  const isTransition = (EDITOR_ACTIONS as readonly string[]).includes(command);
  const helpKey = isTransition ? 'transition' : command;
  if (!(helpKey in HELP)) throw new UserError(`Unknown command "${command}". Run "wiredesk --help".`);

  const options = {
    ...COMMON,
    port: { type: 'string' },
    status: { type: 'string' },
    limit: { type: 'string' },
    tab: { type: 'string' },
    search: { type: 'string' },
    note: { type: 'string' },
    format: { type: 'string' },
    ndjson: { type: 'boolean' },
    out: { type: 'string' },
    preview: { type: 'boolean' },
    ids: { type: 'string' },
    since: { type: 'string' },
    'allow-past-embargo': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    complete: { type: 'string' },
    drop: { type: 'string' },
    encoding: { type: 'string' },
    list: { type: 'boolean' },
    shared: { type: 'boolean' },
    force: { type: 'boolean' },
  } as const;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UserError(`${(e as Error).message.split('\n')[0]} Run "wiredesk ${command} --help".`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    out(HELP[helpKey]);
    return 0;
  }

  const port = v.port === undefined ? 0 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number, not "${v.port}".`);
  if (command === 'backup') return backup(v.db, positionals, v.out, v.list === true);
  checkDbFlag(v.db);

  const hubUrl = hubUrlFrom(v.hub);
  if (command === 'hub' && positionals[0] === 'init') return await hubInit(hubUrl);
  const opened = openDesk(resolveDbPath(v.db), { hub: hubUrl });
  const desk = opened.handlers;
  // A batch an earlier process committed but did not finish writing is written out first,
  // so every command sees the desk as it stands.
  await opened.ready;
  try {
    if (command === 'serve') return await serve(opened, port, resolveDbPath(v.db));
    if (command === 'hub') return await hubCommand(positionals[0], positionals[1], opened, v.force === true);
    if (isTransition) {
      if (positionals.length === 0) throw new UserError(`Name at least one item id: wiredesk ${command} ID…`);
      const done = await call(desk, 'transition', { ids: positionals, action: command as EditorAction, note: v.note });
      for (const s of done) out(`${s.id}  ${s.slug || '(no slug)'}  → ${s.status} (v${s.version})`);
      return 0;
    }
    switch (command) {
      case 'list': {
        const statuses = (v.status ?? 'draft,submitted,approved,held,published,killed').split(',') as ItemStatus[];
        const unknown = statuses.filter((st) => !ITEM_STATUSES.includes(st));
        if (unknown.length > 0) throw new UserError(`Unknown status "${unknown[0]}"; use ${ITEM_STATUSES.join(', ')}.`);
        const limit = Number(v.limit ?? 100);
        if (!Number.isInteger(limit) || limit < 1) throw new UserError('--limit must be a positive whole number.');
        const items = [];
        let cursor: string | null = null;
        do {
          const page: ValueOf<'listItems'> = await call(desk, 'listItems', { view: 'desk', statuses, cursor, limit: Math.min(limit - items.length, 500) });
          items.push(...page.items);
          cursor = page.next;
        } while (cursor && items.length < limit);
        if (v.json) out(JSON.stringify(items, null, 2));
        else for (const i of items) out(row([i.id, i.status, `U${i.urgency}`, i.slug || '—', i.headline], [36, 9, 3, 40, 0]));
        return 0;
      }
      case 'show': {
        const id = positionals[0];
        if (!id) throw new UserError('Usage: wiredesk show ID');
        const { item, problems } = await call(desk, 'getItem', { id });
        if (v.json) {
          out(JSON.stringify(item, null, 2));
          return 0;
        }
        const { renderWireCopy, embargoLine } = await import('../core/copy');
        const settings = await call(desk, 'getSettings', {});
        out(`${item.slug || '(no slug)'}  ·  ${item.status}  ·  v${item.version}  ·  ${urgencyLabel(item.urgency)}`);
        if (item.embargo) out(embargoLine(item.embargo));
        out(item.headline);
        out();
        out(renderWireCopy(item, settings.datelineStyle).text);
        if (item.status === 'draft') for (const p of problems) out(`${p.severity === 'error' ? '✗' : '!'} ${p.message}`);
        return 0;
      }
      case 'queue': {
        const tabs = v.tab ? [v.tab] : ['submitted', 'approved'];
        const pages = [];
        for (const tab of tabs) pages.push({ tab, page: await call(desk, 'queue', { tab: tab as never, search: v.search, limit: 200 }) });
        if (v.json) {
          out(JSON.stringify({ counts: pages[0]?.page.counts, tabs: Object.fromEntries(pages.map((p) => [p.tab, p.page.items])) }, null, 2));
          return 0;
        }
        const counts = pages[0]!.page.counts;
        out(Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(' · '));
        for (const { tab, page } of pages) {
          out(`\n${tab.toUpperCase()}`);
          if (page.items.length === 0) out('  (empty)');
          for (const i of page.items) out('  ' + row([i.id, `U${i.urgency}`, i.slug || '—', i.headline, i.embargo ? `EMBARGOED ${i.embargo}` : ''], [36, 3, 40, 60, 0]));
        }
        return 0;
      }
      case 'export': {
        const format = v.format as FeedFormatName | undefined;
        if (!format || !FEED_FORMATS.includes(format)) throw new UserError(`Choose --format ${orList(FEED_FORMATS)}.`);
        if (v.ndjson && !hasNdjson(format)) throw new UserError('JSON Feed has no NDJSON form; leave out --ndjson.');
        if (!v.out) throw new UserError('Say where to write the batch: --out FILE.');
        const target = path.resolve(v.out);
        await checkOut(target);
        if (v.preview) {
          const statuses = v.status?.split(',');
          const badStatus = statuses?.find((st) => !ITEM_STATUSES.includes(st as ItemStatus));
          if (badStatus !== undefined) throw new UserError(`Unknown status "${badStatus}"; use ${ITEM_STATUSES.join(', ')}.`);
          const ids = v.ids?.split(',').map((id) => id.trim());
          const badId = ids?.find((id) => !UUID_RE.test(id));
          if (badId !== undefined) throw new UserError(`"${badId}" is not an item id.`);
          const { count: n } = await call(desk, 'previewExport', { format, ndjson: v.ndjson === true, statuses: statuses as ItemStatus[] | undefined, ids, since: v.since, target });
          process.stderr.write(`Preview of ${n} item(s) written to ${target}; nothing changed state.\n`);
          return 0;
        }
        const batch = await call(desk, 'exportBatch', { format, ndjson: v.ndjson, folder: path.dirname(target), fileName: path.basename(target), allowPastEmbargo: v['allow-past-embargo'] });
        if (v.json) out(JSON.stringify(batch, null, 2));
        else out(`Batch ${batch.id}${opened.hub?.lastHubBatch ? ` (shared desk batch ${opened.hub.lastHubBatch})` : ''}: ${batch.itemCount} item(s) → ${path.join(batch.folder, batch.fileName)} (sha256 ${batch.sha256})${batch.error ? ` — ${batch.error}` : ''}`);
        return batch.error ? 2 : 0;
      }
      case 'batches': {
        if (v.complete !== undefined || v.drop !== undefined) {
          const which = v.complete !== undefined ? 'complete' : 'drop';
          const id = Number(v.complete ?? v.drop);
          if (!Number.isInteger(id) || id < 1) throw new UserError(`Usage: wiredesk batches --${which} BATCH_ID`);
          if (which === 'complete') {
            const b = await call(desk, 'completeBatch', { id });
            out(`Batch ${id} completed: ${b.itemCount} item(s) → ${path.join(b.folder, b.fileName)} (sha256 ${b.sha256}).`);
          } else {
            await call(desk, 'dropBatch', { id });
            out(`Batch ${id} dropped: nothing in it was published; its items wait for the next batch.`);
          }
          return 0;
        }
        if (v.shared) return await sharedBatches(desk, v.json === true);
        const page = await call(desk, 'listBatches', { limit: 200 });
        if (v.json) out(JSON.stringify(page.items, null, 2));
        else for (const b of page.items) out(row([`#${b.id}`, b.createdAt, b.format + (b.ndjson ? '/ndjson' : ''), `${b.itemCount} item(s)`, b.state, path.join(b.folder, b.fileName)], [7, 24, 14, 11, 9, 0]));
        return 0;
      }
      case 'resend': {
        const id = Number(positionals[0]);
        if (!Number.isInteger(id) || id < 1) throw new UserError('Usage: wiredesk resend BATCH_ID --out FILE');
        if (!v.out) throw new UserError('Say where to write the batch: --out FILE.');
        const target = path.resolve(v.out);
        await checkOut(target);
        if (v.shared) return await resendShared(desk, id, target);
        const r = await call(desk, 'resendBatch', { id, folder: path.dirname(target), fileName: path.basename(target) });
        out(`Batch ${id} written again to ${r.path} (sha256 ${r.sha256}).`);
        return 0;
      }
      case 'sync':
        return await syncCommand(opened, v.json === true);
      case 'import':
        if (v.encoding !== undefined && !isImportEncoding(v.encoding)) throw new UserError(`--encoding is one of ${Object.keys(IMPORT_ENCODINGS).join(', ')}.`);
        return await importFiles(desk, positionals, v.format ?? 'auto', v['dry-run'] === true, v.json === true, v.encoding);
    }
    throw new UserError(`Unknown command "${command}".`);
  } finally {
    const banner = opened.hub?.banner();
    if (banner) process.stderr.write(`${banner}\n`);
    if (command !== 'serve') await opened.close();
  }
}

async function importFiles(desk: DeskHandlers, files: string[], format: string, dryRun: boolean, json: boolean, encoding?: ImportEncoding): Promise<number> {
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
  if (!dryRun && all.length > IMPORT_ITEMS_MAX) {
    throw new UserError(`Found ${all.length.toLocaleString('en')} items; one import stores at most ${IMPORT_ITEMS_MAX.toLocaleString('en')}. Split the file; nothing was imported.`);
  }
  const ids = dryRun ? [] : (await call(desk, 'acceptImport', { items: all.map((i) => i.fields) })).ids;
  if (json) {
    out(JSON.stringify(all.map((i, n) => ({ file: i.file, id: ids[n] ?? null, fields: i.fields, warnings: i.warnings })), null, 2));
  } else {
    for (const p of previews) for (const w of p.preview.warnings) out(`! ${p.file}: ${w}`);
    all.forEach((i, n) => {
      const d = i.fields.dateline;
      out(`${ids[n] ?? '(dry run)'}  ${i.fields.slug || '—'}  ${[d.place, d.date, d.agency].filter(Boolean).join('/') || '(no dateline)'}  ${i.fields.headline || '(no headline)'}`);
      for (const w of i.warnings) out(`    ! ${w}`);
    });
    out(dryRun ? `${all.length} item(s) found; nothing stored (dry run).` : `${all.length} item(s) imported as drafts.`);
  }
  return 0;
}

async function backup(dbFlag: string | undefined, positionals: string[], outFile: string | undefined, list: boolean): Promise<number> {
  checkDbFlag(dbFlag);
  const store = resolveDbPath(dbFlag);
  if (list) {
    const all = listBackups(store);
    if (all.length === 0) out(`No backups yet beside ${store}.`);
    for (const b of all) out(row([b.at.toISOString(), b.reason, `${(b.bytes / 1048576).toFixed(1)} MB`, b.file], [24, 24, 9, 0]));
    return 0;
  }
  if (positionals[0] === 'restore') {
    const file = positionals[1];
    if (!file || positionals.length > 2) throw new UserError('Usage: wiredesk backup restore FILE');
    const r = await restoreBackup(file, store);
    out(`Restored ${path.resolve(file)} (${r.items} item(s)) as ${store}.`);
    if (r.keptAs) out(`The store it replaced is kept as ${r.keptAs}.`);
    return 0;
  }
  if (positionals.length > 0) throw new UserError(`Unknown backup command "${positionals[0]}". Run "wiredesk backup --help".`);
  if (outFile !== undefined) await checkOut(path.resolve(outFile));
  if (!existsSync(store)) throw new UserError(`There is no store at ${store} to back up.`);
  out(`Backed up to ${await backupNow(store, { out: outFile })}.`);
  return 0;
}

async function serve(opened: OpenedDesk, port: number, store: string): Promise<number> {
  const rendererDir = path.resolve(here, '../renderer');
  const server = await startDeskServer({ handlers: opened.handlers, changes: opened.changes(), rendererDir, port, token: process.env.WIREDESK_TOKEN || undefined }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new UserError(`Port ${port} is already in use; choose another with --port, or leave it out for a free one.`);
    throw e;
  });
  out(`Wiredesk desk server: ${server.loginUrl}`);
  const stopBackups = scheduleDailyBackups(store);
  // While joined to a shared desk: its changes arrive as they are announced, waiting ones go out.
  await opened.startLive();
  const stop = () => {
    stopBackups();
    void server
      .close()
      .then(() => opened.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UserError) {
      process.stderr.write(`wiredesk: ${e.message}\n`);
      process.exitCode = 1;
      return;
    }
    const f = toFailure(e).error;
    process.stderr.write(`wiredesk: ${f.message}\n`);
    process.exitCode = f.code === ErrorCode.Internal ? 2 : 1;
  },
);
