import type { Page } from 'playwright-core';

/**
 * Every object store of the app's IndexedDB database, read with the bare API, as one string.
 * First waits for the work the app starts on its own at start (the text of every paper read for
 * search, in the background): a "store unchanged" comparison must not see that arrive between
 * its two reads.
 */
export async function dumpStore(page: Page): Promise<string> {
  await papersTextSettled(page);
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

/** Resolves once every stored paper has its text record (read, or marked as failed). */
async function papersTextSettled(page: Page, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const waiting = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('oversight');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            if (!db.objectStoreNames.contains('papers') || !db.objectStoreNames.contains('paperTexts')) {
              db.close();
              resolve(0);
              return;
            }
            const transaction = db.transaction(['papers', 'paperTexts'], 'readonly');
            const papers = transaction.objectStore('papers').getAllKeys();
            const texts = transaction.objectStore('paperTexts').getAllKeys();
            transaction.oncomplete = () => {
              db.close();
              const read = new Set(texts.result.map(String));
              resolve(papers.result.filter((key) => !read.has(String(key))).length);
            };
            transaction.onerror = () => reject(transaction.error);
          };
        }),
    );
    if (waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`${waiting} papers still had no text after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
