#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure:
// typecheck → lint → unit → component → build → end-to-end (Chromium) → Electron smoke test.
// Ends with one plain line, "N passed, N failed, N skipped", summed over every test suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './chromium.mjs';

const TYPECHECK_PROJECTS = [
  'shared/tsconfig.json',
  'electron/tsconfig.json',
  'electron/tsconfig.preload.json',
  'renderer/tsconfig.json',
  'test/tsconfig.json',
  'tsconfig.json',
];
const reports = mkdtempSync(path.join(os.tmpdir(), 'oversight-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedSuites = [];

function run(title, command, args, env = {}, { quiet = false, onFailure } = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    onFailure?.();
    console.error(`\n✖ ${title} failed (${seconds} s). Stopping here.`);
    finish(1);
  }
  if (!quiet) console.log(`✔ ${title} (${seconds} s)`);
}

function vitest(title, project, env = {}) {
  const report = path.join(reports, `${project}.json`);
  const count = () => {
    try {
      const summary = JSON.parse(readFileSync(report, 'utf8'));
      totals.passed += summary.numPassedTests;
      totals.failed += summary.numFailedTests;
      totals.skipped += summary.numPendingTests + summary.numTodoTests;
      return summary;
    } catch {
      // A suite that crashed before reporting counts as one failure.
      totals.failed += 1;
      return null;
    }
  };
  run(title, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env, {
    quiet: true,
    onFailure: count,
  });
  const summary = count();
  if (!summary || summary.numTotalTests === 0) {
    console.error(`✖ ${title}: no test ran.`);
    finish(1);
  }
  if (summary.numPassedTests === 0 && summary.numPendingTests > 0) {
    skippedSuites.push(title);
    console.log(`⚠ ${title}: skipped (see the reason above)`);
  } else {
    console.log(`✔ ${title}: ${summary.numPassedTests} passed`);
  }
}

function finish(code) {
  rmSync(reports, { recursive: true, force: true });
  for (const title of skippedSuites) console.log(`⚠ ${title} was SKIPPED (see its reason above): not counted as passed.`);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

for (const project of TYPECHECK_PROJECTS) run(`Typecheck ${project}`, 'npx', ['tsc', '-p', project, '--noEmit']);
run('Lint (ESLint)', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('Format (Prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
vitest('Unit tests (Node)', 'unit');
vitest('Component tests (jsdom)', 'component');

const chromium = ensureChromium();
if (!chromium.ok) {
  console.error(`\n✖ ${chromium.message}`);
  finish(1);
}
run('Build (renderer, main, preload)', 'node', ['scripts/build.mjs']);
vitest(`End-to-end tests (Chromium at ${chromium.path})`, 'e2e', { CHROMIUM_PATH: chromium.path });
vitest('Electron smoke test', 'electron');
finish(totals.failed > 0 ? 1 : 0);
