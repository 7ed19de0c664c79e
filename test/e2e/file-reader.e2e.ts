import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReaderResult } from '../../electron/sync/examine';
import { createParseHost, typescriptWorkerParser } from '../../electron/sync/parse-host';
import { ROOT, type AppHarness } from './harness';
import { useApp } from './use-app';

// As the app does: files examined in the file reader (parse-worker.ts, here a worker thread),
// a valid plan handed by main to the page as the bytes of its JSON, parsed in the page's import worker.

let app: AppHarness | undefined;

const e2e = useApp();

describe('the file reader in Chromium', () => {
  it('loads the bundled sample through the reader, its plans reaching the page as bytes main never parsed', async () => {
    const host = createParseHost(
      typescriptWorkerParser(path.join(ROOT, 'electron', 'sync', 'parse-worker.ts'), createRequire(import.meta.url).resolve('tsx/cjs/api')),
    );
    const results: ReaderResult[] = [];
    app = await e2e.start({
      examine: async (filePath, options) => {
        const result = await host.examine(filePath, options);
        results.push(result);
        return result;
      },
    });
    await app.open('#/imports');
    const rows = app.page.getByRole('table').getByRole('row');
    // Header and the two sample revisions, stored from the bytes.
    await expect.poll(() => rows.count(), { timeout: 90_000 }).toBe(3);
    const sentAsBytes = results.filter((result) => result.status === 'examined' && 'planJson' in result.outcome);
    expect(sentAsBytes).toHaveLength(2);
    expect(await app.page.getByRole('table').textContent()).toContain('Sample plan');
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  }, 120_000);
});
