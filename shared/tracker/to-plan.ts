import type { Action, Evidence, PlanFile } from '../plan/schema';
import {
  chooseRevision,
  createActionRefs,
  createParties,
  readActionDates,
  readDueDates,
  readEvidence,
  readRatings,
  readRevisionCell,
  readUpdatePeriod,
  splitTitle,
} from './action-cells';
import { groupAreas, hasPerAreaNumbering, readRows } from './areas';
import { clean, shown, splitList, versionLabelFromFileName } from './cells';
import { mapColumns, readHeader } from './columns';
import { trackerMappingSchema, type TrackerMapping } from './mapping';
import type { Problem } from './problem';
import { capped, createReporter, sheetReference } from './tracker-report';

export { parseAreaLabel } from './cells';

// Turns a tracker's rows (one action per row) into a plan-file v1 object, the same snapshot a
// JSON export gives, so everything downstream (validation, diff, store) treats both alike.
// Every problem names its cell as a spreadsheet does ("Sheet1!D14") and its heading. Ids come
// from the tracker's own refs, never from row numbers, so annotations survive a re-sort.
//
// `convert` runs the steps in order, each a function of its own with its own tests: find the
// header and map the columns (columns.ts), read the rows and group them into areas (areas.ts),
// then each action row's ref, dates, ratings, update and evidence (action-cells.ts).

/** What the importer knows about the file the rows came from. */
export type TrackerMeta = {
  fileName: string;
  /** The file's modified time, ISO 8601: the export time, and the revision unless a column gives one. */
  modifiedAt: string;
  sourceSystem: string;
  /** The sheet the rows came from (a CSV's is its file name without the extension). */
  sheet?: string;
};

/** A tracker as a plan-file v1 object, or the located problems that stop it being one. */
export type TrackerPlanResult = { ok: true; value: PlanFile; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

/**
 * Turns a tracker's rows into a plan-file v1 object using a confirmed mapping. Never throws:
 * anything wrong comes back as located problems (`Sheet1!D14`, row, column and heading).
 */
export function trackerRowsToPlan(rows: readonly (readonly string[])[], mapping: TrackerMapping, meta: TrackerMeta): TrackerPlanResult {
  const sheet = clean(meta?.sheet) || sheetNameFromFile(meta?.fileName ?? '');
  try {
    return convert(rows, mapping, meta, sheet);
  } catch (error) {
    // A bug here must reach the user as a message, not take the import down with it.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [
        { path: sheetReference(sheet), message: `The tracker could not be converted (${detail}). Please report this with the file.` },
      ],
      warnings: [],
    };
  }
}

function sheetNameFromFile(fileName: string): string {
  const base = (String(fileName).split(/[\\/]/).pop() ?? '').replace(/\.[^.]+$/, '');
  return base.trim() === '' ? 'Sheet1' : base.slice(0, 31);
}

