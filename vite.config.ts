import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build. Main, preload and the CLI are built by scripts/build.mjs with the same
// Vite, as Node bundles.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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
