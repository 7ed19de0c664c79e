import type { DecisionRecord, JudgementRecord, MeetingRecord } from '../meetings/schema';
import type { Action, Area, Measure, Rag, Risk } from '../plan/schema';
import type { VoiceRecord } from '../voice/schema';
import { VOICE_KIND_LABELS } from '../voice/schema';
import { readingOrder, withheldItemIds } from './minutes-model';
import type { ExportQuestion, MeetingBundle } from './schema';
import { dateText } from './text';

// The board's report to full council (and for inspection readiness) as one document model, from
// which both the DOCX and the PDF are laid out, so the two never say different things. Pure:
// the plan as stored now, the meetings in the period with their records, families' voice and
// members' questions in; the report out, exempt items left out unless included.

export type ReportPlan = { title: string; areas: Area[]; actions: Action[]; measures: Measure[]; risks: Risk[] };

export type ReportVoice = Omit<VoiceRecord, 'recordedBy' | 'createdAt' | 'updatedAt'>;

/** A shared question and the meeting whose agenda it was placed on. */
export type ReportQuestion = ExportQuestion & { meetingId: string };

export type ReportInput = {
  boardName: string;
  includeExempt: boolean;
  /** The period, both ends included (YYYY-MM-DD). */
  from: string;
  to: string;
  plan: ReportPlan;
  bundles: MeetingBundle[];
  voice: ReportVoice[];
  questions: ReportQuestion[];
};

export type TrendPoint = {
  /** "14 January 2027" */
  meetingDate: string;
  meetingTitle: string;
  /** The worst delivery rating among the area's actions, from their latest progress update by the meeting; "Not rated" if none. */
  delivery: string;
  /** "2 of 3 measures at target", from each measure's latest figure by the meeting; "No figures" if none. */
  impact: string;
  /** The board's assurance level on the area at that meeting, or "Not judged". */
  assurance: string;
};

export type ReportChartPoint = { period: string; value: number | null };

export type ReportMeasure = {
  name: string;
  unit: string;
  polarity: string;
  source: string;
  baseline: string;
  /** The target in force at the end of the period, e.g. "85% by 31 March 2027", or "No target set". */
  target: string;
  latest: string;
  /** "At target", "Not at target" or "No figure yet". */
  status: string;
  points: ReportChartPoint[];
  targetValue: number | null;
  /** The chart as a self-contained SVG (no script, no external reference), drawn here so DOCX and PDF agree. */
  svg: string;
};

export type ReportJudgement = { meetingDate: string; target: string; level: string; reason: string };

export type ReportArea = {
  ref: string;
  title: string;
  deliveryNow: string;
  impactNow: string;
  trend: TrendPoint[];
  measures: ReportMeasure[];
  /** Measures linked to the area beyond the key ones reported (the plan's dashboard has them all). */
  moreMeasures: number;
  judgements: ReportJudgement[];
  overdue: string[];
  revised: string[];
  voice: string[];
  risks: string[];
};

export type ReportEscalation = { meetingDate: string; number: string; to: string; text: string };
export type ReportQuestionLine = { meetingDate: string; asker: string; about: string; question: string; answer: string };

export type BoardReport = {
  boardName: string;
  planTitle: string;
  periodLine: string;
  isConfidential: boolean;
  meetings: Array<{ date: string; title: string; status: string }>;
  areas: ReportArea[];
  escalations: ReportEscalation[];
  questions: ReportQuestionLine[];
  /** Exempt agenda items, confidential voice records and exempt questions left out. */
  withheld: number;
};

const RAG_WORDS: Record<Rag, string> = { blue: 'Blue (complete)', green: 'Green', amber: 'Amber', red: 'Red', grey: 'Grey (not started)' };
// Worst first: the area is as behind as its most behind action.
const RAG_ORDER: readonly Rag[] = ['red', 'amber', 'green', 'blue', 'grey'];
const MEASURE_ORDER = ['Not at target', 'No figure yet', 'At target'];
const DONE = new Set(['complete', 'embedded', 'withdrawn']);

