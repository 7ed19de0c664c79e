import type { ActionStatus, Evidence, Organisation, Owner, Rag } from '../plan/schema';
import { type AreaDraft, type RowRecord, WHOLE_PLAN_KEY } from './areas';
import { findDateIn, guessEvidenceType, guessOrganisationKind, makeId, shown, splitList } from './cells';
import type { Columns } from './columns';
import { parsePeriod, parseTrackerDate } from './dates';
import { normaliseHeading, stableHash } from './mapping';
import { parseRag, parseStatus, ragFromStatus, statusFromRag } from './ratings';
import { capitalise, describeRows, type Reporter } from './tracker-report';

// The steps that read one action row's cells: its ref, dates, ratings, update, lists and
// evidence, and the organisations and owners it names. Each reports its own problems with the
// row and heading, and the caller assembles the action.

const REVISION_EPOCH_MS = Date.UTC(2020, 0, 1);

/** Organisations and owners, one each however many rows name them. */
export type Parties = {
  organisations: Map<string, Organisation>;
  owners: Map<string, Owner>;
  /** The id of the organisation a name means (the local authority for "LA", "the council", …). */
  organisationFor(name: string): string;
  /** The id of the owner a lead or SRO cell means, in the local authority. */
  ownerFor(text: string): string;
};

/** Organisations and owners for a plan of this local area, the local authority first. */
export function createParties(localArea: string): Parties {
  const localAuthority: Organisation = { id: 'org-local-authority', name: localArea, kind: 'local-authority' };
  const organisations = new Map<string, Organisation>([[normaliseHeading(localArea) || 'local authority', localAuthority]]);
  const localAuthorityNames = new Set([
    'la',
    'localauthority',
    'thelocalauthority',
    'council',
    'thecouncil',
    normaliseHeading(localArea),
    normaliseHeading(`${localArea} council`),
  ]);
  const organisationFor = (name: string): string => {
    const key = normaliseHeading(name) || name;
    if (localAuthorityNames.has(key)) return localAuthority.id;
    const existing = organisations.get(key);
    if (existing !== undefined) return existing.id;
    let id = makeId('org-', name);
    if ([...organisations.values()].some((organisation) => organisation.id === id)) id = makeId('org-', `${name} ${stableHash(name)}`);
    organisations.set(key, { id, name, kind: guessOrganisationKind(name) });
    return id;
  };
  const owners = new Map<string, Owner>();
  const ownerFor = (text: string): string => {
    const role = text
      .replace(/\s*\n\s*/g, '; ')
      .replace(/\s+/g, ' ')
      .trim();
    const key = role.toLowerCase().replace(/[.;,]+$/, '');
    const existing = owners.get(key);
    if (existing !== undefined) return existing.id;
    let id = makeId('owner-', key);
    if ([...owners.values()].some((owner) => owner.id === id)) id = makeId('owner-', `${key} ${stableHash(key)}`);
    owners.set(key, { id, role, organisationId: localAuthority.id });
    return id;
  };
  return { organisations, owners, organisationFor, ownerFor };
}

/** Each action row's own due date (null where blank, "Ongoing" or not a date), and the plan's latest. */
export type DueDates = { dueByRow: Map<number, string | null>; latestDue: string | null };

/** Reads every action's due date first: a blank or "Ongoing" due date runs to the plan's last due date. */
export function readDueDates(
  records: readonly RowRecord[],
  rowAt: (index: number) => readonly string[],
  columns: Columns,
  report: Reporter,
): DueDates {
  const { cell, at, label } = columns;
  const dueByRow = new Map<number, string | null>();
  let latestDue: string | null = null;
  for (const record of records) {
    const row = rowAt(record.index);
    const parsed = parseTrackerDate(cell(row, 'dueDate'));
    if (parsed.kind === 'date') {
      dueByRow.set(record.index, parsed.date);
      if (latestDue === null || parsed.date > latestDue) latestDue = parsed.date;
    } else if (parsed.kind === 'invalid') {
      report.error(
        at(record.index, 'dueDate'),
        `Row ${record.index + 1}, "${label('dueDate')}": ${shown(cell(row, 'dueDate'))} is not a date (use dd/mm/yyyy, for example 31/03/2026).`,
      );
      dueByRow.set(record.index, null);
    } else {
      dueByRow.set(record.index, null);
    }
  }
  return { dueByRow, latestDue };
}

