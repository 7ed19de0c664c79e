import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../app/context';
import { todayIso } from '../plan-review/today';
import { getLastLooked, readStartData, setLastLooked, type StartData } from './start-data';

/**
 * The start page's data, live. "Since you last looked" is read once when the page opens (and
 * this visit recorded), so what the member is reading does not empty itself under them.
 */
export function useStartData(today: string = todayIso()): StartData | undefined {
  const { db } = useServices();
  const [lastLooked, setLooked] = useState<string | null | undefined>(undefined);
  // Once per page opening: React's strict mode runs effects twice, and the second would read this visit.
  const isStarted = useRef(false);
  useEffect(() => {
    if (isStarted.current) return;
    isStarted.current = true;
    void getLastLooked(db).then(async (value) => {
      setLooked(value);
      await setLastLooked(db);
    });
  }, [db]);
  return useLiveQuery(async () => (lastLooked === undefined ? undefined : readStartData(db, today, lastLooked)), [db, today, lastLooked]);
}
