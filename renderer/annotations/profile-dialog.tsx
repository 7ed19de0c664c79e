import { useServices } from '../app/context';
import { Dialog } from '../components/dialog';
import { ProfileForm } from './profile-form';
import { saveProfile } from './profile-repository';

/** First run: asks who the member is, in a modal dialog that keeps focus and closes with Escape ("Not now"). */
export function ProfileDialog({ onClose }: { onClose: () => void }) {
  const { db } = useServices();

  return (
    <Dialog className="profile-dialog" title="Welcome to Oversight" onCancel={onClose}>
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
    </Dialog>
  );
}
