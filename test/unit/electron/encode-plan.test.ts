import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePlan, examineFile, planContentHash, takePlanJson } from '../../../electron/sync/examine';
import { toReaderResult } from '../../../electron/sync/parse-worker';
import type { PlanFile } from '../../../shared/plan/schema';
import { makeValidPlan } from '../plan/fixtures';

// The file reader serialises a valid plan once, for its content hash and the bytes it sends:
// both must be exactly what their definitions say, field for field.

/** The content hash as defined: SHA-256 of the plan's JSON with `export.exportedAt` left out. */
function definedHash(plan: PlanFile): string {
  const { exportedAt: _exportedAt, ...exportWithoutTime } = plan.export;
  return createHash('sha256')
    .update(JSON.stringify({ ...plan, export: exportWithoutTime }))
    .digest('hex');
}

function samplePlan(): PlanFile {
  const plan = makeValidPlan() as PlanFile;
  // Text beyond ASCII, as plans hold: the bytes are UTF-8, the hash of the UTF-8 too.
  plan.plan.title = 'Northmoor’s SEND plan – café “quotes” 😀';
  return plan;
}

describe('encodePlan', () => {
  it('gives the bytes of JSON.stringify(plan) and the hash its definition gives', () => {
    const plan = samplePlan();
    const { json, contentHash } = encodePlan(plan);
    expect(new TextDecoder().decode(json)).toBe(JSON.stringify(plan));
    expect(contentHash).toBe(definedHash(plan));
    expect(planContentHash(plan)).toBe(contentHash);
  });

  it('leaves out when the plan was exported, and nothing else', () => {
    const plan = samplePlan();
    const { contentHash } = encodePlan(plan);
    expect(encodePlan({ ...plan, export: { ...plan.export, exportedAt: '2027-01-01T00:00:00Z' } }).contentHash).toBe(contentHash);
    // Every other field counts: one in `export`, the first top-level one and the last.
    expect(encodePlan({ ...plan, export: { ...plan.export, revision: plan.export.revision + 1 } }).contentHash).not.toBe(contentHash);
    expect(encodePlan({ ...plan, format: `${plan.format} ` } as unknown as PlanFile).contentHash).not.toBe(contentHash);
    const keys = Object.keys(plan);
    const last = keys[keys.length - 1] as keyof PlanFile;
    const changed = { ...plan, [last]: [] } as PlanFile;
    expect(JSON.stringify(changed[last])).not.toBe(JSON.stringify(plan[last]));
    expect(encodePlan(changed).contentHash).not.toBe(contentHash);
    expect(encodePlan(changed).contentHash).toBe(definedHash(changed));
  });

  it('leaves out what JSON.stringify leaves out, in its order', () => {
    const plan = { extra: undefined, ...samplePlan(), later: undefined } as unknown as PlanFile;
    const { json, contentHash } = encodePlan(plan);
    expect(new TextDecoder().decode(json)).toBe(JSON.stringify(plan));
    expect(contentHash).toBe(definedHash(plan));
    const empty = {} as PlanFile;
    expect(new TextDecoder().decode(encodePlan({ ...empty, export: {} } as PlanFile).json)).toBe('{"export":{}}');
  });
});

describe('the bytes the file reader sends', () => {
  it('are those examineFile encoded, and the same when taken again', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-encode-'));
    try {
      const file = path.join(folder, 'north.plan.json');
      // Written with other formatting: the bytes sent are the plan's JSON, not the file's.
      await fs.writeFile(file, JSON.stringify(samplePlan(), null, 2));
      const examined = await examineFile(file);
      if (examined.status !== 'examined' || examined.outcome.status !== 'valid') throw new Error('the sample plan did not validate');
      const { plan, contentHash } = examined.outcome;
      expect(contentHash).toBe(definedHash(plan));
      const sent = toReaderResult(examined);
      if (sent.status !== 'examined' || !('planJson' in sent.outcome)) throw new Error('no bytes were sent');
      expect(new TextDecoder().decode(sent.outcome.planJson)).toBe(JSON.stringify(plan));
      // Taken once: a second reader result encodes them anew, the same.
      expect(new TextDecoder().decode(takePlanJson(plan))).toBe(JSON.stringify(plan));
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });

  it('are encoded for a plan examineFile never saw', () => {
    const plan = samplePlan();
    expect(new TextDecoder().decode(takePlanJson(plan))).toBe(JSON.stringify(plan));
  });
});
