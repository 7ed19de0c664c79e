// `npx tsx scripts/bench/backup-only.ts`: the backup and restore figures alone (the same code
// `npm run bench` runs among the rest), for working on backups without the whole suite.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { examineFile } from '../../electron/sync/examine';
import { generatePlan } from '../sample/generate-plan';
import { ensureChromium } from '../chromium.mjs';
import { benchBackup } from './backup';
import { freshPage, serve } from './bench-page';
import { machineLoad, meetsGoal, ratioOf, ratios, spreadText, spreadWarning } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDist = path.join(root, 'dist', 'bench');

const found = ensureChromium();
if (!found.ok) throw new Error(found.message);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-bench-'));
const planFile = path.join(work, 'bench.plan.json');
await fs.writeFile(planFile, JSON.stringify(generatePlan({ actions: Number(process.env.BENCH_ACTIONS ?? 10_000), seed: 2026 })));
const examined = await examineFile(planFile, {});
if (examined.status !== 'examined' || examined.outcome.status !== 'valid') throw new Error('bench plan did not validate');
const candidate = { token: 'bench', fileName: 'bench.plan.json', source: 'dialog' as const, ...examined.file, outcome: examined.outcome };
await build({ configFile: path.join(root, 'scripts/bench/vite.bench.config.ts'), logLevel: 'warn' });
const { server, origin } = await serve(benchDist);
console.log(machineLoad());
try {
  const figures = await benchBackup(() => freshPage(found.path, origin), candidate, { rounds: Number(process.env.BENCH_ROUNDS ?? 3) });
  for (const figure of figures) {
    const perRound = ratios(figure).map((ratio) => `${ratio.toFixed(2)}×`);
    console.log(
      `${figure.name}: median ${Math.round(figure.value)} ms, ${spreadText(figure)} | baseline median ${Math.round(figure.baseline?.value ?? 0)} ms (${figure.baseline?.name ?? ''}), runs ${(figure.baseline?.runs ?? []).map(Math.round).join(', ')} | ratio ${ratioOf(figure)?.toFixed(2) ?? ''}× (rounds: ${perRound.join(', ')}) | goal met: ${String(meetsGoal(figure))}${spreadWarning(figure) ? ` (${spreadWarning(figure) ?? ''})` : ''} | ${figure.note ?? ''}`,
    );
  }
  console.log(machineLoad());
} finally {
  server.close();
  await fs.rm(work, { recursive: true, force: true });
}
