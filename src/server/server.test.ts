/**
 * The desk server's edges, through real HTTP: where the cookie goes, what an oversized or
 * malformed request gets, and that no argument reaches past the dispatcher's error boundary.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES } from '../core/vocabulary';
import { testDesk } from '../../test/desk';
import { type DeskServer, REQUEST_MAX_BYTES, startDeskServer } from './server';

const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-server-test-'));
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>desk</title><script src="./assets/app.js"></script>');
fs.mkdirSync(path.join(rendererDir, 'assets'));
fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request (fetch would normalise the malformed paths this test needs to send). */
function request(server: DeskServer, method: string, rawPath: string, body?: string | Buffer, headers: http.OutgoingHttpHeaders = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method, path: rawPath, headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const base = (server: DeskServer) => new URL(server.url).pathname;
const api = (server: DeskServer, method: string, arg: unknown) =>
  request(server, 'POST', `${base(server)}api/${method}`, JSON.stringify(arg), { 'Content-Type': 'application/json', 'X-Wiredesk-Token': server.token });

describe('desk server', () => {
  let server: DeskServer;
  let small: DeskServer;
  beforeAll(async () => {
    server = await startDeskServer({ handlers: testDesk().desk, rendererDir });
    small = await startDeskServer({ handlers: testDesk().desk, rendererDir, maxBodyBytes: 4096 });
  });
  afterAll(async () => {
    await server.close();
    await small.close();
  });

  it('lives under an unguessable per-run path, and scopes its cookie to it', async () => {
    const path1 = base(server);
    const path2 = base(small);
    expect(path1).toMatch(/^\/[\w-]{22,}\/$/);
    expect(path1).not.toBe(path2);
    expect(server.loginUrl).toBe(`${server.url}?token=${encodeURIComponent(server.token)}`);

    const login = await request(server, 'GET', `${path1}?token=${encodeURIComponent(server.token)}`);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe(path1);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toContain(`Path=${path1};`.slice(0, -1));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Path=\/(;|$)/);

    // Nothing outside the path: no page, no API, no login.
    expect((await request(server, 'GET', '/')).status).toBe(404);
    expect((await request(server, 'GET', `/?token=${encodeURIComponent(server.token)}`)).status).toBe(404);
    expect((await request(server, 'POST', '/api/getSettings', '{}', { 'Content-Type': 'application/json', 'X-Wiredesk-Token': server.token })).status).toBe(
      404,
    );

    // The page and its assets, relative to the path; the API with the cookie.
    const page = await request(server, 'GET', path1);
    expect(page.body).toContain('./assets/app.js');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const asset = await request(server, 'GET', `${path1}assets/app.js`);
    expect([asset.status, asset.body, asset.headers['content-length']]).toEqual([200, 'console.log(1)', '14']);
    // A rebuild that changes a file is served as it is now, not as it was first read.
    const appJs = path.join(rendererDir, 'assets', 'app.js');
    fs.writeFileSync(appJs, 'console.log("rebuilt")');
    fs.utimesSync(appJs, new Date(), new Date(Date.now() + 5000));
    expect((await request(server, 'GET', `${path1}assets/app.js`)).body).toBe('console.log("rebuilt")');
    fs.writeFileSync(appJs, 'console.log(1)');
    const viaCookie = await request(server, 'POST', `${path1}api/getSettings`, '{}', { 'Content-Type': 'application/json', Cookie: cookie.split(';')[0]! });
    expect(JSON.parse(viaCookie.body)).toMatchObject({ ok: true });
  });

  it("answers a body over the limit with 413 and the desk's message, after reading it", async () => {
    const big = JSON.stringify({ text: 'x'.repeat(10_000) });
    const r = await request(small, 'POST', `${base(small)}api/parseImport`, big, { 'Content-Type': 'application/json', 'X-Wiredesk-Token': small.token });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('larger than the desk takes') },
    });
  });

  it('takes a request as large as the largest import, JSON-escaped', async () => {
    // The case: a 58 MB NDJSON feed became a 68.8 MB request. Line ends and quotes
    // double when escaped; a request of that size reaches the dispatcher (the bad format
    // keeps the test from parsing 58 MB).
    expect(REQUEST_MAX_BYTES).toBeGreaterThanOrEqual(2 * IMPORT_MAX_BYTES + 1024);
    const text = '{"a":"b"}\n'.repeat(Math.floor((58 * 1048576) / 10));
    const body = JSON.stringify({ text, format: 'not-a-format' });
    expect(body.length).toBeGreaterThan(68 * 1048576);
    const r = await request(server, 'POST', `${base(server)}api/parseImport`, body, { 'Content-Type': 'application/json', 'X-Wiredesk-Token': server.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('format') } });
  }, 60_000);

  it("takes an import preview's text as the plain body, the rest in the query, and sends no text back", async () => {
    const copy = 'Ferry traffic resumes\nAktau/07.10.23/Turan: Ferry traffic resumed on Saturday. ---06B---\n';
    const post = (query: string, type: string, method = 'parseImport') =>
      request(server, 'POST', `${base(server)}api/${method}${query}`, copy, { 'Content-Type': type, 'X-Wiredesk-Token': server.token });
    const r = await post('?format=text', 'text/plain; charset=utf-8');
    expect(r.status).toBe(200);
    const answer = JSON.parse(r.body) as { ok: true; value: { format: string; items: { fields: { headline: string; body: unknown } }[] } };
    expect(answer.value.format).toBe('text');
    expect(answer.value.items.map((i) => i.fields.headline)).toEqual(['Ferry traffic resumes']);
    expect(answer.value.items[0]!.fields.body).toEqual({ paragraphs: ['Ferry traffic resumed on Saturday.'] });
    expect(r.body).not.toContain('Aktau/07.10.23');
    // A key the method does not take is refused as in JSON; other methods take only JSON.
    expect(JSON.parse((await post('?format=text&extra=1', 'text/plain')).body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect((await post('', 'text/plain', 'createItem')).status).toBe(415);
    expect((await post('', 'text/html')).status).toBe(415);
  });

  it('answers malformed addresses with 400, not a 500', async () => {
    for (const p of ['/%', `${base(server)}%`, `${base(server)}assets/%E0%A4%A`]) {
      const r = await request(server, 'GET', p);
      expect(r.status, p).toBe(400);
      expect(r.body).toContain('malformed');
    }
  });

  it('refuses a deeply nested argument with a coded error (validation inside the error boundary)', async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const depth = 20_000;
    const nested = '{"type":"paragraph","children":['.repeat(depth) + '{"type":"text","text":"deep"}' + ']}'.repeat(depth);
    const raw = `{"fields":{"body":{"root":${nested}}}}`;
    const r = await request(server, 'POST', `${base(server)}api/createItem`, raw, { 'Content-Type': 'application/json', 'X-Wiredesk-Token': server.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('nests more than') } });
    expect(r.body).not.toMatch(/\n\s+at /);
  });

  it("refuses a forged page link as the editor's mistake, not an internal error", async () => {
    for (const cursor of [
      Buffer.from('[{},{}]').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
      'not-a-cursor',
      Buffer.from('"x"').toString('base64url'),
    ]) {
      const r = JSON.parse((await api(server, 'listItems', { view: 'desk', cursor })).body);
      expect(r, cursor).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('page link') } });
      const q = JSON.parse((await api(server, 'queue', { tab: 'submitted', cursor })).body);
      expect(q, cursor).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });
});
