/**
 * The desk server: the built renderer and the same contract over HTTP, on 127.0.0.1 only.
 * Every API call needs the per-run token (a cookie set by opening the printed URL, or the
 * X-Wiredesk-Token header); the Host and Origin headers must name this server, so a page on
 * another site — or a DNS-rebound name — cannot reach the desk.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ErrorCode, fail } from '../core/errors';
import type { ChangeSource } from '../service/changes';
import { CHANGES_PATH, type DeskHandlers } from '../service/contract';
import { dispatch } from '../service/dispatch';
import { streamChanges } from './events';

export interface DeskServerOptions {
  handlers: DeskHandlers;
  /** The desk's change feed, streamed to browsers at GET /api/events. */
  changes?: ChangeSource;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted (imports of big files). */
  maxBodyBytes?: number;
}

export interface DeskServer {
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

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8', extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': CSP,
    ...extra,
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startDeskServer(opts: DeskServerOptions): Promise<DeskServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const root = path.resolve(opts.rendererDir);
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error('[wiredesk] server error:', e);
      if (!res.headersSent) send(res, 500, JSON.stringify(fail(ErrorCode.Internal, 'The desk server failed to answer.')));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host)) {
      send(res, 421, JSON.stringify(fail(ErrorCode.Forbidden, 'Wrong host: the desk answers only on 127.0.0.1 and localhost.')));
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      const events = url.pathname === CHANGES_PATH;
      const method = events ? 'GET' : 'POST';
      if (req.method !== method) return send(res, 405, JSON.stringify(fail(ErrorCode.InvalidArgument, `Use ${method}.`)), undefined, { Allow: method });
      if (origin !== undefined && origin !== `http://${host}`) return send(res, 403, JSON.stringify(fail(ErrorCode.Forbidden, 'Requests from other sites are refused.')));
      const given = (req.headers['x-wiredesk-token'] as string | undefined) ?? cookieToken(req);
      if (!given || !sameSecret(given, token)) {
        return send(res, 401, JSON.stringify(fail(ErrorCode.Forbidden, 'This browser is not signed in to the desk. Open the link that "wiredesk serve" printed.')));
      }
      if (events) {
        if (!opts.changes) return send(res, 404, JSON.stringify(fail(ErrorCode.NotFound, 'This desk server publishes no changes.')));
        return streamChanges(req, res, opts.changes);
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, JSON.stringify(fail(ErrorCode.InvalidArgument, 'Send JSON.')));
      }
      let arg: unknown;
      try {
        const raw = await readBody(req, maxBody);
        arg = raw === '' ? {} : JSON.parse(raw);
      } catch {
        return send(res, 400, JSON.stringify(fail(ErrorCode.InvalidArgument, `The request was not valid JSON or was larger than ${Math.round(maxBody / 1048576)} MB.`)));
      }
      const result = await dispatch(opts.handlers, url.pathname.slice('/api/'.length), arg);
      return send(res, 200, JSON.stringify(result));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    const login = url.searchParams.get('token');
    if (login !== null) {
      if (!sameSecret(login, token)) return send(res, 403, 'Wrong desk key. Open the link printed by "wiredesk serve".', 'text/plain; charset=utf-8');
      return send(res, 303, '', 'text/plain', {
        Location: '/',
        'Set-Cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep)) return send(res, 404, 'Not found', 'text/plain');
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return send(res, 404, 'Not found', 'text/plain');
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CSP,
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    loginUrl: `${url}?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
