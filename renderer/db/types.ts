import type { ImportSource, Problem } from '../../shared/ipc/contract';
import type { StoredChanges } from '../../shared/plan/compact-changes';
import type { StoredEntity } from '../../shared/plan/diff';
import type { PlanFile } from '../../shared/plan/schema';
import type { PlanCounts } from '../../shared/plan/validate';

/** Small key-value facts about this copy of the app (first run done, and the like). */
export type MetaRecord = { key: string; value: unknown };

/** One revision of a plan that was stored. */
export type PlanRevision = { revision: number; importId: string; exportedAt: string; importedAt: string; versionLabel?: string };

/** A plan's header as of its latest stored revision, with its revision history. */
export type PlanRecord = {
  id: string;
  header: PlanFile['plan'];
  export: PlanFile['export'];
  contentHash: string;
  counts: PlanCounts;
  importedAt: string;
  revisions: PlanRevision[];
  /** The board whose plan it is (schema v13); absent means the first board, "board". */
  boardId?: string;
};

export type EntityRecord = StoredEntity;

/** One successful import: the file, where it came from, and a summary of what it changed. */
export type ImportRecord = {
  id: string;
  at: string;
  fileName: string;
  source: ImportSource;
  sha256: string;
  size: number;
  planId: string;
  planTitle: string;
  revision: number;
  previousRevision: number | null;
  counts: PlanCounts;
  summary: { added: number; changed: number; archived: number; restored: number; unchanged: number };
  warnings: Problem[];
  /** How many records the import wrote, all in one transaction. */
  writes: number;
};

/**
 * The full change set of one import, kept apart from the log so listing imports stays cheap. A
 * first import's additions are kept compactly in `added` (see shared/plan/compact-changes.ts):
 * read the changes with `expandChangesSteps` or `findChange`, never `changes` alone.
 */
export type ChangeSetRecord = StoredChanges & {
  importId: string;
  planId: string;
  revision: number;
  previousRevision: number | null;
};
