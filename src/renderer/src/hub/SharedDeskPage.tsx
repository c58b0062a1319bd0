import { type FormEvent, useState } from 'react';
import { type DeskError, ErrorCode, argIssues } from '@core/errors';
import { HUB_CONNECTION_LABELS, HUB_ROLE_LABELS, waitingWords } from '@core/vocabulary';
import { Field } from '@renderer/shared/Field';
import { desk, shortTime } from '@renderer/shared/desk';
import type { SharedDeskStatus } from '../../../contract';
import { HubConflicts } from './HubConflicts';
import { useHubStatus } from './useHubStatus';
import './hub.css';

/** What to do about a refusal, by its code. */
function adviceFor(error: DeskError): string | null {
  switch (error.code) {
    case ErrorCode.HubOffline:
      return 'Check the address and that this computer can reach the server; nothing was stored.';
    case ErrorCode.HubNotReady:
      return 'Its owner sets it up once with: wiredesk hub init --hub URL';
    case ErrorCode.DatabaseFromFuture:
      return 'Update Wiredesk on this computer, then join again.';
    case ErrorCode.Forbidden:
      return 'The shared desk decides who may do what: its owner grants your role wiredesk_writer or wiredesk_editor.';
    case ErrorCode.HubChangesWaiting:
      return 'Leaving now keeps them on this desk, unsent (they stay listed as not sent in "wiredesk sync --json").';
    default:
      return null;
  }
}

type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; error: DeskError };

/** Settings → Shared desk: whether this desk is joined, the connection, the role, what waits; join, sync, leave. */
export function SharedDeskPage({ toConflicts = null }: { toConflicts?: object | null }) {
  const { status, set } = useHubStatus();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async <T,>(fn: () => Promise<{ ok: true; value: T } | { ok: false; error: DeskError }>, done: (v: T) => string) => {
    setBusy(true);
    setOutcome(null);
    const r = await fn();
    setBusy(false);
    setOutcome(r.ok ? { kind: 'done', text: done(r.value) } : { kind: 'failed', error: r.error });
  };

  if (!status) return <p className="hub-loading">Reading the shared desk settings…</p>;
  return (
    <section className="hub-page" aria-labelledby="hub-title">
      <h1 id="hub-title">Shared desk</h1>
      <p className="section-hint hub-intro">
        Several desks can share one publishing queue kept in PostgreSQL. Drafts stay on this computer; from <em>Submit for review</em> on, an item, its workflow
        and audit and the batches live on the shared desk, and every joined desk sees the same queue. Without a connection this desk goes on working and sends
        its changes when it is back.
      </p>
      {status.joined ? (
        <Joined
          status={status}
          busy={busy}
          onSync={() =>
            void run(
              () => desk('syncHub', {}),
              (v) => {
                set(v.status);
                return syncWords(v.sync);
              },
            )
          }
          onLeave={() =>
            void run(
              () => desk('leaveHub', {}),
              (v) => {
                set(v);
                return 'This desk is on its own now; its shared items stay here as they are.';
              },
            )
          }
        />
      ) : (
        <JoinForm
          busy={busy}
          error={outcome?.kind === 'failed' ? outcome.error : null}
          onJoin={(url) =>
            void run(
              () => desk('joinHub', { url }),
              (v) => {
                set(v);
                return `Joined ${v.hub} as ${v.role}.`;
              },
            )
          }
        />
      )}
      {outcome?.kind === 'done' && (
        <p className="q-result hub-outcome" role="status">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'failed' && (status.joined || argIssues(outcome.error).length === 0) && (
        <div className="q-error hub-outcome" role="alert" data-code={outcome.error.code}>
          <p>
            {outcome.error.message}
            {adviceFor(outcome.error) && <span className="hub-advice"> {adviceFor(outcome.error)}</span>}
          </p>
          {outcome.error.code === ErrorCode.HubChangesWaiting && (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() =>
                void run(
                  () => desk('leaveHub', { force: true }),
                  (v) => {
                    set(v);
                    return 'This desk is on its own now; the changes that waited are kept here, unsent.';
                  },
                )
              }
            >
              Leave anyway
            </button>
          )}
        </div>
      )}
      {status.joined && <HubConflicts count={status.conflicts} lastSync={status.lastSync} focus={toConflicts} />}
    </section>
  );
}

