import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DeskChanges } from '../core/changes';
import type { ChangeListener, ChangeSource } from '../service/changes';
import { testDesk } from '../../test/desk';
import { type DeskServer, startDeskServer } from './server';

/** A feed the test publishes on by hand. */
class FakeFeed implements ChangeSource {
  readonly listeners = new Set<ChangeListener>();
  subscribe(l: ChangeListener) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  publish(m: DeskChanges) {
    for (const l of this.listeners) l(m);
  }
}

let server: DeskServer | null = null;
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-events-'));
afterEach(async () => {
  await server?.close();
  server = null;
});
afterAll(() => fs.rmSync(rendererDir, { recursive: true, force: true }));

async function start() {
  const feed = new FakeFeed();
  server = await startDeskServer({ handlers: testDesk().desk, changes: feed, rendererDir });
  return { feed, server };
}

function request(s: DeskServer, method: string, headers: http.OutgoingHttpHeaders = {}): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL('api/events', s.url), { method, headers }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Read the stream until `text` has arrived. */
function readUntil(res: http.IncomingMessage, text: string): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const on = (d: Buffer) => {
      got += d.toString();
      if (got.includes(text)) {
        res.off('data', on);
        resolve(got);
      }
    };
    res.on('data', on);
  });
}

const waitFor = async (ok: () => boolean) => {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  return ok();
};

describe('GET /api/events', () => {
  it('refuses a browser without the desk token, and any method but GET', async () => {
    const { server: s, feed } = await start();
    const anon = await request(s, 'GET');
    expect(anon.statusCode).toBe(401);
    anon.resume();
    const post = await request(s, 'POST', { 'X-Wiredesk-Token': s.token, 'Content-Type': 'application/json' });
    expect([post.statusCode, post.headers.allow]).toEqual([405, 'GET']);
    post.resume();
    const foreign = await request(s, 'GET', { 'X-Wiredesk-Token': s.token, Origin: 'http://evil.example' });
    expect(foreign.statusCode).toBe(403);
    foreign.resume();
    expect(feed.listeners.size).toBe(0);
  });

  it('streams each feed message as a "changes" event, and lets go of the feed when the browser leaves', async () => {
    const { server: s, feed } = await start();
    const res = await request(s, 'GET', { Cookie: `wiredesk_token=${encodeURIComponent(s.token)}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(await readUntil(res, '\n\n')).toBe('retry: 1000\n\n');
    const message: DeskChanges = { seq: 7, all: false, changes: [{ kind: 'settings', seq: 7 }] };
    const next = readUntil(res, '\n\n');
    feed.publish(message);
    expect(await next).toBe(`id: 7\nevent: changes\ndata: ${JSON.stringify(message)}\n\n`);
    res.destroy();
    expect(await waitFor(() => feed.listeners.size === 0)).toBe(true);
  });

  it('leaves the rest of the API to POST', async () => {
    const { server: s } = await start();
    const res = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(new URL('api/getSettings', s.url), { headers: { 'X-Wiredesk-Token': s.token } }, resolve),
    );
    expect([res.statusCode, res.headers.allow]).toEqual([405, 'POST']);
    res.resume();
  });
});
