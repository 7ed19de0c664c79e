import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { formatDateText, parseDateText } from './date-text';
import './date-field.css';

/**
 * A date typed and shown as dd/mm/yyyy, whatever the browser's locale (a native date input
 * would show mm/dd/yyyy on a US-English system). The parent sees ISO dates only: `onChange`
 * gets YYYY-MM-DD when the text is a real date, '' when it is empty or not a date (the field
 * then says why, once the user leaves it). With `name`, a hidden input carries the ISO date
 * for a form read with FormData.
 */
export function DateField({
  id,
  value,
  onChange,
  name,
  min,
  isDisabled = false,
  isRequired = false,
  describedBy,
  onBlur,
  onKeyDown,
}: {
  id: string;
  /** The ISO date shown (YYYY-MM-DD or ''); undefined leaves the field to itself. */
  value?: string;
  onChange?: (iso: string) => void;
  name?: string;
  /** The earliest date allowed (ISO). */
  min?: string;
  isDisabled?: boolean;
  isRequired?: boolean;
  describedBy?: string;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const [text, setText] = useState(() => formatDateText(value ?? ''));
  const [isShowingProblem, setShowingProblem] = useState(false);
  const emitted = useRef(value ?? '');
  const hintId = useId();
  const problemId = useId();

  // A new value from outside (another record, a reset) replaces the text; the value this field
  // itself just reported does not, so half-typed text is never rewritten under the cursor.
  useEffect(() => {
    if (value !== undefined && value !== emitted.current) {
      emitted.current = value;
      setText(formatDateText(value));
      setShowingProblem(false);
    }
  }, [value]);

  const parsed = parseDateText(text);
  const problem =
    parsed.status === 'invalid'
      ? parsed.message
      : parsed.status === 'date' && min && parsed.iso < min
        ? `The date must be on or after ${formatDateText(min)}.`
        : null;
  const iso = parsed.status === 'date' && !problem ? parsed.iso : '';

  function onText(next: string) {
    setText(next);
    const reading = parseDateText(next);
    const nextIso = reading.status === 'date' && !(min && reading.iso < min) ? reading.iso : '';
    if (reading.status !== 'invalid') setShowingProblem(false);
    if (nextIso !== emitted.current) {
      emitted.current = nextIso;
      onChange?.(nextIso);
    }
  }

  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        size={12}
        value={text}
        disabled={isDisabled}
        required={isRequired}
        aria-invalid={isShowingProblem && problem ? true : undefined}
        aria-describedby={[hintId, isShowingProblem && problem ? problemId : null, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => onText(event.target.value)}
        onBlur={(event) => {
          setShowingProblem(true);
          // A date typed another way (1.2.2027) is shown the one way once the user moves on.
          if (parsed.status === 'date' && !problem) setText(formatDateText(parsed.iso));
          onBlur?.(event);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">
        Day, month and year, for example 14/01/2027.
      </span>
      {name ? <input type="hidden" name={name} value={iso} /> : null}
      {isShowingProblem && problem ? (
        <span id={problemId} className="date-field-problem error-text">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
