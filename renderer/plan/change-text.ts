import type { FieldChange } from '../../shared/plan/diff';
import type { Measure, ProgressUpdate } from '../../shared/plan/schema';
import { formatDate } from '../format';

// Pure wording for "what changed": one place decides how a field move reads in en-GB.

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  ref: 'Reference',
  areaId: 'Area',
  leadId: 'Lead',
  sroId: 'Senior responsible officer',
  partnerOrgIds: 'Partner organisations',
  startDate: 'Start date',
  dueDate: 'Due date',
  revisedDueDate: 'Revised due date',
  revisionApprovedBy: 'Revision approved by',
  status: 'Status',
  deliveryRag: 'Delivery RAG',
  impactRag: 'Impact RAG',
  successCriteria: 'Success criteria',
  measureIds: 'Linked measures',
  evidenceIds: 'Evidence',
  riskIds: 'Risks',
  updates: 'Progress updates',
  achievedOn: 'Achieved on',
  inspectionText: 'Inspection text',
  name: 'Name',
  role: 'Role',
  likelihood: 'Likelihood',
  impact: 'Impact',
  mitigation: 'Mitigation',
  ownerId: 'Owner',
  series: 'Monthly figures',
  targets: 'Targets',
  baseline: 'Baseline',
  benchmarks: 'Benchmarks',
};

const STATUS_LABELS: Record<string, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  embedded: 'Embedded',
  withdrawn: 'Withdrawn',
};

/** The reader's name for a field. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());
}

/** A field's value as a reader sees it. */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (field === 'status' && typeof value === 'string') return STATUS_LABELS[value] ?? value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? 'none' : value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('; ');
  return JSON.stringify(value);
}

/** Progress updates in `after` whose period was not in `before`: the new ones this revision. */
export function newUpdates(change: FieldChange): ProgressUpdate[] {
  const before = Array.isArray(change.before) ? (change.before as ProgressUpdate[]) : [];
  const after = Array.isArray(change.after) ? (change.after as ProgressUpdate[]) : [];
  const seen = new Set(before.map((update) => `${update.period}\u0000${update.narrative}`));
  return after.filter((update) => !seen.has(`${update.period}\u0000${update.narrative}`));
}

export type MeasureMovement = {
  before: { period: string; value: number } | null;
  after: { period: string; value: number } | null;
  /** improving / worsening by the measure's own polarity; `same` when unchanged; null without two values. */
  direction: 'improving' | 'worsening' | 'same' | null;
};

/** The latest reported value of a series (suppressed points are skipped). */
export function latestValue(series: Measure['series']): { period: string; value: number } | null {
  for (let index = series.length - 1; index >= 0; index -= 1) {
    const point = series[index];
    if (point && point.value !== null) return { period: point.period, value: point.value };
  }
  return null;
}

/** How a measure's latest value moved between two revisions, judged by its polarity. */
export function measureMovement(before: Measure, after: Measure): MeasureMovement {
  const was = latestValue(before.series);
  const now = latestValue(after.series);
  if (!was || !now) return { before: was, after: now, direction: null };
  if (now.value === was.value) return { before: was, after: now, direction: 'same' };
  const isUp = now.value > was.value;
  const isImproving = after.polarity === 'higher-is-better' ? isUp : !isUp;
  return { before: was, after: now, direction: isImproving ? 'improving' : 'worsening' };
}

/**
 * A change to a list of linked records (evidence, measures, risks, partners) in words: what was
 * added and removed, by name. Raw ids ("ev-005 → ev-005; ev-r2-1") told a member nothing.
 */
export function linkedListChange(before: unknown, after: unknown, nameOf: (id: string) => string | undefined): string {
  const ids = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const was = new Set(ids(before));
  const now = new Set(ids(after));
  const named = (id: string) => `“${nameOf(id) ?? id}”`;
  const added = [...now].filter((id) => !was.has(id)).map(named);
  const removed = [...was].filter((id) => !now.has(id)).map(named);
  const parts = [added.length > 0 ? `added ${added.join(', ')}` : '', removed.length > 0 ? `removed ${removed.join(', ')}` : ''];
  return parts.filter(Boolean).join('; ') || 'reordered';
}
