import { useEffect, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../annotations/use-annotations';
import { useServices } from '../app/context';
import { getMeta } from '../db/meta-repository';
import { boardController } from './board-controller';
import { openBoardId } from '../meetings/boards';

const EVERY_MS = 60_000;

/**
 * Keeps this laptop in step with the board folder: syncs when the app starts, when main reports a
 * change in the folder, when the window gains focus, when this member's annotations change, and
 * every minute; and tells the member what arrived.
 */
export function BoardRunner() {
  const { db, api, sync: imports } = useServices();
  const profile = useProfile();
  const controller = boardController(db, api, imports);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  // The clock of this laptop's annotations moves on every local edit (and past every merge): a
  // change of one key, so watching it costs nothing however many annotations there are.
  const clock = useLiveQuery(() => getMeta<string>(db, 'hlc'), [db]);
  // Switching board switches the folder: the newly opened board's is read at once.
  const openId = useLiveQuery(() => openBoardId(db), [db]);

  useEffect(() => {
    if (!profile) return undefined;
    const sync = () => void controller.sync(profile);
    sync();
    const unsubscribe = api.on('board:changed', sync);
    window.addEventListener('focus', sync);
    const timer = window.setInterval(sync, EVERY_MS);
    return () => {
      unsubscribe();
      window.removeEventListener('focus', sync);
      window.clearInterval(timer);
    };
  }, [api, controller, profile]);

  useEffect(() => {
    if (profile && (clock || openId)) void controller.sync(profile);
  }, [controller, profile, clock, openId]);

  const lines = state.notice;
  return (
    <div className="board-notice" role="status" aria-live="polite" data-testid="board-notice">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
