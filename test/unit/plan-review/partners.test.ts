import { describe, expect, it } from 'vitest';
import { filterRows, filtersFromParams, filtersToParams, activeFilterCount, NO_FILTERS } from '../../../shared/plan-review/filters';
import { partiesOf, partnerSummaries, type ActionParties } from '../../../shared/plan-review/partners';
import { buildPlanReview } from '../../../shared/plan-review/summary';
import type { Action, Organisation, Owner } from '../../../shared/plan/schema';
import { makeValidPlan } from '../plan/fixtures';

// The fixture: 1.1 (lead Head of SEND and SRO the DCS, both council; partner ICB), 1.2 (lead the
// DCO at the ICB; partners ICB, NHS trust, forum; revised due date), 2.1 (council lead and SRO;
// partner forum; complete), 2.2 (no partner).
const plan = makeValidPlan() as unknown as { actions: Action[]; owners: Owner[]; organisations: Organisation[] };
const owners = new Map(plan.owners.map((owner) => [owner.id, owner]));
const parties = new Map<string, ActionParties>(plan.actions.map((action) => [action.id, partiesOf(action, owners)]));
const TODAY = '2026-05-01';

function rows() {
  const entities = [
    ...plan.actions.map((action) => ({ kind: 'action', id: action.id, data: action })),
    ...plan.owners.map((owner) => ({ kind: 'owner', id: owner.id, data: owner })),
  ].map((entity) => ({ ...entity, planId: 'p', addedInRevision: 1, changedInRevision: 1, archivedInRevision: null }));
  return buildPlanReview('p', 1, entities as never).rows;
}

describe('partners held to account', () => {
  it('an action involves its partners and the organisations of its lead and SRO', () => {
    expect([...(parties.get('A-1.1')?.organisationIds ?? [])].sort()).toEqual(['ORG-ICB', 'ORG-LA']);
    expect([...(parties.get('A-1.2')?.organisationIds ?? [])].sort()).toEqual(['ORG-ICB', 'ORG-NHS', 'ORG-PCF']);
    expect(parties.get('A-1.1')?.sroId).toBe('OWN-DCS');
    expect(partiesOf({ leadId: 'OWN-GONE', partnerOrgIds: [] }, owners)).toEqual({ sroId: null, organisationIds: new Set() });
  });

  it('sums each partner’s actions, delivery, overdue and slipped actions and measures, by name', () => {
    const summaries = partnerSummaries(rows(), parties, plan.organisations, TODAY);
    expect(summaries.map((summary) => [summary.organisation.id, summary.actions.map((row) => row.ref)])).toEqual([
      ['ORG-ICB', ['1.1', '1.2']],
      ['ORG-NHS', ['1.2']],
      ['ORG-LA', ['1.1', '2.1']],
      ['ORG-PCF', ['1.2', '2.1']],
    ]);
    const icb = summaries.find((summary) => summary.organisation.id === 'ORG-ICB');
    expect(icb?.delivery).toMatchObject({ amber: 1, red: 1, green: 0 });
    expect(icb?.overdue.map((row) => row.ref)).toEqual(['1.1', '1.2']);
    expect(icb?.revised.map((row) => row.ref)).toEqual(['1.2']);
    const council = summaries.find((summary) => summary.organisation.id === 'ORG-LA');
    // 2.1 is complete, so never overdue, whatever its date.
    expect(council?.overdue.map((row) => row.ref)).toEqual(['1.1']);
  });

  it('the actions list filters by partner and by SRO, from the query string and back', () => {
    const filters = filtersFromParams(new URLSearchParams('partner=ORG-PCF&sro=OWN-HSEND'));
    expect(filters).toMatchObject({ partner: 'ORG-PCF', sro: 'OWN-HSEND' });
    expect(filtersToParams(filters)).toMatchObject({ partner: 'ORG-PCF', sro: 'OWN-HSEND' });
    expect(activeFilterCount(filters)).toBe(2);
    const context = { today: TODAY, partiesOf: parties };
    expect(filterRows(rows(), { ...NO_FILTERS, partner: 'ORG-PCF' }, context).map((row) => row.ref)).toEqual(['1.2', '2.1']);
    expect(filterRows(rows(), filters, context).map((row) => row.ref)).toEqual(['2.1']);
    expect(filterRows(rows(), { ...NO_FILTERS, sro: 'OWN-DCS' }, context).map((row) => row.ref)).toEqual(['1.1']);
    // Until who is accountable is known, a partner filter keeps nothing rather than everything.
    expect(filterRows(rows(), { ...NO_FILTERS, partner: 'ORG-PCF' }, { today: TODAY })).toEqual([]);
  });
});
