import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answerQuestion, createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { seedSampleBoard } from '../../renderer/meetings/sample-board';
import { markPaperRead } from '../../renderer/papers/read-papers';
import { paperRecordId } from '../../renderer/papers/types';
import { readStartData } from '../../renderer/start/start-data';
import { StartView } from '../../renderer/start/start-view';
import { PlanView } from '../../renderer/views/plan-view';
import { MeetingsView } from '../../renderer/meetings/meetings-view';
import { DashboardView } from '../../renderer/plan-review/dashboard-view';
import { candidateFor } from '../unit/renderer/plan-candidates';
import { freshDatabase, renderWithServices } from './helpers';
import { storeTestPack } from './papers-helpers';

// The start page says what to do next, from what is in the store; the sample is labelled.

const SAMPLE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../electron/resources/sample/northmoor-send-plan.r2.plan.json',
);

async function sampleLoadedAsOnFirstRun() {
  const db = freshDatabase();
  const candidate = { ...candidateFor(JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>), source: 'sample' as const };
  const outcome = await storeCandidate(db, candidate);
  if (outcome.status !== 'imported') throw new Error(`sample plan not stored: ${outcome.status}`);
  await seedSampleBoard(db, { now: new Date('2027-01-14T09:00:00Z') });
  return db;
}

const part = (name: string | RegExp) => screen.getByRole('region', { name });