/** Gives each action row its ref and id, refusing a ref (or an id) another row already has. */
export type ActionRefs = (record: RowRecord, area: AreaDraft) => { ref: string; id: string } | undefined;

/** Refs for one sheet: a blank ref is numbered within its area (no ref column) or from its row number. */
export function createActionRefs(columns: Columns, isPerAreaNumbering: boolean, report: Reporter): ActionRefs {
  const { columnOf, at, label, headerRow } = columns;
  const actionIdOwners = new Map<string, { row: number; ref: string }>();
  const positionInArea = new Map<string, number>();
  return (record, area) => {
    const { index } = record;
    let ref = record.ref.replace(/\s+/g, ' ');
    if (ref === '') {
      if (columnOf('ref') === undefined) {
        const position = (positionInArea.get(record.areaKey) ?? 0) + 1;
        positionInArea.set(record.areaKey, position);
        ref = area.key === WHOLE_PLAN_KEY ? String(position) : `${area.ref ?? '0'}.${position}`;
        report.note(
          'no-ref-column',
          { row: headerRow },
          () =>
            'No column is mapped to the action ref, so actions are numbered by their order within each area; the numbers (and what is linked to them) change if rows are moved.',
        );
      } else {
        ref = `row-${index + 1}`;
        report.note(
          'no-ref',
          at(index, 'ref'),
          (list) =>
            `${capitalise(describeRows(list))}: "${label('ref')}" is empty, so the action is given a ref from its row number ("row-${list[0]}"), which changes if rows are moved.`,
        );
      }
    } else if (isPerAreaNumbering && /^\d+$/.test(ref) && area.key !== WHOLE_PLAN_KEY) {
      ref = `${area.ref}.${ref}`;
    }
    const id = makeId('action-', ref, true);
    const previous = actionIdOwners.get(id);
    if (previous !== undefined) {
      const same =
        previous.ref === ref
          ? `${shown(ref)} is already used by row ${previous.row + 1}`
          : `${shown(ref)} gives the same id as ${shown(previous.ref)} in row ${previous.row + 1}`;
      report.error(at(index, 'ref'), `Row ${index + 1}, "${label('ref')}": ${same}; every action needs its own ref.`);
      return undefined;
    }
    actionIdOwners.set(id, { row: index, ref });
    return { ref, id };
  };
}

/** Title: the first line; the rest of a multi-line action cell, then the description columns, are its description. */
export function splitTitle(titleCell: string, descriptions: readonly string[]): { title: string; descriptionParts: string[] } {
  const titleLines = titleCell
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const title = titleLines[0] ?? titleCell;
  const descriptionParts = [titleLines.slice(1).join('\n'), ...descriptions].filter((text) => text !== '');
  return { title, descriptionParts };
}

/** An action's dates as the plan keeps them. */
export type ActionDates = { dueDate: string; startDate: string; revisedDueDate?: string; revisionApprovedBy?: string };

