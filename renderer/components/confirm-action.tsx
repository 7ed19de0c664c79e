import { useId, useState, type ReactNode, type Ref } from 'react';
import { FormError } from './form-error';
import { useUndo, type UndoOffer } from './undo-toast';

// "Ask, then do, then say done": what cannot be taken back (removing, deleting, approving) is
// never done by a single click. The first click shows a question naming what will go, in a
// labelled group with the doing button first and a way out second; the outcome is said in a
// polite live region, or offered for undoing through the window's undo toast.

type ConfirmBoxProps = {
  /** The group's name ("Confirm deletion"); without it the group is named by the question. */
  label?: string;
  question: ReactNode;
  confirmLabel: string;
  /** The way out, e.g. "Keep it", "Not yet", "Cancel". */
  keepLabel?: string;
  /** Red for what removes; false for a step that locks or sends. */
  isDanger?: boolean;
  onConfirm: () => void;
  onKeep: () => void;
  /** For a view that moves focus to the confirming button when the question opens. */
  confirmRef?: Ref<HTMLButtonElement>;
};

/** The question itself: a named group with the confirming button and the way out. */
export function ConfirmBox({
  label,
  question,
  confirmLabel,
  keepLabel = 'Keep it',
  isDanger = true,
  onConfirm,
  onKeep,
  confirmRef,
}: ConfirmBoxProps) {
  const questionId = useId();
  return (
    <div className="confirm" role="group" aria-label={label} aria-labelledby={label === undefined ? questionId : undefined}>
      <p id={label === undefined ? questionId : undefined}>{question}</p>
      <div className="button-row">
        <button ref={confirmRef} type="button" className={isDanger ? 'danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onKeep}>
          {keepLabel}
        </button>
      </div>
    </div>
  );
}

/** What a confirmed step said: a message, or a refusal. */
export type Outcome = { message: string } | { error: string };

/** The outcome of a step: the message in a polite live region (always in the page), a refusal as an alert. */
export function OutcomeRegion({
  message,
  error,
  testId,
  errorTestId,
}: {
  message: string | null;
  error?: string | null;
  testId?: string;
  errorTestId?: string;
}) {
  return (
    <>
      <div aria-live="polite" data-testid={testId}>
        {message ? <p>{message}</p> : null}
      </div>
      <FormError message={error} testId={errorTestId} />
    </>
  );
}

type ConfirmActionProps = {
  /** The button that opens the question, e.g. "Remove this plan…". */
  label: string;
  /** The question's group name; by default the opening button's words without the ellipsis. */
  groupLabel?: string;
  question: ReactNode;
  confirmLabel: string;
  keepLabel?: string;
  /** Does it; resolves to the message to say, or to an offer to undo it. */
  onConfirm: () => Promise<string | UndoOffer>;
  /** The refusal when it fails, from the failure's reason. */
  failure: (reason: string) => string;
  /**
   * Where the outcome goes when the caller says it (its region outlives this button, e.g. when
   * what was removed takes the button with it); by default it is said under the button.
   */
  onOutcome?: (outcome: Outcome) => void;
  className?: string;
};

/** A button that asks first, then does, then says done (or offers to undo). */
export function ConfirmAction({
  label,
  groupLabel,
  question,
  confirmLabel,
  keepLabel,
  onConfirm,
  failure,
  onOutcome,
  className,
}: ConfirmActionProps) {
  const offerUndo = useUndo();
  const [isConfirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function say(outcome: Outcome) {
    if (onOutcome) return onOutcome(outcome);
    if ('message' in outcome) setMessage(outcome.message);
    else setError(outcome.error);
  }

  function confirm() {
    setConfirming(false);
    setError(null);
    void onConfirm().then(
      (done) => {
        if (typeof done === 'string') say({ message: done });
        else offerUndo(done);
      },
      (caught: unknown) => say({ error: failure(caught instanceof Error ? caught.message : String(caught)) }),
    );
  }

  return (
    <div className={className}>
      {isConfirming ? (
        <ConfirmBox
          label={groupLabel ?? label.replace(/…$/, '')}
          question={question}
          confirmLabel={confirmLabel}
          keepLabel={keepLabel}
          onConfirm={confirm}
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {label}
          </button>
        </div>
      )}
      {onOutcome ? null : <OutcomeRegion message={message} error={error} />}
    </div>
  );
}
