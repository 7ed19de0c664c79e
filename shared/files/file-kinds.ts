// Which files the sync sources (inbox, Import dialog, drop) hand to the importer, decided by
// name alone so a folder listing can be filtered without opening anything.

/** What the importer will do with a file, decided from its name. */
export type FileKind = 'plan' | 'tracker-csv' | 'tracker-xlsx' | 'annotations' | 'pack' | 'answers';

// Longest suffixes first: `x.plan.json` must not fall through to a generic rule.
const KIND_BY_SUFFIX: ReadonlyArray<readonly [suffix: string, kind: FileKind]> = [
  ['.plan.json', 'plan'],
  ['.annotations.json', 'annotations'],
  ['.pack.json', 'pack'],
  ['.answers.xlsx', 'answers'],
  ['.zip', 'pack'],
  ['.csv', 'tracker-csv'],
  ['.xlsx', 'tracker-xlsx'],
];

// Suffixes that browsers, sync clients, editors and careful writers use while a file is
// still being written; the finished file is renamed to its real name afterwards.
const IN_PROGRESS_SUFFIXES = ['.tmp', '.temp', '.part', '.crdownload', '.download', '.partial', '.swp'];

// Files the operating system drops into any folder a user opens.
const SYSTEM_FILE_NAMES = new Set(['thumbs.db', 'desktop.ini']);

// Callers sometimes pass a path; only the last segment is a name, whichever separator is used.
function lastSegment(name: string): string {
  const parts = name.split(/[\\/]/);
  return parts[parts.length - 1] ?? '';
}

/** The kind of Oversight file a name denotes (case-insensitive), or null when it is none. */
export function classifyFileName(name: string): FileKind | null {
  const lower = lastSegment(name).toLowerCase();
  for (const [suffix, kind] of KIND_BY_SUFFIX) {
    // A bare `.csv` is a dotfile, not a tracker: a kind needs a stem before its suffix.
    if (lower.length > suffix.length && lower.endsWith(suffix)) return kind;
  }
  return null;
}

/** Whether a name is a lock, temporary, partial or system file that must never be imported. */
export function isIgnoredName(name: string): boolean {
  const base = lastSegment(name);
  const lower = base.toLowerCase();
  if (lower === '') return true;
  // Office writes `~$Book.xlsx` beside an open workbook: a lock file, not the workbook.
  if (base.startsWith('~$')) return true;
  // Dotfiles cover `.DS_Store`, LibreOffice's `.~lock.x.xlsx#` and sync clients' scratch files.
  if (base.startsWith('.')) return true;
  if (SYSTEM_FILE_NAMES.has(lower)) return true;
  return IN_PROGRESS_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}
