// The next month's export of a generated plan: the same plan with some actions moved on, a new
// month of data, and now and then an action added or dropped by the board. Ids never change, so
// the app's "what changed" has something true to show.

import {
  firstDayOfMonth,
  formatIsoDate,
  formatLongDate,
  formatPeriod,
  lastDayOfMonth,
  latestBoardMeeting,
  localDateOf,
  monthIndexOf,
  parseIsoDate,
  parsePeriod,
  toWorkingDay,
  ukDateTime,
} from './calendar';
import type { ActionTemplate } from './catalogue-areas';
import { WITHDRAWAL_REASONS } from './catalogue-narratives';
import { OWNERS } from './catalogue-parties';
import { createRng, mixSeed } from './prng';
import type { Rng } from './prng';
import {
  ID_PREFIX,
  approvalText,
  areaTemplate,
  canonicalAction,
  clampValue,
  composeNarrative,
  isSamplePlan,
  isSuppressed,
  measureImpactRag,
  measureTemplateFor,
  organisationId,
  ownerId,
  rollUpAreas,
  roundTo,
  variantLabel,
} from './sample-rules';
import type { PlanFileObject, Rag, SampleAction, SampleMeasure, SampleMilestone, SamplePlan, SampleUpdate } from './sample-types';

/** Options for {@link generateRevision}. */
export type GenerateRevisionOptions = {
  seed: number;
  /** The new export's revision number; must be greater than the previous one's. */
  revision: number;
  /** The new export's date-time; must not be earlier than the previous one's. */
  exportedAt: string;
  /** Share of in-progress actions that move (RAG, status or a revised due date); 0.15 by default. */
  changeFraction?: number;
};

// Chances that the board adds an action, and that it withdraws or removes one, in a revision.
const ADD_ACTION_CHANCE = 0.6;
const DROP_ACTION_CHANCE = 0.6;

type Window = { asAt: number; previousAsAt: number; months: readonly number[]; meeting: number | null };

/** Generates the next export of a plan made by `generatePlan` (or an earlier `generateRevision`). */
export function generateRevision(previous: PlanFileObject, options: GenerateRevisionOptions): PlanFileObject {
  if (!isSamplePlan(previous)) throw new TypeError('generateRevision expects a plan made by generatePlan.');
  const changeFraction = options.changeFraction ?? 0.15;
  if (!(changeFraction >= 0 && changeFraction <= 1)) throw new RangeError('changeFraction must be between 0 and 1.');
  if (!Number.isInteger(options.revision) || options.revision <= previous.export.revision) {
    throw new RangeError(`revision must be a whole number greater than ${previous.export.revision}; got ${options.revision}.`);
  }
  const asAt = localDateOf(options.exportedAt);
  const previousAsAt = localDateOf(previous.export.exportedAt);
  if (asAt < previousAsAt) throw new RangeError('exportedAt must not be earlier than the previous export.');

  const copy: unknown = JSON.parse(JSON.stringify(previous));
  if (!isRecord(copy) || !isSamplePlan(copy)) throw new TypeError('The previous plan could not be copied.');
  const plan = copy;
  const rng = createRng(mixSeed(options.seed, 0x7e5, options.revision));
  const months: number[] = [];
  for (let month = monthIndexOf(previousAsAt) + 1; month <= monthIndexOf(asAt); month += 1) months.push(month);
  const meeting = latestBoardMeeting(asAt);
  const window: Window = { asAt, previousAsAt, months, meeting: meeting > previousAsAt ? meeting : null };

  const milestonesByAction = new Map<string, SampleMilestone[]>();
  for (const milestone of plan.milestones) {
    const list = milestonesByAction.get(milestone.actionId);
    if (list) list.push(milestone);
    else milestonesByAction.set(milestone.actionId, [milestone]);
  }
  const completedNow: SampleAction[] = [];
  for (const action of plan.actions) {
    const isCompleted = advanceAction(rng, window, action, milestonesByAction.get(action.id) ?? [], changeFraction);
    if (isCompleted) completedNow.push(action);
  }

  const added = window.meeting !== null && rng.chance(ADD_ACTION_CHANCE) ? addAction(rng, window, plan, options.revision) : null;
  if (window.meeting !== null && rng.chance(DROP_ACTION_CHANCE)) dropAction(rng, window, plan, added);
  addMinutes(window, plan, options.revision, completedNow);
  if (plan.risks.length > 0 && rng.chance(0.5)) {
    const risk = rng.pick(plan.risks);
    risk.likelihood = Math.min(5, Math.max(1, risk.likelihood + (rng.chance(0.5) ? 1 : -1)));
  }
  const asAtText = formatIsoDate(asAt);
  for (const measure of plan.measures) {
    extendSeries(rng, measure, monthIndexOf(asAt) - 1);
    measure.impactRag = measureImpactRag(measure, asAtText);
  }

  plan.export.exportedAt = options.exportedAt;
  plan.export.revision = options.revision;
  plan.export.versionLabel = `1.${options.revision - 1}`;
  plan.actions = plan.actions.map(canonicalAction);
  rollUpAreas(plan);
  return plan;
}

