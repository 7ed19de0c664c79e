import { safeFileName } from '../files/safe-file-name';
import type { ExportKind } from './schema';
import { CONFIDENTIAL_MARK } from './text';

// The names exports are offered under: the board or meeting, its date and what the file is,
// safe on Windows, macOS and Linux; CONFIDENTIAL at the front when exempt items are in it.

const WHAT: Record<ExportKind, { words: string; extension: string }> = {
  'minutes-docx': { words: 'minutes', extension: '.docx' },
  'minutes-pdf': { words: 'minutes', extension: '.pdf' },
  'decision-log-csv': { words: 'decision log', extension: '.csv' },
  'decision-log-xlsx': { words: 'decision log', extension: '.xlsx' },
  'action-log-csv': { words: 'action log', extension: '.csv' },
  'action-log-xlsx': { words: 'action log', extension: '.xlsx' },
  'questions-docx': { words: 'questions for officers', extension: '.docx' },
  'questions-csv': { words: 'questions for officers', extension: '.csv' },
  'questions-xlsx': { words: 'questions and answers', extension: '.answers.xlsx' },
  'decisions-json': { words: 'record', extension: '.decisions.json' },
  tracker: { words: 'tracker with board updates', extension: '.xlsx' },
  'board-report-docx': { words: 'board report', extension: '.docx' },
  'board-report-pdf': { words: 'board report', extension: '.pdf' },
};

/** The extension a kind's file ends with (a tracker's follows the original: pass it). */
export function extensionOf(kind: ExportKind, trackerExtension?: '.xlsx' | '.csv'): string {
  return kind === 'tracker' && trackerExtension ? trackerExtension : WHAT[kind].extension;
}

/** The file dialog's filter for a kind. */
export function filterOf(kind: ExportKind, trackerExtension?: '.xlsx' | '.csv'): { name: string; extensions: string[] } {
  const extension = extensionOf(kind, trackerExtension);
  const names: Record<string, string> = {
    '.docx': 'Word document',
    '.pdf': 'PDF document',
    '.csv': 'CSV (comma-separated values)',
    '.xlsx': 'Excel workbook',
    '.decisions.json': 'Oversight decision file',
    '.answers.xlsx': 'Excel workbook',
  };
  return { name: names[extension] ?? 'File', extensions: [extension.split('.').pop() ?? 'dat'] };
}

/**
 * "SEND Oversight Board 2027-01-14 minutes.docx"; with exempt items
 * "CONFIDENTIAL SEND Oversight Board 2027-01-14 minutes.docx".
 */
export function exportFileName(
  kind: ExportKind,
  context: { title: string; date?: string; isConfidential: boolean; detail?: string; trackerExtension?: '.xlsx' | '.csv' },
): string {
  const extension = extensionOf(kind, context.trackerExtension);
  const parts = [
    context.isConfidential ? CONFIDENTIAL_MARK : '',
    context.title,
    context.date ?? '',
    WHAT[kind].words,
    context.detail ?? '',
  ].filter((part) => part.trim() !== '');
  // The stem is made safe on its own so the extension can never be cut or mangled.
  const stem = safeFileName(parts.join(' '), 'Oversight export')
    .slice(0, 150 - extension.length)
    .trimEnd();
  return `${stem}${extension}`;
}

/**
 * The name a file is written under, from the one the user chose in the save dialog: the right
 * extension, and CONFIDENTIAL at the front when exempt items are included, whatever was typed.
 * `changed` says the name differs from the one chosen, which the dialog never asked about.
 */
export function finalTargetName(chosenBaseName: string, extension: string, isConfidential: boolean): { name: string; changed: boolean } {
  let name = chosenBaseName;
  if (!name.toLowerCase().endsWith(extension)) {
    const lastDot = extension.lastIndexOf('.');
    const plain = extension.slice(lastDot); // ".json" for ".decisions.json"
    name = `${name.toLowerCase().endsWith(plain) ? name.slice(0, -plain.length) : name}${extension}`;
  }
  if (isConfidential && !name.toUpperCase().includes(CONFIDENTIAL_MARK)) name = `${CONFIDENTIAL_MARK} ${name}`;
  name = safeFileName(name);
  return { name, changed: name !== chosenBaseName };
}
