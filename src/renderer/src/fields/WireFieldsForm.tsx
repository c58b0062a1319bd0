import { memo } from 'react';
import { HEADLINE_MAX, HEADLINE_SOFT_MAX, type FieldName, type FieldProblem, type ItemFields } from '@core/item';
import { useSettings } from '@renderer/app/AppContext';
import { Field } from '@renderer/shared/Field';
import { CategoryOptions, UrgencyOptions } from '@renderer/shared/options';
import { DateInput } from './DateInput';
import { EmbargoInput } from './EmbargoInput';
import { KeywordsInput } from './KeywordsInput';
import { SlugInput } from './SlugInput';
import './fields.css';

/** A wire field as the form shows it: the item's own field names, the dateline's parts one by one. */
export type WireField = Exclude<FieldName, 'dateline' | 'body'>;

export type Problem = Pick<FieldProblem, 'message' | 'severity'>;

interface Props {
  /** Every field but the body (an import card's body is plain paragraphs until it is imported). */
  fields: Omit<ItemFields, 'body'>;
  onChange(patch: Partial<Omit<ItemFields, 'body'>>): void;
  /** Before every control's id: '' in the editor, 'imp-3-' on an import card. */
  idPrefix?: string;
  /** The fields shown (in the form's own order); every field when absent. */
  only?: ReadonlySet<WireField>;
  /** What to show at a field (what is missing is listed elsewhere). */
  problemFor(field: WireField): Problem | undefined;
  /** Published before: the slug stays the same across versions. */
  slugLocked?: boolean;
  /** Extra classes for a field's box (an import card colours the parts it recognised). */
  fieldClass?(field: WireField): string;
  /** The dateline as it will read, beside the group's label. */
  datelineExample?: string;
  /** A correction: the note to subscribers must say what changed. */
  subscriberNoteRequired?: boolean;
  /** The item shown: when it changes, what is half typed (a date, the keywords, the embargo) starts afresh. */
  itemId?: string;
  /** Told what is wrong with embargo text typed but not yet a time (not stored), and null once it reads as one. */
  onEmbargoUnread?(message: string | null): void;
}

/**
 * The wire fields of an item, one form for the item editor and the import cards: the same
 * controls, the same limits, the same slug rules. Drawn again only when its props change (not
 * on each key typed in the body).
 */
