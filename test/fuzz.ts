/**
 * Fuzzing the contract at its boundary (tests only): for every method, arguments that are
 * valid, nearly valid (one key replaced by anything, dropped, or one key too many) or
 * anything at all; and the invariant every adapter must keep — a success or a coded error an
 * editor can read, never INTERNAL, a stack trace or a change left behind by a refusal.
 */
import fc from 'fast-check';
import { ErrorCode } from '../src/core/errors';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { readyFields } from './desk';
export { storeDigest } from './store';
import { DESK_METHODS, type DeskMethod } from '../src/contract';

/** Known ids the fuzzer mixes in, so calls reach the handlers and not only the validator. */
export interface FuzzWorld {
  itemIds: string[];
  /** The one folder exports may write to (arguments never name another). */
  folder: string;
}

const uuid = fc.uuid();

function validArgs(world: FuzzWorld): Record<DeskMethod, fc.Arbitrary<Record<string, unknown>>> {
  const id = world.itemIds.length > 0 ? fc.oneof(fc.constantFrom(...world.itemIds), uuid) : uuid;
  const text = fc.string({ maxLength: 40 });
  const unicode = fc.string({ unit: 'grapheme', maxLength: 40 });
  const fields = fc
    .record({ slug: text, headline: unicode, urgency: fc.integer({ min: 1, max: 9 }), keywords: fc.array(text, { maxLength: 3 }) })
    .map((f) => ({ ...readyFields(), ...f }));
  const folder = fc.constantFrom(world.folder, `${world.folder}/missing`);
  const revision = fc.integer({ min: 1, max: 5 });
  // Page links as the desk hands them out (base64url JSON), forged: any JSON inside.
  const forged = fc.oneof(
    fc.json({ maxDepth: 2 }),
    fc
      .array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 }), fc.double()), { minLength: 1, maxLength: 4 })
      .map((a) => JSON.stringify(a)),
  );
  const cursor = fc.option(
    fc.oneof(
      fc.base64String({ maxLength: 40 }),
      forged.map((j) => Buffer.from(j).toString('base64url')),
    ),
  );
  return {
    getSettings: fc.constant({}),
    saveSettings: fc
      .record({ deskName: text, editorName: unicode })
      .map((s) => ({ ...DEFAULT_SETTINGS, deskName: s.deskName || 'Desk', editorName: s.editorName || 'Editor' })),
    createItem: fc.record({ fields: fc.record({ slug: text, headline: unicode }, { requiredKeys: [] }) }, { requiredKeys: [] }),
    getItem: fc.record({ id }),
    listItems: fc.record(
      { view: fc.constantFrom('desk', 'spiked'), cursor, offset: fc.integer({ min: 0, max: 200 }), limit: fc.integer({ min: 1, max: 500 }) },
      { requiredKeys: ['view'] },
    ),
    saveDraft: fc.record(
      { id, baseRevision: revision, fields, session: fc.option(text, { nil: undefined }) },
      { requiredKeys: ['id', 'baseRevision', 'fields'] },
    ),
    duplicateItem: fc.record({ id }),
    history: fc.record({ id }),
    getRevision: fc.record({ id, revision }),
    restoreRevision: fc.record({ id, revision, baseRevision: revision }),
    transition: fc.record(
      {
        ids: fc.array(id, { minLength: 1, maxLength: 3 }),
        action: fc.constantFrom('submit', 'approve', 'return', 'hold', 'release', 'kill', 'correct', 'spike', 'restore'),
        note: fc.option(text, { nil: undefined }),
      },
      { requiredKeys: ['ids', 'action'] },
    ),
    queue: fc.record(
      {
        tab: fc.constantFrom('submitted', 'approved', 'held', 'published', 'killed', 'spiked'),
        search: unicode,
        urgency: fc.integer({ min: 1, max: 9 }),
        editor: unicode,
        cursor,
        offset: fc.integer({ min: 0, max: 200 }),
      },
      { requiredKeys: ['tab'] },
    ),
    queueMatches: fc.record({ search: unicode, urgency: fc.integer({ min: 1, max: 9 }), editor: unicode, category: unicode }, { requiredKeys: ['search'] }),
    listEditors: fc.constant({}),
    getPublished: fc.record({ id }),
    exportBatch: fc.record(
      {
        format: fc.constantFrom('ninjs', 'ninjs2', 'jsonfeed'),
        ndjson: fc.boolean(),
        folder,
        fileName: fc.option(fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/), { nil: undefined }),
      },
      { requiredKeys: ['format', 'folder'] },
    ),
    listBatches: fc.record({ cursor: fc.option(text), limit: fc.integer({ min: 1, max: 500 }) }, { requiredKeys: [] }),
    getBatch: fc.record(
      { id: fc.integer({ min: 1, max: 5 }), after: fc.integer({ min: -1, max: 5 }), limit: fc.integer({ min: 1, max: 1000 }) },
      { requiredKeys: ['id'] },
    ),
    resendBatch: fc.record(
      { id: fc.integer({ min: 1, max: 5 }), folder, fileName: fc.option(fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/), { nil: undefined }) },
      { requiredKeys: ['id', 'folder'] },
    ),
    previewExport: fc.record(
      {
        format: fc.constantFrom('ninjs', 'ninjs2', 'jsonfeed'),
        ndjson: fc.boolean(),
        statuses: fc.subarray(['draft', 'submitted', 'approved', 'held', 'published', 'killed', 'spiked'], { minLength: 1 }),
        ids: fc.array(id, { minLength: 1, maxLength: 3 }),
        since: fc.constantFrom('2026-11-26T09:00Z', 'yesterday', ''),
        target: fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/).map((n) => `${world.folder}/${n}`),
      },
      { requiredKeys: ['format', 'target'] },
    ),
    completeBatch: fc.record({ id: fc.integer({ min: 1, max: 5 }) }),
    dropBatch: fc.record({ id: fc.integer({ min: 1, max: 5 }) }),
    parseImport: fc.record(
      {
        text: fc.oneof(unicode, fc.json(), fc.constant('Baku/06.10.23/Turan: Text. ---06B---'), fc.constant('<p>'.repeat(500))),
        format: fc.constantFrom('auto', 'text', 'ninjs', 'jsonfeed'),
      },
      { requiredKeys: ['text'] },
    ),
    // Found items as the preview gives them: plain paragraphs, or a feed's rich text.
    acceptImport: fc.record({
      items: fc.array(
        fc
          .tuple(fields, fc.option(fc.array(unicode, { maxLength: 4 })))
          .map(([f, paragraphs]) => ({ ...f, body: paragraphs ? { paragraphs } : { rich: f.body } })),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    // A desk of its own: the shared desk's methods answer without reaching any server.
    hubStatus: fc.constant({}),
    joinHub: fc.record({
      url: fc.oneof(fc.constantFrom('postgres://anna@127.0.0.1:1/nowhere', 'postgres://anna:secret@127.0.0.1/desk', 'mysql://anna@h/d', ''), unicode),
    }),
    leaveHub: fc.record({ force: fc.boolean() }, { requiredKeys: [] }),
    syncHub: fc.constant({}),
    listSharedBatches: fc.record({ cursor: fc.option(text), limit: fc.integer({ min: 1, max: 500 }) }, { requiredKeys: [] }),
    getSharedBatch: fc.record(
      { no: fc.integer({ min: 1, max: 5 }), after: fc.integer({ min: -1, max: 5 }), limit: fc.integer({ min: 1, max: 1000 }) },
      { requiredKeys: ['no'] },
    ),
    resendSharedBatch: fc.record(
      { no: fc.integer({ min: 1, max: 5 }), folder, fileName: fc.option(fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/), { nil: undefined }) },
      { requiredKeys: ['no', 'folder'] },
    ),
    listHubConflicts: fc.record({ limit: fc.integer({ min: 1, max: 500 }) }, { requiredKeys: [] }),
    dismissHubConflict: fc.record({ id: fc.integer({ min: 1, max: 5 }) }),
  };
}

