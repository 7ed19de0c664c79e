import { useEffect, useState } from 'react';
import { ThemeSetting } from '../app/theme-setting';
import type { AppInfo, Settings } from '../../shared/ipc/contract';
import { useLiveQuery } from 'dexie-react-hooks';
import { ProfileForm } from '../annotations/profile-form';
import { saveProfile } from '../annotations/profile-repository';
import { getRetention, setRetention } from '../annotations/retention';
import { useProfile } from '../annotations/use-annotations';
import { useServices } from '../app/context';
import { FormError } from '../components/form-error';
import { BoardSettings } from '../board/board-settings';
import { BackupsSection } from '../backup/backups-section';
import { WipeSection } from '../backup/wipe-section';
import { PapersRetentionSection } from '../removal/papers-retention-section';
import { SampleSection } from '../removal/sample-section';
import { ViewTitle } from '../components/view-title';

/** Settings kept by the main process: where the inbox folder is. */
export function SettingsView() {
  const { api, sync, db } = useServices();
  const profile = useProfile();
  const retention = useLiveQuery(() => getRetention(db), [db]);
  const [profileMessage, setProfileMessage] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void Promise.all([api.call('settings:get', undefined), api.call('app:get-info', undefined)]).then(([settingsReply, infoReply]) => {
      if (!isCurrent) return;
      if (settingsReply.ok) setSettings(settingsReply.value);
      else setError(settingsReply.error.message);
      if (infoReply.ok) setInfo(infoReply.value);
    });
    return () => {
      isCurrent = false;
    };
  }, [api]);

  async function change(channel: 'settings:choose-inbox-folder' | 'settings:reset-inbox-folder') {
    const reply = await api.call(channel, undefined);
    if (reply.ok) {
      const isNewFolder = reply.value.inboxFolder !== settings?.inboxFolder;
      setSettings(reply.value);
      setError(null);
      // Files already waiting in the new folder are imported now, not at the next start.
      if (isNewFolder) void sync.scanInbox();
    } else setError(reply.error.message);
  }

  return (
    <section aria-labelledby="view-title">
      <ViewTitle>Settings</ViewTitle>
      <h2>Inbox folder</h2>
      <p>
        Plan files, trackers, meeting packs and annotation files saved into this folder are imported automatically, while Oversight is open
        and when it starts.
      </p>
      <p className="folder-path" data-testid="inbox-folder">
        {settings?.inboxFolder ?? 'Loading…'}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void change('settings:choose-inbox-folder')}>
          Choose another folder…
        </button>
        <button type="button" className="secondary" onClick={() => void change('settings:reset-inbox-folder')}>
          Use the default folder
        </button>
      </div>
      <FormError message={error} />
      <h2>Board folder</h2>
      <BoardSettings />
      <h2>Appearance</h2>
      <ThemeSetting />
      <h2>Your profile</h2>
      {profile === undefined ? (
        <p>Loading…</p>
      ) : (
        <ProfileForm
          key={profile?.id ?? 'new'}
          profile={profile}
          submitLabel="Save profile"
          onSave={async (input) => {
            await saveProfile(db, input);
            setProfileMessage('Profile saved.');
          }}
        />
      )}
      <div aria-live="polite">{profileMessage ? <p>{profileMessage}</p> : null}</div>
      <h2>Private notes after a meeting</h2>
      <p>
        <input
          id="retention-setting"
          type="checkbox"
          checked={retention?.deletePrivateNotesAfterApproval ?? false}
          onChange={(event) => void setRetention(db, { deletePrivateNotesAfterApproval: event.target.checked })}
        />{' '}
        <label htmlFor="retention-setting">Offer to delete my private notes for a meeting once its minutes are approved</label>
      </p>
      <p className="muted">Some boards are advised to do this. Oversight always asks before deleting anything.</p>
      <PapersRetentionSection />
      <SampleSection />
      <BackupsSection />
      <WipeSection />
      <h2>About</h2>
      {info ? (
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="app-version">{info.version}</dd>
          <dt>Data folder</dt>
          <dd>{info.dataFolder}</dd>
          <dt>Language</dt>
          <dd>English (United Kingdom)</dd>
        </dl>
      ) : null}
    </section>
  );
}
