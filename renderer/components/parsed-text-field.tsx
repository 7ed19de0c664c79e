import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import './date-field.css';

/**
 * What a field's text means: `value` is what the parent sees ('' when the text is empty, not a
 * value, or a value refused); `problem` says why it is refused; `isMalformed` marks text that is
 * not a value at all (as against empty, or a value the field refuses, such as a date too early).
 */
export type TextReading = { value: string; problem: string | null; isMalformed: boolean };

/**
 * A text field that holds a value of one kind (a date, a time) typed the board's way: the typed
 * text is the field's own, the parent sees only the value that `read` finds in it. `format` shows
 * a value as text. DateField and TimeField are this field with their reader and formatter.
 */
export function ParsedTextField({
  id,
  value,
  defaultValue,
  onChange,
  read,
  format,
  hint,
  placeholder,
  size,
  name,
  isDisabled = false,
  isRequired = false,
  describedBy,
  onBlur,
  onKeyDown,
  resetSignal,
}: {
  id: string;
  /** The value shown; undefined leaves the field to itself. */
  value?: string;
  /** The first value shown when `value` is undefined. */
  defaultValue?: string;
  /** Called when the value, or whether the text is malformed, changes. */
  onChange?: (value: string, reading: TextReading) => void;
  read: (text: string) => TextReading;
  format: (value: string) => string;
  /** Read by screen readers with the field: the form the text takes, with an example. */
  hint: string;
  placeholder: string;
  size: number;
  /** With a name, a hidden input carries the value for a form read with FormData. */
  name?: string;
  isDisabled?: boolean;
  isRequired?: boolean;
  describedBy?: string;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** A new number puts back `value` as the text (Escape), even when `value` itself has not changed. */
  resetSignal?: number;
}) {
  const [text, setText] = useState(() => format(value ?? defaultValue ?? ''));
  // The problem shows once the user leaves the field, not at every half-typed character.
  const [isShowingProblem, setShowingProblem] = useState(false);
  const emitted = useRef({ value: value ?? '', isMalformed: false });
  const hintId = useId();
  const problemId = useId();

  // A new value from outside (another record, a reset) replaces the text; the value this field
  // itself just reported does not, so half-typed text is never rewritten under the cursor.
  useEffect(() => {
    if (value !== undefined && value !== emitted.current.value) {
      emitted.current = { value, isMalformed: false };
      setText(format(value));
      setShowingProblem(false);
    }
    // `format` is a module function for each caller; the text follows `value` alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const seenReset = useRef(resetSignal);
  useEffect(() => {
    if (resetSignal === seenReset.current) return;
    seenReset.current = resetSignal;
    emitted.current = { value: value ?? '', isMalformed: false };
    setText(format(value ?? ''));
    setShowingProblem(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetSignal, value]);

  const reading = read(text);
  const isProblemShown = isShowingProblem && reading.problem !== null;

  function onText(next: string) {
    setText(next);
    const nextReading = read(next);
    if (!nextReading.isMalformed) setShowingProblem(false);
    // Malformed text is reported too (as ''), so a parent can tell it from a field left empty.
    if (nextReading.value !== emitted.current.value || nextReading.isMalformed !== emitted.current.isMalformed) {
      emitted.current = { value: nextReading.value, isMalformed: nextReading.isMalformed };
      onChange?.(nextReading.value, nextReading);
    }
  }

  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={placeholder}
        size={size}
        value={text}
        disabled={isDisabled}
        required={isRequired}
        aria-invalid={isProblemShown ? true : undefined}
        aria-describedby={[hintId, isProblemShown ? problemId : null, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => onText(event.target.value)}
        onBlur={(event) => {
          setShowingProblem(true);
          // A value typed another way (1.2.2027, 9:05) is shown the one way once the user moves on.
          if (reading.value !== '') setText(format(reading.value));
          onBlur?.(event);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">
        {hint}
      </span>
      {name ? <input type="hidden" name={name} value={reading.value} /> : null}
      {isProblemShown ? (
        <span id={problemId} className="date-field-problem error-text">
          {reading.problem}
        </span>
      ) : null}
    </span>
  );
}
