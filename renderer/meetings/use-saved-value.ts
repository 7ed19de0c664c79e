import { useCallback, useRef, useState } from 'react';

/**
 * A control whose value lives in the store: shows the chair's choice at once and keeps showing
 * it while the saves catch up, so that quick keyboard changes (arrowing through a list) never
 * jump back to a value the store has not caught up from yet. Once the store shows the last value
 * saved, the store is the truth again; a refused save puts the stored value back.
 */
export function useSavedValue<T>(stored: T, save: (value: T) => Promise<boolean>): [T, (value: T) => void] {
  const [local, setLocal] = useState<{ value: T; isSettled: boolean } | null>(null);
  const latest = useRef(0);
  if (local?.isSettled && Object.is(stored, local.value)) setLocal(null);

  const change = useCallback(
    (value: T) => {
      latest.current += 1;
      const attempt = latest.current;
      setLocal({ value, isSettled: false });
      void save(value).then((isSaved) => {
        if (attempt !== latest.current) return;
        setLocal(isSaved ? { value, isSettled: true } : null);
      });
    },
    [save],
  );
  return [local ? local.value : stored, change];
}
