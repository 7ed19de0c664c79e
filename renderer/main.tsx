import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { catchUpSearchIndex } from './annotations/annotation-repository';
import { App } from './app/app';
import { ServicesProvider } from './app/context';
import { UndoProvider } from './components/undo-toast';
import { applyTheme, readThemeChoice } from './app/theme';
import { openDatabase } from './db/database';
import { checkStore } from './db/store-guard';
import { ensurePlanReviews } from './plan-review/review-store';
import { applyPapersRetention } from './removal/papers-retention';
import { startTextExtraction } from './papers/text-extraction';
import { createApi, createUnavailableApi } from './ipc/client';
import { createSyncController } from './plan/sync-controller';
// Last, so the themes' rules win over the views' own (see the sheet).
import './appearance.css';

// The page's CSP forbids eval: keep zod from probing `new Function` (the probe alone is
// reported as a CSP violation) and use its interpreter instead.
z.config({ jitless: true });

// The laptop's theme before anything paints.
applyTheme(readThemeChoice());

// Entry point: open the store, wrap the preload's bridge, start sync, render.
const db = openDatabase();
const api = window.oversight ? createApi(window.oversight) : createUnavailableApi();

const container = document.getElementById('root');

// Nothing reads or writes the store until it is known to be one this build understands.
void checkStore(db).then((check) => {
  if (!container) return;
  if (!check.ok) {
    createRoot(container).render(
      <main className="store-refused">
        <h1>Oversight cannot open your data</h1>
        <p role="alert">{check.message}</p>
      </main>,
    );
    return;
  }
  // Sync writes the store (the inbox, the sample), so it starts only now.
  const sync = createSyncController(db, api);
  createRoot(container).render(
    <StrictMode>
      <ServicesProvider services={{ db, api, sync }}>
        <UndoProvider>
          <App />
        </UndoProvider>
      </ServicesProvider>
    </StrictMode>,
  );
  // First run loads the bundled sample through the same path as any file; then the inbox is
  // checked for anything that arrived while the app was closed.
  // Annotations merged just before a crash are indexed for search first.
  // Derived records built from another revision (a store an older build wrote into) are rebuilt.
  // An import cut short last time is found before anything new is imported.
  // Papers' text is extracted last, once the first run has settled.
  void sync
    .checkInterrupted()
    .catch((error: unknown) => console.error('Interrupted import check failed', error))
    .then(() => ensurePlanReviews(db))
    .catch((error: unknown) => console.error('Plan review rebuild failed', error))
    .then(() => catchUpSearchIndex(db))
    .catch((error: unknown) => console.error('Search index catch-up failed', error))
    .then(() => sync.loadSampleOnFirstRun())
    .then(() => sync.scanInbox())
    .catch((error: unknown) => console.error('First run or inbox scan failed', error))
    // Papers past the member's chosen period (if any) go once the inbox's new ones are in.
    .then(() => applyPapersRetention(db).catch((error: unknown) => console.error('Removing old papers failed', error)))
    // Then the text of papers not yet read for search (the first-run sample's, or one a closed
    // window left half done): found by search without Papers ever being opened.
    .then(() => startTextExtraction(db))
    .catch((error: unknown) => console.warn('Text extraction stopped', error));
});
