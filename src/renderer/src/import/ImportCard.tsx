import { useMemo } from 'react';
import { type ImportFields, importBodyText, putBack } from '@core/importFields';
import { hardLimitProblems } from '@core/item';
import { useSettings } from '@renderer/app/AppContext';
import { type WireField, WireFieldsForm } from '@renderer/fields/WireFieldsForm';
import type { ImportCandidate } from '../../../contract';
import { spanClass } from './OriginalText';
import './import-card.css';

/** An item found, as the editor is making it. */
export interface Draft {
  /** The body stays plain paragraphs (or a feed's rich text) until it is imported. */
  fields: ImportFields;
  include: boolean;
  /** Left-out lines (indexes into the candidate's `dropped`) the editor put back into the body. */
  restored: number[];
}

const DROPPED_WORDS = { furniture: 'page furniture', rule: 'rule', end: 'end marker', header: 'header line' } as const;

/** Enough of a body to judge it by; the whole body is imported. */
const BODY_PREVIEW_MAX = 3000;

/** The fields a card shows; problems with any other field are listed under it. */
const SHOWN: ReadonlySet<WireField> = new Set(['slug', 'category', 'headline', 'dateline.place', 'dateline.date', 'dateline.agency', 'source', 'signOff']);

interface Props {
  n: number;
  candidate: ImportCandidate;
  draft: Draft;
  onChange(d: Draft): void;
  /** Scroll the original text to this item; absent when the item is not drawn there. */
  onShowInText?(): void;
  onFocus(): void;
}

/** One item found: its wire fields, editable; its body as plain text; what the parser warned about. */
export function ImportCard({ n, candidate, draft, onChange, onShowInText, onFocus }: Props) {
  const { fields } = draft;
  const id = (name: string) => `imp-${n}-${name}`;
  const set = (patch: Partial<Omit<ImportFields, 'body'>>) => onChange({ ...draft, fields: { ...fields, ...patch } });
  const problems = hardLimitProblems(fields);
  const settings = useSettings();
  const deskAgency = candidate.agencyFromDesk && fields.dateline.agency === settings.agency;
  /** Put a left-out line back before the paragraph it stood before, counting lines already put back above it. */
  const restore = (k: number) => {
    const line = candidate.dropped[k]!;
    const above = draft.restored.filter((j) => candidate.dropped[j]!.start < line.start).length;
    onChange({ ...draft, fields: putBack(fields, { text: line.text, paragraph: line.paragraph + above }), restored: [...draft.restored, k] });
  };
  const recognised = useMemo(() => new Set(candidate.recognised.map((s) => s.field)), [candidate]);
  const body = useMemo(() => importBodyText(fields.body), [fields.body]);

  return (
    <article id={`imp-card-${n}`} className={`imp-card${draft.include ? '' : ' imp-left-out'}`} aria-labelledby={id('title')} onFocus={onFocus}>
      {candidate.duplicateOf && (
        <p className="imp-duplicate" role="note">
          Already on the desk{candidate.duplicateOf.slug ? ` as ${candidate.duplicateOf.slug}` : ''} ({candidate.duplicateOf.status}). Left out unless you
          include it.
        </p>
      )}
      <header className="imp-card-head">
        <h3 id={id('title')}>Item {n + 1}</h3>
        <label className="imp-include">
          <input type="checkbox" checked={draft.include} onChange={(e) => onChange({ ...draft, include: e.target.checked })} />
          Include
        </label>
        <span className="spacer" />
        {onShowInText && (
          <button type="button" onClick={onShowInText}>
            Show in text
          </button>
        )}
      </header>
      <WireFieldsForm
        fields={fields}
        onChange={set}
        idPrefix={id('')}
        only={SHOWN}
        problemFor={(f) => problems.find((p) => p.field === f)}
        fieldClass={(f) => (recognised.has(f) ? `imp-rec ${spanClass(f)}` : '')}
      />
      {deskAgency && (
        <p className="imp-agency-note" id={id('agency-note')}>
          The copy names no agency: this is the desk’s own. Check it.
        </p>
      )}
      <div className="imp-body">
        <span className="imp-body-label" id={id('body')}>
          Body
        </span>
        <div className={`imp-body-text${recognised.has('body') ? ` imp-rec ${spanClass('body')}` : ''}`} role="document" aria-labelledby={id('body')}>
          {body ? body.length > BODY_PREVIEW_MAX ? `${body.slice(0, BODY_PREVIEW_MAX)}…` : body : <em>No body text</em>}
        </div>
      </div>
      {problems.some((p) => !SHOWN.has(p.field as WireField)) && (
        <ul className="imp-problems" aria-label="Problems">
          {problems
            .filter((p) => !SHOWN.has(p.field as WireField))
            .map((p) => (
              <li key={p.field}>{p.message}</li>
            ))}
        </ul>
      )}
      {candidate.dropped.length > 0 && (
        <details className="imp-dropped">
          <summary>
            Left out {candidate.dropped.length} line{candidate.dropped.length === 1 ? '' : 's'}
            {draft.restored.length > 0 && ` · ${draft.restored.length} put back`}
          </summary>
          <ul aria-label="Left out">
            {candidate.dropped.map((d, k) => (
              <li key={k}>
                <span className="imp-dropped-kind">{DROPPED_WORDS[d.kind]}</span> <q>{d.text}</q>{' '}
                {draft.restored.includes(k) ? (
                  <em>put back</em>
                ) : (
                  <button type="button" aria-label={`Put back “${d.text}”`} onClick={() => restore(k)}>
                    Put back
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {candidate.warnings.length > 0 && (
        <ul className="imp-warnings" aria-label="Warnings">
          {candidate.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
