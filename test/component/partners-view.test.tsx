import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartnersView } from '../../renderer/plan-review/partners-view';
import { renderWithServices } from './helpers';
import { PLAN_ID, Routed, storeWithPlan } from './plan-review-helpers';

beforeEach(() => {
  window.location.hash = `#/plan/partners?plan=${PLAN_ID}`;
});
afterEach(() => {
  window.location.hash = '';
});

describe('by partner', () => {
  it('holds each partner to account for its own actions: delivery, overdue, slipped, with links to the filtered list', async () => {
    const db = await storeWithPlan();
    renderWithServices(<Routed render={(params) => <PartnersView params={params} today="2026-05-01" />} />, { db });
    const icb = await screen.findByRole('region', { name: /Northshire and Wells Integrated Care Board/ });
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent?.replace(/ \(.*\)$/, ''))).toEqual([
      'Northshire and Wells Integrated Care Board',
      'Northshire Community Health NHS Trust',
      'Northshire County Council',
      'Northshire Parent Carer Forum',
    ]);
    expect(icb).toHaveTextContent('2 actions. Delivery: Amber 1, Red 1. 2 overdue actions, 1 revised due date.');
    expect(within(icb).getByRole('link', { name: '2 actions' })).toHaveAttribute('href', `#/plan/actions?plan=${PLAN_ID}&partner=ORG-ICB`);
    expect(within(icb).getByRole('link', { name: '2 overdue actions' }).getAttribute('href')).toContain('overdue=1');
    expect(
      within(icb)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringMatching(/^1\.1 Recruit/), expect.stringMatching(/^1\.2 /)]);
    const council = screen.getByRole('region', { name: /Northshire County Council/ });
    await waitFor(() => expect(council).toHaveTextContent('The board’s latest judgements on its actionsNone recorded.'));
  });
});
