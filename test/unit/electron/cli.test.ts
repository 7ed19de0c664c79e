import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured';
import { suggestMapping } from '../../../shared/tracker/mapping';
import { makeValidPlan } from '../plan/fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let folder: string;
let valid: string;
let invalid: string;
let tracker: string;

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-cli-'));
  valid = path.join(folder, 'valid.plan.json');
  await fs.writeFile(valid, JSON.stringify(makeValidPlan(), null, 2));
  const broken = makeValidPlan() as { actions: Array<Record<string, unknown>> };
  if (broken.actions[1]) broken.actions[1].areaId = 'AREA-9';
  invalid = path.join(folder, 'invalid.plan.json');
  await fs.writeFile(invalid, JSON.stringify(broken, null, 2));
  tracker = path.join(folder, 'tracker.csv');
  await fs.writeFile(
    tracker,
    'Ref,Action,Lead,Due date,RAG,Status\n1.1,Recruit EHC coordinators,Head of SEND,31/03/2027,Amber,In progress\n',
  );
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('oversight-cli validate', () => {
  it('exits 0 and prints the counts for a valid plan', async () => {
    const result = await runCaptured('validate', valid);
    expect(result.code).toBe(0);
    expect(result.out).toContain('valid.plan.json: valid (2 areas, 4 actions, 4 milestones, 2 measures');
  });

  it('exits 1 and prints each problem with its location for an invalid plan', async () => {
    const result = await runCaptured('validate', valid, invalid);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/✖ .*invalid\.plan\.json: 1 problem/);
    expect(result.out).toMatch(/error {3}\$\.actions\[1\]\.areaId \(line \d+, column \d+\) {2}.*AREA-9/);
  });

  it('prints one JSON array with the documented shape', async () => {
    const result = await runCaptured('validate', valid, invalid, '--json');
    const reports = JSON.parse(result.out) as Array<Record<string, unknown>>;
    expect(reports).toHaveLength(2);
    expect(reports[0]).toEqual({
      file: valid,
      valid: true,
      errors: [],
      warnings: [],
      counts: { areas: 2, actions: 4, milestones: 4, measures: 2, evidence: 3, risks: 2 },
    });
    expect(reports[1]).toMatchObject({
      file: invalid,
      valid: false,
      errors: [{ path: '$.actions[1].areaId', line: expect.any(Number), column: expect.any(Number) }],
    });
  });

  it('checks a tracker with the suggested columns and says so; uses a mapping file when given', async () => {
    const guessed = await runCaptured('validate', tracker, '--json');
    const [report] = JSON.parse(guessed.out) as Array<{
      valid: boolean;
      warnings: Array<{ message: string }>;
      counts: { actions: number };
    }>;
    expect(guessed.code).toBe(0);
    expect(report?.counts.actions).toBe(1);
    expect(report?.warnings[0]?.message).toMatch(/No --mapping was given/);

    const mappingFile = path.join(folder, 'columns.json');
    const mapping = { ...suggestMapping(['Ref', 'Action', 'Lead', 'Due date', 'RAG', 'Status'], 'tracker.csv'), localArea: 'Northmoor' };
    await fs.writeFile(mappingFile, JSON.stringify(mapping));
    const mapped = await runCaptured('validate', tracker, '--mapping', mappingFile, '--json');
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.out)[0].warnings.some((warning: { message: string }) => /No --mapping/.test(warning.message))).toBe(false);
  });

  it('exits 2 for usage errors, unreadable files and bad mapping files', async () => {
    expect((await runCaptured()).code).toBe(2);
    expect((await runCaptured('frobnicate')).code).toBe(2);
    expect((await runCaptured('validate')).code).toBe(2);
    expect((await runCaptured('validate', valid, '--colour')).code).toBe(2);
    expect((await runCaptured('validate', valid, '--mapping')).code).toBe(2);
    const missing = await runCaptured('validate', path.join(folder, 'missing.plan.json'));
    expect(missing.code).toBe(2);
    expect(missing.out).toMatch(/missing\.plan\.json/);
    const notMapping = path.join(folder, 'not-mapping.json');
    await fs.writeFile(notMapping, '{"hello":1}');
    const badMapping = await runCaptured('validate', tracker, '--mapping', notMapping);
    expect(badMapping.code).toBe(2);
    expect(badMapping.err).toMatch(/is not a tracker mapping/);
  });

  it('works as the installed bin (npx oversight-cli) with the same exit codes', async () => {
    const exec = promisify(execFile);
    const bin = path.join(root, 'scripts', 'oversight-cli.mjs');
    const ok = await exec(process.execPath, [bin, 'validate', valid]);
    expect(ok.stdout).toContain('valid.plan.json: valid');
    const failure = await exec(process.execPath, [bin, 'validate', invalid]).catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    // Two Node starts through tsx: over 30 s with both cores loaded (issue 12's race hunt).
  }, 120_000);
});
