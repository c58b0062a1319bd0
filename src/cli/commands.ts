/** The CLI's desk commands: each reads the desk through the contract and prints for a terminal. */
import path from 'node:path';
import { UUID_RE } from '../core/ids';
import { ITEM_STATUSES, type ItemStatus } from '../core/item';
import { urgencyLabel } from '../core/urgency';
import { FEED_FORMATS, hasNdjson } from '../core/vocabulary';
import { type DeskHandlers, type FeedFormatName, type ValueOf } from '../contract';
import { type OpenedDesk } from '../service/open';
import { resendShared, sharedBatches } from './hub';
import { orList } from './help';
import { UserError, call, checkOut, out, row } from './io';
import { type Options } from './options';

/** `wiredesk list`: the desk, page by page through the contract, up to --limit. */
export async function listCmd(desk: DeskHandlers, v: Options): Promise<number> {
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

/** `wiredesk show ID`: one item as wire copy (or JSON), with what stops a draft from going out. */
export async function showCmd(desk: DeskHandlers, v: Options, positionals: string[]): Promise<number> {
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

/** `wiredesk queue`: the counts and the Submitted and Approved tabs, or one --tab. */
export async function queueCmd(desk: DeskHandlers, v: Options): Promise<number> {
  const tabs = v.tab ? [v.tab] : ['submitted', 'approved'];
  const pages = [];
  for (const tab of tabs) pages.push({ tab, page: await call(desk, 'queue', { tab: tab as never, search: v.search, limit: 200 }) });
  if (v.json) {
    out(JSON.stringify({ counts: pages[0]?.page.counts, tabs: Object.fromEntries(pages.map((p) => [p.tab, p.page.items])) }, null, 2));
    return 0;
  }
  const counts = pages[0]!.page.counts;
  out(
    Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(' · '),
  );
  for (const { tab, page } of pages) {
    out(`\n${tab.toUpperCase()}`);
    if (page.items.length === 0) out('  (empty)');
    for (const i of page.items)
      out('  ' + row([i.id, `U${i.urgency}`, i.slug || '—', i.headline, i.embargo ? `EMBARGOED ${i.embargo}` : ''], [36, 3, 40, 60, 0]));
  }
  return 0;
}

/** `wiredesk export`: the approved queue as a batch, exactly as the app does; or --preview any selection. */
export async function exportCmd(opened: OpenedDesk, v: Options): Promise<number> {
  const desk = opened.handlers;
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
    const { count: n } = await call(desk, 'previewExport', {
      format,
      ndjson: v.ndjson === true,
      statuses: statuses as ItemStatus[] | undefined,
      ids,
      since: v.since,
      target,
    });
    process.stderr.write(`Preview of ${n} item(s) written to ${target}; nothing changed state.\n`);
    return 0;
  }
  const batch = await call(desk, 'exportBatch', {
    format,
    ndjson: v.ndjson,
    folder: path.dirname(target),
    fileName: path.basename(target),
    allowPastEmbargo: v['allow-past-embargo'],
  });
  if (v.json) out(JSON.stringify(batch, null, 2));
  else
    out(
      `Batch ${batch.id}${opened.hub?.lastHubBatch ? ` (shared desk batch ${opened.hub.lastHubBatch})` : ''}: ${batch.itemCount} item(s) → ${path.join(batch.folder, batch.fileName)} (sha256 ${batch.sha256})${batch.error ? ` — ${batch.error}` : ''}`,
    );
  return batch.error ? 2 : 0;
}

/** `wiredesk batches`: past batches; --complete or --drop a stuck one. */
export async function batchesCmd(desk: DeskHandlers, v: Options): Promise<number> {
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
  else
    for (const b of page.items)
      out(
        row(
          [`#${b.id}`, b.createdAt, b.format + (b.ndjson ? '/ndjson' : ''), `${b.itemCount} item(s)`, b.state, path.join(b.folder, b.fileName)],
          [7, 24, 14, 11, 9, 0],
        ),
      );
  return 0;
}

/** `wiredesk resend BATCH_ID --out FILE`: a past batch written again, byte for byte. */
export async function resendCmd(desk: DeskHandlers, v: Options, positionals: string[]): Promise<number> {
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
