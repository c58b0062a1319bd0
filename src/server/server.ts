/**
 * The desk server: the built renderer and the same contract over HTTP, on 127.0.0.1 only.
 * Every API call needs the per-run token (a cookie set by opening the printed URL, or the
 * X-Wiredesk-Token header); the Host and Origin headers must name this server, so a page on
 * another site — or a DNS-rebound name — cannot reach the desk.
 *
 * Cookies ignore ports, so the desk lives under an unguessable per-run path
 * (http://127.0.0.1:PORT/<random>/) and its cookie carries that Path: no other local server,
 * and no other desk server, is ever sent it. Every refusal is an HTTP status with the desk's
 * own message; a body over the limit is read to its end and answered 413, never cut off.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ErrorCode, fail } from '../core/errors';
import { IMPORT_MAX_BYTES } from '../core/vocabulary';
import type { ChangeSource } from '../service/changes';
import { CHANGES_PATH, type DeskHandlers, TEXT_BODY_ARGS, isDeskMethod } from '../contract';
import { dispatch } from '../service/dispatch';
import { streamChanges } from './events';
import { writeJson } from './json';

export interface DeskServerOptions {
  handlers: DeskHandlers;
  /** The desk's change feed, streamed to browsers at GET /api/events. */
  changes?: ChangeSource;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted; by default it follows the import limit (REQUEST_MAX_BYTES). */
  maxBodyBytes?: number;
}

/**
 * The largest request: the largest file an import takes, sent as a JSON string (quotes,
 * backslashes and line ends are escaped to two bytes) or as its items' editor states.
 */
export const REQUEST_MAX_BYTES = 3 * IMPORT_MAX_BYTES;

/** A body read past the limit is drained (so the client can read the 413), up to this much. */
const DRAIN_MAX_FACTOR = 4;

export interface DeskServer {
  /** The desk's address, ending in its per-run path: http://127.0.0.1:PORT/<random>/ */
  url: string;
  /** The URL that logs a browser in (sets the token cookie). */
  loginUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The page's files, read once and sent whole: a fresh window then has its 600 KB script in one write, not ten reads
 * of the disk behind the desk's own work (a rebuild that changes a file is read again). */
const pageFiles = new Map<string, { mtimeMs: number; size: number; bytes: Buffer }>();
async function pageFile(file: string, stat: Stats): Promise<Buffer> {
  const had = pageFiles.get(file);
  if (had && had.mtimeMs === stat.mtimeMs && had.size === stat.size) return had.bytes;
  const bytes = await fs.readFile(file);
  pageFiles.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, bytes });
  return bytes;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const COOKIE = 'wiredesk_token';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE && v) return decodeURIComponent(v);
  }
  return null;
}

const headers = (type: string, extra: http.OutgoingHttpHeaders = {}): http.OutgoingHttpHeaders => ({
  'Content-Type': type,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': CSP,
  ...extra,
});

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8', extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, headers(type, extra));
  res.end(body);
}

const json = (res: http.ServerResponse, status: number, code: ErrorCode, message: string, extra: http.OutgoingHttpHeaders = {}) =>
  send(res, status, JSON.stringify(fail(code, message)), undefined, extra);

/**
 * The body as text, or null when it is larger than `max`. An oversized body is still read
 * (and thrown away) to its end, so the client is not cut off mid-send and can read the
 * refusal; only a body far past the limit gets its connection closed. A body that says its
 * length is read into one buffer of that size, not gathered in chunks and copied again.
 */
function readBody(req: http.IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    let whole = Number.isSafeInteger(declared) && declared >= 0 && declared <= max ? Buffer.allocUnsafe(declared) : null;
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      if (whole && size + c.length <= whole.length) c.copy(whole, size);
      else if (size + c.length <= max) {
        // More than it declared (or no length given): gather what came, as chunks.
        if (whole) chunks = [whole.subarray(0, size)];
        whole = null;
        chunks.push(c);
      } else chunks = [];
      size += c.length;
      if (size > max * DRAIN_MAX_FACTOR) {
        req.destroy();
        resolve(null);
      }
    });
    req.on('end', () => {
      if (size > max) return resolve(null);
      const bytes = whole ? whole.subarray(0, size) : Buffer.concat(chunks);
      whole = null;
      chunks = [];
      resolve(bytes.toString('utf8'));
    });
    req.on('error', reject);
  });
}

/**
 * The method's argument from the request: JSON, or — for a method with a large text
 * (TEXT_BODY_ARGS) — that text as the body itself and the rest in the query string, so a
 * 38 MB paste is neither escaped nor parsed again. Such a method only reads (parseImport
 * stores nothing), and the token check stands either way.
 */
