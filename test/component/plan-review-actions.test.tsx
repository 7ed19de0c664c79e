import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionsView } from '../../renderer/plan-review/actions-view';
import { setFiltersOpen } from '../../renderer/plan-review/filters-panel';
import { renderWithServices } from './helpers';
import { PLAN_ID, Routed, storeWithPlan } from './plan-review-helpers';

const TODAY = '2026-04-10';

// jsdom lays nothing out, so every element is 0 pixels tall and a virtual list would show no
// rows: give the list's scroll box the size a laptop screen would.
const sizes = ['clientHeight', 'clientWidth'] as const;
const originals = sizes.map((name) => Object.getOwnPropertyDescriptor(Element.prototype, name));
beforeAll(() => {
  for (const name of sizes) {
    Object.defineProperty(Element.prototype, name, {
      configurable: true,
      get(this: Element) {
        return this.classList.contains('action-scroll') ? (name === 'clientHeight' ? 640 : 1000) : 0;
      },
    });
  }
});
afterAll(() => {
  sizes.forEach((name, index) => {
    const original = originals[index];
    if (original) Object.defineProperty(Element.prototype, name, original);
  });
});

beforeEach(() => {
  window.location.hash = `#/plan/actions?plan=${PLAN_ID}`;
  // The filters start folded away; these tests use them (the folding has its own test below).
  setFiltersOpen(true);
});
afterEach(() => {
  window.location.hash = '';
});

async function renderList() {
  const db = await storeWithPlan();
  const utils = renderWithServices(<Routed render={(params) => <ActionsView params={params} today={TODAY} />} />, { db });
  await screen.findByText('4 of 4 actions');
  return utils;
}

