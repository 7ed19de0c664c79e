import { promises as fs } from 'node:fs';
import path from 'node:path';
import { finalTargetName } from '../../shared/exports/file-names';
import type { ExportRequest, ExportResult } from '../../shared/exports/schema';
import { decisionsFileSchema, verifyDecisionsFile, type DecisionsFile } from '../../shared/meetings/decisions-file';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_DECISIONS_FILE_BYTES } from '../cli/verify';
import { writeFileAtomic, type AtomicWriteOptions } from '../fs/atomic-write';
import { buildExport, type ExportServices } from './build-export';

// The two export channels' work in main: build the file, ask where it goes, write it atomically;
// and read decision files back for import, checked before the renderer sees them.

export type SaveContext = {
  services: ExportServices;
  /** The OS save dialog (it asks before replacing the file the user picked); null when cancelled. */
  saveFile(defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
  /** Test seam for the atomic write (a failure injected between write and rename). */
  beforeRename?: AtomicWriteOptions['beforeRename'];
};

/** Builds an export, asks where to save it, and writes it atomically; never silently replaces a file. */
export async function saveExport(request: ExportRequest, context: SaveContext): Promise<Result<ExportResult>> {
  const built = await buildExport(request, context.services);
  if (!built.ok) return built;
  const chosen = await context.saveFile(built.value.suggestedName, built.value.filter);
  if (!chosen) return ok({ saved: false });
  const { name, changed } = finalTargetName(path.basename(chosen), built.value.extension, built.value.isConfidential);
  const target = path.join(path.dirname(chosen), name);
  // The OS dialog asked before replacing the name the user chose; a name we changed (to add the
  // extension or the CONFIDENTIAL marking) was never asked about, so it must not replace anything.
  const written = await writeFileAtomic(target, built.value.data, {
    overwrite: !changed,
    ...(context.beforeRename ? { beforeRename: context.beforeRename } : {}),
  });
  if (!written.ok) return fail(written.error.code, written.error.message);
  return ok({ saved: true, fileName: name, summary: built.value.summary });
}

export type ImportedDecisionsFile =
  | { fileName: string; status: 'intact'; file: DecisionsFile; title: string; withheld: number }
  | { fileName: string; status: 'refused'; message: string };

/** Reads and checks one decision file the user chose to import. */
export async function readDecisionsFile(filePath: string): Promise<ImportedDecisionsFile> {
  const fileName = path.basename(filePath);
  const refused = (message: string): ImportedDecisionsFile => ({ fileName, status: 'refused', message });
  if (!fileName.toLowerCase().endsWith('.decisions.json')) return refused('It is not a decision file: those end in .decisions.json.');
  let value: unknown;
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) return refused('It is not a file.');
    if (stat.size > MAX_DECISIONS_FILE_BYTES)
      return refused(`It is larger than ${MAX_DECISIONS_FILE_BYTES / 1024 / 1024} MB, which no decision file is.`);
    value = JSON.parse((await fs.readFile(filePath, 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    return refused('It could not be read as JSON.');
  }
  const verdict = await verifyDecisionsFile(value);
  if (verdict.status === 'unreadable') return refused(`It cannot be checked: ${verdict.message}.`);
  if (verdict.status === 'broken')
    return refused(`Its record is broken at record ${verdict.seq}, ${verdict.label}: ${verdict.reason}. Nothing was imported.`);
  return { fileName, status: 'intact', file: decisionsFileSchema.parse(value), title: verdict.title, withheld: verdict.withheld };
}
