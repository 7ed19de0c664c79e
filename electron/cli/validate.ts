import { promises as fs } from 'node:fs';
import type { Problem } from '../../shared/ipc/contract';
import { trackerMappingSchema, type TrackerMapping } from '../../shared/tracker/mapping';
import { describeKinds, kindFor, type BackupSummary, type ReportCounts, type ValidateOptions } from './validate-kinds';

/** One file's verdict, in the shape `oversight-cli validate --json` prints. */
export type FileReport = {
  file: string;
  /** Which kind of file it was read as: a `kind` of the table in validate-kinds.ts. */
  kind: string;
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
  /** A plan's entities; a pack also counts its papers and pages, an annotations file its annotations, a decision file its records. */
  counts: ReportCounts;
  /** The words after "✔ file: " in the human-readable report. */
  summary: string;
  /** A backup's report: its date, records and papers, and whether it was decrypted (--passphrase-file). */
  backup?: BackupSummary;
};

export type ValidateRun = {
  exitCode: 0 | 1 | 2;
  reports: FileReport[];
  usageError?: string;
  /** Files that could not be read, or are no kind validate knows (`kind` absent). */
  unreadable: Array<{ file: string; message: string; kind?: string }>;
};

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
 * Checks every kind of file the app reads (the table in validate-kinds.ts) exactly as the app
 * would. Exit 0 when every file is valid, 1 when any is invalid, 2 when any cannot be read or
 * is no kind of file Oversight reads.
 */
export async function validateFiles(files: readonly string[], options: ValidateOptions = {}): Promise<ValidateRun> {
  const reports: FileReport[] = [];
  const unreadable: ValidateRun['unreadable'] = [];
  for (const file of files) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) {
      unreadable.push({ file, message: 'there is no such file or folder' });
      continue;
    }
    const kind = kindFor(file, stat.isDirectory());
    if (!kind) {
      unreadable.push({ file, message: `it is not a file Oversight reads: oversight-cli validate checks ${describeKinds()}` });
      continue;
    }
    const verdict = await kind.check(file, options);
    if (verdict.status === 'unreadable') unreadable.push({ file, message: verdict.message, kind: kind.kind });
    else
      reports.push({
        file,
        kind: kind.kind,
        valid: verdict.valid,
        errors: verdict.errors,
        warnings: verdict.warnings,
        counts: verdict.counts,
        summary: verdict.summary,
        ...(verdict.backup ? { backup: verdict.backup } : {}),
      });
  }
  const exitCode = unreadable.length > 0 ? 2 : reports.some((report) => !report.valid) ? 1 : 0;
  return { exitCode, reports, unreadable };
}

/** The human-readable report: one block per file, each problem with its location. */
export function formatReport(run: ValidateRun): string {
  const lines: string[] = [];
  for (const report of run.reports) {
    if (report.valid) lines.push(`✔ ${report.file}: ${report.summary}`);
    else {
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
