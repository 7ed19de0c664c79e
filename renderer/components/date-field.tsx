import type { FocusEvent, KeyboardEvent } from 'react';
import { formatDateText, parseDateText } from './date-text';
import { ParsedTextField, type TextReading } from './parsed-text-field';

/** Reads a typed date as ISO, refusing one before `min` (ISO) with the reason. */
function readDate(text: string, min: string | undefined): TextReading {
  const parsed = parseDateText(text);
  if (parsed.status === 'invalid') return { value: '', problem: parsed.message, isMalformed: true };
  if (parsed.status === 'empty') return { value: '', problem: null, isMalformed: false };
  if (min && parsed.iso < min) return { value: '', problem: `The date must be on or after ${formatDateText(min)}.`, isMalformed: false };
  return { value: parsed.iso, problem: null, isMalformed: false };
}

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
  return (
    <ParsedTextField
      id={id}
      value={value}
      onChange={onChange ? (iso) => onChange(iso) : undefined}
      read={(text) => readDate(text, min)}
      format={formatDateText}
      hint="Day, month and year, for example 14/01/2027."
      placeholder="dd/mm/yyyy"
      size={12}
      name={name}
      isDisabled={isDisabled}
      isRequired={isRequired}
      describedBy={describedBy}
      onBlur={onBlur}
      onKeyDown={onKeyDown}
    />
  );
}
