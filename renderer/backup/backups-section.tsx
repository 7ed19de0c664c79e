import { useEffect, useState, type FormEvent } from 'react';
import type { BackupHolds } from '../../shared/backup/format';
import type { BackupStatus, OpenedBackupSummary } from '../../shared/ipc/contract';
import { useServices } from '../app/context';
import { OutcomeRegion } from '../components/confirm-action';
import { useTask } from '../components/use-task';
import { formatBytes, formatDateTime, formatNumber } from '../format';
import { backUpIfSetUp } from './auto-backup';
import { backUpStore, countStore, restoreStore, whyCannotRestore } from './backup-store';

// Settings → Backups: the passphrase, the folder, "Back up now", the backups made, and restore
// (what a backup holds beside what this laptop holds, then one replacement of the whole store).

const REASONS: Record<string, string> = {
  manual: 'Backed up by hand',
  daily: 'Daily',
  'before-import': 'Before an import',
  'before-approval': 'Before approving minutes',
  'before-restore': 'Before a restore',
  'before-wipe': 'Before wiping this laptop',
};

/** What a member recognises, table by table. */
const HOLDINGS: Array<{ table: string; label: string }> = [
  { table: 'plans', label: 'Plans' },
  { table: 'entities', label: 'Plan records (areas, actions, measures and more)' },
  { table: 'annotations', label: 'Notes, questions and concerns' },
  { table: 'board', label: 'Boards' },
  { table: 'meetings', label: 'Meetings' },
  { table: 'meetingRecords', label: 'Meeting records (attendance, decisions and more)' },
  { table: 'packs', label: 'Meeting packs' },
  { table: 'papers', label: 'Board papers' },
];

