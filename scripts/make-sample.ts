// Writes the bundled sample plan (two monthly exports of an invented plan) to
// electron/resources/sample. Run: npx tsx scripts/make-sample.ts
// The output is deterministic; test/unit/sample checks the committed files still match it.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_SAMPLE_FOLDER, bundledSample, serialisePlan } from './sample/bundled-sample';
import { isSamplePlan } from './sample/sample-rules';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, BUNDLED_SAMPLE_FOLDER);
const files = bundledSample();

// The sample exists to show "what changed" on first run: refuse to write one where nothing was
// added or taken away, which would mean the generator or its seed has drifted.
const [first, second] = files.map((file) => file.plan);
if (!first || !second || !isSamplePlan(first) || !isSamplePlan(second)) throw new Error('The sample generator did not return two plans.');
const before = new Set(first.actions.map((a) => a.id));
const after = new Set(second.actions.map((a) => a.id));
const added = [...after].filter((id) => !before.has(id)).length;
const removed = [...before].filter((id) => !after.has(id)).length;
const withdrawn = second.actions.filter((a) => a.status === 'withdrawn').length;
if (added === 0 || removed + withdrawn === 0) {
  throw new Error(
    `The sample's second revision should add an action and drop one (added ${added}, removed ${removed}, withdrawn ${withdrawn}).`,
  );
}

mkdirSync(folder, { recursive: true });
for (const file of files) {
  const text = serialisePlan(file.plan);
  writeFileSync(join(folder, file.fileName), text, 'utf8');
  console.log(`Wrote ${join(BUNDLED_SAMPLE_FOLDER, file.fileName)} (${(text.length / 1024).toFixed(0)} KB)`);
}
