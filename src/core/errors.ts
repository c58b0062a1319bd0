/** Error codes the UI and CLI switch on. Messages are written for an editor. */
export const ErrorCode = {
  InvalidArgument: 'INVALID_ARGUMENT',
  NotFound: 'NOT_FOUND',
  StaleRevision: 'STALE_REVISION',
  IllegalTransition: 'ILLEGAL_TRANSITION',
  ValidationFailed: 'VALIDATION_FAILED',
  NothingToExport: 'NOTHING_TO_EXPORT',
  AlreadyExported: 'ALREADY_EXPORTED',
  ExportFailed: 'EXPORT_FAILED',
  /** An approved item changed after its approval: it must be approved again. */
  UnreviewedChange: 'UNREVIEWED_CHANGE',
  /** Another Wiredesk is writing a batch right now. */
  BatchInProgress: 'BATCH_IN_PROGRESS',
  /** A batch's writer is gone and it could not be finished automatically: Complete or Drop it. */
  BatchStuck: 'BATCH_STUCK',
  ImportFailed: 'IMPORT_FAILED',
  DatabaseFromFuture: 'DATABASE_FROM_FUTURE',
  DatabaseUnreadable: 'DATABASE_UNREADABLE',
  Forbidden: 'FORBIDDEN',
  /** The shared desk (PostgreSQL) cannot be reached: changes wait in this desk's outbox. */
  HubOffline: 'HUB_OFFLINE',
  /** The shared desk is not set up (or is older than this Wiredesk): run `wiredesk hub init`. */
  HubNotReady: 'HUB_NOT_READY',
  /** This desk is not joined to a shared desk (and the request needs one). */
  HubNotJoined: 'HUB_NOT_JOINED',
  /** Changes wait in the outbox: leaving (or joining another shared desk) would strand them. */
  HubChangesWaiting: 'HUB_CHANGES_WAITING',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface DeskError {
  code: ErrorCode;
  message: string;
  /** Optional structured detail, e.g. field problems or the current revision on a stale save. */
  details?: unknown;
}

/** One thing wrong with a request's argument: where (`categories.2.mediaTopic`), what kind, in words. */
export interface ArgIssue {
  path: string;
  code: string;
  message: string;
}

/** The issues an INVALID_ARGUMENT failure carries in `details.issues` (none for other failures). */
export function argIssues(error: DeskError): ArgIssue[] {
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as ArgIssue[]) : [];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): { ok: false; error: DeskError } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** An error carrying a DeskError, thrown inside the service and turned into a Result at the boundary. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}
