import type { ActionRow, PlanSummary } from '../../shared/plan-review/summary';

// The records plan review keeps in the store (schema v3), written by the import's transaction.

/** The dashboard's figures for one plan, as of its latest stored revision. */
export type PlanSummaryRecord = PlanSummary & { updatedAt: string };

/** Every action of one plan (archived ones too) as a list row. */
export type ActionRowsRecord = { planId: string; revision: number; rows: ActionRow[] };
