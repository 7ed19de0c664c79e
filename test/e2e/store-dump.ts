import type { Page } from 'playwright-core';

/**
 * Every object store of the app's IndexedDB database, read with the bare API, as one string.
 * First waits for the work the app starts on its own at start (the text of every paper read for
 * search, in the background): a "store unchanged" comparison must not see that arrive between
 * its two reads.
 */
export async function dumpStore(page: Page): Promise<string> {
  await papersTextSettled(page);
  return readStores(page, null, 'records');
}

/** Resolves once every stored paper has its text record (read, or marked as failed). */
async function papersTextSettled(page: Page, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const keys = JSON.parse(await readStores(page, ['papers', 'paperTexts'], 'keys')) as Record<string, unknown[]>;
    const read = new Set((keys.paperTexts ?? []).map(String));
    // Before the papers tables exist (an older store), there is nothing to wait for.
    const waiting = keys.paperTexts ? (keys.papers ?? []).filter((key) => !read.has(String(key))).length : 0;
    if (waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`${waiting} papers still had no text after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The records (or keys) of the named object stores that exist, or of every store (`null`), read in
 * one read-only transaction with the bare IndexedDB API, as JSON by store name. The JSON is made
 * in the page, so a record reads the same whatever Playwright can carry across.
 */
function readStores(page: Page, names: string[] | null, what: 'records' | 'keys'): Promise<string> {
  return page.evaluate(
    ([wanted, reading]) =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const present = [...db.objectStoreNames];
          const chosen = (wanted ? wanted.filter((name) => present.includes(name)) : present).sort();
          const result: Record<string, unknown[]> = {};
          if (chosen.length === 0) {
            db.close();
            resolve(JSON.stringify(result));
            return;
          }
          const transaction = db.transaction(chosen, 'readonly');
          for (const name of chosen) {
            const store = transaction.objectStore(name);
            const all = reading === 'keys' ? store.getAllKeys() : store.getAll();
            all.onsuccess = () => {
              result[name] = all.result;
            };
          }
          transaction.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(result));
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    [names, what] as const,
  );
}
