import type { Problem } from '../../shared/ipc/contract';
import type { PlanCounts } from '../../shared/plan/validate';
import type { TrackerMapping } from '../../shared/tracker/mapping';
import { examineFile, type ExamineResult } from '../sync/examine';
import { validateBackupFile } from '../backup/validate-backup';
import { verifyFile } from './verify';

// Every kind of file `oversight-cli validate` answers, in one table. A kind claims a file by its
// name (or, for a pack, a folder) and checks it exactly as the app would. To teach validate a
// new kind, add one entry here (and a test that a file written from its docs/formats page alone
// is accepted): the CLI, its usage text and its "not a file Oversight reads" message follow.

/** What a report counts: a plan's entities, and each other kind's own items. */
export type ReportCounts = PlanCounts & {
  papers?: number;
  pages?: number;
  annotations?: number;
  records?: number;
  questions?: number;
  answers?: number;
};

/** One kind's verdict on one file. */
export type KindVerdict =
  | {
      status: 'checked';
      valid: boolean;
      errors: Problem[];
      warnings: Problem[];
      counts: ReportCounts;
      summary: string;
      /** A backup's date, records and papers, and whether it was decrypted (--passphrase-file). */
      backup?: BackupSummary;
    }
  | { status: 'unreadable'; message: string };

export type BackupSummary = { createdAt: string; schemaVersion: number; records: number; papers: number; isDecrypted: boolean };

/** `passphrase`: the first line of --passphrase-file, to check a backup decrypts throughout. */
export type ValidateOptions = { mapping?: TrackerMapping; passphrase?: string };

export type ValidateKind = {
  /** The name printed in `--json` (`kind`) and in messages. */
  kind: string;
  /** How the usage text and messages name it, e.g. "plan files (.plan.json)". */
  describe: string;
  /** Whether this kind reads the file, decided from its name (lower-cased) and whether it is a folder. */
  claims(lowerName: string, isFolder: boolean): boolean;
  check(file: string, options: ValidateOptions): Promise<KindVerdict>;
};

export const EMPTY_COUNTS: PlanCounts = { areas: 0, actions: 0, milestones: 0, measures: 0, evidence: 0, risks: 0 };

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

// The app's own examination (electron/sync/examine.ts), so validate and import cannot disagree.
async function examined(file: string, options: ValidateOptions): Promise<ExamineResult> {
  return examineFile(file, { ...(options.mapping ? { mapping: options.mapping } : {}), acceptSuggestedMapping: true });
}

function refusedAs(kind: string, file: string): KindVerdict {
  return {
    status: 'checked',
    valid: false,
    errors: [{ path: file, message: `This file was not read as ${kind}.` }],
    warnings: [],
    counts: EMPTY_COUNTS,
    summary: '',
  };
}

async function checkExamined(file: string, options: ValidateOptions, kind: string): Promise<KindVerdict> {
  const result = await examined(file, options);
  if (result.status === 'unreadable') return { status: 'unreadable', message: result.message };
  if (result.status === 'known') return refusedAs(kind, file);
  const { outcome } = result;
  const guessed: Problem[] = result.suggestedMappingUsed
    ? [{ path: file, message: 'No --mapping was given: columns were matched from their headings, as the app would first suggest.' }]
    : [];
  switch (outcome.status) {
    case 'valid': {
      const { counts } = outcome;
      return {
        status: 'checked',
        valid: true,
        errors: [],
        warnings: [...guessed, ...outcome.warnings],
        counts,
        summary: `valid (${counts.areas} areas, ${counts.actions} actions, ${counts.milestones} milestones, ${counts.measures} measures, ${counts.evidence} evidence, ${counts.risks} risks)`,
      };
    }
    case 'invalid':
      return {
        status: 'checked',
        valid: false,
        errors: outcome.errors,
        warnings: [...guessed, ...outcome.warnings],
        counts: EMPTY_COUNTS,
        summary: '',
      };
    case 'pack': {
      const pages = outcome.papers.reduce((sum, paper) => sum + paper.pageCount, 0);
      return {
        status: 'checked',
        valid: true,
        errors: [],
        warnings: outcome.warnings,
        counts: { ...EMPTY_COUNTS, papers: outcome.papers.length, pages },
        summary: `valid meeting pack (${outcome.papers.length} papers, ${pages} pages)`,
      };
    }
    case 'annotations': {
      const count = outcome.file.annotations.length;
      return {
        status: 'checked',
        valid: true,
        errors: [],
        warnings: outcome.warnings,
        counts: { ...EMPTY_COUNTS, annotations: count },
        summary: `valid annotations file (${plural(count, 'annotation')} by ${outcome.file.author.displayName})`,
      };
    }
    case 'answers': {
      const questions = outcome.workbook.rows.length;
      const answers = outcome.workbook.rows.filter((row) => row.answer !== '').length;
      return {
        status: 'checked',
        valid: true,
        errors: [],
        warnings: outcome.warnings,
        counts: { ...EMPTY_COUNTS, questions, answers },
        summary: `valid questions and answers workbook (${plural(questions, 'question')}, ${answers} answered)`,
      };
    }
    case 'needs-mapping':
      return {
        status: 'checked',
        valid: false,
        errors: [{ path: file, message: 'The tracker’s columns could not be matched; give a --mapping file.' }],
        warnings: [],
        counts: EMPTY_COUNTS,
        summary: '',
      };
  }
}

