/** How a queue row and its preview mark an item: search hits, embargo, urgency, correction, edits after approval, kills. */
import { Fragment } from 'react';
import { embargoLine, isEmbargoPast } from '@core/copy';
import type { ItemStatus, Stamp } from '@core/item';
import { URGENCY_NAMES } from '@core/urgency';
import { shortTime } from '@renderer/shared/desk';
import { snippetParts } from './queueLib';
import './queue-row.css';

/** A search snippet with the matches highlighted; every character is rendered as text. */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="q-snippet">{snippetParts(text).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}</span>
  );
}

/** "EMBARGOED until …", flagged when the time has passed. */
export function EmbargoTag({ embargo, block = false }: { embargo: string | null; block?: boolean }) {
  if (!embargo) return null;
  const past = isEmbargoPast(embargo, new Date());
  const Tag = block ? 'p' : 'span';
  return (
    <Tag className={`q-embargo${past ? ' q-embargo-past' : ''}`}>
      <span className="embargo-badge">{embargoLine(embargo)}</span>
      {past && (
        <span className="q-past-flag" title="The embargo time is already past: the item would go out after its release time.">
          Embargo passed
        </span>
      )}
    </Tag>
  );
}

/** Urgency as the desk says it; Flash and Bulletin shout. */
export function UrgencyTag({ urgency }: { urgency: number }) {
  const name = URGENCY_NAMES[urgency];
  return (
    <span className={`q-urgency q-urgency-${urgency}${urgency <= 2 ? ' q-urgency-hot' : ''}`} title={`Urgency ${urgency}`}>
      {urgency <= 2 && name ? name.toUpperCase() : `${urgency}${name ? ` ${name}` : ''}`}
    </span>
  );
}

/** Version 2 and up of a story is a correction; a kill notice still to go out is marked Kill (and is no correction). */
export function ItemFlags({ item, killSent = false }: { item: { status: ItemStatus; version: number }; killSent?: boolean }) {
  if (item.status === 'killed') {
    return killSent ? null : (
      <span className="flag flag-kill" title="Kill notice waiting for the next batch">
        Kill
      </span>
    );
  }
  if (item.version < 2) return null;
  return (
    <span className="flag flag-correction" title={`Correction: version ${item.version} corrects what went out before`}>
      Correction v{item.version}
    </span>
  );
}

interface Marked {
  reopened?: Stamp | null;
  kill?: (Stamp & { reason: string }) | null;
}

/** What a reviewer must know before acting: an approved item was edited since, or why it was killed. */
export function ReviewNotes({ item }: { item: Marked }) {
  return (
    <>
      {item.reopened && (
        <p className="q-reopened">
          Edited after approval — by {item.reopened.by} at <time dateTime={item.reopened.at}>{shortTime(item.reopened.at)}</time>
        </p>
      )}
      {item.kill && (
        <p className="q-killed">
          Killed by {item.kill.by} at <time dateTime={item.kill.at}>{shortTime(item.kill.at)}</time>: {item.kill.reason}
        </p>
      )}
    </>
  );
}
