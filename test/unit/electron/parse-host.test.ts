import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { examineFile } from '../../../electron/sync/examine';
import {
  childProcessParser,
  createParseHost,
  PARSE_LIMITS,
  typescriptWorkerParser,
  type SpawnParser,
} from '../../../electron/sync/parse-host';
import { toReaderResult, type ParseMessage, type ParseRequest } from '../../../electron/sync/parse-worker';
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
    // The same answer, except that the valid plan comes back as the bytes of its JSON.
    expect(inWorker).toEqual(toReaderResult(inMain));
    if (inWorker.status !== 'examined' || !('planJson' in inWorker.outcome) || !('summary' in inWorker)) throw new Error('not bytes');
    if (inMain.status !== 'examined' || inMain.outcome.status !== 'valid') throw new Error('not valid');
    expect(JSON.parse(new TextDecoder().decode(inWorker.outcome.planJson))).toEqual(inMain.outcome.plan);
    expect(inWorker.summary).toEqual({
      planId: inMain.outcome.plan.plan.id,
      revision: inMain.outcome.plan.export.revision,
      evidence: inMain.outcome.plan.evidence.map(({ id, file, sha256 }) => ({ id, file, sha256 })),
    });
    expect(asked).toHaveLength(1);
    expect(phases).toContain('done');
    const known = await host.examine(plan, { isKnown: async () => true });
    expect(known.status).toBe('known');
    // Two readers started through tsx: over 30 s with both cores loaded (issue 12's race hunt).
  }, 120_000);

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
    // The next file reads normally, its plan arriving as bytes over the process's channel too.
    expect((await createParseHost(spawn).examine(plan)).status).toBe('examined');
    const again = await createParseHost(forked).examine(plan);
    expect(again.status === 'examined' && 'planJson' in again.outcome && again.outcome.planJson).toBeInstanceOf(Uint8Array);
  }, 120_000);

  it('stops a reader at its time limit', async () => {
    const host = createParseHost(spawn, { memoryMb: PARSE_LIMITS.memoryMb, timeMs: 50 });
    expect(await host.examine(bigPlan)).toMatchObject({
      status: 'unreadable',
      code: 'too-slow',
      message: expect.stringContaining('took longer than'),
    });
  }, 120_000);

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
  }, 120_000);

  it('hands a valid plan to the renderer as the bytes it got, never parsing them in main', async () => {
    // 24 MB that is not JSON at all: had main decoded or parsed the body, it would throw or show
    // up in JSON.parse; had it re-encoded it, the candidate would hold other bytes.
    const body = new Uint8Array(24 * 2 ** 20).fill(0x7b);
    const summary = { planId: 'plan-1', revision: 3, evidence: [{ id: 'ev-1', file: 'evidence/a.pdf', sha256: 'c'.repeat(64) }] };
    const fakeReader: SpawnParser = () => {
      let listener: ((message: ParseMessage) => void) | undefined;
      return {
        post: (message: ParseRequest | { type: 'answer' }) => {
          if (message.type !== 'examine') return;
          const result: ParseMessage = {
            type: 'result',
            result: {
              status: 'examined',
              file: { name: 'large.plan.json', sha256: 'a'.repeat(64), size: body.length, modifiedAt: '2026-12-06T09:00:00.000Z' },
              outcome: {
                status: 'valid',
                planJson: body,
                contentHash: 'b'.repeat(64),
                warnings: [],
                counts: { areas: 1, actions: 1, milestones: 0, measures: 0, evidence: 1, risks: 0 },
              },
              summary,
            },
          };
          queueMicrotask(() => listener?.(result));
        },
        onMessage: (next) => {
          listener = next;
        },
        onExit: () => undefined,
        kill: () => undefined,
      };
    };
    const told: unknown[] = [];
    const service = createSyncService({
      sampleFolder: folder,
      mappings: { get: async () => undefined, remember: async () => undefined },
      emit: () => undefined,
      watchInbox: false,
      examine: createParseHost(fakeReader).examine,
      onValidPlan: async (...args) => {
        told.push(args);
      },
    });
    const parse = vi.spyOn(JSON, 'parse');
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    try {
      const [candidate] = await service.candidatesFor([path.join(folder, 'large.plan.json')], 'dialog', []);
      expect(candidate?.outcome.status).toBe('valid');
      expect(candidate && 'planJson' in candidate.outcome && candidate.outcome.planJson).toBe(body);
      expect(told).toEqual([[summary.planId, summary.revision, path.join(folder, 'large.plan.json'), summary.evidence]]);
      expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length > 1_000_000)).toEqual([]);
      expect(decode).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
      decode.mockRestore();
      await service.stop();
    }
  });
});
