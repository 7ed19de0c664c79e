import { useId, useState, type FormEvent } from 'react';
import { ANNOTATION_KINDS, type AnnotationKind } from '../../shared/annotations/types';
import type { AnnotationInput } from './annotation-repository';
import { RadioGroup, type RadioOption } from '../components/radio-group';

const VISIBILITY_OPTIONS: readonly RadioOption<'private' | 'shared'>[] = [
  { value: 'private', label: 'Private: only on this laptop, never exported' },
  { value: 'shared', label: 'Shared: goes out when you export your shared annotations' },
];

export const KIND_LABELS: Record<AnnotationKind, string> = {
  note: 'Note',
  question: 'Question for officers',
  concern: 'Concern',
  praise: 'Praise',
  assurance: 'My assurance view',
};

export type EditorValue = AnnotationInput & { point?: string };

/** The form for writing or editing a note, question, concern, praise or assurance view. */
export function AnnotationEditor({
  initial,
  points,
  submitLabel,
  onSubmit,
  onCancel,
  assuranceLevels,
}: {
  /** The board's assurance scale, offered for an assurance view on an area. */
  assuranceLevels?: readonly string[];
  initial?: Partial<EditorValue>;
  /** For a measure: the periods of its series, so a note can be about one point. */
  points?: readonly string[];
  submitLabel: string;
  onSubmit: (value: EditorValue) => void | Promise<void>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<AnnotationKind>(initial?.kind ?? 'note');
  const [text, setText] = useState(initial?.text ?? '');
  const [tags, setTags] = useState((initial?.tags ?? []).join(', '));
  const [visibility, setVisibility] = useState<'private' | 'shared'>(initial?.visibility ?? 'private');
  const [point, setPoint] = useState(initial?.point ?? '');
  const [level, setLevel] = useState(initial?.assuranceLevel ?? '');
  const [isTouched, setTouched] = useState(false);
  const isEmpty = text.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (isEmpty) return;
    const submitted = { text, tags };
    await onSubmit({
      kind,
      text,
      tags: tags.split(',').map((tag) => tag.trim()),
      visibility,
      ...(point ? { point } : {}),
      ...(kind === 'assurance' && level ? { assuranceLevel: level } : {}),
    });
    if (!initial) {
      // Emptied only if unchanged: what was typed while the save was in flight (seen with two
      // windows saving at once) is the next note, not to be wiped.
      setText((current) => (current === submitted.text ? '' : current));
      setTags((current) => (current === submitted.tags ? '' : current));
      setTouched(false);
    }
  }

  return (
    <form className="annotation-editor" onSubmit={submit} aria-label={submitLabel}>
      <div className="form-grid">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value as AnnotationKind)}>
          {ANNOTATION_KINDS.map((value) => (
            <option key={value} value={value}>
              {KIND_LABELS[value]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-text`}>{kind === 'question' ? 'Your question' : 'Your note'}</label>
        <textarea
          id={`${id}-text`}
          value={text}
          rows={3}
          maxLength={20_000}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={isTouched && isEmpty}
          aria-describedby={isTouched && isEmpty ? `${id}-error` : undefined}
        />
        <label htmlFor={`${id}-tags`}>Tags (separate with commas)</label>
        <input id={`${id}-tags`} value={tags} maxLength={600} onChange={(event) => setTags(event.target.value)} />
        {kind === 'assurance' && assuranceLevels && assuranceLevels.length > 0 ? (
          <>
            <label htmlFor={`${id}-level`}>My level of assurance</label>
            <select id={`${id}-level`} value={level} onChange={(event) => setLevel(event.target.value)}>
              <option value="">No level given</option>
              {assuranceLevels.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </>
        ) : null}
        {points && points.length > 0 ? (
          <>
            <label htmlFor={`${id}-point`}>About the figure for</label>
            <select id={`${id}-point`} value={point} onChange={(event) => setPoint(event.target.value)}>
              <option value="">The whole measure</option>
              {points.map((period) => (
                <option key={period} value={period}>
                  {period}
                </option>
              ))}
            </select>
          </>
        ) : null}
      </div>
      <RadioGroup
        className="visibility-choice"
        legend="Who can see it"
        name={`${id}-visibility`}
        options={VISIBILITY_OPTIONS}
        value={visibility}
        onChange={setVisibility}
      />
      {isTouched && isEmpty ? (
        <p id={`${id}-error`} className="error-text" role="alert">
          Write something before saving.
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit">{submitLabel}</button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