function refs(): string[] {
  return screen.getAllByTestId('action-row').map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

async function hashChanged() {
  await act(async () => {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('actions list', () => {
  it('folds the filters away at first, so the list fills the screen; one button shows them, saying how many are on', async () => {
    const user = userEvent.setup();
    setFiltersOpen(false);
    window.location.hash = `#/plan/actions?plan=${PLAN_ID}&rag=red`;
    const db = await storeWithPlan();
    renderWithServices(<Routed render={(params) => <ActionsView params={params} today={TODAY} />} />, { db });
    await screen.findByText('1 of 4 actions (1 filter on)');
    const toggle = screen.getByRole('button', { name: 'Show filters (1 on)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('checkbox', { name: 'Red' })).not.toBeInTheDocument();
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('checkbox', { name: 'Red' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Hide filters (1 on)' })).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')).toHaveAccessibleName('Filter the actions');
  });

  it('shows each action’s ref, title, lead, due date (revised with the original struck through), status, RAG and last update', async () => {
    await renderList();
    expect(refs()).toEqual(['1.1', '1.2', '2.1', '2.2']);
    const revised = screen.getAllByTestId('action-row')[1];
    if (!revised) throw new Error('no row');
    const cells = within(revised).getAllByRole('cell');
    expect(cells[2]).toHaveTextContent('Designated Clinical Officer');
    expect(cells[3]?.querySelector('del')).toHaveTextContent('originally 31 January 2026');
    expect(cells[3]).toHaveTextContent(/^30 April 2026/);
    expect(cells[4]).toHaveTextContent('In progress');
    expect(within(revised).getByRole('link')).toHaveAttribute('href', `#/plan/action?plan=${PLAN_ID}&id=A-1.2`);
  });

  it('shows delivery RAG as a word with its colour, never colour alone', async () => {
    await renderList();
    const badges = screen.getAllByTestId('action-row').map((row) => within(row).getAllByRole('cell')[5]?.querySelector('.rag'));
    expect(badges.map((badge) => badge?.textContent)).toEqual(['Amber', 'Red', 'Blue', 'Grey']);
    expect(badges.map((badge) => badge?.className)).toEqual(['rag rag-amber', 'rag rag-red', 'rag rag-blue', 'rag rag-grey']);
    expect(badges[1]).toHaveAttribute('title', 'Delivery RAG: Red');
  });

  it('filters to red and overdue by keyboard, keeps the filters in the address, and clears them', async () => {
    const user = userEvent.setup();
    await renderList();
    await user.click(screen.getByRole('checkbox', { name: 'Amber' }));
    await hashChanged();
    expect(window.location.hash).toContain('rag=amber');
    await waitFor(() => expect(refs()).toEqual(['1.1']));
    screen.getByRole('checkbox', { name: 'Overdue' }).focus();
    await user.keyboard(' ');
    await hashChanged();
    expect(window.location.hash).toContain('overdue=1');
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent('1 of 4 actions (2 filters on)'));
    await user.click(screen.getByRole('checkbox', { name: 'Amber' }));
    await user.click(screen.getByRole('checkbox', { name: 'Red' }));
    await hashChanged();
    // 1.2 is red but its revised date (30 April) is still ahead.
    await waitFor(() => expect(screen.getByText('No actions match these filters.')).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await hashChanged();
    await waitFor(() => expect(refs()).toEqual(['1.1', '1.2', '2.1', '2.2']));
  });

  it('filters by partner and by senior responsible officer, kept in the address', async () => {
    const user = userEvent.setup();
    await renderList();
    const partner = screen.getByRole('combobox', { name: 'Partner' });
    await waitFor(() => expect(within(partner).getAllByRole('option')).toHaveLength(5));
    await user.selectOptions(partner, 'Northshire Parent Carer Forum');
    await hashChanged();
    expect(window.location.hash).toContain('partner=ORG-PCF');
    await waitFor(() => expect(refs()).toEqual(['1.2', '2.1']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Senior responsible officer' }), 'Head of SEND');
    await hashChanged();
    expect(window.location.hash).toContain('sro=OWN-HSEND');
    await waitFor(() => expect(refs()).toEqual(['2.1']));
    await waitFor(() => expect(screen.getByTestId('result-count')).toHaveTextContent('1 of 4 actions (2 filters on)'));
  });

  it('filters by area and status from the address, as the dashboard links do', async () => {
    window.location.hash = `#/plan/actions?plan=${PLAN_ID}&area=AREA-2&status=not-started`;
    const db = await storeWithPlan();
    renderWithServices(<Routed render={(params) => <ActionsView params={params} today={TODAY} />} />, { db });
    expect(await screen.findByText('1 of 4 actions (2 filters on)')).toBeInTheDocument();
    expect(refs()).toEqual(['2.2']);
    // The area's options come from the plan's summary, read a moment after the rows: wait for the value.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Area' })).toHaveValue('AREA-2'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Actions: area 2, Parents’ understanding of the Local Offer');
  });

  it('sorts by a column and reverses on a second press, saying so to screen readers', async () => {
    const user = userEvent.setup();
    await renderList();
    const due = () => screen.getByRole('columnheader', { name: /Due/ });
    await user.click(within(due()).getByRole('button'));
    await hashChanged();
    await waitFor(() => expect(refs()).toEqual(['2.1', '1.1', '1.2', '2.2']));
    expect(due()).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(due()).getByRole('button'));
    await hashChanged();
    await waitFor(() => expect(refs()).toEqual(['2.2', '1.2', '1.1', '2.1']));
    expect(due()).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: /Ref/ })).toHaveAttribute('aria-sort', 'none');
  });

  it('says so when the plan is not on this laptop', async () => {
    window.location.hash = '#/plan/actions?plan=nope';
    renderWithServices(<Routed render={(params) => <ActionsView params={params} today={TODAY} />} />);
    expect(await screen.findByText(/That plan is not on this laptop/)).toBeInTheDocument();
  });
});

describe('changed since a board meeting', () => {
  it('offers each past meeting and keeps the actions changed since the revision the board had then', async () => {
    const { storeCandidate } = await import('../../renderer/db/plan-repository');
    const { candidateFor, planObject } = await import('../unit/renderer/plan-candidates');
    const { createMeeting } = await import('../../renderer/meetings/meeting-repository');
    const user = userEvent.setup();
    const db = await storeWithPlan(); // revision 7, exported 2 March 2026
    await createMeeting(db, { id: 'm-march', title: 'Board', date: '2026-03-12', time: '14:00', place: 'Room 1', planId: PLAN_ID });
    const next = planObject();
    next.export.revision = 8;
    next.export.exportedAt = '2026-04-01T09:00:00Z';
    next.actions[2] = { ...next.actions[2], deliveryRag: 'amber' };
    await storeCandidate(db, candidateFor(next));
    renderWithServices(<Routed render={(params) => <ActionsView params={params} today={TODAY} />} />, { db });
    await screen.findByText('4 of 4 actions');
    const select = screen.getByRole('combobox', { name: 'Changed' });
    // The meetings arrive by their own live query, just after the rows.
    expect(await within(select).findByRole('option', { name: 'Since the meeting of 12 March 2026 (revision 7)' })).toBeInTheDocument();
    await user.selectOptions(select, 'Since the meeting of 12 March 2026 (revision 7)');
    await hashChanged();
    await screen.findByText('1 of 4 actions (1 filter on)');
    expect(refs()).toEqual(['2.1']);
  });
});