export const WireFieldsForm = memo(function WireFieldsForm({
  fields,
  onChange,
  idPrefix = '',
  itemId,
  onEmbargoUnread,
  only,
  problemFor,
  slugLocked = false,
  fieldClass = () => '',
  datelineExample,
  subscriberNoteRequired = false,
}: Props) {
  const { categories, dateOrder } = useSettings();
  const shows = (f: WireField) => !only || only.has(f);
  const id = (name: string) => `${idPrefix}${name}`;
  const cls = (f: WireField, base: string) => `${base} ${fieldClass(f)}`.trim();
  const setDateline = (patch: Partial<ItemFields['dateline']>) => onChange({ dateline: { ...fields.dateline, ...patch } });

  return (
    <>
      {shows('slug') && (
        <Field id={id('slug')} label="Slug" className={cls('slug', 'f-slug')} problem={problemFor('slug')} required>
          <SlugInput id={id('slug')} value={fields.slug} locked={slugLocked} onChange={(slug) => onChange({ slug })} />
        </Field>
      )}
      {shows('headline') && (
        <Field
          id={id('headline')}
          label="Headline"
          className={cls('headline', 'f-headline')}
          problem={problemFor('headline')}
          required
          extra={
            <small
              className={fields.headline.length > HEADLINE_SOFT_MAX ? 'count over' : 'count'}
              title={`Keep it under ${HEADLINE_SOFT_MAX}; at most ${HEADLINE_MAX}.`}
            >
              {fields.headline.length}/{HEADLINE_SOFT_MAX}
            </small>
          }
        >
          <textarea
            id={id('headline')}
            name="headline"
            rows={2}
            value={fields.headline}
            maxLength={HEADLINE_MAX}
            onChange={(e) => onChange({ headline: e.target.value.replace(/[\r\n]+/g, ' ') })}
          />
        </Field>
      )}
      <div className="group" role="group" aria-labelledby={id('dateline-label')}>
        <div className="group-label">
          <span id={id('dateline-label')}>Dateline</span>
          {datelineExample && <code className="dateline-example">{datelineExample}</code>}
        </div>
        <div className="row">
          <Field id={id('place')} label="Place" className={cls('dateline.place', 'f-place')} problem={problemFor('dateline.place')} required>
            <input
              id={id('place')}
              name="place"
              value={fields.dateline.place}
              placeholder="e.g. Baku"
              onChange={(e) => setDateline({ place: e.target.value })}
            />
          </Field>
          <Field id={id('date')} label="Date" className={cls('dateline.date', 'f-date')} problem={problemFor('dateline.date')}>
            <DateInput itemId={itemId} id={id('date')} value={fields.dateline.date} order={dateOrder} onChange={(date) => setDateline({ date })} />
          </Field>
          <Field id={id('agency')} label="Agency" className={cls('dateline.agency', 'f-agency')} problem={problemFor('dateline.agency')}>
            <input id={id('agency')} name="agency" value={fields.dateline.agency} onChange={(e) => setDateline({ agency: e.target.value })} />
          </Field>
        </div>
      </div>
      {/* Half-width fields, two to a line as far as they are shown. */}
      <div className="row wire-pairs">
        {shows('urgency') && (
          <Field id={id('urgency')} label="Urgency" className={cls('urgency', 'f-urgency')} problem={problemFor('urgency')}>
            <select id={id('urgency')} name="urgency" value={fields.urgency} onChange={(e) => onChange({ urgency: Number(e.target.value) })}>
              <UrgencyOptions />
            </select>
          </Field>
        )}
        {shows('category') && (
          <Field id={id('category')} label="Category" className={cls('category', 'f-category')} problem={problemFor('category')}>
            <select id={id('category')} name="category" value={fields.category} onChange={(e) => onChange({ category: e.target.value })}>
              <option value="">(none)</option>
              <CategoryOptions categories={categories} current={fields.category} />
            </select>
          </Field>
        )}
        {shows('byline') && (
          <Field id={id('byline')} label="Byline" className={cls('byline', 'f-byline')} problem={problemFor('byline')}>
            <input id={id('byline')} name="byline" value={fields.byline} onChange={(e) => onChange({ byline: e.target.value })} />
          </Field>
        )}
        {shows('signOff') && (
          <Field id={id('signoff')} label="Sign-off" className={cls('signOff', 'f-signoff')} problem={problemFor('signOff')}>
            <input
              id={id('signoff')}
              name="signOff"
              value={fields.signOff}
              maxLength={8}
              placeholder="e.g. 06B"
              spellCheck={false}
              onChange={(e) => onChange({ signOff: e.target.value.trim() })}
            />
          </Field>
        )}
        {shows('source') && (
          <Field id={id('source')} label="Source" className={cls('source', 'f-source')} problem={problemFor('source')}>
            <input id={id('source')} name="source" value={fields.source} placeholder="e.g. mod.gov.az" onChange={(e) => onChange({ source: e.target.value })} />
          </Field>
        )}
        {shows('language') && (
          <Field id={id('language')} label="Language" className={cls('language', 'f-language')} problem={problemFor('language')} required>
            <input
              id={id('language')}
              name="language"
              value={fields.language}
              maxLength={35}
              spellCheck={false}
              onChange={(e) => onChange({ language: e.target.value.trim() })}
            />
          </Field>
        )}
      </div>
      {shows('embargo') && (
        <EmbargoInput
          itemId={itemId}
          onUnread={onEmbargoUnread}
          idPrefix={idPrefix}
          value={fields.embargo}
          order={dateOrder}
          problem={problemFor('embargo')}
          onChange={(embargo) => onChange({ embargo })}
        />
      )}
      {shows('keywords') && (
        <Field id={id('keywords')} label="Keywords" className={cls('keywords', 'f-keywords')} problem={problemFor('keywords')}>
          <KeywordsInput itemId={itemId} id={id('keywords')} value={fields.keywords} onChange={(keywords) => onChange({ keywords })} />
        </Field>
      )}
      {shows('subscriberNote') && (
        <Field
          id={id('subscriber-note')}
          label="Note to subscribers"
          className={cls('subscriberNote', 'f-subscriber-note')}
          problem={problemFor('subscriberNote')}
          required={subscriberNoteRequired}
          extra={<small className="note-hint">goes out with this version</small>}
        >
          <textarea
            id={id('subscriber-note')}
            name="subscriberNote"
            rows={2}
            value={fields.subscriberNote}
            placeholder={
              subscriberNoteRequired
                ? 'What this correction changes, e.g. Corrects day of signing to Thursday.'
                : 'Published with the story, e.g. Embargoed material; check before use.'
            }
            onChange={(e) => onChange({ subscriberNote: e.target.value })}
          />
        </Field>
      )}
      {shows('editorNote') && (
        <Field
          id={id('note')}
          label="Desk note"
          className={cls('editorNote', 'f-note')}
          problem={problemFor('editorNote')}
          extra={<small className="note-hint">never published</small>}
        >
          <textarea
            id={id('note')}
            name="editorNote"
            rows={3}
            value={fields.editorNote}
            placeholder="For the desk only; never published."
            onChange={(e) => onChange({ editorNote: e.target.value })}
          />
        </Field>
      )}
    </>
  );
});