export function BackupsSection() {
  const { api, db } = useServices();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const { isBusy, setBusy, message, setMessage, error, setError, run } = useTask();
  const [passphrase, setPassphrase] = useState('');
  const [repeated, setRepeated] = useState('');
  const [opened, setOpened] = useState<OpenedBackupSummary | null>(null);
  const [here, setHere] = useState<BackupHolds | null>(null);
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const [restoreProgress, setRestoreProgress] = useState<{ done: number; total: number } | null>(null);

  async function refresh() {
    const reply = await api.call('backup:status', undefined);
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error.message);
  }

  useEffect(() => {
    let isCurrent = true;
    void api.call('backup:status', undefined).then((reply) => {
      if (!isCurrent) return;
      if (reply.ok) setStatus(reply.value);
      else setError(reply.error.message);
    });
    return () => {
      isCurrent = false;
    };
    // setError is a state setter (stable); listed only because the linter cannot see through useTask.
  }, [api, setError]);

  async function onSetPassphrase(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (passphrase.length < 10) return setError('Use a passphrase of at least 10 characters: several words are easiest to remember.');
    if (passphrase !== repeated) return setError('The two passphrases differ. Type the same passphrase twice.');
    setBusy(true);
    const reply = await api.call('backup:set-passphrase', { passphrase });
    setBusy(false);
    if (!reply.ok) return setError(reply.error.message);
    setStatus(reply.value);
    setPassphrase('');
    setRepeated('');
    setError(null);
    setMessage('Passphrase set. Oversight will now back up every day and before each import, approval, restore or wipe.');
  }

  async function onFolder(channel: 'backup:choose-folder' | 'backup:reset-folder') {
    const reply = await api.call(channel, undefined);
    if (reply.ok) setStatus(reply.value);
    else setError(reply.error.message);
  }

  async function onBackUpNow() {
    setBusy(true);
    setError(null);
    setMessage('Backing up…');
    const reply = await backUpIfSetUp(db, api, 'manual');
    setBusy(false);
    if (reply === null) setError('Set a backup passphrase first.');
    else if (reply.ok) setMessage(`Backed up to ${reply.value.fileName}.`);
    else {
      setMessage(null);
      setError(reply.error.message);
    }
    await refresh();
  }

  async function onOpen(fileName?: string) {
    setError(null);
    setMessage(null);
    const reply = await api.call('backup:open', fileName ? { fileName } : {});
    if (!reply.ok) return setError(reply.error.message);
    if (!reply.value) return;
    setOpened(reply.value);
    setHere(await countStore(db));
  }

  async function onRestore(event: FormEvent) {
    event.preventDefault();
    if (!opened) return;
    await run(async (say) => {
      const unlocked = await api.call('backup:unlock', { token: opened.token, passphrase: restorePassphrase });
      if (!unlocked.ok) throw new Error(unlocked.error.message);
      const holdsSomething = here !== null && Object.values(here.tables).some((count) => count > 0);
      if (holdsSomething) {
        // What this laptop holds now is backed up first, so a restore can itself be undone.
        say('Backing up what this laptop holds first…');
        const before = await backUpStore(db, api, 'before-restore');
        if (!before.ok) throw new Error(`Nothing was restored: the backup of this laptop failed first. ${before.error.message}`);
      }
      say('Restoring…');
      await restoreStore(db, api, opened.token, opened.header, {
        fileName: opened.fileName,
        onProgress: (done, total) => setRestoreProgress({ done, total }),
      });
      setOpened(null);
      setRestorePassphrase('');
      say(`Restored the backup made ${formatDateTime(opened.header.createdAt)}. Oversight will now reload.`);
      // Views and the in-memory search index were built from the old store.
      window.setTimeout(() => window.location.reload(), 1500);
    });
    setRestoreProgress(null);
    await refresh();
  }

  const refusal = opened ? whyCannotRestore(db, opened.header) : null;

  return (
    <section aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p>
        Oversight backs up everything on this laptop (plans, notes, meetings and their records, board papers) into one encrypted file: every
        day, and before each import, approval, restore or wipe. It keeps the last 7 daily and 4 weekly backups.
      </p>
      {status === null ? (
        <p>Loading…</p>
      ) : (
        <>
          <form onSubmit={(event) => void onSetPassphrase(event)} aria-labelledby="passphrase-title">
            <h3 id="passphrase-title">{status.hasPassphrase ? 'Change the backup passphrase' : 'Set a backup passphrase'}</h3>
            <p data-testid="passphrase-state">
              {status.hasPassphrase ? 'A backup passphrase is set.' : 'No backup passphrase is set yet, so nothing is being backed up.'}
            </p>
            <p className="muted">
              Backups are encrypted with this passphrase, so a backup restores on a new laptop and is useless to anyone who finds it.
              Oversight keeps no copy of the passphrase: if you forget it, nobody (not you, not the council’s IT) can open your backups.
              Write it down and keep it somewhere safe. A new passphrase applies to new backups; older ones still open with the passphrase
              they were made with.
            </p>
            <PassphraseField id="backup-passphrase" label="Passphrase" isNew value={passphrase} onChange={setPassphrase} />
            <PassphraseField id="backup-passphrase-again" label="The same passphrase again" isNew value={repeated} onChange={setRepeated} />
            <button type="submit" disabled={isBusy}>
              {status.hasPassphrase ? 'Change passphrase' : 'Set passphrase'}
            </button>
          </form>
          <h3>Backup folder</h3>
          <p className="folder-path" data-testid="backup-folder">
            {status.folder}
          </p>
          <p className="muted">Choose a folder your council’s documents are synced from, so backups leave the laptop with them.</p>
          <div className="button-row">
            <button type="button" onClick={() => void onFolder('backup:choose-folder')}>
              Choose another backup folder…
            </button>
            {status.isDefaultFolder ? null : (
              <button type="button" className="secondary" onClick={() => void onFolder('backup:reset-folder')}>
                Use the app’s data folder
              </button>
            )}
          </div>
          <div className="button-row">
            <button type="button" onClick={() => void onBackUpNow()} disabled={isBusy || !status.hasPassphrase}>
              Back up now
            </button>
            <button type="button" className="secondary" onClick={() => void onOpen()} disabled={isBusy}>
              Restore from a backup file…
            </button>
          </div>
          {status.backups.length > 0 ? (
            <table className="data-table">
              <caption>Backups in the folder</caption>
              <thead>
                <tr>
                  <th scope="col">Made</th>
                  <th scope="col">Why</th>
                  <th scope="col">Size</th>
                  <th scope="col">
                    <span className="visually-hidden">Restore</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {status.backups.map((backup) => (
                  <tr key={backup.fileName}>
                    <td>{formatDateTime(backup.createdAt)}</td>
                    <td>{REASONS[backup.reason] ?? backup.reason}</td>
                    <td>{formatBytes(backup.size)}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Restore the backup made ${formatDateTime(backup.createdAt)}`}
                        onClick={() => void onOpen(backup.fileName)}
                        disabled={isBusy}
                      >
                        Restore…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>No backups in this folder yet.</p>
          )}
        </>
      )}
      {opened ? (
        <form onSubmit={(event) => void onRestore(event)} aria-labelledby="restore-title" className="restore-panel">
          <h3 id="restore-title">Restore {opened.fileName}</h3>
          <table className="data-table">
            <caption>What the backup holds beside what this laptop holds</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Backup of {formatDateTime(opened.header.createdAt)}</th>
                <th scope="col">This laptop now</th>
              </tr>
            </thead>
            <tbody>
              {HOLDINGS.map(({ table, label }) => (
                <tr key={table}>
                  <th scope="row">{label}</th>
                  <td>{formatNumber(opened.header.holds.tables[table] ?? 0)}</td>
                  <td>{formatNumber(here?.tables[table] ?? 0)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Size of the papers</th>
                <td>{formatBytes(opened.header.holds.paperBytes)}</td>
                <td>{formatBytes(here?.paperBytes ?? 0)}</td>
              </tr>
            </tbody>
          </table>
          {refusal ? (
            <p role="alert" className="error-text">
              {refusal}
            </p>
          ) : (
            <>
              <p>
                Restoring replaces everything on this laptop with the backup: nothing is merged. What this laptop holds now is backed up
                first.
              </p>
              <PassphraseField
                id="restore-passphrase"
                label="The backup’s passphrase"
                value={restorePassphrase}
                onChange={setRestorePassphrase}
              />
              <button type="submit" disabled={isBusy || restorePassphrase.length === 0}>
                Replace this laptop’s data with this backup
              </button>
            </>
          )}
          <div className="button-row">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                void api.call('backup:close', { token: opened.token });
                setOpened(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <OutcomeRegion message={message} error={error} testId="backup-message" errorTestId="backup-error" />
      {restoreProgress ? (
        <p>
          <label htmlFor="restore-progress">Restored so far</label>{' '}
          <progress id="restore-progress" max={restoreProgress.total} value={restoreProgress.done}>
            {formatNumber(restoreProgress.done)} of {formatNumber(restoreProgress.total)} parts
          </progress>
        </p>
      ) : null}
    </section>
  );
}

/** A passphrase's field, labelled; `isNew` for one being chosen (the password manager offers to make one). */
function PassphraseField({
  id,
  label,
  isNew = false,
  value,
  onChange,
}: {
  id: string;
  label: string;
  isNew?: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <p>
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        type="password"
        autoComplete={isNew ? 'new-password' : 'current-password'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </p>
  );
}
