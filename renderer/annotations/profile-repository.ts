import type { BoardRole, Profile } from '../../shared/annotations/types';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';

const PROFILE = 'profile';

/** The member using this laptop, or null before the first-run questions are answered. */
export async function getProfile(db: OversightDatabase): Promise<Profile | null> {
  return (await getMeta<Profile>(db, PROFILE)) ?? null;
}

export type ProfileInput = { displayName: string; role: BoardRole; organisation: string };

/**
 * Saves the member's profile. The first save makes the member's id and this laptop's device
 * id (UUIDs); later saves keep them, so annotations stay attributed to the same member.
 */
export async function saveProfile(
  db: OversightDatabase,
  input: ProfileInput,
  newId: () => string = () => crypto.randomUUID(),
): Promise<Profile> {
  return db.transaction('rw', db.meta, async () => {
    const current = await getProfile(db);
    const profile: Profile = {
      id: current?.id ?? newId(),
      deviceId: current?.deviceId ?? newId(),
      displayName: input.displayName.trim(),
      role: input.role,
      organisation: input.organisation.trim(),
    };
    await setMeta(db, PROFILE, profile);
    return profile;
  });
}
