import type { Page } from 'playwright-core';

/** Every object store of the app's IndexedDB database, read with the bare API, as one string. */
export function dumpStore(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames].sort();
          const transaction = db.transaction(names, 'readonly');
          const result: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = transaction.objectStore(name).getAll();
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
  );
}
