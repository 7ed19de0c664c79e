import { useId } from 'react';

type NoteFormProps = {
  /** What the text is, said by the visible label the textarea is named by. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The saving button's words, e.g. "Save answer". */
  submitLabel: string;
  /** Called on Save (or Enter on the button); the page is not reloaded. */
  onSubmit: () => void;
  onCancel: () => void;
  isRequired?: boolean;
  rows?: number;
  className?: string;
};

/**
 * A short written reply in place: a labelled textarea, then Save and Cancel. Cancel is a plain
 * button so it never submits, and the form's own submit keeps Enter-on-Save working.
 */
export function NoteForm({
  label,
  value,
  onChange,
  submitLabel,
  onSubmit,
  onCancel,
  isRequired = false,
  rows = 3,
  className = 'answer-form',
}: NoteFormProps) {
  const id = useId();
  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} required={isRequired} value={value} onChange={(event) => onChange(event.target.value)} />
      <div className="button-row">
        <button type="submit">{submitLabel}</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
