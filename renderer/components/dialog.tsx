import { useEffect, useId, useRef, type ReactNode } from 'react';

// The app's modal dialogs are native <dialog> elements opened with showModal(): the browser keeps
// focus inside, makes the rest of the window inert, and turns Escape into a cancel event. The
// dialog is named by its h2.

type DialogProps = {
  /** The h2 that names the dialog. */
  title: ReactNode;
  /** The title's id, where the caller builds other ids from it; one is made otherwise. */
  titleId?: string;
  className?: string;
  /** Escape (the dialog's cancel event). */
  onCancel: () => void;
  children: ReactNode;
};

/** A modal dialog, open while mounted, named by its title; Escape calls `onCancel`. */
export function Dialog({ title, titleId, className, onCancel, children }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ownId = useId();
  const headingId = titleId ?? ownId;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // jsdom has no showModal; the open attribute keeps component tests meaningful there.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
  }, []);

  return (
    <dialog ref={dialogRef} className={className} aria-labelledby={headingId} onCancel={onCancel}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </dialog>
  );
}
