import { useId, type ReactNode } from 'react';

// One choice among a few, all visible: a fieldset whose legend asks the question, and a radio
// button per answer inside its own label (so the words are the click target and the name).
// A hint under an answer is tied to its button with aria-describedby, so it is read with it.

/** One answer: its value, its words, and an optional hint read with it. */
export type RadioOption<T extends string> = { value: T; label: ReactNode; hint?: ReactNode };

type RadioGroupProps<T extends string> = {
  legend: ReactNode;
  /** The buttons' shared name; one is made if none is given. */
  name?: string;
  options: readonly RadioOption<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  /** The fieldset's class. */
  className?: string;
  /** Where given, the answers are wrapped in a block of this class (e.g. a grid). */
  listClassName?: string;
  /** Each answer's label's class. */
  optionClassName?: string;
  hintClassName?: string;
  /** Anything more inside the fieldset, after the answers. */
  children?: ReactNode;
};

/** A labelled group of radio buttons, one per answer, with optional hints. */
export function RadioGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  className,
  listClassName,
  optionClassName,
  hintClassName = 'field-hint',
  children,
}: RadioGroupProps<T>) {
  const ownId = useId();
  const groupName = name ?? ownId;
  const answers = options.map((option) => {
    const hintId = `${ownId}-${option.value}-hint`;
    return (
      <label key={option.value} className={optionClassName}>
        <input
          type="radio"
          name={groupName}
          value={option.value}
          checked={value === option.value}
          onChange={() => onChange(option.value)}
          aria-describedby={option.hint === undefined ? undefined : hintId}
        />{' '}
        {option.hint === undefined ? (
          option.label
        ) : (
          <span>
            {option.label}
            <span id={hintId} className={hintClassName}>
              {option.hint}
            </span>
          </span>
        )}
      </label>
    );
  });
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {listClassName === undefined ? answers : <div className={listClassName}>{answers}</div>}
      {children}
    </fieldset>
  );
}
