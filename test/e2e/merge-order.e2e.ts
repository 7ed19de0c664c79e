import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnnotationsFile } from '../../shared/annotations/file';
import { makeAnnotationsFile } from '../unit/annotations/fixtures';
import type { AppHarness } from './harness';
import { useApp } from './use-app';

// One set of annotation files merged in two orders on two laptops, in Chromium: the same
// annotations table, and a member who renamed themselves between files shows once, under the
// later name (the repository used to keep the name of whichever file came last).

const e2e = useApp();

/** The same member's later file: renamed, one question edited, one new. */
function laterFile(earlier: AnnotationsFile): AnnotationsFile {
  const [question] = earlier.annotations;
  if (!question) throw new Error('fixture has no question');
  return {
    ...earlier,
    exportedAt: '2026-11-27T18:30:00Z',
    author: { ...earlier.author, displayName: 'Cllr Amina Khan' },
    annotations: [
      ...earlier.annotations,
      { ...question, text: `${question.text} (asked again)`, hlc: '001764000000000:000000:device-a' },
      {
        ...question,
        id: '5b0e6a4e-4d8a-4a1f-9d2b-1f0e8c1d2a09',
        text: 'Who signs off the recovery plan?',
        createdAt: '2026-11-10T09:00:00Z',
        hlc: '001764000000000:000001:device-a',
      },
    ].filter((entry, index, all) => all.findLastIndex((other) => other.id === entry.id) === index),
  };
}

async function annotationsTable(app: AppHarness): Promise<unknown[]> {
  return app.page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open('oversight');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('annotations').objectStore('annotations').getAll();
          all.onsuccess = () => {
            resolve(all.result);
            request.result.close();
          };
        };
      }),
  );
}

describe('annotation files merged in two orders', () => {
  it('give the same store, and a renamed member shows once under the later name', async () => {
    const earlier = makeAnnotationsFile();
    const later = laterFile(earlier);
    const tables: unknown[][] = [];
    for (const order of [
      [earlier, later],
      [later, earlier],
    ]) {
      const app = await e2e.start();
      await app.open('#/imports', { profile: { displayName: 'Cllr Ben Okafor' } });
      for (const [index, file] of order.entries()) {
        const copy = path.join(app.documentsFolder, `file-${index}.annotations.json`);
        await fs.writeFile(copy, JSON.stringify(file, null, 2));
        app.nextDialogFiles = [copy];
        await app.page.getByRole('button', { name: 'Import files…' }).click();
        await app.page
          .getByText(/shared annotations merged/)
          .nth(index)
          .waitFor();
      }
      await app.page.goto(`${app.origin}/index.html#/notes`);
      await app.page.getByRole('table', { name: /^Cllr Amina Khan \(2 notes, read-only\)/ }).waitFor();
      expect(await app.page.getByRole('table', { name: /^Cllr Amina Shah/ }).count()).toBe(0);
      tables.push(
        (await annotationsTable(app)).sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id))),
      );
      expect(app.consoleErrors).toEqual([]);
    }
    expect(tables[1]).toEqual(tables[0]);
  });
});
