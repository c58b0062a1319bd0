/** How a queue row and its preview mark an item: search hits, embargo, urgency. */
import { Fragment } from 'react';
import { embargoLine, isEmbargoPast } from '@core/copy';
import { URGENCY_NAMES } from '@core/urgency';
import { snippetParts } from './queueLib';

/** A search snippet with the matches highlighted; every character is rendered as text. */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="q-snippet">
      {snippetParts(text).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </span>
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