/** Reads an action row's due, start and revised due dates; undefined (with an error) when it has no due date to fall back on. */
export function readActionDates(
  row: readonly string[],
  index: number,
  due: DueDates,
  columns: Columns,
  report: Reporter,
): ActionDates | undefined {
  const { cell, at, label, columnOf, headerRow } = columns;
  const { dueByRow, latestDue } = due;
  const dueDate = dueByRow.get(index) ?? latestDue;
  if (dueDate === null) {
    report.error(
      at(index, 'dueDate'),
      `Row ${index + 1}, "${label('dueDate')}": no due date, and no other action has one to fall back on.`,
    );
    return undefined;
  }
  if (dueByRow.get(index) === null && parseTrackerDate(cell(row, 'dueDate')).kind !== 'invalid') {
    const text = cell(row, 'dueDate');
    report.note(
      `due-fallback:${text.toLowerCase()}`,
      at(index, 'dueDate'),
      (list) =>
        `${capitalise(describeRows(list))}, "${label('dueDate')}": ${text === '' ? 'empty' : shown(text)}; the plan's last due date (${latestDue}) is used.`,
    );
  }
  let startDate = dueDate;
  if (columnOf('startDate') === undefined) {
    report.note(
      'no-start-column',
      { row: headerRow },
      () => 'No column gives the start date, so each action is shown as starting on its due date.',
    );
  } else {
    const parsed = parseTrackerDate(cell(row, 'startDate'));
    if (parsed.kind === 'date') {
      // A start given as a month means its first day.
      startDate = parsed.isMonthOnly ? `${parsed.date.slice(0, 7)}-01` : parsed.date;
    } else if (parsed.kind === 'invalid') {
      report.error(
        at(index, 'startDate'),
        `Row ${index + 1}, "${label('startDate')}": ${shown(cell(row, 'startDate'))} is not a date (use dd/mm/yyyy, for example 01/09/2025).`,
      );
    } else {
      report.note(
        'start-fallback',
        at(index, 'startDate'),
        (list) => `${capitalise(describeRows(list))}: no start date in "${label('startDate')}", so the due date is used as the start.`,
      );
    }
  }
  if (startDate > dueDate) {
    report.warning(at(index, 'startDate'), `Row ${index + 1}: the start date ${startDate} is after the due date ${dueDate}.`);
  }
  let revisedDueDate: string | undefined;
  let revisionApprovedBy: string | undefined;
  const revisedText = cell(row, 'revisedDueDate');
  const revised = parseTrackerDate(revisedText);
  if (revised.kind === 'date') {
    revisedDueDate = revised.date;
    revisionApprovedBy = cell(row, 'revisionApprovedBy');
    if (revisionApprovedBy === '') {
      revisionApprovedBy = 'Not recorded in the tracker';
      report.note(
        'revised-no-approver',
        at(index, 'revisedDueDate'),
        (list) =>
          `${capitalise(describeRows(list))}: a revised due date with no record of who approved it; shown as "Not recorded in the tracker".`,
      );
    }
  } else if (revised.kind === 'invalid') {
    report.error(
      at(index, 'revisedDueDate'),
      `Row ${index + 1}, "${label('revisedDueDate')}": ${shown(revisedText)} is not a date (use dd/mm/yyyy, for example 30/06/2026).`,
    );
  }
  return { dueDate, startDate, ...(revisedDueDate !== undefined ? { revisedDueDate, revisionApprovedBy } : {}) };
}

/** Reads an action row's status and delivery RAG, each standing in for the other where one is missing; null where a cell is not understood. */
export function readRatings(
  row: readonly string[],
  index: number,
  columns: Columns,
  report: Reporter,
): { status: ActionStatus | null; rag: Rag | null } {
  const { cell, at, label, columnOf } = columns;
  const statusText = cell(row, 'status');
  const ragText = cell(row, 'deliveryRag');
  let status: ActionStatus | null = statusText === '' ? null : parseStatus(statusText);
  let rag: Rag | null = null;
  if (ragText !== '') {
    const parsed = parseRag(ragText);
    if (parsed === null) {
      report.error(
        at(index, 'deliveryRag'),
        `Row ${index + 1}, "${label('deliveryRag')}": ${shown(ragText)} is not a recognised RAG rating (use Blue, Green, Amber, Red or Grey, or B, G, A, R).`,
      );
    } else {
      rag = parsed.rag;
      if (parsed.isCompound)
        report.warning(
          at(index, 'deliveryRag'),
          `Row ${index + 1}, "${label('deliveryRag')}": ${shown(ragText)} names two ratings; read as the worse, ${rag}.`,
        );
    }
  }
  if (statusText !== '' && status === null) {
    // Some trackers keep the RAG words in the status column.
    const asRag = parseRag(statusText);
    if (asRag !== null && !asRag.isCompound) {
      status = statusFromRag(asRag.rag);
      rag ??= asRag.rag;
    } else {
      report.error(
        at(index, 'status'),
        `Row ${index + 1}, "${label('status')}": ${shown(statusText)} is not a recognised status (use Not started, In progress, Complete, Embedded or Withdrawn).`,
      );
    }
  }
  if (status === null && rag !== null) status = statusFromRag(rag);
  if (rag === null && status !== null) rag = ragFromStatus(status);
  if (status === null && rag === null && statusText === '' && ragText === '') {
    status = 'not-started';
    rag = 'grey';
    report.note(
      'no-status',
      { row: index },
      (list) => `${capitalise(describeRows(list))}: no status or RAG given; read as not started (grey).`,
    );
  }
  if (status !== null && rag === null) {
    rag = 'grey';
    report.note(
      'no-rag',
      at(index, 'deliveryRag'),
      (list) =>
        `${capitalise(describeRows(list))}: ${columnOf('deliveryRag') === undefined ? 'the tracker has no RAG column' : `"${label('deliveryRag')}" is empty`}, so the delivery RAG is shown as grey (not rated).`,
    );
  }
  return { status, rag };
}

