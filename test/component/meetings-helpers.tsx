import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from '@testing-library/react';
import { renderRoute } from '../../renderer/app/routes';
import { useRoute } from '../../renderer/app/router';
import type { OversightDatabase } from '../../renderer/db/database';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { seedSampleBoard } from '../../renderer/meetings/sample-board';
import { candidateFor } from '../unit/renderer/plan-candidates';
import { freshDatabase, renderWithServices } from './helpers';

// The meetings screens over a store holding the bundled sample plan, board and next meeting.

const SAMPLE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../electron/resources/sample/northmoor-send-plan.r2.plan.json',
);
export const MEETING_ID = 'sample-next-meeting';
/** A fixed "now": the sample meeting is then on Thursday 21 January 2027. */
export const NOW = new Date('2027-01-14T09:00:00Z');

/** A fresh store with the sample plan, board register and next meeting. */
export async function sampleStore(): Promise<OversightDatabase> {
  const db = freshDatabase();
  const outcome = await storeCandidate(db, candidateFor(JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>));
  if (outcome.status !== 'imported') throw new Error(`sample plan not stored: ${outcome.status}`);
  await seedSampleBoard(db, { now: NOW });
  return db;
}

function Routed() {
  const route = useRoute();
  return <>{renderRoute(route.path, route.params)}</>;
}

/** Renders whatever view the hash names, following navigation as the app does. */
export function renderAt(hash: string, db: OversightDatabase) {
  window.location.hash = hash;
  return renderWithServices(<Routed />, { db });
}

/** Moves to another hash route and lets the views follow. */
export async function goTo(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}
