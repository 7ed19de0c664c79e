import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import './undo-toast.css';

// "Deleted. Undo" after a member deletes something of theirs. One provider for the window holds
// the offer, so the toast outlives the list row that was deleted (the row unmounts at once).
// Only the latest deletion can be undone: a new one replaces the offer.

/** How long an offer to undo stays, in milliseconds. */
export const UNDO_MILLISECONDS = 10_000;

/** What was deleted and how to put it back; `undo` rejects (with a message) when it cannot. */
export type UndoOffer = {
  /** What the toast says, e.g. "Note deleted." */
  message: string;
  undo: () => Promise<void>;
};

type Shown = { id: number; message: string; undo: (() => Promise<void>) | null };

const UndoContext = createContext<((offer: UndoOffer) => void) | null>(null);

/** Offers an undo for a deletion just made; without a provider (a bare component test) it does nothing. */
export function useUndo(): (offer: UndoOffer) => void {
  return useContext(UndoContext) ?? ignore;
}

function ignore(): void {}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  );
}

/**
 * Holds the undo offer and shows it in a polite live region at the foot of the window. The
 * region is always in the page (empty when idle) so screen readers announce what lands in it.
 */
export function UndoProvider({ children, milliseconds = UNDO_MILLISECONDS }: { children: ReactNode; milliseconds?: number }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [isPaused, setPaused] = useState(false);
  const regionRef = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const nextId = useRef(0);

  const offer = useCallback((next: UndoOffer) => {
    nextId.current += 1;
    setShown({ id: nextId.current, message: next.message, undo: next.undo });
  }, []);

  const close = useCallback(() => {
    // Focus inside a toast that goes away would fall to the page's body: keep the member's place.
    if (regionRef.current?.contains(document.activeElement)) document.getElementById('main')?.focus();
    setShown(null);
    setPaused(false);
  }, []);

  const runUndo = useCallback(async () => {
    if (!shown?.undo) return;
    const { undo, id } = shown;
    setShown({ id, message: 'Restoring…', undo: null });
    let message: string;
    try {
      await undo();
      message = 'Restored.';
    } catch (error) {
      message = `Could not undo: ${error instanceof Error ? error.message : String(error)}`;
    }
    setShown((current) => (current?.id === id ? { id, message, undo: null } : current));
  }, [shown]);

  // A deleted row takes the focus with it; the toast's button is the natural next stop.
  useEffect(() => {
    if (!shown?.undo) return;
    if (document.activeElement === document.body || document.activeElement === null) undoRef.current?.focus();
  }, [shown?.id, shown?.undo]);

  // The offer lapses after its time, which stops while the member is on it (WCAG 2.2.1).
  useEffect(() => {
    if (!shown || isPaused) return;
    const timer = window.setTimeout(close, shown.undo ? milliseconds : Math.min(milliseconds, 4000));
    return () => window.clearTimeout(timer);
  }, [shown, isPaused, milliseconds, close]);

  // Ctrl+Z (Cmd+Z) undoes the deletion when the member is not typing: in a field it stays the field's own undo.
  useEffect(() => {
    if (!shown?.undo) return;
    function onKey(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      void runUndo();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown?.undo, runUndo]);

  return (
    <UndoContext.Provider value={offer}>
      {children}
      <div
        ref={regionRef}
        className={shown ? 'undo-toast is-shown' : 'undo-toast'}
        role="status"
        aria-live="polite"
        data-testid="undo-toast"
        onMouseEnter={() => setPaused(true)}
        onMouseLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setPaused(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
      >
        {shown ? (
          <>
            <span className="undo-toast-text">{shown.message}</span>
            {shown.undo ? (
              <button ref={undoRef} type="button" className="undo-toast-button" onClick={() => void runUndo()}>
                Undo
              </button>
            ) : null}
            <button type="button" className="secondary small" aria-label="Dismiss" onClick={close}>
              ×
            </button>
          </>
        ) : null}
      </div>
    </UndoContext.Provider>
  );
}