/** The month a progress update is for: its column where given, else the file's month (yyyy-mm). */
export function readUpdatePeriod(row: readonly string[], index: number, exportMonth: string, columns: Columns, report: Reporter): string {
  const { cell, at, label } = columns;
  const periodText = cell(row, 'updatePeriod');
  if (periodText === '') return exportMonth;
  const parsed = parsePeriod(periodText);
  if (parsed === null) {
    report.error(
      at(index, 'updatePeriod'),
      `Row ${index + 1}, "${label('updatePeriod')}": ${shown(periodText)} is not a month (use a month and year, for example March 2026).`,
    );
    return exportMonth;
  }
  return parsed;
}

/** An action row's evidence items, one per line or ";" in its evidence columns, with ids from the action's ref. */
export function readEvidence(row: readonly string[], ref: string, exportDate: string, columns: Columns): Evidence[] {
  const items = columns.cellsOf(row, 'evidence').flatMap(({ text }) => splitList(text, /\n|;/));
  return items.map((item, position) => ({
    id: makeId('evidence-', `${ref}-${position + 1}`, true),
    title: item,
    type: guessEvidenceType(item),
    date: findDateIn(item) ?? exportDate,
    marking: 'OFFICIAL',
  }));
}

/** An action row's revision cell as a number; undefined when blank, or (with an error) when not a whole number from 1. */
export function readRevisionCell(row: readonly string[], index: number, columns: Columns, report: Reporter): number | undefined {
  const { cell, at, label } = columns;
  const revisionText = cell(row, 'revision');
  if (revisionText === '') return undefined;
  const match = /^(?:v|rev(?:ision)?\.?\s*)?(\d{1,9})$/i.exec(revisionText);
  if (match === null || Number(match[1]) < 1) {
    report.error(
      at(index, 'revision'),
      `Row ${index + 1}, "${label('revision')}": ${shown(revisionText)} is not a revision number (a whole number, 1 or more).`,
    );
    return undefined;
  }
  return Number(match[1]);
}

/** The plan's revision: a column wins (its highest value); otherwise whole minutes since 2020 of the file's modified time, which grows with every save. */
export function chooseRevision(revisionValues: readonly number[], modifiedMs: number, columns: Columns, report: Reporter): number {
  const { columnOf, label, headerRow } = columns;
  let revision = Math.floor((modifiedMs - REVISION_EPOCH_MS) / 60_000);
  if (columnOf('revision') !== undefined && revisionValues.length > 0) {
    const values = new Set(revisionValues);
    revision = Math.max(...values);
    if (values.size > 1) {
      report.warning(
        { row: headerRow, column: columnOf('revision') },
        `"${label('revision')}" holds different revisions (${[...values].sort((a, b) => a - b).join(', ')}); the highest, ${revision}, is used.`,
      );
    }
  } else {
    if (columnOf('revision') !== undefined) {
      report.warning(
        { row: headerRow, column: columnOf('revision') },
        `"${label('revision')}" is empty, so the revision is taken from the file's modified time.`,
      );
    }
    if (revision < 1) {
      report.warning(
        { row: headerRow },
        "The file's modified time is before 2020, so the revision is set to 1; a later export may be refused as older.",
      );
      revision = 1;
    }
  }
  return revision;
}
