import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { updateBoard } from '../../renderer/meetings/meeting-repository';
import { seedSampleBoard } from '../../renderer/meetings/sample-board';
import { storePack } from '../../renderer/papers/pack-repository';
import { getPapersRetention } from '../../renderer/removal/papers-retention';
import { PapersRetentionSection } from '../../renderer/removal/papers-retention-section';
import { SampleSection } from '../../renderer/removal/sample-section';
import { packFor } from '../unit/renderer/pack-candidates';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { freshDatabase, renderWithServices } from './helpers';
import { renderAt } from './meetings-helpers';

// The sample is labelled wherever it shows and removed with one command, after asking; a plan is
// removed from its card, after asking.

const SAMPLE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../electron/resources/sample/northmoor-send-plan.r2.plan.json',
);

/** A store as first run leaves it (the sample plan from the bundled sample, its board and meeting) and a plan of the member's. */
async function storeWithSample() {
  const db = freshDatabase();
  const sample = { ...candidateFor(JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>), source: 'sample' as const };
  expect((await storeCandidate(db, sample)).status).toBe('imported');
  await seedSampleBoard(db, { now: new Date('2027-01-14T09:00:00Z') });
  expect((await storeCandidate(db, candidateFor(planObject()))).status).toBe('imported');
  return db;
}

describe('the sample, labelled and removable', () => {
  it('labels the sample plan, and only it, on the plans page', async () => {
    const db = await storeWithSample();
    renderAt('#/plan', db);
    const sampleCard = await screen.findByRole('article', { name: 'Northmoor SEND Accelerated Progress Plan' });
    await waitFor(() => expect(within(sampleCard).getByText('Sample')).toBeInTheDocument());
    const ownCard = screen.getByRole('article', { name: 'Northshire Local Area SEND Written Statement of Action' });
    expect(within(ownCard).queryByText('Sample')).toBeNull();
  });

  it('labels the sample meeting and board in Meetings', async () => {
    const db = await storeWithSample();
    renderAt('#/meetings', db);
    const row = await screen.findByRole('row', { name: /Committee Room 1, Northmoor Town Hall/ });
    await waitFor(() => expect(within(row).getByText('Sample')).toBeInTheDocument());
    await waitFor(() => expect(screen.getAllByText('Sample')).toHaveLength(2));
  });

  it('stops calling the board the sample once the member renames it', async () => {
    const db = await storeWithSample();
    await updateBoard(db, { name: 'Westdale Schools Forum' });
    renderAt('#/meetings', db);
    await screen.findByText(/Westdale Schools Forum: 11 on the register/);
    // Only the meeting is still the sample's.
    await waitFor(() => expect(screen.getAllByText('Sample')).toHaveLength(1));
  });

  it('removes the whole sample with one command, after asking, and keeps the member’s plan', async () => {
    const db = await storeWithSample();
    const user = userEvent.setup();
    renderWithServices(<SampleSection />, { db });
    await screen.findByText(/a plan, a meeting and a board register/);
    await user.click(screen.getByRole('button', { name: 'Remove the sample…' }));
    // Asking first: nothing is removed yet, and the member can keep it.
    expect(await db.plans.count()).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    await user.click(screen.getByRole('button', { name: 'Remove the sample…' }));
    await user.click(
      within(screen.getByRole('group', { name: 'Confirm removing the sample' })).getByRole('button', { name: 'Remove the sample' }),
    );
    await waitFor(async () => expect(await db.plans.toCollection().primaryKeys()).toEqual(['northshire-wsoa-2025']));
    expect(await db.board.count()).toBe(0);
    expect(await db.meetings.count()).toBe(0);
    await screen.findByText('The sample was removed.');
    await screen.findByText('There is no sample on this laptop.');
  });
});

describe('removing a plan', () => {
  it('removes a plan from its card after asking, leaving the others', async () => {
    const db = await storeWithSample();
    const user = userEvent.setup();
    renderAt('#/plan', db);
    const card = await screen.findByRole('article', { name: 'Northshire Local Area SEND Written Statement of Action' });
    await user.click(within(card).getByRole('button', { name: 'Remove this plan…' }));
    expect(within(card).getByText(/and its 1 revision from this laptop/)).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Remove “Northshire Local Area SEND Written Statement of Action”' }));
    await waitFor(async () => expect(await db.plans.toCollection().primaryKeys()).toEqual(['northmoor-send-app']));
    await waitFor(() =>
      expect(screen.queryByRole('article', { name: 'Northshire Local Area SEND Written Statement of Action' })).toBeNull(),
    );
    expect(
      await db.entities.where('[planId+kind+id]').between(['northshire-wsoa-2025'], ['northshire-wsoa-2025', []], true, true).count(),
    ).toBe(0);
  });
});

describe('old board papers', () => {
  it('is off by default; choosing a period asks before removing papers already past it', async () => {
    const db = freshDatabase();
    const pdf = async () => new TextEncoder().encode('%PDF-1.7');
    // Far in the past and far in the future, so the test does not depend on today's date.
    await storePack(db, packFor('long-ago', '2020-03-12'), pdf);
    await storePack(db, packFor('to-come', '2099-03-12'), pdf);
    const user = userEvent.setup();
    renderWithServices(<PapersRetentionSection />, { db });
    const select = await screen.findByLabelText('Remove the papers of meetings held more than');
    await waitFor(() => expect(select).toBeEnabled());
    expect(select).toHaveValue('');

    await user.selectOptions(select, '6');
    const question = await screen.findByRole('group', { name: 'Confirm removing old papers' });
    expect(question).toHaveTextContent('This removes the papers of 1 meeting held more than 6 months ago');
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(select).toHaveValue(''));
    expect(await getPapersRetention(db)).toEqual({ months: null });
    expect(await db.papers.count()).toBe(2);

    await user.selectOptions(select, '6');
    await user.click(
      within(await screen.findByRole('group', { name: 'Confirm removing old papers' })).getByRole('button', { name: 'Remove them' }),
    );
    await screen.findByText('Removed the papers of 1 meeting.');
    expect((await db.papers.toArray()).map((paper) => paper.meetingId)).toEqual(['to-come']);
    expect(await getPapersRetention(db)).toEqual({ months: 6 });
    await waitFor(() => expect(select).toHaveValue('6'));

    await user.selectOptions(select, '');
    await screen.findByText('Saved. Papers are kept until you remove them.');
    expect(await getPapersRetention(db)).toEqual({ months: null });
  });
});
