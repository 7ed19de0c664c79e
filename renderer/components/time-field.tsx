import type { FocusEvent, KeyboardEvent } from 'react';
import { ParsedTextField, type TextReading } from './parsed-text-field';
import { formatTimeText, parseTimeText } from './time-text';

/** Reads a typed time as HH:MM. */
function readTime(text: string): TextReading {
  const parsed = parseTimeText(text);
  if (parsed.status === 'invalid') return { value: '', problem: parsed.message, isMalformed: true };
  return { value: parsed.status === 'time' ? parsed.value : '', problem: null, isMalformed: false };
}

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
  return (
    <ParsedTextField
      id={id}
      value={value}
      defaultValue={defaultValue}
      onChange={onChange ? (time, reading) => onChange(time, !reading.isMalformed) : undefined}
      read={readTime}
      format={formatTimeText}
      hint="Hours and minutes, 24-hour, for example 14:00."
      placeholder="hh:mm"
      size={6}
      name={name}
      isDisabled={isDisabled}
      describedBy={describedBy}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
      resetSignal={resetSignal}
    />
  );
}
