import { afterEach } from 'vitest';
import { OversightDatabase } from '../../renderer/db/database';

/**
 * Sets up a test file's stores (fake-indexeddb, which the file imports first): the function it
 * returns makes the store of that name, closed and deleted after each test, so no test sees
 * another's records.
 */
export function useStores(): (name: string) => OversightDatabase {
  const made: OversightDatabase[] = [];
  afterEach(async () => {
    for (const db of made.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return (name) => {
    const db = new OversightDatabase(name);
    made.push(db);
    return db;
  };
}
