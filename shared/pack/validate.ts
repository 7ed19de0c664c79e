import { findJsonSyntaxError, locateIssues, locateProblems } from '../plan/locate';
import type { PathSegment } from '../plan/messages';
import type { Problem } from '../plan/validate';
import { PACK_FORMAT, PACK_FORMAT_VERSION, PACK_LIMITS, packSchema, type PackManifest } from './schema';

// Checks a .pack.json manifest on its own: the format, every field, and the cross-references
// (unique ids and files, papers on items of this agenda, no paper replacing itself). Whether the
// papers are really there, and really what the manifest says, is checked by the reader
// (electron/sync/pack-read.ts), which has the files.

export type PackValidation = { ok: true; pack: PackManifest; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };

/** Validates a manifest's bytes; every problem located with its line and column; never throws. */
export function validatePackBytes(bytes: Uint8Array): PackValidation {
  if (bytes.length > PACK_LIMITS.maxManifestBytes) {
    return failure([
      { path: '$', message: `The pack's manifest is larger than the ${PACK_LIMITS.maxManifestBytes / 2 ** 20} MB a manifest may be` },
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failure([{ path: '$', message: 'The pack’s manifest is not UTF-8 text' }]);
  }
  return validatePackText(text);
}

/** Validates a manifest's text. */
export function validatePackText(text: string): PackValidation {
  try {
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      const syntax = findJsonSyntaxError(text);
      return failure([
        {
          path: '$',
          message: syntax?.message ?? 'The pack’s manifest is not valid JSON',
          ...(syntax ? { line: syntax.line, column: syntax.column } : {}),
        },
      ]);
    }
    const newer = newerVersionProblem(value);
    if (newer) return failure([newer]);
    const parsed = packSchema.safeParse(value);
    if (!parsed.success) {
      return failure(locateIssues(text, value, parsed.error.issues, 500));
    }
    const { errors, warnings } = crossCheck(parsed.data);
    if (errors.length > 0) return { ok: false, errors: locateProblems(text, errors), warnings: locateProblems(text, warnings) };
    return { ok: true, pack: parsed.data, warnings: locateProblems(text, warnings) };
  } catch {
    return failure([{ path: '$', message: 'Oversight could not finish checking this pack' }]);
  }
}

type RawProblem = { segments: PathSegment[]; message: string };

function newerVersionProblem(value: unknown): Problem | undefined {
  if (typeof value !== 'object' || value === null || !('format' in value) || value.format !== PACK_FORMAT) return undefined;
  const version = 'formatVersion' in value ? value.formatVersion : undefined;
  if (typeof version !== 'number' || version <= PACK_FORMAT_VERSION) return undefined;
  return {
    path: '$.formatVersion',
    message: `This pack was made for a newer version of Oversight (pack format version ${version}); this version reads version ${PACK_FORMAT_VERSION}. Update Oversight to open it.`,
  };
}

/** The effective exempt flag of each paper: its own, or its agenda item's. */
export function isPaperExempt(pack: Pick<PackManifest, 'agenda'>, paper: { exempt: boolean; agendaItem: string | null }): boolean {
  return paper.exempt || pack.agenda.some((item) => item.id === paper.agendaItem && item.exempt);
}

function crossCheck(pack: PackManifest): { errors: RawProblem[]; warnings: RawProblem[] } {
  const errors: RawProblem[] = [];
  const warnings: RawProblem[] = [];
  const itemIndex = new Map<string, number>();
  pack.agenda.forEach((item, index) => {
    const first = itemIndex.get(item.id);
    if (first !== undefined)
      errors.push({ segments: ['agenda', index, 'id'], message: `Agenda item id "${item.id}" appears twice (also at $.agenda[${first}])` });
    else itemIndex.set(item.id, index);
  });

  const paperIndex = new Map<string, number>();
  const fileIndex = new Map<string, number>();
  pack.papers.forEach((paper, index) => {
    const first = paperIndex.get(paper.id);
    if (first !== undefined)
      errors.push({ segments: ['papers', index, 'id'], message: `Paper id "${paper.id}" appears twice (also at $.papers[${first}])` });
    else paperIndex.set(paper.id, index);
    // Windows and macOS folders ignore case: two names differing only in case are one file there.
    const fileKey = paper.file.toLowerCase();
    const sameFile = fileIndex.get(fileKey);
    if (sameFile !== undefined) {
      errors.push({
        segments: ['papers', index, 'file'],
        message: `The file "${paper.file}" is already the file of $.papers[${sameFile}]`,
      });
    } else fileIndex.set(fileKey, index);
    if (paper.agendaItem !== null && !itemIndex.has(paper.agendaItem)) {
      errors.push({
        segments: ['papers', index, 'agendaItem'],
        message: `Paper "${paper.id}" is on agenda item "${paper.agendaItem}", which is not on this pack's agenda`,
      });
    }
    if (paper.supersedes === paper.id) {
      errors.push({
        segments: ['papers', index, 'supersedes'],
        message: `Paper "${paper.id}" says it replaces itself; a reissued paper needs a new id`,
      });
    }
    if (!paper.exempt && isPaperExempt(pack, paper)) {
      warnings.push({
        segments: ['papers', index, 'exempt'],
        message: `Paper "${paper.id}" is on an exempt agenda item but is not marked exempt; it is treated as exempt`,
      });
    }
  });

  // Two papers of one pack replacing the same paper would leave the member guessing which is current.
  const replaced = new Map<string, number>();
  pack.papers.forEach((paper, index) => {
    if (paper.supersedes === undefined) return;
    const first = replaced.get(paper.supersedes);
    if (first !== undefined) {
      errors.push({
        segments: ['papers', index, 'supersedes'],
        message: `Paper "${paper.supersedes}" is replaced twice (also by $.papers[${first}]); only one paper can replace it`,
      });
    } else replaced.set(paper.supersedes, index);
  });
  return { errors, warnings };
}

function failure(errors: Problem[]): PackValidation {
  return { ok: false, errors, warnings: [] };
}
