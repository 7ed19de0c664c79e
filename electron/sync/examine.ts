import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { validateAnnotationsBytes } from '../../shared/annotations/file';
import { ANSWERS_LIMITS, hasAnswersMarker, parseAnswersGrid } from '../../shared/answers/workbook';
import type { ImportOutcome, SentPlanOutcome } from '../../shared/ipc/contract';
import type { PlanFile } from '../../shared/plan/schema';
import { PLAN_LIMITS, validatePlanBytes, validatePlanValue, type PlanValidation } from '../../shared/plan/validate';
import { findHeaderRow, headingSignature, suggestMapping, type TrackerMapping } from '../../shared/tracker/mapping';
import { trackerRowsToPlan } from '../../shared/tracker/to-plan';
import type { EvidenceRecord } from '../evidence/open-evidence';
import { classifyFileName } from '../../shared/files/file-kinds';
import type { ExaminedFile, ExamineResult } from './examine-types';
import { examinePack } from './pack-read';
import { readFileForImport } from './read-file';
import { readTrackerRows } from './tracker-read';

// A little room above the questions for the rows before the headings and for blank rows.
const ANSWERS_READ_LIMITS = {
  maxRows: ANSWERS_LIMITS.maxQuestions + 20,
  maxCells: (ANSWERS_LIMITS.maxQuestions + 20) * 9,
  maxUncompressedBytes: ANSWERS_LIMITS.maxBytes * 5,
};

export type { ExaminedFile, ExamineResult } from './examine-types';

export type ExamineOptions = {
  /** Looks up a mapping the user confirmed earlier for a tracker's headings. */
  rememberedMapping?: (signature: string) => Promise<TrackerMapping | undefined>;
  /** A mapping to use whatever the headings (the CLI's --mapping, or the one just confirmed in the dialog). */
  mapping?: TrackerMapping;
  /** Use the suggested mapping instead of asking (the CLI checks a tracker the way the dialog would propose). */
  acceptSuggestedMapping?: boolean;
  /** Skip parsing when the file's hash is already known. */
  isKnown?: (sha256: string) => boolean | Promise<boolean>;
  onProgress?: (progress: { phase: 'reading' | 'validating' | 'done'; loaded: number; total: number }) => void;
  maxBytes?: number;
};

/** What main itself needs of a valid plan it passes on as bytes: where its evidence is, by plan and revision. */
export type PlanSummary = { planId: string; revision: number; evidence: EvidenceRecord[] };

/**
 * The file reader's answer: examineFile's, except that a valid plan stays the UTF-8 bytes of its
 * JSON (main forwards them to the renderer unparsed) with the small summary main needs.
 */
export type ReaderResult =
  | ExamineResult
  | { status: 'examined'; file: ExaminedFile; outcome: SentPlanOutcome; summary: PlanSummary; suggestedMappingUsed?: boolean };

/**
 * Reads one file and decides what it is: a valid plan ready to store, an invalid one with every
 * problem located, or a tracker that needs its columns confirmed. The app's sync and the
 * clerks' CLI both go through here, so the CLI says exactly what the app would.
 */
