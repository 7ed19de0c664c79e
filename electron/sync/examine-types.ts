import type { ImportOutcome } from '../../shared/ipc/contract';

// What examining a file answers. Its own module so that examine.ts (which calls the pack reader)
// and pack-read.ts (which answers in these types) do not import each other.

/** Where a pack's files are: beside its manifest in a folder, or inside a zip. */
export type PackLocation = { kind: 'folder'; manifestPath: string } | { kind: 'zip'; zipPath: string; manifestEntry: string };

export type ExaminedFile = { name: string; sha256: string; size: number; modifiedAt: string };

export type ExamineResult =
  | { status: 'examined'; file: ExaminedFile; outcome: ImportOutcome; suggestedMappingUsed?: boolean; location?: PackLocation }
  | { status: 'known'; file: ExaminedFile }
  | { status: 'unreadable'; code: string; message: string };
