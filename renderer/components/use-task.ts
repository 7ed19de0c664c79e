import { useCallback, useState } from 'react';

// A step that takes a while and must not run twice at once (a backup, a restore, a wipe): busy
// while it runs, what it is doing said as it goes, and a failure's reason kept for the alert.

/** Runs one step at a time, with its progress message and its refusal. */
export function useTask() {
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  /** Runs `work`, which says its progress through `say`; a throw clears the message and becomes the error. */
  const run = useCallback(async (work: (say: (message: string) => void) => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work(setMessage);
    } catch (caught) {
      setMessage(null);
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }, []);

  return { isBusy, setBusy, message, setMessage, error, setError, run };
}