function syncWords(s: { pushed: number; pulled: number; conflicts: string[]; waiting: number }): string {
  const conflicts = s.conflicts.length > 0 ? ` ${s.conflicts.join(' ')}` : '';
  return `Synced: ${s.pushed} change${s.pushed === 1 ? '' : 's'} sent, ${s.pulled} item${s.pulled === 1 ? '' : 's'} brought up to date; ${waitingWords(s.waiting)}.${conflicts}`;
}

function Joined({ status, busy, onSync, onLeave }: { status: SharedDeskStatus; busy: boolean; onSync(): void; onLeave(): void }) {
  const fixed = status.source === 'command';
  return (
    <div className="settings-section hub-joined">
      <h2>This desk is joined</h2>
      <dl className="hub-facts">
        <dt>Shared desk</dt>
        <dd>
          <code data-testid="hub-url">{status.url}</code>
          {fixed && <span className="q-muted"> (from --hub or WIREDESK_HUB for this run)</span>}
        </dd>
        <dt>Connection</dt>
        <dd>
          <span className={`hub-dot hub-${status.connection}`} aria-hidden="true" />
          <span data-testid="hub-connection">{HUB_CONNECTION_LABELS[status.connection]}</span>
          {status.since && <span className="q-muted"> since {shortTime(status.since)}</span>}
          {status.error && <span className="hub-error-line"> — {status.error.message}</span>}
        </dd>
        <dt>Acting as</dt>
        <dd>
          {status.role ? (
            <>
              <code data-testid="hub-role">{status.role}</code> — {status.roleKind ? HUB_ROLE_LABELS[status.roleKind] : 'not known yet'}
              <div className="q-muted">The shared desk records this PostgreSQL role as who did each step; the editor name in Settings does not change it.</div>
            </>
          ) : (
            'Not known until the shared desk is reached.'
          )}
        </dd>
        <dt>Waiting to send</dt>
        <dd data-testid="hub-waiting">
          {status.waiting === 0
            ? 'Nothing: every change is on the shared desk.'
            : `${status.waiting} change${status.waiting === 1 ? '' : 's'} in this desk's outbox`}
        </dd>
        {status.conflicts > 0 && (
          <>
            <dt>Not taken</dt>
            <dd data-testid="hub-conflict-count">
              {status.conflicts} change{status.conflicts === 1 ? '' : 's'} the shared desk did not take (someone else acted first, or the role may not); both
              versions are kept under <a href="#hub-conflicts">Conflicts</a>.
            </dd>
          </>
        )}
        <dt>Last sync</dt>
        <dd data-testid="hub-last-sync">{status.lastSync ? shortTime(status.lastSync) : 'Not yet'}</dd>
      </dl>
      <div className="hub-actions">
        <button type="button" className="primary" disabled={busy} onClick={onSync}>
          Sync now
        </button>
        {!fixed && (
          <button type="button" className="danger" disabled={busy} onClick={onLeave}>
            Leave shared desk
          </button>
        )}
      </div>
    </div>
  );
}

function JoinForm({ busy, error, onJoin }: { busy: boolean; error: DeskError | null; onJoin(url: string): void }) {
  const [url, setUrl] = useState('');
  const issue = error ? argIssues(error).find((i) => i.path === 'url') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onJoin(url.trim());
  };
  return (
    <form className="settings-section hub-join" aria-labelledby="hub-join-title" onSubmit={submit}>
      <h2 id="hub-join-title">Join a shared desk</h2>
      <p className="section-hint">This desk is on its own. Ask the shared desk&apos;s owner for its address and your own PostgreSQL role.</p>
      <Field id="hub-url" label="Shared desk URL" problem={issue && { message: issue.message, severity: 'error' }}>
        <input
          id="hub-url"
          name="url"
          className="mono"
          value={url}
          spellCheck={false}
          autoComplete="off"
          placeholder="postgres://you@db.example:5432/wiredesk"
          onChange={(e) => setUrl(e.target.value)}
        />
      </Field>
      <p className="section-hint hub-password">
        No password here: Wiredesk never stores one. PostgreSQL takes it from <code>PGPASSWORD</code> or <code>~/.pgpass</code> on this computer.
      </p>
      <div className="hub-actions">
        <button type="submit" className="primary" disabled={busy || url.trim() === ''}>
          {busy ? 'Checking…' : 'Join'}
        </button>
      </div>
    </form>
  );
}
