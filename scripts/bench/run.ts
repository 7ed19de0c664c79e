// `npm run bench [-- --json FILE]`: Oversight's speed, measured in real Chromium against the raw
// limit in the same run (a bare IndexedDB write of the same records), plus Node-side figures.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { examineFile } from '../../electron/sync/examine';
import { toReaderResult } from '../../electron/sync/parse-worker';
import type { ImportCandidate } from '../../shared/ipc/contract';
import { generatePlan } from '../sample/generate-plan';
import { validatePlanText } from '../../shared/plan/validate';
import { benchBoardReport } from './report';
import { measureValidatorThroughput } from '../bench-validator';
import { ensureChromium } from '../chromium.mjs';
import { benchAnnotations } from './annotations';
import { benchBoardFolder } from './board-folder';
import { benchEventLoop } from './event-loop';
import { benchBackup } from './backup';
import { benchPapers } from './papers';
import { benchPackMaking } from './pack-make';
import { benchExports } from './exports';
import { benchImportLongTask } from './import-longtask';
import { benchPlanReview } from './plan-review';
import { benchScale } from './scale';
import { freshPage, serve } from './bench-page';
import { machineLoad, measured, meetsGoal, ratioOf, spreadText, spreadWarning, type Figure } from './stats';

export type { Figure } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDist = path.join(root, 'dist', 'bench');
/** Entities to a record in the reference write of the entities in chunks. */
const ENTITIES_PER_CHUNK = 50;

type BenchWindow = {
  oversightBench: {
    importCandidate(
      candidate: ImportCandidate,
      dbName: string,
    ): Promise<{ cloneMs: number; storeMs: number; writes: number; outcome: { status: string } }>;
    importInWorker(candidate: ImportCandidate, dbName: string): Promise<{ copyMs: number; storeMs: number; outcome: { status: string } }>;
    bareWrite(candidate: ImportCandidate, dbName: string, entitiesPerRecord?: number): Promise<{ ms: number; records: number }>;
    bareReadAll(dbName: string): Promise<{ ms: number; count: number }>;
    heapBytes(): number | null;
  };
};

async function candidateFromFile(file: string, known?: string): Promise<{ candidate?: ImportCandidate; ms: number; skipped: boolean }> {
  const started = performance.now();
  const result = await examineFile(file, known ? { isKnown: (sha) => sha === known } : {});
  // Then what main's file reader does before sending: a valid plan's bytes to move to the
  // renderer. The page encodes its own copy of them, untimed (importInWorker).
  toReaderResult(result);
  const ms = performance.now() - started;
  if (result.status === 'known') return { ms, skipped: true };
  if (result.status !== 'examined' || result.outcome.status !== 'valid')
    throw new Error(`bench plan did not validate: ${JSON.stringify(result).slice(0, 500)}`);
  const candidate: ImportCandidate = {
    token: 'bench',
    fileName: path.basename(file),
    source: 'dialog',
    ...result.file,
    outcome: result.outcome,
  };
  return { candidate, ms, skipped: false };
}

function formatValue(figure: Figure): string {
  return `${figure.value.toLocaleString('en-GB', { maximumFractionDigits: figure.value < 10 ? 2 : 0 })} ${figure.unit}`;
}

/** Which sections to run: `BENCH_ONLY=import,plan-review` runs those alone (all when unset). */
function sectionsWanted(): (section: string) => boolean {
  const only = process.env.BENCH_ONLY?.split(',').map((section) => section.trim());
  return (section) => !only || only.includes(section);
}