describe('the start page', () => {
  it('shows the sample’s next meeting, what is new and the actions due, each labelled Sample, and remembers the visit', async () => {
    const db = await sampleLoadedAsOnFirstRun();
    const today = '2027-01-14';
    const expected = await readStartData(db, today, null);
    expect(expected.overdue.length + expected.dueSoon.length).toBeGreaterThan(0);
    const view = renderWithServices(<StartView today={today} />, { db });

    await screen.findByRole('heading', { level: 1, name: 'What to do next' });
    await waitFor(() => expect(part('Your next meeting')).toHaveTextContent('Northmoor SEND Oversight Board'));
    const meeting = part('Your next meeting');
    expect(meeting).toHaveTextContent('21 January 2027 at 14:00');
    expect(within(meeting).getByText('Sample')).toBeInTheDocument();
    expect(within(meeting).getByRole('link', { name: 'The agenda' })).toHaveAttribute(
      'href',
      '#/meetings/agenda?meeting=sample-next-meeting',
    );
    expect(meeting).toHaveTextContent('No papers for it yet.');

    // First visit: everything on the laptop is new.
    expect(screen.getByText('Welcome: this is your first look at this page.')).toBeInTheDocument();
    const news = part('What is new on this laptop');
    const revision = within(news).getByRole('link', { name: /What changed in revision 2 of/ });
    expect(revision.getAttribute('href')).toMatch(/^#\/plan\/changes\?plan=northmoor-send-app&import=/);
    expect(within(news).getAllByText('Sample').length).toBeGreaterThan(0);

    const actions = part('Actions due or overdue');
    const first = expected.overdue[0] ?? expected.dueSoon[0];
    if (!first) throw new Error('no action due');
    const link = within(actions).getAllByRole('link')[0];
    expect(link).toHaveTextContent(`${first.ref} ${first.title}`);
    expect(link).toHaveAttribute('href', `#/plan/action?plan=northmoor-send-app&id=${first.actionId}`);
    expect(within(actions).getAllByText('Sample').length).toBeGreaterThan(0);

    // Questions need a profile first.
    expect(part('Your questions')).toHaveTextContent('Say who you are');

    // The next visit shows only what arrived since this one.
    await waitFor(async () => expect(await db.meta.get('startLastLooked')).toBeDefined());
    view.unmount();
    renderWithServices(<StartView today={today} />, { db });
    await waitFor(() => expect(part('What changed since you last looked')).toHaveTextContent('Nothing new has arrived since then.'));
    expect(screen.getByText(/^You last looked here on /)).toBeInTheDocument();
  });

  it('lists the next meeting’s unread papers, open questions and answers received; real data has no Sample label', async () => {
    const db = freshDatabase();
    const profile = await saveProfile(db, { displayName: 'Cllr Priya Shah', role: 'member', organisation: 'Conservative group' });
    await storeTestPack(db, [
      { id: 'p1', title: 'Minutes of the last meeting', item: 'item-1' },
      { id: 'p4', title: 'Performance dashboard', item: 'item-4' },
      { id: 'p7', title: 'Independent placements', item: 'item-7', exempt: true },
    ]);
    await markPaperRead(db, paperRecordId('board-1', 'p1'));
    const target = { kind: 'action' as const, planId: 'northmoor-send-app', id: 'act-001' };
    await createAnnotation(db, profile, target, { kind: 'question', text: 'Why did waits rise?', tags: [], visibility: 'shared' });
    const answered = await createAnnotation(db, profile, target, {
      kind: 'question',
      text: 'When is the audit due?',
      tags: [],
      visibility: 'shared',
    });
    await answerQuestion(db, profile, answered.id, 'In March, said the Head of SEND.');

    renderWithServices(<StartView today="2026-11-06" />, { db });
    await waitFor(() => expect(part('Your next meeting')).toHaveTextContent('2 papers of 3 not opened yet:'));
    const meeting = part('Your next meeting');
    expect(meeting).toHaveTextContent('12 November 2026 at 14:00');
    expect(within(meeting).getByRole('link', { name: 'Performance dashboard' })).toHaveAttribute(
      'href',
      '#/papers/paper?meeting=board-1&paper=p4',
    );
    expect(within(meeting).getByRole('link', { name: 'Independent placements' })).toBeInTheDocument();
    expect(within(meeting).getByText('Exempt')).toBeInTheDocument();
    expect(within(meeting).queryByRole('link', { name: 'Minutes of the last meeting' })).not.toBeInTheDocument();

    const questions = part('Your questions');
    expect(within(questions).getByRole('heading', { name: '1 open question' })).toBeInTheDocument();
    expect(questions).toHaveTextContent('Why did waits rise?');
    expect(within(questions).getByRole('heading', { name: '1 answer received' })).toBeInTheDocument();
    expect(questions).toHaveTextContent('Answer: In March, said the Head of SEND.');

    const news = part('What is new on this laptop');
    expect(
      within(news).getByRole('link', { name: /^Agenda pack for Northmoor SEND Oversight Board\s*, 12 November 2026$/ }),
    ).toHaveAttribute('href', '#/papers?meeting=board-1');
    expect(news).toHaveTextContent('An answer to your question “When is the audit due?”');
    expect(screen.queryByText('Sample')).not.toBeInTheDocument();

    // A meeting already held is not "next".
    expect((await readStartData(db, '2026-11-13', null)).nextMeeting).toBeNull();
  });

  it('labels the sample plan and the sample meeting as Sample in the plans, the dashboard and the meetings; an imported plan is not', async () => {
    const db = await sampleLoadedAsOnFirstRun();
    const first = renderWithServices(<PlanView />, { db });
    const card = await screen.findByRole('article', { name: /Northmoor SEND Accelerated Progress Plan/ });
    await waitFor(() => expect(within(card).getByText('Sample')).toBeInTheDocument());
    first.unmount();

    const dashboard = renderWithServices(<DashboardView planId="northmoor-send-app" />, { db });
    const nav = await screen.findByRole('navigation', { name: 'This plan' });
    await waitFor(() => expect(nav).toHaveTextContent('Sample This plan is invented'));
    dashboard.unmount();

    const meetings = renderWithServices(<MeetingsView />, { db });
    const row = await screen.findByRole('row', { name: /Northmoor SEND Oversight Board/ });
    expect(within(row).getByText('Sample')).toBeInTheDocument();
    meetings.unmount();

    // The same plan imported by the member (not from the sample folder) carries no label.
    const real = freshDatabase();
    await storeCandidate(real, candidateFor(JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>));
    renderWithServices(<PlanView />, { db: real });
    await screen.findByRole('article', { name: /Northmoor SEND Accelerated Progress Plan/ });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByText('Sample')).not.toBeInTheDocument();
  });
});
