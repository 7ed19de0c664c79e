import path from 'node:path';
import { exportFileName } from '../../shared/exports/file-names';
import { buildMinutes } from '../../shared/exports/minutes-model';
import { decisionsFileSchema } from '../../shared/meetings/decisions-file';
import { publishedBundleOf } from '../../shared/meetings/decisions-meeting';
import { minutesDocx } from '../exports/minutes-docx';
import { writeFileAtomic } from '../fs/atomic-write';
import { formatVerifyReport, verifyFile } from './verify';

// `oversight-cli minutes FILE.decisions.json [--out DIR]`: re-makes the approved minutes from a
// decision file, so a democratic services officer can publish them without the app. The file
// is checked first, exactly as `verify` checks it; the minutes come from the same model and
// Word layout the app's Exports view uses (shared/exports/minutes-model.ts, minutes-docx.ts),
// never a second renderer. Exempt content is never printed: these are the public minutes.
// Exit 0 written, 1 the chain is broken, 2 unreadable file, usage, or the DOCX cannot be written.

export type MinutesRun = { exitCode: 0 | 1 | 2; lines: string[]; written: string | null };

/** Checks one decision file and writes its approved minutes as DOCX into `outDir` (atomically, never over a file). */
export async function writeMinutesFromFile(file: string, outDir: string, options: { expectedHead?: string } = {}): Promise<MinutesRun> {
  const report = await verifyFile(file, options);
  if (report.verdict.status !== 'intact') {
    return { exitCode: report.verdict.status === 'broken' ? 1 : 2, lines: [formatVerifyReport(report)], written: null };
  }
  // verifyFile parsed it against the schema already; parse again to have it typed.
  const parsed = decisionsFileSchema.safeParse(report.value);
  if (!parsed.success) return { exitCode: 2, lines: [`✖ ${file}: cannot be read as a decision file.`], written: null };
  const bundle = publishedBundleOf(parsed.data);
  if (!bundle.ok) return { exitCode: 2, lines: [`✖ ${file}: its minutes cannot be made: ${bundle.error.message}.`], written: null };
  const header = bundle.value.records[0];
  const boardName = header?.kind === 'meeting' ? header.boardName : 'Oversight';
  const minutes = buildMinutes(bundle.value, { boardName, includeExempt: false });
  const data = await minutesDocx(minutes);
  const { meeting } = bundle.value;
  const target = path.join(outDir, exportFileName('minutes-docx', { title: meeting.title, date: meeting.date, isConfidential: false }));
  const written = await writeFileAtomic(target, data);
  if (!written.ok) return { exitCode: 2, lines: [`✖ ${file}: the minutes were not written: ${written.error.message}`], written: null };
  return {
    exitCode: 0,
    lines: [formatVerifyReport(report), `✔ Approved minutes written to ${target}`],
    written: target,
  };
}
