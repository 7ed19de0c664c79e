import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, reachableFrom, readImportGraph, type ImportGraph } from './import-graph';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const graph = readImportGraph(root, ['shared', 'electron', 'renderer']);

describe('the import graph helpers', () => {
  const toy: ImportGraph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['d2.ts']],
    ['d2.ts', []],
    ['e.ts', ['e.ts']],
  ]);

  it('finds a circle of three and ignores a chain', () => {
    expect(findCycles(toy)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('follows imports transitively', () => {
    expect([...reachableFrom(toy, ['d'])].sort()).toEqual(['d.ts', 'd2.ts']);
  });

  it('reads real imports, type-only ones included', () => {
    // examine.ts imports pack-read.ts for its work; that edge must be seen for the cycle test to mean anything.
    expect(graph.get('electron/sync/examine.ts')).toContain('electron/sync/pack-read.ts');
    expect(graph.get('shared/plan/locate.ts')).toContain('shared/plan/messages.ts');
  });
});

describe('the folders', () => {
  it('have no import cycles in shared/, electron/ or renderer/', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('hold in shared/ only modules that main or the renderer use', () => {
    // shared/ is for code both processes run; what only scripts or tests use belongs beside them.
    const used = reachableFrom(graph, ['electron/', 'renderer/']);
    const unused = [...graph.keys()].filter((file) => file.startsWith('shared/') && !used.has(file));
    expect(unused).toEqual([]);
  });
});
