// The shape the generator builds, following the plan file format (version 1). Declared here rather than taken
// from the plan schema so the generator stays independent of the importer it is used to test.

import type { AreaKind, EvidenceType } from './catalogue-areas';
import type { MeasureUnit, Polarity } from './catalogue-measures';
import type { OrganisationKind } from './catalogue-parties';

/** A plan file as a plain JSON-able object. */
export type PlanFileObject = Record<string, unknown>;

/** Delivery or impact RAG, lower-case as stored. */
export type Rag = 'blue' | 'green' | 'amber' | 'red' | 'grey';

/** An action's status. */
export type ActionStatus = 'not-started' | 'in-progress' | 'complete' | 'embedded' | 'withdrawn';

/** One monthly progress update. */
export type SampleUpdate = { period: string; narrative: string; deliveryRag: Rag; submittedAt: string };

/** An action as the generator writes it. */
export type SampleAction = {
  id: string;
  areaId: string;
  ref: string;
  title: string;
  description?: string;
  leadId: string;
  sroId: string;
  partnerOrgIds: string[];
  startDate: string;
  dueDate: string;
  revisedDueDate?: string;
  revisionApprovedBy?: string;
  status: ActionStatus;
  deliveryRag: Rag;
  successCriteria: string[];
  measureIds: string[];
  evidenceIds: string[];
  riskIds: string[];
  updates: SampleUpdate[];
};

/** A milestone. */
export type SampleMilestone = { id: string; actionId: string; title: string; dueDate: string; achievedOn: string | null };

/** One point of a measure's series. */
export type SamplePoint = { period: string; value: number | null; status: 'provisional' | 'final' };

/** A measure. */
export type SampleMeasure = {
  id: string;
  name: string;
  unit: MeasureUnit;
  polarity: Polarity;
  frequency: 'monthly';
  source: string;
  definition: string;
  baseline: { value: number; asAt: string };
  targets: { value: number; asAt: string }[];
  benchmarks: { label: string; value: number; period: string }[];
  series: SamplePoint[];
  impactRag: Rag;
};

/** An area. */
export type SampleArea = {
  id: string;
  ref: string;
  title: string;
  kind: AreaKind;
  inspectionText: string;
  sroId: string;
  deliveryRag: Rag;
  impactRag: Rag;
};

/** An evidence document (no file: the sample ships no documents). */
export type SampleEvidence = {
  id: string;
  title: string;
  type: EvidenceType;
  date: string;
  marking: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
};

/** A risk. */
export type SampleRisk = { id: string; description: string; likelihood: number; impact: number; mitigation: string; ownerId: string };

/** The whole generated plan file. */
export type SamplePlan = {
  format: 'oversight-plan';
  formatVersion: 1;
  export: {
    sourceSystem: string;
    exportedAt: string;
    revision: number;
    versionLabel: string;
    approvalState: 'board-agreed';
  };
  plan: {
    id: string;
    title: string;
    kind: 'accelerated-progress-plan';
    localArea: string;
    inspection: { reportPublished: string; outcome: string; framework: string };
  };
  organisations: { id: string; name: string; kind: OrganisationKind }[];
  owners: { id: string; role: string; organisationId: string }[];
  areas: SampleArea[];
  actions: SampleAction[];
  milestones: SampleMilestone[];
  measures: SampleMeasure[];
  evidence: SampleEvidence[];
  risks: SampleRisk[];
};