function isRecord(value: unknown): value is PlanFileObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Events = {
  isStarted: boolean;
  completedOn: number | null;
  revision: { revisedDue: number; approvedOn: number } | null;
  met: string[];
  ragBefore: Rag;
};

/** Moves one action on by the new export's date; returns whether it was completed in this revision. */
function advanceAction(rng: Rng, window: Window, action: SampleAction, milestones: SampleMilestone[], changeFraction: number): boolean {
  if (action.status === 'withdrawn') return false;
  const start = parseIsoDate(action.startDate);
  const events: Events = { isStarted: false, completedOn: null, revision: null, met: [], ragBefore: action.deliveryRag };
  if (action.status === 'complete' || action.status === 'embedded') {
    const lastUpdate = action.updates[action.updates.length - 1];
    const finishedOn = lastUpdate ? parseIsoDate(lastUpdate.submittedAt.slice(0, 10)) : start;
    if (action.status === 'complete' && finishedOn < window.asAt - 90 && rng.chance(changeFraction)) action.status = 'embedded';
    return false;
  }
  if (action.status === 'not-started') {
    if (start > window.asAt) return false;
    action.status = 'in-progress';
    action.deliveryRag = rng.chance(0.8) ? 'green' : 'amber';
    events.isStarted = true;
  } else if (rng.chance(changeFraction)) {
    changeAction(rng, window, action, start, events);
  }

  if (events.completedOn !== null) {
    const completedOn = events.completedOn;
    for (const milestone of milestones) {
      if (milestone.achievedOn === null) {
        milestone.achievedOn = formatIsoDate(
          Math.max(Math.min(parseIsoDate(milestone.dueDate), completedOn), window.previousAsAt + 1, start),
        );
      }
    }
  } else {
    const chance = action.deliveryRag === 'green' ? 0.9 : action.deliveryRag === 'amber' ? 0.6 : 0.3;
    milestones.forEach((milestone, index) => {
      const due = parseIsoDate(milestone.dueDate);
      if (milestone.achievedOn !== null || index === milestones.length - 1 || due > window.asAt || !rng.chance(chance)) return;
      milestone.achievedOn = formatIsoDate(
        Math.min(Math.max(toWorkingDay(due + rng.int(-3, 10)), window.previousAsAt + 1, start), window.asAt),
      );
      events.met.push(milestone.title);
    });
    const effectiveDue = parseIsoDate(action.revisedDueDate ?? action.dueDate);
    if (effectiveDue < window.asAt) action.deliveryRag = 'red';
    else if (
      action.deliveryRag === 'green' &&
      milestones.some((m) => m.achievedOn === null && parseIsoDate(m.dueDate) < window.asAt - 14)
    ) {
      action.deliveryRag = 'amber';
    }
  }
  action.updates.push(...newUpdates(rng, window, action, milestones, start, events));
  return events.completedOn !== null;
}

