import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Three suites, run in this order by `npm test` (scripts/test.mjs):
// unit (Node), component (jsdom + fake-indexeddb), e2e (built renderer in Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // Generating and validating 10,000-action plans or building packs of PDFs takes 5–10 s
          // with both cores loaded (issue 12's race hunt: bench-plan and make-pack ran out of
          // Vitest's default 5 s); the tests assert behaviour, never timing.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['test/component/**/*.test.{ts,tsx}'],
          setupFiles: ['test/component/setup.ts'],
          // Typing-heavy tests (the chair's live capture) are slow on a busy two-core machine;
          // they assert behaviour, never timing. 20 s ran out for meetings-live, meetings-agenda, annotations-panel
          // and meetings-setup with both cores loaded (issue 12's race hunt).
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'electron',
          environment: 'node',
          include: ['test/electron/**/*.electron.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
