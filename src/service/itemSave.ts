/**
 * Saving an item's fields (an autosave, a restored revision): the optimistic revision check,
 * the sanitised fields and their limits, a new revision or one folded into a run of typing.
 * The body is written once (the newest revision's body is the item's own), the text index
 * catches up off the save (store/searchIndex), the stored body is compared with the new one's
 * JSON in the database (never read out or parsed), and only the columns that changed are written.
 */
import { DeskFailure, ErrorCode } from '../core/errors';
import { type FieldProblem, type ItemFields, changedFieldLabels, hardLimitProblems, pickFields } from '../core/item';
import { bodyToPlainText } from '../core/richtext';
import { sanitizeBody } from '../core/sanitize';
import { isEditable, statusWords } from '../core/workflow';
import { addAudit, moveEditAudit } from '../store/audit';
import { type Db, transactionOf } from '../store/db';
import type { ItemStore, StoredItem } from '../store/items';

/**
 * Autosaves of one editing session make one revision while typing goes on: each follows the
 * last by less than FOLD_PAUSE_MS, and the run is younger than FOLD_WINDOW_MS. A pause, another
 * window, a note or a minute's work starts a new revision.
 */
const FOLD_PAUSE_MS = 3_000;
const FOLD_WINDOW_MS = 60_000;

export function notFound(id: string): DeskFailure {
  return new DeskFailure(ErrorCode.NotFound, `No item with id ${id} on this desk.`);
}

export function problemsFailure(problems: FieldProblem[], intro: string): DeskFailure {
  const errors = problems.filter((p) => p.severity === 'error');
  return new DeskFailure(ErrorCode.ValidationFailed, `${intro} ${errors.map((p) => p.message).join(' ')}`, { problems: errors });
}

/** What a save reads and writes: the store, the clock, and who is editing. */
export interface SaveContext {
  db: Db;
  items: ItemStore;
  now: () => Date;
  editor: () => string;
}

/**
 * Save new field values as a revision (none when nothing changed). The item returned carries
 * the plain text derived from the body it returns.
 */
export function saveItemFields(c: SaveContext, s: SaveRequest): StoredItem {
  // The new body's JSON and plain text, made once and before taking the write lock.
  const clean = pickFields({ ...s.fields, body: sanitizeBody(s.fields.body) });
  return transactionOf(c.db, writeSave)(c, s, clean, JSON.stringify(clean.body), bodyToPlainText(clean.body));
}

/**
 * A revision's fields as a restore saves them. A note to subscribers goes out with the version it
 * was written for: a revision of an earlier version brings back its text, and the item keeps its own note.
 */
export function restoredFields(
  items: ItemStore,
  item: Pick<StoredItem, 'id' | 'version' | 'subscriberNote'>,
  revision: number,
  fields: ItemFields,
): ItemFields {
  const sameVersion = items.revisions(item.id).some((r) => r.revision === revision && r.version === item.version);
  return sameVersion ? fields : { ...fields, subscriberNote: item.subscriberNote };
}

interface SaveRequest {
  id: string;
  baseRevision: number;
  fields: ItemFields;
  note: string;
  session: string;
  /** A field typed but not stored yet (see the contract's saveDraft). */
  unfinished?: 'embargo';
}

/** The save's reads and writes, in one transaction (see saveItemFields). */
function writeSave(c: SaveContext, s: SaveRequest, clean: ItemFields, bodyJson: string, bodyText: string): StoredItem {
  const { id, session } = s;
  const stored = c.items.getForSave(id, bodyJson);
  if (!stored) throw notFound(id);
  const { item } = stored;
  if (!isEditable(item.status)) {
    const hint = item.status === 'published' ? ' Use Correct to start a new version.' : '';
    throw new DeskFailure(ErrorCode.IllegalTransition, `This item is ${statusWords(item.status)} and cannot be edited.${hint}`);
  }
  if (item.revision !== s.baseRevision) {
    const { heldFrom: _h, ...current } = c.items.get(id)!;
    throw new DeskFailure(
      ErrorCode.StaleRevision,
      `Someone else saved this item (revision ${item.revision}, by ${item.updatedBy} at ${item.updatedAt}) after you opened revision ${s.baseRevision}.`,
      { current },
    );
  }
  const problems = hardLimitProblems(clean, bodyJson);
  if (item.publishedVersion > 0 && clean.slug !== item.slug) {
    problems.push({ field: 'slug', code: 'SLUG_FIXED', message: 'The slug stays the same across versions of a published story.', severity: 'error' });
  }
  if (problems.length > 0) throw problemsFailure(problems, 'Not saved.');
  const changed = changedFieldLabels(item, clean, stored.bodyChanged);
  // An approval is for the text it saw: editing an approved or held item sends it back to review,
  // and so does a field being typed, not stored yet (an embargo that would otherwise not go out).
  const reopen = item.status === 'approved' || item.status === 'held';
  const unfinished = reopen && changed.length === 0 && s.unfinished ? 'Embargo being typed, not stored yet.' : '';
  if (changed.length === 0 && !unfinished) return { ...item, body: clean.body, bodyText };
  const note = [s.note, unfinished].filter(Boolean).join(' ');
  const now = c.now();
  const at = now.toISOString();
  const by = c.editor();
  const updated: StoredItem = {
    ...item,
    ...clean,
    bodyText,
    revision: item.revision + 1,
    updatedAt: at,
    updatedBy: by,
    ...(reopen ? { status: 'submitted' as const, heldFrom: null, approvedRevision: null, reopened: { at, by } } : {}),
  };
  const auditNote = reopen ? `Edited after ${item.status === 'held' ? 'being held' : 'approval'}; back to review.${note ? ` ${note}` : ''}` : note;
  const last = c.items.latestRevision(id);
  const fold =
    last !== null &&
    session !== '' &&
    last.session === session &&
    last.note === '' &&
    note === '' &&
    last.revision === item.revision &&
    last.version === item.version &&
    last.savedAt === item.updatedAt && // no transition since (it would have touched the item)
    now.getTime() - Date.parse(last.savedAt) < FOLD_PAUSE_MS &&
    now.getTime() - Date.parse(last.openedAt) < FOLD_WINDOW_MS;
  // The revision before the item: the newest revision's body is the item's own, copied into it
  // only when a later revision replaces it (migration 150), so typing writes the body once.
  if (fold && !reopen) {
    c.items.foldIntoRevision(last.revision, updated, [...new Set([...last.changed, ...changed])]);
    moveEditAudit(c.db, id, last.revision, updated.revision, at);
  } else {
    c.items.addRevision(updated, changed, note, session);
    addAudit(c.db, id, {
      action: 'edit',
      fromStatus: item.status,
      toStatus: updated.status,
      version: updated.version,
      note: auditNote,
      at,
      by,
      revision: updated.revision,
    });
  }
  c.items.updateSaved(updated, bodyJson, stored);
  return updated;
}
