import type { ReactNode } from 'react';

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
