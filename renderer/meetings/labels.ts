import type { AttendanceStatus, DecisionType, MajorityRule } from '../../shared/meetings/schema';

// The words the meeting screens use for the record's values, in one place.

export const DECISION_TYPE_LABELS: Record<DecisionType, string> = {
  resolved: 'Resolved',
  noted: 'Noted',
  approved: 'Approved',
  deferred: 'Deferred',
  escalated: 'Escalated',
  rescinds: 'Rescinds an earlier decision',
  amends: 'Amends an earlier decision',
};

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
};

export const MAJORITY_LABELS: Record<MajorityRule, string> = {
  simple: 'Simple majority of votes cast',
  'two-thirds': 'Two thirds of votes cast',
};

const clockFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "14:32:05" in the user's time zone. */
export function formatClock(date: Date): string {
  return clockFormat.format(date);
}

/** The CSS class for a level of the assurance scale: the first is the best, the last the worst. */
export function assuranceTone(level: string, scale: readonly string[]): 'good' | 'middle' | 'poor' {
  const index = scale.indexOf(level);
  if (index <= 0) return 'good';
  return index === scale.length - 1 ? 'poor' : 'middle';
}
