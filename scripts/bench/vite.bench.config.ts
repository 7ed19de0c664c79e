import { defineConfig } from 'vite';

// The benchmark page: renderer code in a page of its own, built like the app.
export default defineConfig({
  root: 'scripts/bench/page',
  base: './',
  logLevel: 'warn',
  // The app's import worker, as vite.config.ts builds it.
  worker: { format: 'es' },
  build: { outDir: '../../../dist/bench', emptyOutDir: true, target: 'chrome130', modulePreload: { polyfill: false } },
});