function worst(rags: readonly Rag[]): Rag | undefined {
  return RAG_ORDER.find((rag) => rags.includes(rag));
}

/** The month a date falls in ("2027-01"), to compare with monthly and yearly series periods. */
function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** True when a series period ("2027-01" or "2027") is on or before the date's month. */
function periodBy(period: string, date: string): boolean {
  return period.length === 4 ? `${period}-12` <= monthOf(date) : period <= monthOf(date);
}

function unitText(value: number, unit: string): string {
  const figure = Number.isInteger(value) ? String(value) : value.toFixed(1);
  switch (unit) {
    case 'percent':
      return `${figure}%`;
    case 'rate-per-1000':
      return `${figure} per 1,000`;
    case 'weeks':
      return `${figure} weeks`;
    case 'days':
      return `${figure} days`;
    default:
      return figure;
  }
}

function targetBy(measure: Measure, date: string) {
  // The target in force is the first one not yet past at the date; after the last, the last.
  const sorted = [...measure.targets].sort((a, b) => a.asAt.localeCompare(b.asAt));
  return sorted.find((target) => target.asAt >= date) ?? sorted.at(-1);
}

function latestBy(measure: Measure, date: string) {
  return [...measure.series]
    .filter((point) => point.value !== null && periodBy(point.period, date))
    .sort((a, b) => a.period.localeCompare(b.period))
    .at(-1);
}

/** Whether the measure's latest figure by the date meets its target, or null with no figure or target. */
function atTarget(measure: Measure, date: string): boolean | null {
  const target = targetBy(measure, date);
  const latest = latestBy(measure, date);
  if (!target || latest?.value === null || latest?.value === undefined) return null;
  return measure.polarity === 'higher-is-better' ? latest.value >= target.value : latest.value <= target.value;
}

function impactBy(measures: readonly Measure[], date: string): string {
  const judged = measures.map((measure) => atTarget(measure, date)).filter((value): value is boolean => value !== null);
  if (judged.length === 0) return 'No figures';
  return `${judged.filter(Boolean).length} of ${judged.length} ${judged.length === 1 ? 'measure' : 'measures'} at target`;
}