export async function examineFile(filePath: string, options: ExamineOptions = {}): Promise<ExamineResult> {
  const name = filePath.split(/[\\/]/).pop() ?? filePath;
  const kind = classifyFileName(name);
  // A meeting pack is a .zip, a .pack.json or the folder holding one.
  if (kind === 'pack' || (kind === null && (await isFolder(filePath)))) {
    return examinePack(filePath, {
      ...(options.isKnown ? { isKnown: options.isKnown } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  }
  if (kind !== 'plan' && kind !== 'tracker-csv' && kind !== 'tracker-xlsx' && kind !== 'annotations' && kind !== 'answers') {
    return {
      status: 'unreadable',
      code: 'unsupported',
      message: `${name} is not a file Oversight imports: it reads .plan.json files, .csv or .xlsx trackers, .annotations.json files, officers' .answers.xlsx workbooks and meeting packs (.zip, .pack.json or a pack folder).`,
    };
  }
  const read = await readFileForImport(filePath, {
    maxBytes: options.maxBytes ?? (kind === 'answers' ? ANSWERS_LIMITS.maxBytes : PLAN_LIMITS.maxBytes),
    onProgress: (progress) => options.onProgress?.({ phase: 'reading', ...progress }),
  });
  if (!read.ok) return { status: 'unreadable', code: read.error.code, message: read.error.message };
  const file: ExaminedFile = { name, sha256: read.sha256, size: read.size, modifiedAt: read.modifiedAt };
  if (await options.isKnown?.(read.sha256)) return { status: 'known', file };

  options.onProgress?.({ phase: 'validating', loaded: read.size, total: read.size });
  const finish = (outcome: ImportOutcome, suggestedMappingUsed?: boolean): ExamineResult => {
    options.onProgress?.({ phase: 'done', loaded: read.size, total: read.size });
    return suggestedMappingUsed ? { status: 'examined', file, outcome, suggestedMappingUsed } : { status: 'examined', file, outcome };
  };

  if (kind === 'plan') return finish(toOutcome(validatePlanBytes(read.bytes)));
  if (kind === 'annotations') {
    const annotations = validateAnnotationsBytes(read.bytes);
    return finish(
      annotations.ok
        ? { status: 'annotations', file: annotations.file, warnings: annotations.warnings }
        : { status: 'invalid', errors: annotations.errors, warnings: annotations.warnings },
    );
  }

  // The officers' answers workbook is read with the trackers' hardened reader (sizes checked
  // before anything is inflated, formulas never run), with limits for its one sheet.
  const sheet = await readTrackerRows(read.bytes, name, kind === 'answers' ? ANSWERS_READ_LIMITS : undefined);
  if (!sheet.ok) return finish({ status: 'invalid', errors: sheet.errors, warnings: [] });
  // A workbook renamed without its ".answers" is still known by its cell A1.
  if (kind === 'answers' || (kind === 'tracker-xlsx' && hasAnswersMarker(sheet.rows[0]?.[0]))) {
    const parsed = parseAnswersGrid(sheet.rows, sheet.sheet);
    return finish(
      parsed.ok
        ? { status: 'answers', workbook: parsed.workbook, warnings: [...sheet.warnings, ...parsed.warnings] }
        : { status: 'invalid', errors: parsed.errors, warnings: [...sheet.warnings, ...parsed.warnings] },
    );
  }

  const headerRow = findHeaderRow(sheet.rows);
  const headings = sheet.rows[headerRow] ?? [];
  const signature = headingSignature(headings);
  let mapping = options.mapping ?? (await options.rememberedMapping?.(signature));
  let suggestedMappingUsed = false;
  if (!mapping) {
    const suggested = suggestMapping(headings, name);
    if (!options.acceptSuggestedMapping) {
      return finish({
        status: 'needs-mapping',
        headings,
        sampleRows: sheet.rows.slice(headerRow + 1, headerRow + 6),
        mapping: { ...suggested, headerRow },
      });
    }
    // The dialog asks for the local area, which no sheet holds; the CLI has nobody to ask.
    mapping = { ...suggested, headerRow, localArea: suggested.localArea || 'Local area not given' };
    suggestedMappingUsed = true;
  }
  const converted = trackerRowsToPlan(sheet.rows, mapping, {
    sheet: sheet.sheet,
    fileName: name,
    modifiedAt: read.modifiedAt,
    sourceSystem: kind === 'tracker-csv' ? 'Spreadsheet tracker (CSV)' : 'Spreadsheet tracker (Excel)',
  });
  const readerWarnings = sheet.warnings;
  if (!converted.ok) {
    return finish(
      { status: 'invalid', errors: converted.errors, warnings: [...readerWarnings, ...converted.warnings] },
      suggestedMappingUsed,
    );
  }
  const outcome = toOutcome(validatePlanValue(converted.value));
  if (outcome.status !== 'needs-mapping') outcome.warnings.unshift(...readerWarnings, ...converted.warnings);
  return finish(outcome, suggestedMappingUsed);
}

function toOutcome(validation: PlanValidation): ImportOutcome {
  if (!validation.ok) return { status: 'invalid', errors: validation.errors, warnings: validation.warnings };
  const { json, contentHash } = encodePlan(validation.plan);
  encodedPlans.set(validation.plan, json);
  return {
    status: 'valid',
    plan: validation.plan,
    contentHash,
    warnings: validation.warnings,
    counts: validation.counts,
  };
}

/**
 * A valid plan's JSON as examineFile encoded it for its content hash, until the file reader takes
 * it to send (parse-worker.ts): the reader would otherwise serialise the plan a second time.
 */
const encodedPlans = new WeakMap<PlanFile, Uint8Array>();

/**
 * The UTF-8 bytes of `JSON.stringify(plan)`: those examineFile encoded, handed over once (the
 * reader moves them to another thread), else encoded now.
 */
export function takePlanJson(plan: PlanFile): Uint8Array {
  const json = encodedPlans.get(plan);
  encodedPlans.delete(plan);
  return json ?? new TextEncoder().encode(JSON.stringify(plan));
}

/**
 * SHA-256 of a plan's content, leaving out when it was exported: the same revision exported
 * twice, or re-saved with other formatting, is recognised as the same content. The hash of
 * `JSON.stringify({ ...plan, export: exportWithoutExportedAt })`.
 */
export function planContentHash(plan: PlanFile): string {
  return encodePlan(plan).contentHash;
}

/**
 * The plan's JSON (the UTF-8 bytes of `JSON.stringify(plan)`) and its content hash (see
 * {@link planContentHash}) from one serialisation: the two JSONs differ only in the value of
 * `export`, so each top-level value is serialised once, hashed as it comes (with `export` less
 * its `exportedAt`) and joined. A 100 MB plan was serialised twice in full before.
 */
export function encodePlan(plan: PlanFile): { json: Uint8Array; contentHash: string } {
  const { exportedAt: _exportedAt, ...exportWithoutTime } = plan.export;
  const hash = createHash('sha256');
  const parts: string[] = [];
  // In JSON.stringify's order (own enumerable keys), leaving out what it leaves out.
  for (const [key, value] of Object.entries(plan)) {
    const valueJson = JSON.stringify(value) as string | undefined;
    if (valueJson === undefined) continue;
    const head = `${parts.length === 0 ? '{' : ','}${JSON.stringify(key)}:`;
    hash.update(head).update(key === 'export' ? JSON.stringify(exportWithoutTime) : valueJson);
    parts.push(head, valueJson);
  }
  const end = parts.length === 0 ? '{}' : '}';
  hash.update(end);
  parts.push(end);
  return { json: new TextEncoder().encode(parts.join('')), contentHash: hash.digest('hex') };
}

async function isFolder(filePath: string): Promise<boolean> {
  return (await stat(filePath).catch(() => null))?.isDirectory() ?? false;
}
