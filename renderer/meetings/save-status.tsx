import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatClock } from './labels';
import { isLockedError } from './meeting-repository';

// Every change the chair makes is saved at once; this tells them it was. One provider per
// screen tracks the saves in flight, the time of the last one, and the last refusal or failure.

type SaveState = { pending: number; lastSavedAt: Date | null; error: string | null };
type Track = (work: () => Promise<unknown>) => Promise<boolean>;

const SaveContext = createContext<{ state: SaveState; track: Track } | null>(null);

/** A failure in words: a schema's first complaint rather than its JSON dump. */
export function describeError(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'issues' in error && Array.isArray(error.issues)) {
    const [issue] = error.issues as Array<{ path?: unknown[]; message?: string }>;
    if (issue) return `${(issue.path ?? []).map(String).join(' ')} ${issue.message ?? 'is not valid'}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}

/** Tracks the saves made by the components inside it. */
export function SaveProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SaveState>({ pending: 0, lastSavedAt: null, error: null });
  const track = useCallback<Track>(async (work) => {
    setState((current) => ({ ...current, pending: current.pending + 1 }));
    try {
      await work();
      setState((current) => ({ pending: current.pending - 1, lastSavedAt: new Date(), error: null }));
      return true;
    } catch (error) {
      console.error('Meeting record not saved', error);
      const message = isLockedError(error) ? error.message : `Not saved: ${describeError(error)}`;
      setState((current) => ({ ...current, pending: current.pending - 1, error: message }));
      return false;
    }
  }, []);
  const value = useMemo(() => ({ state, track }), [state, track]);
  return <SaveContext.Provider value={value}>{children}</SaveContext.Provider>;
}

/** Runs a save and reports it to the screen's save status; resolves false (and shows why) when it failed. */
export function useSave(): Track {
  const context = useContext(SaveContext);
  if (!context) throw new Error('useSave must be used inside <SaveProvider>');
  return context.track;
}

/** "Saving…", "All changes saved at 14:32:05", or why the last change was not saved. */
export function SaveStatus() {
  const context = useContext(SaveContext);
  if (!context) return null;
  const { pending, lastSavedAt, error } = context.state;
  return (
    <div className="save-status">
      <p role="status" className="save-status-text" data-testid="save-status">
        {pending > 0
          ? 'Saving…'
          : lastSavedAt
            ? `All changes saved at ${formatClock(lastSavedAt)}`
            : 'Every change is saved as you make it'}
      </p>
      {error ? (
        <p role="alert" className="error-text save-status-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