/** One change to an in-progress action: completion, a revised due date, or a move of RAG. */
function changeAction(rng: Rng, window: Window, action: SampleAction, start: number, events: Events): void {
  const effectiveDue = parseIsoDate(action.revisedDueDate ?? action.dueDate);
  const canComplete = window.asAt > window.previousAsAt;
  if (canComplete && effectiveDue < window.asAt + 60 && rng.chance(0.6)) {
    action.status = 'complete';
    action.deliveryRag = 'blue';
    events.completedOn = rng.int(Math.max(window.previousAsAt + 1, start), window.asAt);
    return;
  }
  if (action.deliveryRag !== 'green' && window.meeting !== null && rng.chance(0.4)) {
    const revisedDue = lastDayOfMonth(monthIndexOf(Math.max(effectiveDue, window.asAt)) + rng.int(2, 4));
    action.revisedDueDate = formatIsoDate(revisedDue);
    action.revisionApprovedBy = approvalText(window.meeting);
    action.deliveryRag = 'amber';
    events.revision = { revisedDue, approvedOn: window.meeting };
    return;
  }
  const moves: Record<Rag, Rag> = {
    green: 'amber',
    amber: rng.chance(0.6) ? 'green' : 'red',
    red: 'amber',
    blue: 'blue',
    grey: 'green',
  };
  action.deliveryRag = moves[action.deliveryRag];
}

function newUpdates(
  rng: Rng,
  window: Window,
  action: SampleAction,
  milestones: readonly SampleMilestone[],
  start: number,
  events: Events,
): SampleUpdate[] {
  const updates: SampleUpdate[] = [];
  // A lead always reports news (a change of RAG above all); a quiet month is sometimes skipped.
  const hasNews =
    events.isStarted ||
    events.completedOn !== null ||
    events.revision !== null ||
    events.met.length > 0 ||
    action.deliveryRag !== events.ragBefore;
  window.months.forEach((month, index) => {
    const isLast = index === window.months.length - 1;
    if (month < monthIndexOf(start)) return;
    if (!isLast && !rng.chance(0.9)) return;
    if (isLast && !hasNews && !rng.chance(0.9)) return;
    let submittedOn = Math.max(toWorkingDay(firstDayOfMonth(month) + rng.int(19, 25)), start);
    if (isLast && events.completedOn !== null) submittedOn = Math.max(submittedOn, events.completedOn);
    submittedOn = Math.min(submittedOn, window.asAt);
    if (submittedOn <= window.previousAsAt) return;
    const upcoming = milestones.find((m) => m.achievedOn === null);
    const period = formatPeriod(month);
    // An action completed this revision was still in progress in any earlier month of the window.
    const rag: Rag = !isLast && events.completedOn !== null ? 'green' : action.deliveryRag;
    updates.push({
      period,
      narrative: composeNarrative(rng, {
        rag,
        submittedOn,
        period,
        isFirst: isLast && events.isStarted && action.updates.length === 0,
        isCompletion: isLast && events.completedOn !== null,
        milestonesMet: isLast ? events.met : [],
        next: upcoming ? { title: upcoming.title, dueDate: parseIsoDate(upcoming.dueDate) } : null,
        revision: isLast ? events.revision : null,
      }),
      deliveryRag: rag,
      submittedAt: ukDateTime(submittedOn, rng.int(9, 17), rng.int(0, 59)),
    });
  });
  return updates;
}

