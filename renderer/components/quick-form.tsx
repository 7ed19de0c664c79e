import { useId, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { FormError } from './form-error';

type QuickFormProps = {
  /** The form's name, said by its heading ("Add an item"). */
  title: string;
  /** Checks at once (false: refused, the alert says why), else returns the save in flight. */
  onSubmit: () => Promise<boolean> | false;
  /** Where focus goes back to for the next entry once an entry is taken. */
  firstFieldRef: RefObject<HTMLElement | null>;
  error: string | null;
  /** The fields, each a Field; the submit button follows them on the same row. */
  children: ReactNode;
  submitLabel: string;
  /** h4 inside a live meeting's item, h3 on a page's own section. */
  headingLevel?: 3 | 4;
  /** A section's form shows its heading; the live meeting's forms name themselves by it unseen. */
  isTitleVisible?: boolean;
};

/** A one-line form: Enter adds, then focus goes back to its first field for the next entry. */
export function QuickForm({
  title,
  onSubmit,
  firstFieldRef,
  error,
  children,
  submitLabel,
  headingLevel = 4,
  isTitleVisible = false,
}: QuickFormProps) {
  const titleId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  function handle(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // After a refusal, stay put (the alert says why). Otherwise back to the first field for the
    // next entry now, before the save is awaited: a chair who moves on (Alt+2, a click) while it
    // is saving keeps the focus they chose, and their keystrokes never land in this form.
    const saving = onSubmit();
    if (saving === false) return;
    firstFieldRef.current?.focus();
    void saving;
  }
  return (
    <form className="quick-add" aria-labelledby={titleId} onSubmit={handle} noValidate>
      <Heading id={titleId} className={isTitleVisible ? undefined : 'visually-hidden'}>
        {title}
      </Heading>
      <div className="quick-fields">
        {children}
        <button type="submit">{submitLabel}</button>
      </div>
      <FormError message={error} />
    </form>
  );
}

/**
 * A quick form's entry: its fields (set a few at a time), its refusal, and taking an entry (the
 * fields emptied, the refusal gone), each answered in the shape QuickForm's onSubmit returns.
 */
export function useQuickEntry<T extends object>(empty: T) {
  const [fields, setFields] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  return {
    fields,
    error,
    set: (patch: Partial<T>) => setFields((current) => ({ ...current, ...patch })),
    /** Refuses the entry with the reason said in the form's alert. */
    refuse: (message: string): false => {
      setError(message);
      return false;
    },
    /** Takes an entry saved at once (with the whole record): QuickForm then goes back to the first field. */
    take: (): Promise<boolean> => {
      setError(null);
      setFields(empty);
      return Promise.resolve(true);
    },
  };
}