/** The kinds, most specific name first: `x.decisions.json` must not fall to a generic rule. */
export const VALIDATE_KINDS: readonly ValidateKind[] = [
  {
    kind: 'backup',
    describe: 'backups (.oversight-backup)',
    claims: (name) => name.endsWith('.oversight-backup'),
    async check(file, options) {
      const verdict = await validateBackupFile(file, options.passphrase);
      if (verdict.unreadable !== undefined) return { status: 'unreadable', message: verdict.unreadable };
      const { backup } = verdict;
      const decrypts = backup?.isDecrypted ? ', decrypts with the passphrase' : '; give --passphrase-file to check it decrypts';
      return {
        status: 'checked',
        valid: verdict.valid,
        errors: verdict.errors.map((message) => ({ path: file, message })),
        warnings: [],
        counts: EMPTY_COUNTS,
        summary: backup ? `valid backup made ${backup.createdAt} (${backup.records} records, ${backup.papers} papers)${decrypts}` : '',
        ...(backup ? { backup } : {}),
      };
    },
  },
  {
    kind: 'decisions',
    describe: 'decision files (.decisions.json)',
    claims: (name) => name.endsWith('.decisions.json'),
    async check(file) {
      const { verdict } = await verifyFile(file);
      if (verdict.status === 'intact') {
        const withheld = verdict.withheld > 0 ? `, ${plural(verdict.withheld, 'exempt record')} withheld` : '';
        return {
          status: 'checked',
          valid: true,
          errors: [],
          warnings: [],
          counts: { ...EMPTY_COUNTS, records: verdict.count },
          summary: `intact decision file (${verdict.title}: ${plural(verdict.count, 'record')}${withheld})`,
        };
      }
      const message =
        verdict.status === 'broken'
          ? `The hash chain is broken at record ${verdict.seq}, ${verdict.label}: ${verdict.reason}.`
          : `It is not a decision file Oversight can check: ${verdict.message}.`;
      return { status: 'checked', valid: false, errors: [{ path: file, message }], warnings: [], counts: EMPTY_COUNTS, summary: '' };
    },
  },
  {
    kind: 'annotations',
    describe: 'annotations files (.annotations.json)',
    claims: (name) => name.endsWith('.annotations.json'),
    check: (file, options) => checkExamined(file, options, 'an annotations file'),
  },
  {
    kind: 'plan',
    describe: 'plan files (.plan.json)',
    claims: (name) => name.endsWith('.plan.json'),
    check: (file, options) => checkExamined(file, options, 'a plan file'),
  },
  {
    kind: 'pack',
    describe: 'meeting packs (a .pack.json, its folder, or a .zip)',
    claims: (name, isFolder) => isFolder || name.endsWith('.pack.json') || name.endsWith('.zip'),
    check: (file, options) => checkExamined(file, options, 'a meeting pack'),
  },
  {
    kind: 'answers',
    describe: 'answers workbooks (.answers.xlsx)',
    claims: (name) => name.endsWith('.answers.xlsx'),
    check: (file, options) => checkExamined(file, options, 'an answers workbook'),
  },
  {
    kind: 'tracker',
    describe: 'spreadsheet trackers (.csv, .xlsx)',
    claims: (name) => name.endsWith('.csv') || name.endsWith('.xlsx'),
    check: (file, options) => checkExamined(file, options, 'a tracker'),
  },
];

/** The kind that reads a file, or undefined when validate reads no such file. */
export function kindFor(file: string, isFolder: boolean): ValidateKind | undefined {
  const name = (
    file
      .split(/[\\/]/)
      .filter((part) => part !== '')
      .pop() ?? ''
  ).toLowerCase();
  return VALIDATE_KINDS.find((kind) => kind.claims(name, isFolder));
}

/** "plan files (.plan.json), …, and decision files (.decisions.json)": for usage and messages. */
export function describeKinds(): string {
  const names = VALIDATE_KINDS.map((kind) => kind.describe);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '');
}