async function main() {
  const jsonIndex = process.argv.indexOf('--json');
  const jsonFile = jsonIndex >= 0 ? process.argv[jsonIndex + 1] : undefined;
  const actions = Number(process.env.BENCH_ACTIONS ?? 10_000);
  // At least three rounds: a median of two is only their mean, and says nothing of the spread.
  const rounds = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
  const wanted = sectionsWanted();
  const loadAtStart = machineLoad();
  console.log(`Machine at start: ${loadAtStart}`);
  const chromiumFound = ensureChromium();
  if (!chromiumFound.ok) throw new Error(chromiumFound.message);
  const figures: Figure[] = [];
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-bench-'));
  let scaleTable = '';

  console.log(`Generating a plan of ${actions.toLocaleString('en-GB')} actions…`);
  const planObject = generatePlan({ actions, seed: 2026 });
  const text = JSON.stringify(planObject);
  const planFile = path.join(work, 'bench.plan.json');
  await fs.writeFile(planFile, text);
  const megabytes = Buffer.byteLength(text) / 2 ** 20;

  // Node: the validator against JSON.parse alone on the same text, alternating, one of each per round.
  if (wanted('validator')) {
    const parseRuns: number[] = [];
    const validatorRuns: number[] = [];
    // Warm-up (three validations, as measureValidatorThroughput does), then one of each per round.
    measureValidatorThroughput(text, 1);
    JSON.parse(text);
    for (let round = 0; round < Math.max(5, rounds); round += 1) {
      let started = performance.now();
      JSON.parse(text);
      parseRuns.push(megabytes / ((performance.now() - started) / 1000));
      started = performance.now();
      if (!validatePlanText(text).ok) throw new Error('bench plan did not validate');
      validatorRuns.push(megabytes / ((performance.now() - started) / 1000));
    }
    figures.push(
      measured('validator throughput (Node)', 'MB/s', validatorRuns, {
        baseline: { name: 'JSON.parse alone, same text', runs: parseRuns },
        goal: { ratioAtLeast: 0.5 },
      }),
    );
  }

  // Node: reading, hashing, validating and encoding the file as main's reader does before handing it over.
  const examined = await candidateFromFile(planFile);
  const candidate = examined.candidate;
  if (!candidate) throw new Error('no candidate');
  figures.push({ name: `main: read + hash + validate + encode ${megabytes.toFixed(1)} MB`, value: examined.ms, unit: 'ms' });

  await build({ configFile: path.join(root, 'scripts/bench/vite.bench.config.ts'), logLevel: 'warn' });
  const { server, origin } = await serve(benchDist);
  try {
    if (wanted('import')) {
      // The revision changing 1% of actions (their delivery RAG), written once, imported each round.
      const revised = structuredClone(planObject) as { export: { revision: number }; actions: Array<Record<string, unknown>> };
      revised.export.revision += 1;
      const step = Math.max(1, Math.round(revised.actions.length / (revised.actions.length * 0.01)));
      let changed = 0;
      for (let index = 0; index < revised.actions.length; index += step) {
        const action = revised.actions[index];
        if (!action) continue;
        action.deliveryRag = action.deliveryRag === 'red' ? 'amber' : 'red';
        changed += 1;
      }
      const revisedFile = path.join(work, 'bench-r2.plan.json');
      await fs.writeFile(revisedFile, JSON.stringify(revised));
      // A second revision after it, renaming the same 1% of actions: their search documents change,
      // so the plan's search shards they fall in are read and written again (the ratings above
      // change no indexed text).
      const renamed = structuredClone(revised);
      renamed.export.revision += 1;
      for (let index = 0; index < renamed.actions.length; index += step) {
        const action = renamed.actions[index];
        if (action) action.title = `${String(action.title)} (renamed)`;
      }
      const renamedFile = path.join(work, 'bench-r3.plan.json');
      await fs.writeFile(renamedFile, JSON.stringify(renamed));

      // Baseline and ours, each in a fresh profile, alternating, `rounds` times; medians count.
      const bare: number[] = [];
      const ours: number[] = [];
      const store: number[] = [];
      const inWindow: number[] = [];
      const again: number[] = [];
      const revision: number[] = [];
      const renaming: number[] = [];
      const readAll: number[] = [];
      const inChunks: number[] = [];
      let chunkRecords = 0;
      let records = 0;
      let entityCount = 0;
      let firstWrites = 0;
      let againWrites = 0;
      let revisionWrites = 0;
      let heap: number | null = null;
      for (let round = 0; round < rounds; round += 1) {
        console.log(`Import, round ${round + 1} of ${rounds}…`);
        const baseline = await freshPage(chromiumFound.path, origin);
        const bareRun = await baseline.page.evaluate(([c]) => (window as unknown as BenchWindow).oversightBench.bareWrite(c, 'bare'), [
          candidate,
        ] as const);
        bare.push(bareRun.ms);
        records = bareRun.records;
        const read = await baseline.page.evaluate(() => (window as unknown as BenchWindow).oversightBench.bareReadAll('bare'));
        readAll.push(read.ms);
        entityCount = read.count;
        const chunked = await baseline.page.evaluate(
          ([c, n]) => (window as unknown as BenchWindow).oversightBench.bareWrite(c, 'bare-chunks', n),
          [candidate, ENTITIES_PER_CHUNK] as const,
        );
        inChunks.push(chunked.ms);
        chunkRecords = chunked.records;
        await baseline.close();

        const app = await freshPage(chromiumFound.path, origin);
        // The app's path first, in the fresh profile: the bytes moved to the import worker.
        const first = await app.page.evaluate(
          ([c]) => (window as unknown as BenchWindow).oversightBench.importInWorker(c, 'oversight-worker'),
          [candidate] as const,
        );
        if (first.outcome.status !== 'imported') throw new Error(`import outcome ${first.outcome.status}`);
        ours.push(examined.ms + first.copyMs + first.storeMs);
        store.push(first.storeMs);
        const revisedCandidate = await candidateFromFile(revisedFile);
        if (!revisedCandidate.candidate) throw new Error('revised plan was not examined');
        const updated = await app.page.evaluate(
          ([c]) => (window as unknown as BenchWindow).oversightBench.importInWorker(c, 'oversight-worker'),
          [revisedCandidate.candidate] as const,
        );
        if (updated.outcome.status !== 'imported') throw new Error(`revision outcome ${updated.outcome.status}`);
        revision.push(revisedCandidate.ms + updated.copyMs + updated.storeMs);
        const renamedCandidate = await candidateFromFile(renamedFile);
        if (!renamedCandidate.candidate) throw new Error('renamed plan was not examined');
        const renamedRun = await app.page.evaluate(
          ([c]) => (window as unknown as BenchWindow).oversightBench.importInWorker(c, 'oversight-worker'),
          [renamedCandidate.candidate] as const,
        );
        if (renamedRun.outcome.status !== 'imported') throw new Error(`renamed revision outcome ${renamedRun.outcome.status}`);
        renaming.push(renamedCandidate.ms + renamedRun.copyMs + renamedRun.storeMs);

        // The same in the window (the fallback where no worker starts), where the records
        // IndexedDB is asked to write can be counted.
        const run = await app.page.evaluate(([c]) => (window as unknown as BenchWindow).oversightBench.importCandidate(c, 'oversight'), [
          candidate,
        ] as const);
        if (run.outcome.status !== 'imported') throw new Error(`import outcome ${run.outcome.status}`);
        inWindow.push(run.storeMs);
        firstWrites = run.writes;
        // Same content exported again (another file, same revision): up to date, nothing written.
        const same = await app.page.evaluate(
          ([c]) => (window as unknown as BenchWindow).oversightBench.importCandidate({ ...c, sha256: 'f'.repeat(64) }, 'oversight'),
          [candidate] as const,
        );
        again.push(same.storeMs);
        againWrites = Math.max(againWrites, same.writes);
        const update = await app.page.evaluate(([c]) => (window as unknown as BenchWindow).oversightBench.importCandidate(c, 'oversight'), [
          revisedCandidate.candidate,
        ] as const);
        if (update.outcome.status !== 'imported') throw new Error(`revision outcome ${update.outcome.status}`);
        revisionWrites = update.writes;
        heap = await app.page.evaluate(() => (window as unknown as BenchWindow).oversightBench.heapBytes());
        await app.close();
      }
      figures.push(
        measured('store: same revision, same content (up to date)', 'ms', again, { note: `${againWrites} records written` }),
        { name: 'store: same revision, same content: records written', value: againWrites, unit: 'records', goal: { atMost: 0 } },
        {
          name: `import a revision changing ${changed} actions (1%): records written`,
          value: revisionWrites,
          unit: 'records',
          baseline: { name: 'changed actions + plan, log and change-set records', value: changed + 3 },
        },
        measured('import a revision changing 1% of actions: main + store', 'ms', revision, {
          baseline: { name: 'the full import of the same plan, same round', runs: ours },
          goal: { ratioAtMost: 0.25 },
        }),
        // No goal of its own: the same share of actions as the figure above, with indexed text changed.
        measured('import a revision renaming one action in a hundred (search text changed): main + store', 'ms', renaming, {
          baseline: { name: 'the full import of the same plan, same round', runs: ours },
        }),
      );
      if (heap !== null) figures.push({ name: 'JS heap after imports', value: heap / 2 ** 20, unit: 'MB' });
      figures.push(
        measured(`import ${actions.toLocaleString('en-GB')} actions (main + IPC copy + store)`, 'ms', ours, {
          baseline: { name: `bare IndexedDB write of the same ${records.toLocaleString('en-GB')} records`, runs: bare },
          goal: { ratioAtMost: 1.2 },
        }),
        measured('store part alone (import worker: parse + diff + Dexie transaction)', 'ms', store, {
          baseline: { name: 'bare IndexedDB write, same records', runs: bare },
        }),
        measured('store in the window instead (the fallback, sliced; parsed plan)', 'ms', inWindow, {
          baseline: { name: 'bare IndexedDB write, same records', runs: bare },
        }),
        {
          name: 'records written by the first import',
          value: firstWrites,
          unit: 'records',
          baseline: { name: 'records in the bare write', value: records },
        },
        measured('bare read of every entity (getAll)', 'ms', readAll, { note: `${entityCount.toLocaleString('en-GB')} records` }),
        // No goal: what IndexedDB costs here per record, for the entity store's layout (docs/benchmarks.md).
        measured(`bare IndexedDB write of the same entities, ${ENTITIES_PER_CHUNK} to a record (reference)`, 'ms', inChunks, {
          baseline: { name: 'bare IndexedDB write, an entity a record', runs: bare },
          note: `${chunkRecords.toLocaleString('en-GB')} records`,
        }),
      );
    }

    if (wanted('annotations')) {
      console.log('Merging annotation files…');
      figures.push(...(await benchAnnotations(() => freshPage(chromiumFound.path, origin), undefined, rounds)));
    }
    if (wanted('exports')) {
      console.log('Building minutes (DOCX and PDF)…');
      figures.push(...(await benchExports(chromiumFound.path)));
      console.log('Building the board’s report for a year (DOCX and PDF)…');
      figures.push(...(await benchBoardReport(chromiumFound.path, planObject)));
    }
    if (wanted('plan-review')) {
      console.log('Plan review: dashboard, actions list and search with 50,000 annotations…');
      figures.push(...(await benchPlanReview(() => freshPage(chromiumFound.path, origin), candidate, { rounds })));
    }
    if (wanted('backup')) {
      console.log('Backup and restore of the plan, 50,000 annotations and a 500-page pack…');
      figures.push(...(await benchBackup(() => freshPage(chromiumFound.path, origin), candidate, { rounds })));
    }
    if (wanted('import-longtask')) {
      // `BENCH_ONLY=import-longtask npm run bench`: the window's longest task during a 100 MB import alone.
      console.log('The window’s longest task while a 100 MB plan is stored…');
      figures.push(...(await benchImportLongTask(() => freshPage(chromiumFound.path, origin))));
    }
    if (wanted('scale')) {
      // `BENCH_ONLY=scale npm run bench` (BENCH_SCALE=1000:5000,10000:50000 to choose the sizes).
      const scale = await benchScale(
        () => freshPage(chromiumFound.path, origin),
        async (plan, name) => {
          const file = path.join(work, `${name}.plan.json`);
          await fs.writeFile(file, JSON.stringify(plan));
          const examinedScale = await candidateFromFile(file);
          if (!examinedScale.candidate) throw new Error(`${name} was not examined`);
          return examinedScale.candidate;
        },
        { rounds },
      );
      figures.push(...scale.figures);
      scaleTable = scale.table;
    }
    if (wanted('papers')) {
      console.log('Papers: the first page of a 300-page paper, the text of a 500-page pack…');
      figures.push(...(await benchPapers({ rounds })));
    }
  } finally {
    server.close();
  }

  if (wanted('pack-make')) {
    console.log('Making a pack from a 500-page combined agenda pack…');
    figures.push(...(await benchPackMaking()));
  }
  if (wanted('event-loop')) {
    console.log('Main’s event loop while a 150 MB plan is imported in the file reader…');
    figures.push(...(await benchEventLoop()));
  }

  if (wanted('reimport')) {
    // Re-importing an unchanged file: main recognises its SHA-256 and skips it unparsed; each
    // run beside a bare read of the same file (the least any check of its content can cost).
    const rerun: number[] = [];
    const bareRead: number[] = [];
    for (let round = 0; round < Math.max(5, rounds); round += 1) {
      const started = performance.now();
      await fs.readFile(planFile);
      bareRead.push(performance.now() - started);
      const again = await candidateFromFile(planFile, candidate.sha256);
      if (!again.skipped) throw new Error('unchanged file was not recognised');
      rerun.push(again.ms);
    }
    figures.push(
      measured('re-import an unchanged file (recognised by SHA-256, nothing parsed or written)', 'ms', rerun, {
        baseline: { name: 'bare read of the same file', runs: bareRead },
        goal: { atMost: 100 },
      }),
    );
  }

  if (wanted('board-folder')) {
    console.log('Board folder: a year of 20 members × 2 devices through a misbehaving folder…');
    figures.push(...(await benchBoardFolder()));
  }

  await fs.rm(work, { recursive: true, force: true });
  printTable(figures, { actions, megabytes, loadAtStart });
  if (scaleTable) console.log(`\nHow cost grows (ratio to the same-run baseline in brackets; slope k in cost ∝ size^k):\n\n${scaleTable}`);
  if (jsonFile) {
    await fs.writeFile(
      jsonFile,
      JSON.stringify(
        figures.map(({ note: _note, ...figure }) => figure),
        null,
        2,
      ),
    );
    console.log(`\nFigures written to ${jsonFile}`);
  }
}

