#!/usr/bin/env node
// Builds Oversight with Vite: the renderer (browser bundle), then main and preload (Node/CommonJS
// bundles for Electron). `node scripts/build.mjs renderer` or `... electron` builds one part.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const parts = process.argv.slice(2);
const wants = (part) => parts.length === 0 || parts.includes(part);
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

async function buildRenderer() {
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

async function buildNodeBundle({ entry, fileName, bundleDependencies }) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: path.join(root, entry),
      outDir: path.join(root, 'dist/electron'),
      emptyOutDir: false,
      target: 'node20',
      sourcemap: true,
      minify: false,
      rollupOptions: {
        external: ['electron', ...nodeBuiltins],
        output: { format: 'cjs', entryFileNames: fileName },
      },
    },
    // Main loads its dependencies from node_modules (packed into the asar); the sandboxed
    // preload cannot require them, so everything it uses is bundled in.
    ssr: bundleDependencies ? { noExternal: true, external: ['electron'] } : { noExternal: [] },
  });
}

if (wants('renderer')) await buildRenderer();
if (wants('electron')) {
  await buildNodeBundle({ entry: 'electron/main.ts', fileName: 'main.cjs', bundleDependencies: false });
  await buildNodeBundle({ entry: 'electron/preload.ts', fileName: 'preload.cjs', bundleDependencies: true });
  // The file reader main starts as a utilityProcess (electron/sync/parse-worker.ts).
  await buildNodeBundle({ entry: 'electron/sync/parse-worker.ts', fileName: 'parse-worker.cjs', bundleDependencies: false });
}
