import { useEffect, useMemo, useRef, useState } from 'react';
import type { DeskError } from '@core/errors';
import { changeLabel, statusWords } from '@core/workflow';
import { useApp } from '@renderer/app/AppContext';
import { Parts } from '@renderer/shared/ChangesView';
import { desk, shortTime } from '@renderer/shared/desk';
import { type DiffPart, wordDiff } from '@renderer/shared/wordDiff';
import type { ConflictVersion, HubConflict, HubConflicts as Conflicts } from '../../../contract';
import '@renderer/shared/changes.css';

/** Each version's own words marked: what this desk wrote that the shared desk has not, and the other way round. */
function Side({
  title,
  v,
  head,
  body,
  side,
}: {
  title: string;
  v: ConflictVersion | null;
  head: DiffPart[] | null;
  body: DiffPart[] | null;
  side: 'before' | 'after';
}) {
  return (
    <section className={`hub-conflict-side hub-conflict-${side === 'after' ? 'mine' : 'theirs'}`} aria-label={title}>
      <h4>{title}</h4>
      {!v ? (
        <p className="q-muted">The shared desk never took this item: it is this desk&apos;s again.</p>
      ) : (
        <>
          <p className="hub-conflict-state">
            {statusWords(v.status)} · version {v.version}
          </p>
          <p className="changes-headline">{head ? <Parts parts={head} side={side} /> : v.headline}</p>
          <div className="changes-body">{body ? <Parts parts={body} side={side} /> : v.bodyText}</div>
        </>
      )}
    </section>
  );
}

function Conflict({ c, busy, onDismiss }: { c: HubConflict; busy: boolean; onDismiss(): void }) {
  const { openItem } = useApp();
  // From the shared desk's version (which stands) to this desk's.
  const head = useMemo(() => (c.mine && c.theirs ? wordDiff(c.theirs.headline, c.mine.headline) : null), [c]);
  const body = useMemo(() => (c.mine && c.theirs ? wordDiff(c.theirs.bodyText, c.mine.bodyText) : null), [c]);
  const did = c.actions.map(changeLabel).join(', then ');
  return (
    <article className="hub-conflict changes" aria-labelledby={`conflict-${c.id}`} data-testid="hub-conflict">
      <h3 id={`conflict-${c.id}`}>
        {c.slug}{' '}
        <small>
          — this desk&apos;s {did} ({shortTime(c.madeAt)}) was not applied
        </small>
      </h3>
      <p className="hub-conflict-message">{c.message}</p>
      <div className="hub-conflict-sides">
        <Side title="Yours (not applied)" v={c.mine} head={head} body={body} side="after" />
        <Side title="On the shared desk" v={c.theirs} head={head} body={body} side="before" />
      </div>
      <div className="hub-actions">
        <button type="button" onClick={() => openItem(c.itemId)}>
          Open in the editor
        </button>
        <button type="button" disabled={busy} onClick={onDismiss} aria-describedby={`conflict-${c.id}`}>
          Dismiss
        </button>
      </div>
    </article>
  );
}

/**
 * Settings → Shared desk → Conflicts: each change of this desk the shared desk did not take,
 * with both versions side by side. Dismissing one says it was read; the shared desk's version
 * stands (edit the item again to bring back any of yours).
 */
export function HubConflicts({ count, lastSync, focus }: { count: number; lastSync: string | null; focus: object | null }) {
  const [list, setList] = useState<Conflicts | null>(null);
  const [error, setError] = useState<DeskError | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let live = true;
    void desk('listHubConflicts', {}).then((r) => {
      if (!live) return;
      if (r.ok) setList(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [count, lastSync]);
  // Asked for by the banner's "N conflicts": brought into view once they are listed.
  const shown = list !== null;
  useEffect(() => {
    if (!focus || !shown) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [focus, shown]);

  const dismiss = async (id: number) => {
    setBusy(true);
    const r = await desk('dismissHubConflict', { id });
    setBusy(false);
    if (r.ok) setList(r.value);
    else setError(r.error);
  };

  if (!list || (list.total === 0 && !error)) return null;
  return (
    <section className="settings-section hub-conflicts" id="hub-conflicts" aria-labelledby="hub-conflicts-title">
      <h2 id="hub-conflicts-title" ref={heading} tabIndex={-1}>
        Conflicts <span className="q-muted">({list.total})</span>
      </h2>
      <p className="section-hint">
        Changes made on this desk that met a newer state on the shared desk. Nothing was overwritten: the shared desk&apos;s version stands and is the one on
        this desk now. Yours is kept here; the words only one version has are marked.
      </p>
      {error && (
        <p className="q-error" role="alert" data-code={error.code}>
          {error.message}
        </p>
      )}
      {list.conflicts.map((c) => (
        <Conflict key={c.id} c={c} busy={busy} onDismiss={() => void dismiss(c.id)} />
      ))}
    </section>
  );
}
