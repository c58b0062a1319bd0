/** Argument validation for every contract method: the boundary check shared by IPC, HTTP and CLI. */
import { z } from 'zod';
import type { ArgIssue } from '../core/errors';
import { BODY_JSON_MAX, DATE_TEXT_MAX, FIELD_MAX, HEADLINE_MAX, ITEM_STATUSES, KEYWORDS_MAX, NOTE_MAX, type ItemFields } from '../core/item';
import { UUID_RE } from '../core/ids';
import type { ImportFields } from '../core/importFields';
import type { SerializedBody } from '../core/richtext';
import { DATELINE_STYLES, DATE_ORDERS, KILL_TEMPLATE_MAX } from '../core/settings';
import { SIGN_OFF_MAX, SIGN_OFF_RE, SLUG_MAX } from '../core/slug';
import { DESK_VIEWS, FEED_FORMATS, IMPORT_FORMATS, IMPORT_ITEMS_MAX, IMPORT_MAX_BYTES, QUEUE_TABS } from '../core/vocabulary';
import { EDITOR_ACTIONS } from '../core/workflow';
import type { ArgOf, DeskMethod } from '../contract';
import { hubUrlProblem } from '../hub/url';

const id = z.string().regex(UUID_RE, 'not an item id');
const text = (max: number) => z.string().max(max);
const limit = z.number().int().min(1).max(500).optional();
const cursor = z.string().max(500).nullable().optional();
const offset = z.number().int().min(0).max(10_000_000).optional();
const format = z.enum(FEED_FORMATS);
const folder = z.string().min(1, 'Choose a folder to export to.').max(4096);
const fileName = z
  .string()
  .regex(/^[^/\\\0]+$/, 'A file name, without a folder.')
  .refine((n) => n !== '.' && n !== '..' && !n.startsWith('.'), 'A file name may not start with a dot.')
  .max(255)
  .optional();

/**
 * A body is only checked to be an object here. The service makes it safe (sanitizeBody) where it
 * is stored, and checks its size on the JSON it stores (hardLimitProblems): an autosave
 * sanitises and serialises its body once, not once more here.
 */
const body = z.custom<SerializedBody>((v) => typeof v === 'object' && v !== null, 'Body must be an editor state.');

const dateline = z.strictObject({
  place: text(FIELD_MAX),
  // A real date is YYYY-MM-DD; anything else is kept as typed and blocks submission.
  date: text(DATE_TEXT_MAX),
  agency: text(FIELD_MAX),
});

const fieldShape = {
  slug: text(SLUG_MAX),
  headline: text(HEADLINE_MAX),
  dateline,
  category: text(FIELD_MAX),
  source: text(FIELD_MAX),
  byline: text(FIELD_MAX),
  signOff: text(SIGN_OFF_MAX),
  urgency: z.number().int().min(1).max(9),
  embargo: z.string().max(64).nullable(),
  keywords: z.array(text(100)).max(KEYWORDS_MAX),
  editorNote: text(NOTE_MAX),
  subscriberNote: text(NOTE_MAX),
  language: text(35),
  body,
};
const fields: z.ZodType<ItemFields, unknown> = z.strictObject(fieldShape);
/** A found item's body: wire copy's plain paragraphs, or a feed's rich text. */
const importBody = z.union([
  z.strictObject({ paragraphs: z.array(z.string()).refine((ps) => ps.reduce((n, p) => n + p.length + 1, 0) <= BODY_JSON_MAX, 'Body is too large.') }),
  z.strictObject({ rich: body }),
]);
const importFields: z.ZodType<ImportFields, unknown> = z.strictObject({ ...fieldShape, body: importBody });
const partialFields = z.strictObject(fieldShape).partial();

const settings = z.strictObject({
  deskName: text(100).min(1, 'Desk name is required.'),
  editorName: text(100).min(1, 'Editor name is required.'),
  defaultSignOff: z.string().refine((t) => t === '' || SIGN_OFF_RE.test(t), `Sign-off must be up to ${SIGN_OFF_MAX} letters or digits, e.g. 06B.`),
  agency: text(100),
  datelineStyle: z.enum(DATELINE_STYLES),
  language: text(35).min(2, 'Language is required, e.g. en.'),
  dateOrder: z.enum(DATE_ORDERS),
  killTemplate: text(KILL_TEMPLATE_MAX).refine((t) => t.includes('{reason}'), 'The kill notice must contain {reason}.'),
  categories: z
    .array(
      z.strictObject({
        name: text(60).min(1, 'A category needs a name.'),
        mediaTopic: z.string().regex(/^medtop:\d{8}$/, 'Media Topic codes look like medtop:11000000.'),
      }),
    )
    .min(1, 'Keep at least one category.')
    .max(100),
});

const empty = z.strictObject({});

