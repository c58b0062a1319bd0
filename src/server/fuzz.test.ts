/**
 * Every contract method, called with fast-check's arguments through the real HTTP adapter:
 * each answer is HTTP 200 with a success or a coded error an editor can read (never 500,
 * never INTERNAL, never a stack trace), and a refused call leaves the store as it was.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESK_METHODS } from '../contract';
import { type FuzzWorld, argFor, callArb, replyProblem, storeDigest } from '../../test/fuzz';
import { readyFields, testDesk } from '../../test/desk';
import { type DeskServer, startDeskServer } from './server';

/** Runs per method, and a ceiling on the whole run so `npm test` stays bounded. */
const RUNS_PER_METHOD = Number(process.env.WIREDESK_FUZZ_RUNS ?? 60);
const MIXED_RUNS = Number(process.env.WIREDESK_FUZZ_MIXED ?? 25);
/** Per-method runs share this; on a loaded machine fewer cases run rather than the suite dragging on. */
const TIME_LIMIT_MS = 50_000;
const MIXED_TIME_LIMIT_MS = 10_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-fuzz-'));
const rendererDir = path.join(tmp, 'renderer');
fs.mkdirSync(rendererDir);
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');

const { desk } = testDesk();
const world: FuzzWorld = { itemIds: [], folder: path.join(tmp, 'out') };
fs.mkdirSync(world.folder);
let server: DeskServer;
let cases = 0;

/** JSON as a browser would send it (BigInt has no JSON form; it goes as a string). */
const toJson = (arg: unknown) => JSON.stringify(arg, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';

async function call(method: string, arg: unknown): Promise<void> {
  const before = storeDigest(desk.db);
  const body = toJson(arg);
  const res = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Wiredesk-Token': server.token },
    body,
  });
  const text = await res.text();
  cases++;
  expect(res.status, `${method} ${body.slice(0, 300)} → ${text.slice(0, 300)}`).toBe(200);
  const reply = JSON.parse(text) as { ok: boolean };
  const problem = replyProblem(reply);
  if (problem) throw new Error(`${method}(${body.slice(0, 300)}): ${problem}`);
  if (!reply.ok) expect(storeDigest(desk.db), `${method}(${body.slice(0, 300)}) was refused but changed the store`).toBe(before);
}

beforeAll(async () => {
  // A desk with something in each state, and a batch, so calls reach past the validator.
  for (const [slug, actions] of [
    ['DRAFT', []],
    ['SUBMITTED', ['submit']],
    ['APPROVED', ['submit', 'approve']],
    ['HELD', ['submit', 'hold']],
    ['SPIKED', ['spike']],
  ] as const) {
    const { item } = desk.createItem({ fields: readyFields({ slug }) });
    for (const action of actions) desk.transition({ ids: [item.id], action });
    world.itemIds.push(item.id);
  }
  await desk.exportBatch({ format: 'ninjs', folder: world.folder });
  server = await startDeskServer({ handlers: desk, rendererDir });
});
afterAll(async () => {
  await server.close();
  console.log(`[fuzz] HTTP: ${cases} calls across ${DESK_METHODS.length} methods, all answered 200 with a success or a coded error.`);
});

describe('fuzzing the contract through the HTTP adapter', () => {
  it.each(DESK_METHODS)('%s', async (method) => {
    await fc.assert(
      fc.asyncProperty(argFor(method, world), (arg) => call(method, arg)),
      { numRuns: RUNS_PER_METHOD, interruptAfterTimeLimit: TIME_LIMIT_MS / DESK_METHODS.length },
    );
  });

  it(
    'any method, any order (state carries over between calls)',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(callArb(world), { minLength: 1, maxLength: 8 }), async (calls) => {
          for (const c of calls) await call(c.method, c.arg);
        }),
        { numRuns: MIXED_RUNS, interruptAfterTimeLimit: MIXED_TIME_LIMIT_MS },
      );
    },
    MIXED_TIME_LIMIT_MS * 3,
  );

  it('unknown methods and bodies that are not an object', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 30 }).filter((m) => /^[\w-]+$/.test(m)),
        fc.json(),
        async (method, json) => {
          const res = await fetch(`${server.url}api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Wiredesk-Token': server.token },
            body: json,
          });
          cases++;
          expect(res.status).toBe(200);
          expect(replyProblem(await res.json())).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});
