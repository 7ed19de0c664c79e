import { useRef, useState, type KeyboardEvent } from 'react';
import { DateField } from '../components/date-field';
import { TimeField } from '../components/time-field';

/**
 * A text field that saves when it loses focus or on Enter; Escape puts back what was stored.
 * For set-up screens (board, agenda), where one save per field is enough.
 */
export function InlineText({
  id,
  label,
  value,
  onSave,
  isLabelHidden = false,
  isDisabled = false,
  type = 'text',
  list,
  size,
}: {
  id: string;
  label: string;
  value: string;
  onSave: (value: string) => void;
  isLabelHidden?: boolean;
  isDisabled?: boolean;
  type?: 'text' | 'date' | 'time';
  list?: string;
  size?: number;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  // Text that is not a time is never saved: it would otherwise read as "no time" and clear one.
  const isNotTime = useRef(false);
  // Escape puts the stored time back in the time field's text, even when that is empty.
  const [resets, setResets] = useState(0);
  function commit() {
    // Wrong text stays in the field with its reason beside it, until corrected or Escape.
    if (isNotTime.current) return;
    if (draft !== null && draft !== value) onSave(draft);
    setDraft(null);
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      isNotTime.current = false;
      setDraft(null);
      setResets((count) => count + 1);
    }
  }
  return (
    <>
      <label htmlFor={id} className={isLabelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {type === 'date' ? (
        <DateField
          id={id}
          value={draft ?? value}
          isDisabled={isDisabled}
          onChange={(iso) => setDraft(iso)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      ) : type === 'time' ? (
        <TimeField
          resetSignal={resets}
          id={id}
          value={draft ?? value}
          isDisabled={isDisabled}
          onChange={(time, isTime) => {
            isNotTime.current = !isTime;
            setDraft(time);
          }}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      ) : (
        <input
          id={id}
          type={type}
          value={draft ?? value}
          disabled={isDisabled}
          list={list}
          size={size}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      )}
    </>
  );
}
