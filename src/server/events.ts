import type http from 'node:http';
import type { ChangeSource } from '../service/changes';

/** A comment this often keeps an idle stream from being taken for a dead one. */
const KEEPALIVE_MS = 20_000;

/**
 * The change feed as Server-Sent Events: one `changes` event per feed message, its `id` the
 * newest change number. The browser reconnects by itself within a second of a drop, and
 * then refreshes what it shows (it may have missed changes meanwhile).
 */
export function streamChanges(req: http.IncomingMessage, res: http.ServerResponse, source: ChangeSource): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'keep-alive',
  });
  res.write('retry: 1000\n\n');
  const off = source.subscribe((m) => res.write(`id: ${m.seq}\nevent: changes\ndata: ${JSON.stringify(m)}\n\n`));
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  req.socket.setTimeout(0);
  res.on('close', () => {
    off();
    clearInterval(keepalive);
  });
}
