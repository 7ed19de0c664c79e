import type { OversightDatabase } from './database';
import { SCHEMA_VERSIONS } from './schema';

// Dexie 4 opens a database that a newer build has upgraded (it only warns) and lets this build
// write into it. A build that does not know the newer schema would then write records the newer
// build's derived data does not account for (a plan revision with no summary, say). So the
// store is checked before anything else touches it, and an older build refuses it in words.

export type StoreCheck = { ok: true } | { ok: false; message: string };

/** Dexie stores its version times ten in IndexedDB's version number. */
const DEXIE_FACTOR = 10;

/** Opens the store and refuses it, with the reason in words, if a newer build has upgraded it. */
export async function checkStore(db: OversightDatabase): Promise<StoreCheck> {
  const known = Math.max(...SCHEMA_VERSIONS.map((schema) => schema.version));
  try {
    await db.open();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Oversight could not open its store on this computer: ${detail}` };
  }
  const installed = db.backendDB().version / DEXIE_FACTOR;
  if (installed > known) {
    db.close();
    return {
      ok: false,
      message:
        `This copy of Oversight is older than the one that last opened your data (store version ${installed}; ` +
        `this copy knows up to ${known}). To keep your data safe it has not been opened or changed: ` +
        'install the latest version of Oversight and open it again.',
    };
  }
  return { ok: true };
}
