import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { BOARD_ROLES, type BoardRole, type Profile } from '../../shared/annotations/types';
import type { ProfileInput } from './profile-repository';

export const ROLE_LABELS: Record<BoardRole, string> = {
  member: 'Board member',
  chair: 'Chair',
  'vice-chair': 'Vice-chair',
  clerk: 'Clerk',
  officer: 'Officer',
  adviser: 'Adviser',
};

/** Name, role on the board and organisation: who the member's notes and questions come from. */
export function ProfileForm({
  profile,
  onSave,
  submitLabel,
  children,
}: {
  profile: Profile | null;
  onSave: (input: ProfileInput) => void | Promise<void>;
  submitLabel: string;
  children?: ReactNode;
}) {
  const id = useId();
  const [displayName, setDisplayName] = useState(profile?.displayName ?? '');
  const [role, setRole] = useState<BoardRole>(profile?.role ?? 'member');
  const [organisation, setOrganisation] = useState(profile?.organisation ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (displayName.trim() === '') return;
    void onSave({ displayName, role, organisation });
  }

  return (
    <form onSubmit={submit} className="profile-form">
      <div className="form-grid">
        <label htmlFor={`${id}-name`}>Your name as the board knows you</label>
        <input
          id={`${id}-name`}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          required
          maxLength={200}
          autoComplete="name"
        />
        <label htmlFor={`${id}-role`}>Role on the board</label>
        <select id={`${id}-role`} value={role} onChange={(event) => setRole(event.target.value as BoardRole)}>
          {BOARD_ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-organisation`}>Organisation</label>
        <input
          id={`${id}-organisation`}
          value={organisation}
          onChange={(event) => setOrganisation(event.target.value)}
          maxLength={200}
          placeholder="e.g. Labour group, ICB, Parent Carer Forum"
          autoComplete="organization"
        />
      </div>
      <div className="button-row">
        <button type="submit">{submitLabel}</button>
        {children}
      </div>
    </form>
  );
}
