import { useEffect, useId, useRef } from 'react';
import { useServices } from '../app/context';
import { ProfileForm } from './profile-form';
import { saveProfile } from './profile-repository';

/** First run: asks who the member is, in a modal dialog that keeps focus and closes with Escape ("Not now"). */
export function ProfileDialog({ onClose }: { onClose: () => void }) {
  const { db } = useServices();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else dialog.setAttribute('open', '');
  }, []);

  return (
    <dialog ref={dialogRef} className="profile-dialog" aria-labelledby={titleId} onCancel={onClose}>
      <h2 id={titleId}>Welcome to Oversight</h2>
      <p>
        Tell Oversight who you are, so that your notes and questions carry your name when you share them. You can change this in Settings.
      </p>
      <ProfileForm
        profile={null}
        submitLabel="Save and continue"
        onSave={async (input) => {
          await saveProfile(db, input);
          onClose();
        }}
      >
        <button type="button" className="secondary" onClick={onClose}>
          Not now
        </button>
      </ProfileForm>
    </dialog>
  );
}
