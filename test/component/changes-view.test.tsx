import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { ChangesView } from '../../renderer/views/changes-view';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { freshDatabase, renderWithServices } from './helpers';

describe('What changed view', () => {
  it('groups a revision’s changes by area: RAG moves in words, due dates with who approved, new updates, measures', async () => {
    const db = freshDatabase();
    await storeCandidate(db, candidateFor(planObject()));
    const next = planObject();
    next.export.revision = 8;
    const [first, second] = next.actions;
    next.actions[0] = {
      ...first,
      deliveryRag: 'red',
      evidenceIds: ['EV-1', 'EV-2'],
      updates: [
        ...((first?.updates as unknown[]) ?? []),
        {
          period: '2026-03',
          narrative: 'Sixth post still vacant after a second advert.',
          deliveryRag: 'red',
          submittedAt: '2026-03-28T10:00:00Z',
        },
      ],
    };
    next.actions[1] = { ...second, revisedDueDate: '2026-06-30', revisionApprovedBy: 'SEND Oversight Board, 2 April 2026' };
    const measures = next.measures as Array<Record<string, unknown>>;
    measures[0] = {
      ...measures[0],
      series: [...(measures[0]?.series as unknown[]), { period: '2026-02', value: 38.1, status: 'provisional' }],
    };
    const outcome = await storeCandidate(db, candidateFor(next, 'r8.plan.json'));
    if (outcome.status !== 'imported') throw new Error(outcome.status);

    renderWithServices(<ChangesView planId="northshire-wsoa-2025" importId={outcome.importId} />, { db });
    await waitFor(() => expect(screen.getByTestId('change-summary')).toHaveTextContent('Since revision 7: 3 changed, 0 new, 0 removed.'));

    const area = screen.getByRole('region', { name: 'Area 1: Timeliness and quality of EHC needs assessments and plans' });
    const rag = within(area)
      .getByText(/Delivery RAG:/)
      .closest('li');
    expect(rag).toHaveTextContent('Delivery RAG: Amber → Red');
    expect(within(area).getByText(/New progress update for March 2026/)).toHaveTextContent(
      'Sixth post still vacant after a second advert.',
    );
    expect(within(area).getByText(/Due date moved/)).toHaveTextContent(
      'Due date moved: 30 April 2026 → 30 June 2026, approved by SEND Oversight Board, 2 April 2026',
    );

    expect(within(area).getByText(/^Evidence:/)).toHaveTextContent('Evidence: added Multi-agency audit, autumn term');
    expect(within(area).queryByText(/Revision approved by/)).toBeNull();

    const measuresGroup = screen.getByRole('region', { name: 'Measures' });
    expect(
      within(measuresGroup)
        .getByText(/Worsening/)
        .closest('li'),
    ).toHaveTextContent('Worsening: moving away from target: 42.7 (January 2026) → 38.1 (February 2026), higher is better');
  });

  it('explains a first import instead of listing every item as new', async () => {
    const db = freshDatabase();
    const outcome = await storeCandidate(db, candidateFor(planObject()));
    if (outcome.status !== 'imported') throw new Error(outcome.status);
    renderWithServices(<ChangesView planId="northshire-wsoa-2025" importId={undefined} />, { db });
    await waitFor(() =>
      expect(screen.getByText(/was the first of this plan on this laptop/)).toHaveTextContent('including 4 actions in 2 areas'),
    );
  });

  it('lists each milestone straight after its action, naming the action and linking to it', async () => {
    const db = freshDatabase();
    await storeCandidate(db, candidateFor(planObject()));
    const next = planObject();
    next.export.revision = 8;
    const milestones = next.milestones as Array<Record<string, unknown>>;
    // MS-2 (action 1.1) achieved, MS-4 (action 2.1) moved; action 1.2 changes; action 1.1 itself does not.
    milestones[1] = { ...milestones[1], achievedOn: '2026-03-01' };
    milestones[3] = { ...milestones[3], dueDate: '2026-01-09' };
    const [, second] = next.actions;
    next.actions[1] = { ...second, title: 'Audit every new plan with the agreed tool' };
    const outcome = await storeCandidate(db, candidateFor(next, 'r8.plan.json'));
    if (outcome.status !== 'imported') throw new Error(outcome.status);

    renderWithServices(<ChangesView planId="northshire-wsoa-2025" importId={outcome.importId} />, { db });
    const area1 = await screen.findByRole('region', { name: /^Area 1:/ });
    const items = within(area1)
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('change'));
    expect(items.map((item) => item.querySelector('.change-title')?.textContent)).toEqual([
      'Milestone: All posts filled',
      '1.2 Audit every new plan with the agreed tool',
    ]);
    const milestone = items[0];
    if (!milestone) throw new Error('no milestone');
    const link = within(milestone).getByRole('link', { name: /^1\.1 / });
    expect(link).toHaveAttribute('href', '#/plan/action?plan=northshire-wsoa-2025&id=A-1.1');
    expect(milestone).toHaveTextContent(/Milestone: All posts filled of action 1\.1 /);
    expect(within(items[1] as HTMLElement).getByRole('link', { name: /^1\.2 / })).toHaveAttribute(
      'href',
      '#/plan/action?plan=northshire-wsoa-2025&id=A-1.2',
    );
    const area2 = screen.getByRole('region', { name: /^Area 2:/ });
    expect(within(area2).getByRole('link', { name: /^2\.1 / })).toHaveAttribute('href', '#/plan/action?plan=northshire-wsoa-2025&id=A-2.1');
  });
});
