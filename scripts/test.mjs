#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure:
// typecheck → lint → unit → component → build renderer → end-to-end (Chromium) → Electron smoke.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const TYPECHECK_PROJECTS = ['shared/tsconfig.json', 'electron/tsconfig.json', 'electron/tsconfig.preload.json', 'renderer/tsconfig.json', 'test/tsconfig.json', 'tsconfig.json'];

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (${seconds} s). Stopping here.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

for (const project of TYPECHECK_PROJECTS) run(`Typecheck ${project}`, 'npx', ['tsc', '-p', project, '--noEmit']);
run('Lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('Unit tests (Node)', 'npx', ['vitest', 'run', '--project', 'unit']);
run('Component tests (jsdom)', 'npx', ['vitest', 'run', '--project', 'component']);

const chromium = ensureChromium();
if (!chromium.ok) {
  console.error(`\n✖ ${chromium.message}`);
  process.exit(1);
}
run('Build', 'node', ['scripts/build.mjs']);
run(`End-to-end tests (Chromium at ${chromium.path})`, 'npx', ['vitest', 'run', '--project', 'e2e'], { CHROMIUM_PATH: chromium.path });
// Runs the real Electron app where its binary exists; reports itself as skipped, with the reason, where not.
run('Electron smoke test', 'npx', ['vitest', 'run', '--project', 'electron']);
console.log('\nAll checks passed.');
