import type { ReactNode, Ref } from 'react';

// A form's field in a row of fields (the quick-add forms, the live meeting's forms): its label
// above its control, tied by id so the label names the control and clicking it focuses it.

type FieldProps = {
  /** The control's id. */
  id: string;
  label: ReactNode;
  /** More classes beside `field`, e.g. `field-wide`. */
  className?: string;
  /** The control (input, select, DateField…), with the same id. */
  children: ReactNode;
};

/** A labelled field: the label, then its control. */
export function Field({ id, label, className, children }: FieldProps) {
  return (
    <span className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </span>
  );
}

type TextFieldProps = {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  className?: string;
  inputRef?: Ref<HTMLInputElement>;
  size?: number;
  placeholder?: string;
  /** The id of a datalist of suggestions. */
  list?: string;
};

/** A labelled one-line text field (the quick-add forms' name, title, role…). */
export function TextField({ id, label, value, onChange, className, inputRef, size, placeholder, list }: TextFieldProps) {
  return (
    <Field id={id} label={label} {...(className ? { className } : {})}>
      <input
        ref={inputRef}
        id={id}
        type="text"
        value={value}
        size={size}
        placeholder={placeholder}
        list={list}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

/** Checkboxes in a row of fields, each named by the words after it. */
export function CheckFields({ children }: { children: ReactNode }) {
  return <span className="field field-check">{children}</span>;
}

/** One checkbox of {@link CheckFields}. */
export function CheckField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {label}
    </label>
  );
}
