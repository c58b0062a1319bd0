/**
 * The shared desk from a terminal: `wiredesk hub init|status|join|leave`, `wiredesk sync`, and
 * the shared desk's batches (`batches --shared`, `resend --shared`).
 */
import path from 'node:path';
import { HUB_CONNECTION_LABELS } from '../core/vocabulary';
import type { DeskHandlers } from '../contract';
import { type SyncReport, initSharedDesk } from '../service/hub';
import type { OpenedDesk } from '../service/open';
import { UserError, call, out, row } from './io';

export const HUB_HELP = {
  sync: `Usage: wiredesk sync [--hub postgres://ROLE@HOST:PORT/DATABASE] [--json]
Pushes this desk's waiting changes to the shared desk, pulls what changed there, prints what moved.
Without --hub (or WIREDESK_HUB), the shared desk this desk joined (wiredesk hub join, or Settings).`,
  hub: `Usage: wiredesk hub init --hub postgres://OWNER@HOST:PORT/DATABASE
       wiredesk hub status [--hub URL]
       wiredesk hub join postgres://ROLE@HOST:PORT/DATABASE   join it (stored, as in Settings → Shared desk)
       wiredesk hub leave [--force]                          leave it; --force even with changes waiting
init creates or migrates the shared desk's schema and the group roles wiredesk_writer and
wiredesk_editor; grant them to each editor's own login role (GRANT wiredesk_editor TO anna).
The password never goes in the URL: use PGPASSWORD or ~/.pgpass.`,
};

const NAME_IT = 'Name the shared desk: --hub postgres://ROLE@HOST:PORT/DATABASE (or set WIREDESK_HUB), or join one: wiredesk hub join URL.';

export function printSync(r: SyncReport): void {
  for (const p of r.pushed) out(`↑ ${p.itemId}  ${p.slug}  ${p.action}`);
  for (const p of r.pulled) out(`↓ ${p.itemId}  ${p.slug}  ${p.status} (${p.by})`);
  for (const c of r.conflicts) out(`✗ ${c.message}`);
  out(`Pushed ${r.pushed.length} change(s), pulled ${r.pulled.length} item(s), ${r.conflicts.length} conflict(s); ${r.waiting} waiting.`);
}

/** `wiredesk sync` */
export async function syncCommand(opened: OpenedDesk, json: boolean): Promise<number> {
  if (!opened.hub) throw new UserError(NAME_IT);
  const report = await opened.hub.sync();
  if (json) out(JSON.stringify({ ...report, conflictsKept: opened.hub.outbox.conflicts() }, null, 2));
  else printSync(report);
  return report.conflicts.length > 0 ? 1 : 0;
}

/** `wiredesk hub init` (needs no desk) */
export async function hubInit(url: string | null): Promise<number> {
  if (!url) throw new UserError('Name the shared desk to set up: wiredesk hub init --hub postgres://OWNER@HOST:PORT/DATABASE.');
  const r = await initSharedDesk(url);
  out(
    r.from === r.to
      ? `Shared desk ${r.hub} is up to date (schema ${r.to}).`
      : `Shared desk ${r.hub} set up: schema ${r.from} → ${r.to}; roles wiredesk_writer and wiredesk_editor ready.`,
  );
  return 0;
}

/** `wiredesk hub status|join|leave` on an opened desk. */
export async function hubCommand(sub: string | undefined, arg: string | undefined, opened: OpenedDesk, force: boolean): Promise<number> {
  const desk = opened.handlers;
  if (sub === 'join') {
    if (!arg) throw new UserError('Usage: wiredesk hub join postgres://ROLE@HOST:PORT/DATABASE');
    const s = await call(desk, 'joinHub', { url: arg });
    out(`Joined the shared desk ${s.hub} as ${s.role} (${s.roleKind}).`);
    return 0;
  }
  if (sub === 'leave') {
    const s = await call(desk, 'leaveHub', { force });
    out(s.joined ? `Still on the shared desk ${s.hub}.` : 'This desk is on its own now.');
    return 0;
  }
  if (sub !== 'status') throw new UserError('Usage: wiredesk hub init|status|join|leave (see wiredesk hub --help)');
  if (!opened.hub) throw new UserError(NAME_IT);
  const online = await opened.hub.status();
  const s = await call(desk, 'hubStatus', {});
  const connection = online.online ? 'online' : s.connection === 'refused' ? `refused — ${s.error?.message ?? ''}` : 'offline';
  out(`${online.hub}: ${connection} · ${online.waiting} change(s) waiting · ${online.conflicts} conflict(s)${online.banner ? ` — ${online.banner}` : ''}`);
  out(
    `  joined ${s.source === 'command' ? 'by --hub / WIREDESK_HUB' : 'in Settings'} · as ${s.role ?? '?'} (${s.roleKind ?? '?'}) · last sync ${s.lastSync ?? 'never'} · ${HUB_CONNECTION_LABELS[s.connection]}`,
  );
  return 0;
}

/** `wiredesk batches --shared` */
export async function sharedBatches(desk: DeskHandlers, json: boolean): Promise<number> {
  const page = await call(desk, 'listSharedBatches', { limit: 200 });
  if (json) out(JSON.stringify(page.items, null, 2));
  else
    for (const b of page.items)
      out(
        row(
          [`S${b.no}`, b.createdAt, b.format + (b.ndjson ? '/ndjson' : ''), `${b.itemCount} item(s)`, b.createdBy, b.fileName, b.sha256],
          [7, 24, 14, 11, 16, 40, 0],
        ),
      );
  return 0;
}

/** `wiredesk resend NO --shared --out FILE` */
export async function resendShared(desk: DeskHandlers, no: number, target: string): Promise<number> {
  const r = await call(desk, 'resendSharedBatch', { no, folder: path.dirname(target), fileName: path.basename(target) });
  out(`Shared desk batch ${no} written again to ${r.path} (sha256 ${r.sha256}).`);
  return 0;
}
