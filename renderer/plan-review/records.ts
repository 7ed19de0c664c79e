import type { ActionRow, PlanSummary } from '../../shared/plan-review/summary';

// The records plan review keeps in the store (schema v3), written by the import's transaction.

/** The dashboard's figures for one plan, as of its latest stored revision. */
export type PlanSummaryRecord = PlanSummary & { updatedAt: string };

/** Every action of one plan (archived ones too) as a list row. */
export type ActionRowsRecord = { planId: string; revision: number; rows: ActionRow[] };

/** Up to ACTION_ROWS_CHUNK (renderer/plan-review/action-rows.ts) of one plan's list rows, in order (schema v11). */
export type ActionRowChunkRecord = { planId: string; chunk: number; revision: number; rows: ActionRow[] };