function convert(rows: readonly (readonly string[])[], rawMapping: TrackerMapping, meta: TrackerMeta, sheet: string): TrackerPlanResult {
  const report = createReporter(sheet);
  const failed = (): TrackerPlanResult => {
    report.flush();
    return { ok: false, errors: capped(report.errors, 'errors'), warnings: capped(report.warnings, 'warnings') };
  };

  const parsedMapping = trackerMappingSchema.safeParse(rawMapping);
  if (!parsedMapping.success) {
    for (const issue of parsedMapping.error.issues) {
      report.errors.push({ path: `mapping.${issue.path.join('.')}`, message: `The column mapping is not valid: ${issue.message}.` });
    }
    return failed();
  }
  const mapping = parsedMapping.data;
  if (!Array.isArray(rows)) {
    report.errors.push({ path: sheetReference(sheet), message: 'The tracker has no rows to read.' });
    return failed();
  }

  const modifiedMs = Date.parse(String(meta?.modifiedAt ?? ''));
  if (!Number.isFinite(modifiedMs)) {
    report.errors.push({
      path: 'meta.modifiedAt',
      message: `The file's modified time ${shown(String(meta?.modifiedAt ?? ''))} is not a date and time.`,
    });
    return failed();
  }
  const exportedAt = new Date(modifiedMs).toISOString();
  const exportDate = exportedAt.slice(0, 10);
  const exportMonth = exportedAt.slice(0, 7);

  if (mapping.localArea.trim() === '') {
    report.errors.push({
      path: 'mapping.localArea',
      message: 'The local area is not named: enter it in the mapping (for example "Northshire").',
    });
  }

  const header = readHeader(rows, mapping, report);
  if (header === undefined) return failed();
  const columns = mapColumns(header, report);
  if (report.errors.length > 0) return failed();
  const { cell, cellsOf } = columns;
  const rowAt = (index: number): readonly string[] => {
    const row = rows[index];
    return Array.isArray(row) ? row : [];
  };

  const read = readRows(rows, header, columns, report);
  const { records, areas } = read;
  const { planAreas, areaIdByKey } = groupAreas(read, header.row, mapping.planKind, report);
  const isPerAreaNumbering = hasPerAreaNumbering(records, columns, report);
  const localArea = mapping.localArea.trim();
  const parties = createParties(localArea);
  const due = readDueDates(records, rowAt, columns, report);
  const refOf = createActionRefs(columns, isPerAreaNumbering, report);

  const revisionValues: number[] = [];
  const actions: Action[] = [];
  const evidence: Evidence[] = [];
  for (const record of records) {
    const { index } = record;
    const row = rowAt(index);
    const area = areas.get(record.areaKey);
    const areaId = areaIdByKey.get(record.areaKey);
    if (area === undefined || areaId === undefined) continue;

    const named = refOf(record, area);
    if (named === undefined) continue;
    const { ref, id } = named;
    const { title, descriptionParts } = splitTitle(
      record.title,
      cellsOf(row, 'description').map(({ text }) => text),
    );
    const dates = readActionDates(row, index, due, columns, report);
    if (dates === undefined) continue;
    const { status, rag } = readRatings(row, index, columns, report);
    const narrative = cell(row, 'progressUpdate');
    const period = readUpdatePeriod(row, index, exportMonth, columns, report);
    const successCriteria = cellsOf(row, 'successCriteria').flatMap(({ text }) => splitList(text, /\n|;/));
    const partnerOrgIds = [
      ...new Set(
        cellsOf(row, 'partners')
          .flatMap(({ text }) => splitList(text, /[;,\n]|\s\/\s/))
          .map(parties.organisationFor),
      ),
    ];
    const items = readEvidence(row, ref, exportDate, columns);
    evidence.push(...items);
    const revisionValue = readRevisionCell(row, index, columns, report);
    if (revisionValue !== undefined) revisionValues.push(revisionValue);

    if (status === null || rag === null) continue;
    const lead = cell(row, 'lead');
    const sro = cell(row, 'sro');
    const action: Action = {
      id,
      areaId,
      ref,
      title,
      ...(descriptionParts.length > 0 ? { description: descriptionParts.join('\n\n') } : {}),
      ...(lead !== '' ? { leadId: parties.ownerFor(lead) } : {}),
      ...(sro !== '' ? { sroId: parties.ownerFor(sro) } : {}),
      partnerOrgIds,
      startDate: dates.startDate,
      dueDate: dates.dueDate,
      ...(dates.revisedDueDate !== undefined ? { revisedDueDate: dates.revisedDueDate, revisionApprovedBy: dates.revisionApprovedBy } : {}),
      status,
      deliveryRag: rag,
      successCriteria,
      measureIds: [],
      evidenceIds: items.map((item) => item.id),
      riskIds: [],
      updates: narrative === '' ? [] : [{ period, narrative, deliveryRag: rag, submittedAt: exportedAt }],
    };
    actions.push(action);
  }

  const revision = chooseRevision(revisionValues, modifiedMs, columns, report);

  report.flush();
  if (report.errors.length > 0) return failed();
  if (actions.length === 0) {
    report.errors.push({ path: sheetReference(sheet), message: `No actions were found below the headings in row ${header.row + 1}.` });
    return failed();
  }

  const versionLabel = versionLabelFromFileName(String(meta.fileName ?? ''));
  const value: PlanFile = {
    format: 'oversight-plan',
    formatVersion: 1,
    export: {
      sourceSystem: clean(meta.sourceSystem) || 'Spreadsheet tracker',
      exportedAt,
      revision,
      ...(versionLabel !== undefined ? { versionLabel } : {}),
    },
    plan: { id: mapping.planId, title: mapping.planTitle, kind: mapping.planKind, localArea },
    organisations: [...parties.organisations.values()],
    owners: [...parties.owners.values()],
    areas: planAreas,
    actions,
    milestones: [],
    measures: [],
    evidence,
    risks: [],
  };
  return { ok: true, value, warnings: capped(report.warnings, 'warnings') };
}