function argument(method: string, type: string, raw: string, query: URLSearchParams): { arg: unknown } | { status: 400 | 415; refused: string } {
  const textArg = isDeskMethod(method) ? TEXT_BODY_ARGS[method] : undefined;
  if (textArg && /^text\/plain(;\s*charset=utf-8)?$/i.test(type.trim())) return { arg: { ...Object.fromEntries(query), [textArg]: raw } };
  if (!type.startsWith('application/json')) return { status: 415, refused: 'Send JSON.' };
  try {
    return { arg: raw === '' ? {} : (JSON.parse(raw) as unknown) };
  } catch {
    return { status: 400, refused: 'The request was not valid JSON.' };
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 1048576);

/** Only what the log needs: one line, the stack only with WIREDESK_DEBUG=1. */
const logLine = (e: unknown) => (process.env.WIREDESK_DEBUG ? e : e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export async function startDeskServer(opts: DeskServerOptions): Promise<DeskServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? REQUEST_MAX_BYTES;
  const root = path.resolve(opts.rendererDir);
  // The desk's per-run path: 128 random bits, so no page and no other program can guess it.
  const base = `/${randomBytes(16).toString('base64url')}/`;
  const cookie = `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=${base}`;
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error('[wiredesk] server error:', logLine(e));
      if (!res.headersSent) json(res, 500, ErrorCode.Internal, 'The desk server failed to answer.');
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      send(res, 421, JSON.stringify(fail(ErrorCode.Forbidden, 'Wrong host: the desk answers only on 127.0.0.1 and localhost.')));
      return;
    }
    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return json(res, 400, ErrorCode.InvalidArgument, 'This address is malformed.');
    }
    // Outside the desk's per-run path there is nothing: no page, no API, no login.
    if (!url.pathname.startsWith(base)) return send(res, 404, 'Not found', 'text/plain');
    const local = url.pathname.slice(base.length);
    if (local.startsWith('api/')) {
      const origin = req.headers.origin;
      const events = local === CHANGES_PATH;
      const method = events ? 'GET' : 'POST';
      if (req.method !== method) return json(res, 405, ErrorCode.InvalidArgument, `Use ${method}.`, { Allow: method });
      if (origin !== undefined && origin !== `http://${host}`) return json(res, 403, ErrorCode.Forbidden, 'Requests from other sites are refused.');
      const given = (req.headers['x-wiredesk-token'] as string | undefined) ?? cookieToken(req);
      if (!given || !sameSecret(given, token)) {
        return json(res, 401, ErrorCode.Forbidden, 'This browser is not signed in to the desk. Open the link that "wiredesk serve" printed.');
      }
      if (events) {
        if (!opts.changes) return send(res, 404, JSON.stringify(fail(ErrorCode.NotFound, 'This desk server publishes no changes.')));
        return streamChanges(req, res, opts.changes);
      }
      const type = req.headers['content-type'] ?? '';
      const name = local.slice('api/'.length);
      if (!type.startsWith('application/json') && !(isDeskMethod(name) && TEXT_BODY_ARGS[name])) return json(res, 415, ErrorCode.InvalidArgument, 'Send JSON.');
      const tooLarge = `This request is larger than the desk takes (${megabytes(maxBody)} MB); one import takes files up to ${megabytes(IMPORT_MAX_BYTES)} MB. Nothing was changed.`;
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > maxBody * DRAIN_MAX_FACTOR) return json(res, 413, ErrorCode.InvalidArgument, tooLarge, { Connection: 'close' });
      const raw = await readBody(req, maxBody);
      if (raw === null) return json(res, 413, ErrorCode.InvalidArgument, tooLarge, { Connection: 'close' });
      const read = argument(name, type, raw, url.searchParams);
      if ('refused' in read) return json(res, read.status, ErrorCode.InvalidArgument, read.refused);
      const result = await dispatch(opts.handlers, name, read.arg);
      res.writeHead(200, headers('application/json; charset=utf-8'));
      return writeJson(res, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    const login = url.searchParams.get('token');
    if (login !== null) {
      if (!sameSecret(login, token)) return send(res, 403, 'Wrong desk key. Open the link printed by "wiredesk serve".', 'text/plain; charset=utf-8');
      return send(res, 303, '', 'text/plain', { Location: base, 'Set-Cookie': cookie });
    }
    const rel = local === '' ? 'index.html' : pathname.slice(base.length).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return send(res, 404, 'Not found', 'text/plain');
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return send(res, 404, 'Not found', 'text/plain');
    const bytes = await pageFile(file, stat);
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': bytes.length,
      'Cache-Control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      // The page's address holds the desk's secret path: never hand it to a link's target.
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': CSP,
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}${base}`;
  return {
    url,
    loginUrl: `${url}?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
