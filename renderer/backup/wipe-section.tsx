import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useServices } from '../app/context';
import { OutcomeRegion } from '../components/confirm-action';
import { useTask } from '../components/use-task';
import { backUpIfSetUp } from './auto-backup';
import { isWipeConfirmed, wipeConfirmation, wipeStore } from './wipe';

/** Settings → Wipe this laptop: everything in the store, after the member types the board's name. */
export function WipeSection() {
  const { db, api } = useServices();
  const expected = useLiveQuery(() => wipeConfirmation(db), [db]);
  const [typed, setTyped] = useState('');
  const { isBusy, message, error, run } = useTask();
  const inputId = useId();
  const isConfirmed = expected !== undefined && isWipeConfirmed(typed, expected);

  async function onWipe(event: FormEvent) {
    event.preventDefault();
    if (!isConfirmed) return;
    await run(async (say) => {
      say('Backing up before wiping…');
      const backup = await backUpIfSetUp(db, api, 'before-wipe');
      if (backup && !backup.ok) throw new Error(`Nothing was wiped: the backup before wiping failed. ${backup.error.message}`);
      say('Wiping…');
      await wipeStore(db);
      const forgotten = await api.call('backup:forget', undefined);
      if (!forgotten.ok) throw new Error(`The store was wiped, but the backup key could not be forgotten: ${forgotten.error.message}`);
      say('This laptop has been wiped. Oversight will now reload, empty.');
      window.setTimeout(() => window.location.reload(), 1500);
    });
  }

  return (
    <form aria-labelledby={`${inputId}-title`} onSubmit={(event) => void onWipe(event)}>
      <h2 id={`${inputId}-title`}>Wipe this laptop</h2>
      <p>
        For when you leave the board or hand this laptop on: removes every plan, note, meeting, record and paper from this laptop, and
        forgets the backup passphrase. A last backup is made first (if a passphrase is set); backups already in the backup folder are not
        deleted, so delete them yourself if they should go too.
      </p>
      <p>
        <label htmlFor={inputId}>
          To confirm, type <strong>{expected ?? '…'}</strong>
        </label>{' '}
        <input id={inputId} type="text" autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
      </p>
      <button type="submit" className="danger" disabled={!isConfirmed || isBusy}>
        Wipe this laptop
      </button>
      <OutcomeRegion message={message} error={error} testId="wipe-message" />
    </form>
  );
}
