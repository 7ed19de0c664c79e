import type { OversightDatabase } from './database';

/** Reads one fact about this copy of the app. */
export async function getMeta<T>(db: OversightDatabase, key: string): Promise<T | undefined> {
  const record = await db.meta.get(key);
  return record?.value as T | undefined;
}

/** Records one fact about this copy of the app. */
export async function setMeta(db: OversightDatabase, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
