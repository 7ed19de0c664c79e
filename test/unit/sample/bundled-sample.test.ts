import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePlanText } from '../../../shared/plan/validate';
import { BUNDLED_SAMPLE_FOLDER, bundledSample, serialisePlan } from '../../../scripts/sample/bundled-sample';
import { record, records } from './plan-shape';

const repositoryFile = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the bundled sample plan', () => {
  const files = bundledSample();

  it.each(files.map((file) => [file.fileName, file] as const))(
    'has a committed %s identical to what the generator makes now (run `npx tsx scripts/make-sample.ts` after changing it)',
    (fileName, file) => {
      expect(repositoryFile(`${BUNDLED_SAMPLE_FOLDER}/${fileName}`)).toBe(serialisePlan(file.plan));
    },
  );

  it.each(files.map((file) => [file.fileName] as const))('%s loads in the app without errors or warnings', (fileName) => {
    const result = validatePlanText(repositoryFile(`${BUNDLED_SAMPLE_FOLDER}/${fileName}`));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('holds two exports of the same plan, so “what changed” has content on first run', () => {
    const [first, second] = files.map((file) => file.plan);
    if (!first || !second) throw new Error('expected two files');
    expect(record(first['plan'], 'plan')['id']).toBe(record(second['plan'], 'plan')['id']);
    expect(record(first['export'], 'export')['revision']).toBe(1);
    expect(record(second['export'], 'export')['revision']).toBe(2);
    const before = new Map(records(first['actions'], 'actions').map((a) => [String(a['id']), a]));
    const after = records(second['actions'], 'actions');
    const afterIds = new Set(after.map((a) => String(a['id'])));
    const added = after.filter((a) => !before.has(String(a['id'])));
    const dropped = [...before.keys()].filter((id) => !afterIds.has(id)).length + after.filter((a) => a['status'] === 'withdrawn').length;
    const moved = after.filter((a) => {
      const earlier = before.get(String(a['id']));
      return earlier && (earlier['deliveryRag'] !== a['deliveryRag'] || earlier['status'] !== a['status']);
    });
    expect(added).toHaveLength(1);
    expect(dropped).toBe(1);
    expect(moved.length).toBeGreaterThan(5);
  });

  it('says it is invented', () => {
    expect(repositoryFile(`${BUNDLED_SAMPLE_FOLDER}/README.md`)).toMatch(/invented/i);
  });
});