/** Adds one action agreed by the board at its latest meeting (after a deep dive or stocktake). */
function addAction(rng: Rng, window: Window, plan: SamplePlan, revision: number): SampleAction | null {
  const meeting = window.meeting;
  if (meeting === null || plan.areas.length === 0) return null;
  const areaIndex = rng.int(0, plan.areas.length - 1);
  const area = plan.areas[areaIndex];
  const template = rng.pick(areaTemplate(areaIndex).laterActions);
  if (area === undefined) return null;
  const titles = new Set(plan.actions.map((a) => a.title));
  let title = template.title;
  for (let variant = 0; titles.has(title); variant += 1) title = `${template.title}: ${variantLabel(variant)}`;

  const start = toWorkingDay(meeting + 1);
  const due = lastDayOfMonth(monthIndexOf(window.asAt) + rng.int(3, 6));
  const id = `${ID_PREFIX.action}r${revision}-1`;
  const isStarted = start <= window.asAt;
  const measureIds = new Set(plan.measures.map((m) => m.id));
  const action: SampleAction = {
    id,
    areaId: area.id,
    ref: `${area.ref}.${highestRefNumber(plan.actions, area.id) + 1}`,
    title,
    description: template.description,
    leadId: ownerId(template.lead),
    sroId: area.sroId,
    partnerOrgIds: partnersOf(template),
    startDate: formatIsoDate(start),
    dueDate: formatIsoDate(due),
    status: isStarted ? 'in-progress' : 'not-started',
    deliveryRag: isStarted ? 'green' : 'grey',
    successCriteria: [...template.successCriteria],
    measureIds: template.measures.map((key) => `${ID_PREFIX.measure}${key}`).filter((m) => measureIds.has(m)),
    evidenceIds: [],
    riskIds: [],
    updates: [],
  };
  const milestones: SampleMilestone[] = template.milestones.map((milestoneTitle, index) => ({
    id: `${id}-m${index + 1}`,
    actionId: id,
    title: milestoneTitle,
    dueDate: formatIsoDate(
      index === template.milestones.length - 1
        ? due
        : toWorkingDay(start + Math.round(((due - start) * (index + 1)) / template.milestones.length)),
    ),
    achievedOn: null,
  }));
  const submittedOn = Math.min(toWorkingDay(start + rng.int(1, 5)), window.asAt);
  if (isStarted && submittedOn >= start) {
    const first = milestones[0];
    action.updates.push({
      period: formatPeriod(monthIndexOf(submittedOn)),
      narrative: `Added to the plan by the SEND Oversight Board on ${formatLongDate(meeting)}. ${composeNarrative(rng, {
        rag: 'green',
        submittedOn,
        period: formatPeriod(monthIndexOf(submittedOn)),
        isFirst: true,
        isCompletion: false,
        milestonesMet: [],
        next: first ? { title: first.title, dueDate: parseIsoDate(first.dueDate) } : null,
        revision: null,
      })}`,
      deliveryRag: 'green',
      submittedAt: ukDateTime(submittedOn, rng.int(9, 17), rng.int(0, 59)),
    });
  }
  let insertAt = plan.actions.length;
  for (let i = plan.actions.length - 1; i >= 0; i -= 1) {
    if (plan.actions[i]?.areaId === area.id) {
      insertAt = i + 1;
      break;
    }
  }
  plan.actions.splice(insertAt, 0, action);
  plan.milestones.push(...milestones);
  return action;
}

/**
 * Withdraws one action (kept, with a closing update) or removes it from the export altogether, as
 * trackers do. The last action of an area is never chosen, so a later addition cannot reuse its ref.
 */
function dropAction(rng: Rng, window: Window, plan: SamplePlan, added: SampleAction | null): void {
  const meeting = window.meeting;
  if (meeting === null) return;
  const highest = new Map<string, number>();
  for (const action of plan.actions) highest.set(action.areaId, Math.max(highest.get(action.areaId) ?? 0, refNumber(action.ref)));
  const candidates = plan.actions.filter(
    (a) => a !== added && (a.status === 'not-started' || a.status === 'in-progress') && refNumber(a.ref) < (highest.get(a.areaId) ?? 0),
  );
  if (candidates.length === 0) return;
  const action = rng.pick(candidates);
  if (rng.chance(0.5)) {
    action.status = 'withdrawn';
    action.deliveryRag = 'grey';
    const submittedOn = Math.max(Math.min(toWorkingDay(meeting + 1), window.asAt), window.previousAsAt + 1);
    const period = formatPeriod(monthIndexOf(submittedOn));
    // The withdrawal is the action's last word: it replaces any update for the same or a later month.
    action.updates = action.updates.filter((u) => u.period < period);
    action.updates.push({
      period,
      narrative: `Withdrawn with the agreement of the SEND Oversight Board on ${formatLongDate(meeting)}: ${rng.pick(WITHDRAWAL_REASONS)}.`,
      deliveryRag: 'grey',
      submittedAt: ukDateTime(submittedOn, rng.int(9, 17), rng.int(0, 59)),
    });
    return;
  }
  plan.actions = plan.actions.filter((a) => a !== action);
  plan.milestones = plan.milestones.filter((m) => m.actionId !== action.id);
}

