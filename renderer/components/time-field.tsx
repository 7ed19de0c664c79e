import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { formatTimeText, parseTimeText } from './time-text';
import './date-field.css';

/**
 * A time typed and shown as hh:mm, 24-hour, whatever the browser's language (a native time input
 * shows 02:00 PM on a US-English system). The parent sees HH:MM only: `onChange` gets HH:MM when
 * the text is a time, '' when it is empty or not a time (the field then says why, once the user
 * leaves it). With `name`, a hidden input carries HH:MM for a form read with FormData.
 */
export function TimeField({
  id,
  value,
  defaultValue,
  onChange,
  name,
  isDisabled = false,
  describedBy,
  onBlur,
  onKeyDown,
  resetSignal,
}: {
  id: string;
  /** The time shown (HH:MM or ''); undefined leaves the field to itself. */
  value?: string;
  /** The first time shown when `value` is undefined. */
  defaultValue?: string;
  /** `isTime` is false when the text is not a time (as against empty), so a parent can keep what it has. */
  onChange?: (time: string, isTime: boolean) => void;
  name?: string;
  isDisabled?: boolean;
  describedBy?: string;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** A new number puts back `value` as the text (Escape), even when `value` itself has not changed. */
  resetSignal?: number;
}) {
  const [text, setText] = useState(() => formatTimeText(value ?? defaultValue ?? ''));
  const [isShowingProblem, setShowingProblem] = useState(false);
  const emitted = useRef(value ?? '');
  const hintId = useId();
  const problemId = useId();

  // A new value from outside replaces the text; the value this field itself just reported does
  // not, so half-typed text is never rewritten under the cursor.
  useEffect(() => {
    if (value !== undefined && value !== emitted.current) {
      emitted.current = value;
      setText(formatTimeText(value));
      setShowingProblem(false);
    }
  }, [value]);

  const seenReset = useRef(resetSignal);
  useEffect(() => {
    if (resetSignal === seenReset.current) return;
    seenReset.current = resetSignal;
    emitted.current = value ?? '';
    setText(formatTimeText(value ?? ''));
    setShowingProblem(false);
  }, [resetSignal, value]);

  const parsed = parseTimeText(text);
  const problem = parsed.status === 'invalid' ? parsed.message : null;
  const time = parsed.status === 'time' ? parsed.value : '';

  function onText(next: string) {
    setText(next);
    const reading = parseTimeText(next);
    const nextTime = reading.status === 'time' ? reading.value : '';
    if (reading.status !== 'invalid') setShowingProblem(false);
    if (nextTime !== emitted.current || reading.status === 'invalid') {
      emitted.current = nextTime;
      onChange?.(nextTime, reading.status !== 'invalid');
    }
  }

  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="hh:mm"
        size={6}
        value={text}
        disabled={isDisabled}
        aria-invalid={isShowingProblem && problem ? true : undefined}
        aria-describedby={[hintId, isShowingProblem && problem ? problemId : null, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => onText(event.target.value)}
        onBlur={(event) => {
          setShowingProblem(true);
          // 9:05 is shown as 09:05 once the user moves on.
          if (parsed.status === 'time') setText(parsed.value);
          onBlur?.(event);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">
        Hours and minutes, 24-hour, for example 14:00.
      </span>
      {name ? <input type="hidden" name={name} value={time} /> : null}
      {isShowingProblem && problem ? (
        <span id={problemId} className="date-field-problem error-text">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
