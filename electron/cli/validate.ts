import { promises as fs } from 'node:fs';
import type { Problem } from '../../shared/ipc/contract';
import type { PlanCounts } from '../../shared/plan/validate';
import { trackerMappingSchema, type TrackerMapping } from '../../shared/tracker/mapping';
import { examineFile } from '../sync/examine';
import { looksLikeBackup, validateBackupFile } from '../backup/validate-backup';

/** One file's verdict, in the shape `oversight-cli validate --json` prints. */
export type FileReport = {
  file: string;
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
  /** A meeting pack's report also counts its papers and their pages. */
  counts: PlanCounts & { papers?: number; pages?: number };
  /** A backup's report: its date, records and papers, and whether it was decrypted (--passphrase-file). */
  backup?: { createdAt: string; schemaVersion: number; records: number; papers: number; isDecrypted: boolean };
};

export type ValidateRun = {
  exitCode: 0 | 1 | 2;
  reports: FileReport[];
  usageError?: string;
  unreadable: Array<{ file: string; message: string }>;
};

const EMPTY_COUNTS: PlanCounts = { areas: 0, actions: 0, milestones: 0, measures: 0, evidence: 0, risks: 0 };

/** Reads a mapping file given with --mapping; a message when it cannot be used. */
export async function readMappingFile(file: string): Promise<{ ok: true; mapping: TrackerMapping } | { ok: false; message: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    return { ok: false, message: `The mapping file ${file} could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = trackerMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `The mapping file ${file} is not a tracker mapping (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid'}).`,
    };
  }
  return { ok: true, mapping: parsed.data };
}

/**
 * Checks plan files, trackers and meeting packs (a .pack.json, its folder or a .zip) exactly as
 * the app's sync would (the same examineFile).
 * Exit 0 when every file is valid, 1 when any is invalid, 2 when any cannot be read.
 */
export async function validateFiles(
  files: readonly string[],
  options: { mapping?: TrackerMapping; passphrase?: string } = {},
): Promise<ValidateRun> {
  const reports: FileReport[] = [];
  const unreadable: ValidateRun['unreadable'] = [];
  for (const file of files) {
    if (await looksLikeBackup(file)) {
      const verdict = await validateBackupFile(file, options.passphrase);
      if (verdict.unreadable !== undefined) {
        unreadable.push({ file, message: verdict.unreadable });
        continue;
      }
      reports.push({
        file,
        valid: verdict.valid,
        errors: verdict.errors.map((message) => ({ path: file, message })),
        warnings: [],
        counts: EMPTY_COUNTS,
        ...(verdict.backup ? { backup: verdict.backup } : {}),
      });
      continue;
    }
    const result = await examineFile(file, { ...(options.mapping ? { mapping: options.mapping } : {}), acceptSuggestedMapping: true });
    if (result.status === 'unreadable') {
      unreadable.push({ file, message: result.message });
      continue;
    }
    if (result.status === 'known') continue;
    const { outcome } = result;
    const guessed: Problem[] = result.suggestedMappingUsed
      ? [{ path: file, message: 'No --mapping was given: columns were matched from their headings, as the app would first suggest.' }]
      : [];
    if (outcome.status === 'pack') {
      const pages = outcome.papers.reduce((sum, paper) => sum + paper.pageCount, 0);
      reports.push({
        file,
        valid: true,
        errors: [],
        warnings: outcome.warnings,
        counts: { ...EMPTY_COUNTS, papers: outcome.papers.length, pages },
      });
    } else if (outcome.status === 'valid') {
      reports.push({ file, valid: true, errors: [], warnings: [...guessed, ...outcome.warnings], counts: outcome.counts });
    } else if (outcome.status === 'invalid') {
      reports.push({ file, valid: false, errors: outcome.errors, warnings: [...guessed, ...outcome.warnings], counts: EMPTY_COUNTS });
    } else {
      reports.push({
        file,
        valid: false,
        errors: [{ path: file, message: 'The tracker’s columns could not be matched; give a --mapping file.' }],
        warnings: [],
        counts: EMPTY_COUNTS,
      });
    }
  }
  const exitCode = unreadable.length > 0 ? 2 : reports.some((report) => !report.valid) ? 1 : 0;
  return { exitCode, reports, unreadable };
}

/** The human-readable report: one block per file, each problem with its location. */
export function formatReport(run: ValidateRun): string {
  const lines: string[] = [];
  for (const report of run.reports) {
    const { counts } = report;
    if (report.valid && report.backup) {
      const { backup } = report;
      lines.push(
        `✔ ${report.file}: valid backup made ${backup.createdAt} (${backup.records} records, ${backup.papers} papers)${backup.isDecrypted ? ', decrypts with the passphrase' : '; give --passphrase-file to check it decrypts'}`,
      );
    } else if (report.valid && counts.papers !== undefined) {
      lines.push(`✔ ${report.file}: valid meeting pack (${counts.papers} papers, ${counts.pages ?? 0} pages)`);
    } else if (report.valid) {
      lines.push(
        `✔ ${report.file}: valid (${counts.areas} areas, ${counts.actions} actions, ${counts.milestones} milestones, ${counts.measures} measures, ${counts.evidence} evidence, ${counts.risks} risks)`,
      );
    } else {
      lines.push(`✖ ${report.file}: ${report.errors.length} ${report.errors.length === 1 ? 'problem' : 'problems'}`);
    }
    for (const error of report.errors) lines.push(`  error   ${locate(error)}  ${error.message}`);
    for (const warning of report.warnings) lines.push(`  warning ${locate(warning)}  ${warning.message}`);
  }
  for (const entry of run.unreadable) lines.push(`✖ ${entry.file}: ${entry.message}`);
  return lines.join('\n');
}

function locate(problem: Problem): string {
  return problem.line !== undefined ? `${problem.path} (line ${problem.line}, column ${problem.column ?? 1})` : problem.path;
}