/** Records the minutes of each board meeting since the last export as evidence. */
function addMinutes(window: Window, plan: SamplePlan, revision: number, completedNow: readonly SampleAction[]): void {
  const meeting = window.meeting;
  if (meeting === null) return;
  const id = `${ID_PREFIX.evidence}r${revision}-1`;
  plan.evidence.push({
    id,
    title: `Minutes of the SEND Oversight Board, ${formatLongDate(meeting)}`,
    type: 'minutes',
    date: formatIsoDate(Math.min(meeting + 7, window.asAt)),
    marking: 'OFFICIAL',
  });
  for (const action of completedNow.slice(0, 3)) action.evidenceIds.push(id);
}

/** Finalises provisional points and adds each month up to `latestMonth`, continuing the recent trend. */
function extendSeries(rng: Rng, measure: SampleMeasure, latestMonth: number): void {
  const template = measureTemplateFor(measure.id);
  const decimals = template?.decimals ?? (measure.unit === 'count' ? 0 : 1);
  const shape = (value: number): number => roundTo(clampValue(measure.unit, value), decimals);
  const publish = (value: number): number | null => (isSuppressed(template, value) ? null : value);
  const noise = template?.noise ?? recentSpread(measure);
  for (const point of measure.series) {
    if (point.status !== 'provisional') continue;
    point.status = 'final';
    // Provisional figures are often revised a little when late records arrive.
    if (point.value !== null && rng.chance(0.5)) point.value = publish(shape(point.value + rng.normal() * noise * 0.15));
  }
  const last = measure.series[measure.series.length - 1];
  const firstMonth = last ? parsePeriod(last.period) + 1 : latestMonth;
  for (let month = firstMonth; month <= latestMonth; month += 1) {
    const recent = measure.series.flatMap((p) => (p.value === null ? [] : [p.value])).slice(-6);
    const lastValue = recent[recent.length - 1] ?? measure.baseline.value;
    const momentum = recent.length >= 6 ? (mean(recent.slice(3)) - mean(recent.slice(0, 3))) / 3 : 0;
    const value = shape(lastValue + momentum * 0.5 + rng.normal() * noise * 0.8);
    measure.series.push({ period: formatPeriod(month), value: publish(value), status: month === latestMonth ? 'provisional' : 'final' });
  }
}

function recentSpread(measure: SampleMeasure): number {
  const values = measure.series.flatMap((p) => (p.value === null ? [] : [p.value])).slice(-7);
  const steps = values.slice(1).map((v, i) => Math.abs(v - (values[i] ?? v)));
  return steps.length === 0 ? 0 : mean(steps);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function refNumber(ref: string): number {
  return Number(ref.slice(ref.lastIndexOf('.') + 1)) || 0;
}

function highestRefNumber(actions: readonly SampleAction[], areaId: string): number {
  return actions.reduce((max, a) => (a.areaId === areaId ? Math.max(max, refNumber(a.ref)) : max), 0);
}

function partnersOf(template: ActionTemplate): string[] {
  const lead = OWNERS.find((o) => o.key === template.lead);
  return [...new Set([lead?.organisation ?? 'council', ...template.partners])].map(organisationId);
}