/** A shared desk's URL: postgres://, never with a password in it. */
const hubUrl = z
  .string()
  .trim()
  .min(1, 'Give the shared desk URL, e.g. postgres://editor@db.example:5432/wiredesk.')
  .max(2048)
  .superRefine((url, ctx) => {
    const problem = hubUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const batchNo = z.number().int().min(1);

export const ARG_SCHEMAS: { [K in DeskMethod]: z.ZodType<ArgOf<K>, unknown> } = {
  getSettings: empty,
  saveSettings: settings,
  createItem: z.strictObject({ fields: partialFields.optional() }),
  getItem: z.strictObject({ id }),
  listItems: z.strictObject({ view: z.enum(DESK_VIEWS), statuses: z.array(z.enum(ITEM_STATUSES)).min(1).optional(), cursor, offset, limit }),
  saveDraft: z.strictObject({
    id,
    baseRevision: z.number().int().min(1),
    fields,
    session: z.string().max(64).optional(),
    unfinished: z.literal('embargo').optional(),
  }),
  duplicateItem: z.strictObject({ id }),
  history: z.strictObject({ id }),
  getRevision: z.strictObject({ id, revision: z.number().int().min(1) }),
  restoreRevision: z.strictObject({ id, revision: z.number().int().min(1), baseRevision: z.number().int().min(1) }),
  transition: z.strictObject({
    ids: z.array(id).min(1, 'Select at least one item.').max(1000),
    action: z.enum(EDITOR_ACTIONS),
    note: text(NOTE_MAX).optional(),
  }),
  queue: z.strictObject({
    tab: z.enum(QUEUE_TABS),
    category: text(60).optional(),
    urgency: z.number().int().min(1).max(9).optional(),
    editor: text(100).optional(),
    search: text(200).optional(),
    cursor,
    offset,
    limit,
  }),
  queueMatches: z.strictObject({
    category: text(60).optional(),
    urgency: z.number().int().min(1).max(9).optional(),
    editor: text(100).optional(),
    search: text(200),
  }),
  listEditors: empty,
  getPublished: z.strictObject({ id }),
  exportBatch: z.strictObject({
    format,
    ndjson: z.boolean().optional(),
    folder,
    fileName,
    ids: z.array(id).max(100_000).optional(),
    allowPastEmbargo: z.boolean().optional(),
  }),
  listBatches: z.strictObject({ cursor, limit }),
  getBatch: z.strictObject({ id: z.number().int().min(1), after: z.number().int().min(-1).optional(), limit: z.number().int().min(1).max(1000).optional() }),
  resendBatch: z.strictObject({ id: z.number().int().min(1), folder, fileName }),
  previewExport: z.strictObject({
    format,
    ndjson: z.boolean().optional(),
    statuses: z.array(z.enum(ITEM_STATUSES)).min(1).optional(),
    ids: z.array(id).min(1).max(100_000).optional(),
    since: z
      .string()
      .max(64)
      .refine((t) => !Number.isNaN(Date.parse(t)), 'A date-time such as 2026-11-26T09:00Z.')
      .optional(),
    target: z.string().min(1).max(4096),
  }),
  completeBatch: z.strictObject({ id: z.number().int().min(1) }),
  dropBatch: z.strictObject({ id: z.number().int().min(1) }),
  parseImport: z.strictObject({
    text: z.string().max(IMPORT_MAX_BYTES, `The text is over the import limit of ${IMPORT_MAX_BYTES / 1048576} MB.`),
    format: z.enum(IMPORT_FORMATS).optional(),
  }),
  acceptImport: z.strictObject({
    items: z
      .array(importFields)
      .min(1, 'Nothing to import.')
      .max(IMPORT_ITEMS_MAX, `At most ${IMPORT_ITEMS_MAX.toLocaleString('en')} items in one import; split the file.`),
  }),
  hubStatus: empty,
  joinHub: z.strictObject({ url: hubUrl }),
  leaveHub: z.strictObject({ force: z.boolean().optional() }),
  syncHub: empty,
  listSharedBatches: z.strictObject({ cursor, limit }),
  getSharedBatch: z.strictObject({ no: batchNo, after: z.number().int().min(-1).optional(), limit: z.number().int().min(1).max(1000).optional() }),
  resendSharedBatch: z.strictObject({ no: batchNo, folder, fileName }),
  listHubConflicts: z.strictObject({ limit }),
  dismissHubConflict: z.strictObject({ id: z.number().int().min(1) }),
};

/** One thing wrong with a request (defined in core, where the renderer reads it too). */
export type { ArgIssue } from '../core/errors';

/** Parse one method's argument; every problem comes back with its path and code, the first in words. */
export function parseArg<K extends DeskMethod>(method: K, arg: unknown): { ok: true; value: ArgOf<K> } | { ok: false; message: string; issues: ArgIssue[] } {
  const r = ARG_SCHEMAS[method].safeParse(arg ?? {});
  if (r.success) return { ok: true, value: r.data };
  const issues = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
  const first = issues[0];
  const where = first && first.path !== '' ? `${first.path}: ` : '';
  return { ok: false, message: `Invalid request to ${method} — ${where}${first?.message ?? 'bad argument'}`, issues };
}
