import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build. Main, preload and the CLI are built by scripts/build.mjs with the same
// Vite, as Node bundles.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The import worker (renderer/plan/import-worker.ts) is a module worker: bundled as one.
  worker: { format: 'es' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // No inline scripts or data: URLs for modules: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
