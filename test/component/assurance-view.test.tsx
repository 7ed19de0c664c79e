import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { AssuranceView } from '../../renderer/plan-review/assurance-view';
import { renderWithServices } from './helpers';
import { PLAN_ID, Routed, storeWithPlan } from './plan-review-helpers';

afterEach(() => {
  window.location.hash = '';
});

describe('members’ assurance views', () => {
  it('the chair sees the spread of members’ levels per area beside the board’s last judgement', async () => {
    const db = await storeWithPlan();
    const chair = await saveProfile(db, { displayName: 'Cllr Chair', role: 'chair', organisation: 'Council' });
    const area1 = { kind: 'area' as const, planId: PLAN_ID, id: 'AREA-1' };
    await createAnnotation(db, chair, area1, {
      kind: 'assurance',
      text: 'Quality still weak.',
      tags: [],
      visibility: 'shared',
      assuranceLevel: 'Not assured',
    });
    // Another member's shared view, as merged from their file.
    await db.annotations.put({
      ...(await createAnnotation(db, chair, area1, { kind: 'note', text: 'x', tags: [], visibility: 'shared' })),
      id: 'other',
      authorId: 'member-b',
      authorName: 'Cllr Ben Ode',
      kind: 'assurance',
      assuranceLevel: 'Partially assured',
    });
    await db.meetings.put({ id: 'm1', date: '2026-03-12' } as never);
    await db.meetingRecords.put({
      id: 'j1',
      meetingId: 'm1',
      kind: 'judgement',
      itemId: 'i1',
      target: { kind: 'area', planId: PLAN_ID, id: 'AREA-1', label: 'Area 1' },
      level: 'Partially assured',
      reason: 'Timeliness improving; audit findings mixed.',
    } as never);
    window.location.hash = `#/plan/assurance?plan=${PLAN_ID}`;
    renderWithServices(<Routed render={(params) => <AssuranceView params={params} />} />, { db });
    const table = await screen.findByRole('table', { name: 'Members’ views and the board’s last judgement, by area' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    const row = within(table).getByRole('row', { name: /^1: / });
    await waitFor(() => expect(row).toHaveTextContent('Partially assured: 1 (Cllr Ben Ode)'));
    expect(row).toHaveTextContent('Not assured: 1 (Cllr Chair)');
    expect(row).toHaveTextContent('Partially assured (12 March 2026). Timeliness improving; audit findings mixed.');
    const other = within(table).getByRole('row', { name: /^2: / });
    expect(other).toHaveTextContent('No views yet');
    expect(other).toHaveTextContent('None recorded');
  });
});