function deliveryBy(actions: readonly Action[], date: string): string {
  const rags = actions.flatMap((action) => {
    const update = [...action.updates]
      .filter((entry) => entry.period <= monthOf(date))
      .sort((a, b) => a.period.localeCompare(b.period))
      .at(-1);
    return update ? [update.deliveryRag] : [];
  });
  const rag = worst(rags);
  return rag ? RAG_WORDS[rag] : 'Not rated';
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Every measure chart's size in CSS pixels: the DOCX draws its PNG at this size too. */
export const CHART_SIZE = { width: 480, height: 200 } as const;

/**
 * A line chart of the measure's figures with its target as a dashed line, as an SVG string:
 * plain shapes and text only, with a title and description for screen readers.
 */
export function measureChartSvg(name: string, points: readonly ReportChartPoint[], targetValue: number | null, unit: string): string {
  const width = CHART_SIZE.width;
  const height = CHART_SIZE.height;
  const left = 48;
  const right = 12;
  const top = 16;
  const bottom = 32;
  const values = [
    ...points.flatMap((point) => (point.value === null ? [] : [point.value])),
    ...(targetValue === null ? [] : [targetValue]),
  ];
  const min = Math.min(0, ...values);
  const max = Math.max(1, ...values) * 1.1;
  const x = (index: number) =>
    left + (points.length <= 1 ? (width - left - right) / 2 : (index * (width - left - right)) / (points.length - 1));
  const y = (value: number) => top + (height - top - bottom) * (1 - (value - min) / (max - min || 1));
  const plotted = points.flatMap((point, index) => (point.value === null ? [] : [`${x(index).toFixed(1)},${y(point.value).toFixed(1)}`]));
  const description =
    points.length === 0
      ? 'No figures yet.'
      : `${points.map((point) => `${point.period}: ${point.value === null ? 'suppressed' : unitText(point.value, unit)}`).join('; ')}${
          targetValue === null ? '' : `. Target ${unitText(targetValue, unit)}`
        }.`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="Arial, Helvetica, sans-serif" font-size="10">`,
    `<title>${escapeXml(name)}</title><desc>${escapeXml(description)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#000000"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#000000"/>`,
    `<text x="${left - 4}" y="${y(max / 1.1) + 4}" text-anchor="end">${escapeXml(unitText(Math.round(max / 1.1), unit))}</text>`,
    `<text x="${left - 4}" y="${height - bottom + 4}" text-anchor="end">${escapeXml(unitText(min, unit))}</text>`,
  ];
  if (targetValue !== null) {
    parts.push(
      `<line x1="${left}" y1="${y(targetValue).toFixed(1)}" x2="${width - right}" y2="${y(targetValue).toFixed(1)}" stroke="#b3261e" stroke-dasharray="6 4"/>`,
      `<text x="${width - right}" y="${(y(targetValue) - 4).toFixed(1)}" text-anchor="end" fill="#b3261e">Target ${escapeXml(unitText(targetValue, unit))}</text>`,
    );
  }
  if (plotted.length > 1) parts.push(`<polyline points="${plotted.join(' ')}" fill="none" stroke="#1d4f91" stroke-width="2"/>`);
  for (const point of plotted) {
    const [cx, cy] = point.split(',');
    parts.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="#1d4f91"/>`);
  }
  // Label the first and last periods only: more would overlap on a monthly series.
  const first = points[0];
  const last = points.at(-1);
  if (first)
    parts.push(
      `<text x="${x(0)}" y="${height - bottom + 16}" text-anchor="${points.length > 1 ? 'start' : 'middle'}">${escapeXml(first.period)}</text>`,
    );
  if (last && points.length > 1)
    parts.push(`<text x="${x(points.length - 1)}" y="${height - bottom + 16}" text-anchor="end">${escapeXml(last.period)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}

function measureOf(measure: Measure, to: string): ReportMeasure {
  const target = targetBy(measure, to);
  const latest = latestBy(measure, to);
  const points = [...measure.series]
    .filter((point) => periodBy(point.period, to))
    .sort((a, b) => a.period.localeCompare(b.period))
    .slice(-24)
    .map((point) => ({ period: point.period, value: point.value }));
  const met = atTarget(measure, to);
  return {
    name: measure.name,
    unit: measure.unit,
    polarity: measure.polarity === 'higher-is-better' ? 'Higher is better' : 'Lower is better',
    source: measure.source,
    baseline: `${unitText(measure.baseline.value, measure.unit)} (${dateText(measure.baseline.asAt)})`,
    target: target ? `${unitText(target.value, measure.unit)} by ${dateText(target.asAt)}` : 'No target set',
    latest:
      latest && latest.value !== null ? `${unitText(latest.value, measure.unit)} (${latest.period}, ${latest.status})` : 'No figure yet',
    status: met === null ? 'No figure yet' : met ? 'At target' : 'Not at target',
    points,
    targetValue: target?.value ?? null,
    svg: measureChartSvg(measure.name, points, target?.value ?? null, measure.unit),
  };
}

/**
 * A council report summarises: a list longer than its limit keeps its first entries (the most
 * pressing, as sorted) and ends with how many more there are and where they are listed in full.
 */
export const REPORT_LIMITS = { overdue: 25, revised: 25, measures: 12, risks: 10 } as const;

function capped(lines: readonly string[], limit: number, more: (count: number) => string): string[] {
  return lines.length <= limit ? [...lines] : [...lines.slice(0, limit), more(lines.length - limit)];
}

/** The line after the key measures when the area has more. */
export function moreMeasuresLine(count: number): string {
  return `And ${count} more ${count === 1 ? 'measure' : 'measures'} linked to this area: the plan's dashboard has them all.`;
}

function riskScore(risk: Risk): number {
  return risk.likelihood * risk.impact;
}

/** Builds the board's report for the period, leaving exempt items out unless they are included. */
export function buildBoardReport(input: ReportInput): BoardReport {
  const { plan, from, to } = input;
  const inPeriod = (date: string) => date.slice(0, 10) >= from && date.slice(0, 10) <= to;
  const bundles = input.bundles
    .filter((bundle) => inPeriod(bundle.meeting.date))
    .sort((a, b) => a.meeting.date.localeCompare(b.meeting.date));
  let withheld = 0;
  // Each meeting's records with those on exempt items taken out (unless included).
  const meetings = bundles.map((bundle) => {
    const withheldIds = withheldItemIds(bundle.meeting.agenda, input.includeExempt);
    withheld += withheldIds.size;
    const records = readingOrder(bundle.meeting, bundle.records).filter(
      (record) => !('itemId' in record && withheldIds.has(record.itemId)),
    );
    return { meeting: bundle.meeting, records, withheldIds };
  });
  const actionById = new Map(plan.actions.map((action) => [action.id, action]));
  const measureById = new Map(plan.measures.map((measure) => [measure.id, measure]));
  const riskById = new Map(plan.risks.map((risk) => [risk.id, risk]));
  const voice = input.voice.filter((record) => {
    const keep = inPeriod(record.date) && (input.includeExempt || !record.isConfidential);
    if (inPeriod(record.date) && !keep) withheld += 1;
    return keep;
  });

  const areaOfJudgement = (record: JudgementRecord) =>
    record.target.kind === 'area' ? record.target.id : (actionById.get(record.target.id)?.areaId ?? null);

  const areas: ReportArea[] = plan.areas.map((area) => {
    const actions = plan.actions.filter((action) => action.areaId === area.id);
    const measures = [...new Set(actions.flatMap((action) => action.measureIds))].flatMap((id) => {
      const measure = measureById.get(id);
      return measure ? [measure] : [];
    });
    const judgementsAt = (records: readonly MeetingRecord[]) =>
      records.filter((record): record is JudgementRecord => record.kind === 'judgement' && areaOfJudgement(record) === area.id);
    const trend = meetings.map(({ meeting, records }): TrendPoint => {
      const onArea = judgementsAt(records).filter((record) => record.target.kind === 'area');
      return {
        meetingDate: dateText(meeting.date),
        meetingTitle: meeting.title,
        delivery: deliveryBy(actions, meeting.date),
        impact: impactBy(measures, meeting.date),
        assurance: onArea.at(-1)?.level ?? 'Not judged',
      };
    });
    const judgements = meetings.flatMap(({ meeting, records }) =>
      judgementsAt(records).map((record) => ({
        meetingDate: dateText(meeting.date),
        target: record.target.label,
        level: record.level,
        reason: record.reason,
      })),
    );
    const open = actions.filter((action) => !DONE.has(action.status));
    const dueOf = (action: Action) => action.revisedDueDate ?? action.dueDate;
    const overdueLines = open
      .filter((action) => dueOf(action) < to)
      .sort((a, b) => dueOf(a).localeCompare(dueOf(b)))
      .map(
        (action) =>
          `Action ${action.ref}: ${action.title}, due ${dateText(action.revisedDueDate ?? action.dueDate)} (${RAG_WORDS[action.deliveryRag]})`,
      );
    const revisedLines = actions
      .filter((action) => action.revisedDueDate !== undefined)
      .map(
        (action) =>
          `Action ${action.ref}: ${action.title}, from ${dateText(action.dueDate)} to ${dateText(action.revisedDueDate)}${
            action.revisionApprovedBy ? `, agreed by ${action.revisionApprovedBy}` : ''
          }`,
      );
    const overdue = capped(
      overdueLines,
      REPORT_LIMITS.overdue,
      (count) => `And ${count} more overdue: the plan's action list has them all.`,
    );
    const revised = capped(
      revisedLines,
      REPORT_LIMITS.revised,
      (count) => `And ${count} more with revised dates: the plan's action list has them all.`,
    );
    const actionIds = new Set(actions.map((action) => action.id));
    const areaVoice = voice
      .filter((record) =>
        record.links.some((link) => (link.kind === 'area' && link.id === area.id) || (link.kind === 'action' && actionIds.has(link.id))),
      )
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(
        (record) =>
          `${dateText(record.date)}, ${VOICE_KIND_LABELS[record.kind]} from ${record.source}: ${record.title}${record.summary ? `. ${record.summary}` : ''}${
            record.isConfidential ? ' (CONFIDENTIAL)' : ''
          }`,
      );
    const riskLines = [...new Set(actions.flatMap((action) => action.riskIds))]
      .flatMap((id) => {
        const risk = riskById.get(id);
        return risk ? [risk] : [];
      })
      .sort((a, b) => riskScore(b) - riskScore(a))
      .map(
        (risk) =>
          `${risk.description} (likelihood ${risk.likelihood}, impact ${risk.impact}, score ${riskScore(risk)}). Mitigation: ${risk.mitigation}`,
      );
    const risks = capped(
      riskLines,
      REPORT_LIMITS.risks,
      (count) => `And ${count} more, lower scored: the plan's risk register has them all.`,
    );
    // The key measures: those not at target first, then those without a figure, then those at target.
    const reported = measures
      .map((measure) => measureOf(measure, to))
      .sort((a, b) => MEASURE_ORDER.indexOf(a.status) - MEASURE_ORDER.indexOf(b.status));
    return {
      ref: area.ref,
      title: area.title,
      deliveryNow: area.deliveryRag ? RAG_WORDS[area.deliveryRag] : deliveryBy(actions, to),
      impactNow: `${area.impactRag ? `${RAG_WORDS[area.impactRag]}; ` : ''}${impactBy(measures, to)}`,
      trend,
      measures: reported.slice(0, REPORT_LIMITS.measures),
      moreMeasures: Math.max(0, reported.length - REPORT_LIMITS.measures),
      judgements,
      overdue,
      revised,
      voice: areaVoice,
      risks,
    };
  });

  const escalations = meetings.flatMap(({ meeting, records }) =>
    records
      .filter((record): record is DecisionRecord => record.kind === 'decision' && record.type === 'escalated' && !record.isWithdrawn)
      .map((record) => ({
        meetingDate: dateText(meeting.date),
        number: record.number,
        to: record.escalatedTo ?? 'Not named',
        text: record.text,
      })),
  );

  const byMeeting = new Map(meetings.map((entry) => [entry.meeting.id, entry]));
  const seen = new Set<string>();
  const questions = input.questions.flatMap((question): ReportQuestionLine[] => {
    const entry = byMeeting.get(question.meetingId);
    if (!entry || seen.has(question.id)) return [];
    seen.add(question.id);
    const isExempt = question.isExempt === true || (question.itemId !== null && entry.withheldIds.has(question.itemId));
    if (isExempt && !input.includeExempt) {
      withheld += 1;
      return [];
    }
    return [
      {
        meetingDate: dateText(entry.meeting.date),
        asker: question.authorName,
        about: question.targetLabel,
        question: question.text,
        answer:
          question.answer === null
            ? 'Awaiting an answer.'
            : `${question.answer}${question.followUp !== undefined ? ` (Not accepted; follow-up: ${question.followUp})` : ''}`,
      },
    ];
  });

  return {
    boardName: input.boardName,
    planTitle: plan.title,
    periodLine: `${dateText(from)} to ${dateText(to)}`,
    isConfidential: input.includeExempt,
    meetings: meetings.map(({ meeting }) => ({
      date: dateText(meeting.date),
      title: meeting.title,
      status: meeting.status === 'approved' ? 'minutes approved' : 'minutes in draft',
    })),
    areas,
    escalations,
    questions,
    withheld,
  };
}