function printTable(figures: Figure[], context: { actions: number; megabytes: number; loadAtStart: string }) {
  console.log(
    `\nOversight benchmarks, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, plan of ${context.actions.toLocaleString('en-GB')} actions (${context.megabytes.toFixed(1)} MB)`,
  );
  console.log(`Machine at start: ${context.loadAtStart}`);
  console.log(`Machine at end:   ${machineLoad()}\n`);
  const rows = figures.map((figure) => {
    const ratio = ratioOf(figure);
    const verdict = meetsGoal(figure);
    return [
      figure.name,
      formatValue(figure),
      spreadText(figure),
      figure.baseline ? `${formatValue({ ...figure, value: figure.baseline.value })} (${figure.baseline.name})` : '',
      ratio === undefined ? '' : `${ratio.toFixed(2)}×`,
      verdict === undefined ? '' : verdict ? '✔' : '✘',
      figure.note ?? '',
    ];
  });
  const header = ['measure', 'median', 'spread', 'baseline (median)', 'ratio', 'goal', 'note'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const row of rows) console.log(line(row));
  const warnings = figures.flatMap((figure) => {
    const warning = spreadWarning(figure);
    return warning ? [`  ${figure.name}: ${warning}`] : [];
  });
  if (warnings.length > 0) {
    console.log('\nToo noisy to call (another run could fall on the other side of the goal):');
    for (const warning of warnings) console.log(warning);
  }
}

await main();
