// Where board folder files live and which names a reader looks at (docs/formats/board-folder-v1.md,
// "Layout"). Names decide only where a device writes; a file read is identified by its content.

/** The folder path parts of a device's own files. */
export function deviceFolder(memberId: string, deviceId: string): string[] {
  return ['members', memberId, deviceId];
}

/** A sequence number as a file name's digits: six at least, so names sort in order. */
export function sequenceName(sequence: number): string {
  return String(sequence).padStart(6, '0');
}

/** The relative path (with `/`) of a device's segment, snapshot or publication, or of a register version. */
export function boardFilePath(
  kind: 'segment' | 'snapshot' | 'register' | 'publication' | 'draft-record',
  memberId: string,
  deviceId: string,
  sequence: number,
): string {
  if (kind === 'register') return `register/${sequenceName(sequence)}.json`;
  if (kind === 'publication') return `${publicationFolder(memberId, deviceId, sequence)}.json`;
  const prefix = kind === 'snapshot' ? 'snapshot-' : kind === 'draft-record' ? 'draft-' : '';
  const name = `${prefix}${sequenceName(sequence)}.json`;
  return [...deviceFolder(memberId, deviceId), name].join('/');
}

/** The relative folder (with `/`) holding a publication's files; its signed manifest is this path plus `.json`. */
export function publicationFolder(memberId: string, deviceId: string, sequence: number): string {
  return ['published', memberId, deviceId, sequenceName(sequence)].join('/');
}

/** The temporary name a file is written under before it is renamed into place. */
export function temporaryName(finalName: string, random: string): string {
  return `.${finalName}.${random}.tmp`;
}

/**
 * Whether a reader opens a file at this relative path (`/`-separated): under `register/` or
 * `members/`, or a manifest at `published/<member>/<device>/`; ending `.json`, and not a
 * temporary, hidden or Office lock file. Conflict copies (`000042 (1).json`,
 * `000042-LAPTOP.json`) are opened and recognised by their content.
 */
export function isBoardFileCandidate(relativePath: string): boolean {
  const parts = relativePath.split('/');
  const top = parts[0];
  const name = parts[parts.length - 1] ?? '';
  if (parts.length < 2 || (top !== 'register' && top !== 'members' && top !== 'published')) return false;
  // Under published/ only the manifests (published/<member>/<device>/<n>.json): the files they
  // list (a plan's .json among them) are read only through a manifest that verified.
  if (top === 'published' && parts.length !== 4) return false;
  if (parts.some((part) => part.startsWith('.') || part.startsWith('~$'))) return false;
  return name.toLowerCase().endsWith('.json');
}
