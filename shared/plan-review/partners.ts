import type { Organisation, Owner } from '../plan/schema';
import { isOpenStatus } from './rules';
import { compareRefs, emptyRagCounts, type ActionRow, type RagCounts } from './summary';

// Partners held to account separately: which organisations an action involves, and for each
// organisation its actions, their delivery, what is overdue or has slipped, and the measures
// its actions are linked to. Pure.

/** Who is accountable for an action: its senior responsible officer and the organisations involved. */
export type ActionParties = { sroId: string | null; organisationIds: ReadonlySet<string> };

/**
 * The organisations an action involves: its partner organisations, and the organisations of its
 * lead and of its senior responsible officer (an owner is a role within one organisation).
 */
export function partiesOf(
  action: { leadId?: string | null | undefined; sroId?: string | null | undefined; partnerOrgIds: readonly string[] },
  owners: ReadonlyMap<string, Pick<Owner, 'organisationId'>>,
): ActionParties {
  const organisationIds = new Set(action.partnerOrgIds);
  for (const ownerId of [action.leadId, action.sroId]) {
    const organisationId = ownerId ? owners.get(ownerId)?.organisationId : undefined;
    if (organisationId) organisationIds.add(organisationId);
  }
  return { sroId: action.sroId ?? null, organisationIds };
}

export type PartnerSummary = {
  organisation: Pick<Organisation, 'id' | 'name' | 'kind'>;
  /** Current actions involving the organisation, in reference order. */
  actions: ActionRow[];
  delivery: RagCounts;
  /** Open actions past the date they are now due. */
  overdue: ActionRow[];
  /** Actions whose due date was revised (slipped). */
  revised: ActionRow[];
  /** Distinct measures linked to its actions. */
  measureIds: string[];
};

/** One summary per organisation with at least one current action, by name. */
export function partnerSummaries(
  rows: readonly ActionRow[],
  parties: ReadonlyMap<string, ActionParties>,
  organisations: ReadonlyArray<Pick<Organisation, 'id' | 'name' | 'kind'>>,
  today: string,
): PartnerSummary[] {
  const summaries: PartnerSummary[] = [];
  const current = rows.filter((row) => row.archivedInRevision === null).sort((a, b) => compareRefs(a.ref, b.ref));
  for (const organisation of organisations) {
    const actions = current.filter((row) => parties.get(row.id)?.organisationIds.has(organisation.id));
    if (actions.length === 0) continue;
    const delivery = emptyRagCounts();
    for (const row of actions) delivery[row.deliveryRag] += 1;
    summaries.push({
      organisation,
      actions,
      delivery,
      overdue: actions.filter((row) => isOpenStatus(row.status) && (row.revisedDueDate ?? row.dueDate) < today),
      revised: actions.filter((row) => row.revisedDueDate !== null),
      measureIds: [...new Set(actions.flatMap((row) => row.measureIds))],
    });
  }
  return summaries.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'en-GB'));
}
