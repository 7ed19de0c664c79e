import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examineFile } from '../../../electron/sync/examine';
import { childProcessParser, createParseHost, PARSE_LIMITS, typescriptWorkerParser } from '../../../electron/sync/parse-host';
import { createSyncService } from '../../../electron/sync/service';
import { makeValidPlan } from '../plan/fixtures';

// Files are parsed in a reader of their own, the same module Electron runs as a utilityProcess,
// here as a worker thread running its TypeScript source through tsx.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const spawn = typescriptWorkerParser(
  path.join(root, 'electron', 'sync', 'parse-worker.ts'),
  createRequire(import.meta.url).resolve('tsx/cjs/api'),
);

let folder: string;
let plan: string;
let bigPlan: string;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-parse-'));
  plan = path.join(folder, 'valid.plan.json');
  await fs.writeFile(plan, JSON.stringify(makeValidPlan()));
  // About 30 MB of plan: many long progress updates on one action.
  const big = makeValidPlan() as { actions: Array<{ updates: unknown[] }> };
  const update = { period: '2026-01', narrative: 'x'.repeat(90_000), deliveryRag: 'green', submittedAt: '2026-01-31T09:00:00Z' };
  if (big.actions[0]) big.actions[0].updates = Array.from({ length: 330 }, () => update);
  bigPlan = path.join(folder, 'big.plan.json');
  await fs.writeFile(bigPlan, JSON.stringify(big));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('the file reader', () => {
  it('gives the same answer as examining in main, with progress and main answering what it knows', async () => {
    const host = createParseHost(spawn);
    const phases: string[] = [];
    const asked: string[] = [];
    const inWorker = await host.examine(plan, {
      onProgress: (progress) => phases.push(progress.phase),
      isKnown: (sha) => {
        asked.push(sha);
        return false;
      },
    });
    const inMain = await examineFile(plan);
    expect(inWorker).toEqual(inMain);
    expect(asked).toHaveLength(1);
    expect(phases).toContain('done');
    const known = await host.examine(plan, { isKnown: async () => true });
    expect(known.status).toBe('known');
  }, 30_000);

  it('refuses a file that needs more memory than the reader may use, and main carries on', async () => {
    // A process of its own, as Electron's utilityProcess is: V8 may end a whole process that runs out.
    const forked = childProcessParser(path.join(root, 'electron', 'sync', 'parse-worker.ts'), ['--import', 'tsx']);
    const host = createParseHost(forked, { memoryMb: 48, timeMs: PARSE_LIMITS.timeMs });
    const result = await host.examine(bigPlan);
    expect(result).toMatchObject({
      status: 'unreadable',
      code: 'too-large',
      message: expect.stringContaining('needs more memory to read'),
    });
    // The next file reads normally.
    expect((await createParseHost(spawn).examine(plan)).status).toBe('examined');
  }, 60_000);

  it('stops a reader at its time limit', async () => {
    const host = createParseHost(spawn, { memoryMb: PARSE_LIMITS.memoryMb, timeMs: 50 });
    expect(await host.examine(bigPlan)).toMatchObject({
      status: 'unreadable',
      code: 'too-slow',
      message: expect.stringContaining('took longer than'),
    });
  }, 30_000);

  it('cancels a reader when a newer import from the same place starts', async () => {
    const host = createParseHost(spawn);
    const controller = new AbortController();
    const reading = host.examine(bigPlan, { signal: controller.signal });
    controller.abort();
    expect(await reading).toMatchObject({ status: 'unreadable', code: 'cancelled' });

    // Through the sync service: a second drop cancels the first one's file still being read.
    const service = createSyncService({
      sampleFolder: folder,
      mappings: { get: async () => undefined, remember: async () => undefined },
      emit: () => undefined,
      watchInbox: false,
      examine: host.examine,
    });
    const first = service.candidatesFor([bigPlan, plan], 'drop', []);
    const second = service.candidatesFor([plan], 'drop', []);
    const [older, newer] = await Promise.all([first, second]);
    expect(older).toEqual([]);
    expect(newer.map((candidate) => candidate.outcome.status)).toEqual(['valid']);
    await service.stop();
  }, 30_000);
});