/** Keys whose values must stay out of the fuzzer's hands: exports and previews write only into the test's folder. */
const PINNED = new Set(['folder', 'target']);

/** One argument for `method`: valid, valid with one key broken, or anything at all. */
export function argFor(method: DeskMethod, world: FuzzWorld): fc.Arbitrary<unknown> {
  const valid = validArgs(world)[method];
  const anything = fc.anything({
    maxDepth: 4,
    withNullPrototype: true,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withTypedArray: true,
    withSparseArray: true,
    withObjectString: true,
    withBoxedValues: true,
  });
  const broken = fc.tuple(valid, fc.nat(), anything, fc.constantFrom<'replace' | 'drop' | 'extra'>('replace', 'drop', 'extra')).map(([arg, n, value, how]) => {
    const keys = Object.keys(arg).filter((k) => !PINNED.has(k));
    const out: Record<string, unknown> = { ...arg };
    if (how === 'extra' || keys.length === 0) out[`extra${n % 3}`] = value;
    else if (how === 'drop') delete out[keys[n % keys.length]!];
    else out[keys[n % keys.length]!] = value;
    return out;
  });
  // Anything at all, for methods that write files, only where it cannot name a folder.
  const wild = anything.filter((a) => typeof a !== 'object' || a === null || ![...PINNED].some((k) => k in a));
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: broken, weight: 4 }, { arbitrary: wild, weight: 1 });
}

/** Every method with its argument. */
export const callArb = (world: FuzzWorld) => fc.constantFrom(...DESK_METHODS).chain((method) => argFor(method, world).map((arg) => ({ method, arg })));

const CODES = new Set<string>(Object.values(ErrorCode));

/** A reply an adapter may give: success, or a known code with a message for an editor. Returns the problem, or null. */
export function replyProblem(reply: unknown): string | null {
  if (typeof reply !== 'object' || reply === null) return `not an object: ${String(reply)}`;
  const r = reply as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) return null;
  if (r.ok !== false || !r.error) return `neither ok nor a coded error: ${JSON.stringify(reply).slice(0, 200)}`;
  if (typeof r.error.code !== 'string' || !CODES.has(r.error.code)) return `unknown code ${String(r.error.code)}`;
  if (r.error.code === ErrorCode.Internal) return `INTERNAL: ${String(r.error.message)}`;
  if (typeof r.error.message !== 'string' || r.error.message.length === 0) return 'no message';
  if (/\n\s+at |node_modules|\.ts:\d+/.test(r.error.message)) return `stack trace in the message: ${r.error.message}`;
  return null;
}
