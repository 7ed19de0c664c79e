import { promises as fs } from 'node:fs';
import { verifyDecisionsFile, type DecisionsFileVerdict } from '../../shared/meetings/decisions-file';

// `oversight-cli verify FILE… [--head HASH]`: checks exported decision files the way the app
// checks its own record (shared/meetings/decisions-file.ts), and with --head against the final
// hash printed on the approved minutes. Exit 0 every file intact, 1 any chain broken (naming
// the first broken record, or both hashes), 2 any file unreadable or not a decision file.

/** Decision files are small; anything larger than this is not one, and is not read whole. */
export const MAX_DECISIONS_FILE_BYTES = 64 * 1024 * 1024;

/** `value` is the file's parsed JSON, when it was JSON. */
export type VerifyReport = { file: string; verdict: DecisionsFileVerdict; value?: unknown };

/** Reads and checks one decision file, against `expectedHead` when given. */
export async function verifyFile(file: string, options: { expectedHead?: string } = {}): Promise<VerifyReport> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { file, verdict: { status: 'unreadable', message: 'it is not a file' } };
    if (stat.size > MAX_DECISIONS_FILE_BYTES) {
      return { file, verdict: { status: 'unreadable', message: `it is larger than ${MAX_DECISIONS_FILE_BYTES / 1024 / 1024} MB` } };
    }
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return { file, verdict: { status: 'unreadable', message: code === 'ENOENT' ? 'there is no such file' : 'it could not be read' } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { file, verdict: { status: 'unreadable', message: 'it is not JSON' } };
  }
  return { file, verdict: await verifyDecisionsFile(value, options), value };
}

/** The line printed for one file. */
export function formatVerifyReport({ file, verdict }: VerifyReport): string {
  switch (verdict.status) {
    case 'intact': {
      const withheld =
        verdict.withheld > 0
          ? `; ${verdict.withheld} exempt ${verdict.withheld === 1 ? 'record' : 'records'} withheld, their place checked`
          : '';
      return `✔ ${file}: intact. ${verdict.title}: ${verdict.count} records, chain head ${verdict.head}${withheld}.`;
    }
    case 'broken':
      return `✖ ${file}: BROKEN at record ${verdict.seq}, ${verdict.label}: ${verdict.reason}.`;
    case 'unreadable':
      return `✖ ${file}: cannot be checked: ${verdict.message}.`;
  }
}

/** Checks each file; returns the reports and the exit code (2 beats 1 beats 0). */
export async function verifyFiles(
  files: readonly string[],
  options: { expectedHead?: string } = {},
): Promise<{ exitCode: 0 | 1 | 2; reports: VerifyReport[] }> {
  const reports: VerifyReport[] = [];
  for (const file of files) reports.push(await verifyFile(file, options));
  const exitCode = reports.some((report) => report.verdict.status === 'unreadable')
    ? 2
    : reports.some((report) => report.verdict.status === 'broken')
      ? 1
      : 0;
  return { exitCode, reports };
}
