import { useEffect, useMemo, useState } from 'react';
import type { PublishedVersion } from '../../../contract';
import { desk, shortTime } from './desk';
import './changes.css';
import { type DiffPart, hasChanges, wordDiff } from './wordDiff';

/**
 * A word diff as one text with insertions in <ins> and deletions in <del>; or one side of it,
 * for two versions side by side: `before` with its own words in <del>, `after` with its in <ins>.
 */
export function Parts({ parts, side }: { parts: readonly DiffPart[]; side?: 'before' | 'after' }) {
  const shown = side === 'before' ? parts.filter((p) => p.kind !== 'ins') : side === 'after' ? parts.filter((p) => p.kind !== 'del') : parts;
  return (
    <>
      {shown.map((p, i) => (p.kind === 'ins' ? <ins key={i}>{p.text}</ins> : p.kind === 'del' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** The last published version before `version` (null: none, or `version` below 2), refetched when `refresh` changes. */
export function usePublished(id: string, version: number, refresh?: unknown): PublishedVersion | null {
  const [published, setPublished] = useState<{ id: string; version: number; value: PublishedVersion | null } | null>(null);
  useEffect(() => {
    setPublished(null);
    if (version < 2) return;
    let live = true;
    void desk('getPublished', { id }).then((r) => live && setPublished({ id, version, value: r.ok ? r.value : null }));
    return () => {
      live = false;
    };
  }, [id, version, refresh]);
  // Never another item's (the editor stays mounted from item to item), not even for a frame.
  return published?.id === id && published.version === version ? published.value : null;
}

/**
 * "Changes since v1": a correction's headline and body against the version that went out,
 * word by word, insertions in <ins>, deletions in <del>.
 */
export function ChangesView({ published, headline, bodyText }: { published: PublishedVersion; headline: string; bodyText: string }) {
  const head = useMemo(() => wordDiff(published.headline, headline), [published.headline, headline]);
  const body = useMemo(() => wordDiff(published.bodyText, bodyText), [published.bodyText, bodyText]);
  const changed = hasChanges(head) || hasChanges(body);
  return (
    <section className="changes" aria-labelledby="changes-title" data-testid="changes">
      <h3 id="changes-title">
        Changes since v{published.version}
        {published.publishedAt && <small> (sent {shortTime(published.publishedAt)})</small>}
      </h3>
      {!changed && <p className="hint">No change to the headline or body yet.</p>}
      {changed && (
        <>
          <p className="changes-headline" aria-label="Headline changes">
            {head ? <Parts parts={head} /> : 'Rewritten: too many changes to show word by word.'}
          </p>
          <div className="changes-body" aria-label="Body changes">
            {body ? <Parts parts={body} /> : 'Rewritten: too many changes to show word by word.'}
          </div>
        </>
      )}
    </section>
  );
}
