import { useEffect, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../annotations/use-annotations';
import { useServices } from '../app/context';
import { boardController } from './board-controller';

const EVERY_MS = 60_000;

/**
 * Keeps this laptop in step with the board folder: syncs when the app starts, when main reports a
 * change in the folder, when the window gains focus, when this member's annotations change, and
 * every minute; and tells the member what arrived.
 */
export function BoardRunner() {
  const { db, api } = useServices();
  const profile = useProfile();
  const controller = boardController(db, api);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  // Changes to this member's annotations on this laptop: their newest clock stamp.
  const newestOwn = useLiveQuery(
    async () =>
      profile
        ? (await db.annotations.filter((record) => record.deviceId === profile.deviceId).toArray()).reduce(
            (max, record) => (record.hlc > max ? record.hlc : max),
            '',
          )
        : '',
    [db, profile],
  );

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
    if (profile && newestOwn) void controller.sync(profile);
  }, [controller, profile, newestOwn]);

  const lines = state.notice;
  return (
    <div className="board-notice" role="status" aria-live="polite" data-testid="board-notice">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
