import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openBoardFile } from '../../shared/board/file';
import { boardFilePath } from '../../shared/board/names';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { SettingsStore } from '../settings-store';
import { openBoardFolder, type BoardScan } from './folder';
import type { CandidateReply, ImportSource } from '../../shared/ipc/contract';
import type { PublishedFile } from '../../shared/board/file';
import type { ImportedDecisionsFile } from '../exports/save-export';
import { checkPublication, copyForPublication, publishedKindOf, type PublishSource } from './publish';

/** The id of the first board on a laptop (shared/meetings/schema.ts BOARD_ID): its folder is the setting kept before several boards. */
const FIRST_BOARD = 'board';

export type BoardServiceOptions = {
  settings: SettingsStore;
  emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
  pollMs?: number;
  watch?: boolean;
  /**
   * The importers a publication's files go through, exactly as a file imported by hand: the sync
   * service's candidates (packs, plans, answers) and the decision-file reader. Without them
   * (tests of the folder alone) publications are neither made nor read.
   */
  importer?: {
    candidatesFor(paths: readonly string[], source: ImportSource, knownSha256: readonly string[]): Promise<CandidateReply[]>;
    readDecisions(filePath: string): Promise<ImportedDecisionsFile>;
  };
};

/** What main made of a publication the renderer admitted: its files as import candidates and decision files, or not all there yet. */
export type PublicationRead =
  { status: 'ready'; candidates: CandidateReply[]; decisions: ImportedDecisionsFile[] } | { status: 'incomplete'; reason: string };

/**
 * The board folder behind IPC: remembers which folder it is (main's settings), keeps one
 * watcher and timer on it, and tells the renderer when to scan. The renderer decides whose keys
 * to trust; main reads and writes only well-formed, signed files, under the names they must have.
 */
export function createBoardService(options: BoardServiceOptions) {
  let open: { path: string; folder: ReturnType<typeof openBoardFolder> } | undefined;
  // What scans on change events and the timer found, kept until the renderer asks: a file main
  // has read is not read again, so it must reach the renderer through the next board:scan.
  let pending: BoardScan = emptyScan();

  /**
   * The folder of one board on this laptop (each board has its own; the first board's, "board",
   * is the one setting there was before several boards). Every call names its board, so a sync of
   * one board never reads or writes another's folder, whichever board the member opens meanwhile.
   */
  async function folderPath(board: string = FIRST_BOARD): Promise<string | null> {
    const settings = await options.settings.read();
    return (board === FIRST_BOARD ? settings.boardFolder : settings.boardFolders?.[board]) ?? null;
  }

  async function ensureOpen(board?: string) {
    const wanted = await folderPath(board);
    if (open && open.path === wanted) return open.folder;
    open?.folder.close();
    open = undefined;
    pending = emptyScan();
    if (!wanted) return null;
    const folder = openBoardFolder({
      folder: wanted,
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
      ...(options.watch !== undefined ? { watch: options.watch } : {}),
      // Only the fact of a change crosses: the renderer asks for the findings itself, in its own queue.
      onScan: (scan) => {
        if (open?.path !== wanted) return;
        pending = {
          opened: [...pending.opened, ...scan.opened],
          refused: [...pending.refused, ...scan.refused],
          newerVersion: [...pending.newerVersion, ...scan.newerVersion],
          incomplete: scan.incomplete,
        };
        if (scan.opened.length > 0 || scan.refused.length > 0) options.emit('board:changed', { folder: wanted });
      },
    });
    open = { path: wanted, folder };
    return folder;
  }

  return {
    folderPath,

    /** Points a board (the first unless named) at its board folder (chosen by the user in main's dialog). */
    async setFolder(folder: string, board: string = FIRST_BOARD): Promise<void> {
      const settings = await options.settings.read();
      await options.settings.write(
        board === FIRST_BOARD
          ? { ...settings, boardFolder: folder }
          : { ...settings, boardFolders: { ...settings.boardFolders, [board]: folder } },
      );
      await ensureOpen(board);
    },

    /** Reads a board's folder now: the files not seen before at their path and size. */
    async scan(board?: string): Promise<Result<BoardScan>> {
      const folder = await ensureOpen(board);
      if (!folder) return fail('not-configured', 'Choose the board folder in Settings first.');
      const fresh = await folder.scan();
      const found = pending;
      pending = emptyScan();
      return ok({
        opened: [...found.opened, ...fresh.opened],
        refused: [...found.refused, ...fresh.refused],
        newerVersion: [...found.newerVersion, ...fresh.newerVersion],
        incomplete: fresh.incomplete,
      });
    },

    /**
     * Writes one of this laptop's files. Main opens it first, as every reader will: only a whole,
     * valid, signed file goes into the shared folder, and only under the name its header gives.
     */
    async write(relativePath: string, bytes: Uint8Array, board?: string): Promise<Result<{ written: true }>> {
      const folder = await ensureOpen(board);
      if (!folder) return fail('not-configured', 'Choose the board folder in Settings first.');
      const opened = await openBoardFile(bytes);
      if (opened.status !== 'opened')
        return fail('invalid-argument', 'Oversight would not write that file: it is not a whole, signed board file.');
      const { header } = opened.file;
      if (boardFilePath(header.kind, header.memberId, header.deviceId, header.sequence) !== relativePath) {
        return fail('invalid-argument', 'Oversight would not write that file: its name does not match its header.');
      }
      const written = await folder.write(relativePath, bytes);
      return written.ok ? ok({ written: true }) : fail(written.error.code, written.error.message);
    },

    /**
     * Deletes this laptop's segments that one of its snapshots covers (compaction). Main checks
     * it itself: the snapshot is in the folder and whole, and each segment is by the same device,
     * numbered no higher than the snapshot. Anything else is left alone.
     */
    async compact(snapshotPath: string, segmentPaths: readonly string[], board?: string): Promise<Result<{ removed: number }>> {
      const folder = await ensureOpen(board);
      const root = await folderPath(board);
      if (!folder || !root) return fail('not-configured', 'Choose the board folder in Settings first.');
      const snapshot = await openBoardFile(await readOrEmpty(path.join(root, ...snapshotPath.split('/'))));
      if (snapshot.status !== 'opened' || snapshot.file.kind !== 'snapshot') {
        return fail(
          'invalid-argument',
          'Oversight would not remove those files: the snapshot that covers them is not in the board folder.',
        );
      }
      let removed = 0;
      for (const segmentPath of segmentPaths) {
        const segment = await openBoardFile(await readOrEmpty(path.join(root, ...segmentPath.split('/'))));
        if (segment.status !== 'opened' || segment.file.kind !== 'segment') continue;
        const { header } = segment.file;
        const isCovered =
          header.deviceId === snapshot.file.header.deviceId &&
          header.publicKey === snapshot.file.header.publicKey &&
          header.sequence <= snapshot.file.header.sequence &&
          boardFilePath('segment', header.memberId, header.deviceId, header.sequence) === segmentPath;
        if (!isCovered) continue;
        await folder.remove(segmentPath);
        removed += 1;
      }
      return ok({ removed });
    },

    /**
     * Publishes files the clerk chose into this device's area of the folder. Each is read first by
     * its importer, as every member's laptop will: a file that would not load is not published,
     * and one carrying exempt material only when the clerk said so (`includeExempt`).
     */
    async publish(
      paths: readonly string[],
      who: { memberId: string; deviceId: string },
      includeExempt: boolean,
      board?: string,
    ): Promise<Result<{ sequence: number; files: PublishedFile[] }>> {
      const root = await folderPath(board);
      if (!root) return fail('not-configured', 'Choose the board folder in Settings first.');
      if (!options.importer) return fail('failed', 'This build cannot publish to the board folder.');
      const sources: PublishSource[] = [];
      for (const filePath of paths) {
        const name = path.basename(filePath);
        const kind = publishedKindOf(name);
        if (!kind) {
          return fail(
            'invalid-argument',
            `${name} is not a file the board folder carries: a meeting pack (.zip), a plan (.plan.json), approved decisions (.decisions.json) or officers’ answers (.answers.xlsx). Nothing was published.`,
          );
        }
        const checked = await exemptOf(filePath, kind, options.importer);
        if (!checked.ok)
          return fail('invalid-argument', `${name} would not load on members’ laptops: ${checked.message} Nothing was published.`);
        if (checked.exempt.length > 0 && !includeExempt) {
          return fail(
            'exempt',
            `${name} holds exempt material (${checked.exempt.slice(0, 3).join('; ')}): it goes to the board folder only when you tick “Include exempt papers”, marked confidential. Nothing was published.`,
          );
        }
        sources.push({ path: filePath, kind, exempt: checked.exempt.length > 0 });
      }
      const copied = await copyForPublication(root, who.memberId, who.deviceId, sources);
      return copied.ok ? ok({ sequence: copied.sequence, files: copied.files }) : fail(copied.code, copied.message);
    },

    /**
     * Reads a publication the renderer admitted (the register's clerk signed it): checks every file
     * whole against the signed manifest, then hands each to its importer. Not all there: said so,
     * and read again at the next sync.
     */
    async readPublication(
      manifestPath: string,
      bodySha256: string,
      knownSha256: readonly string[],
      board?: string,
    ): Promise<Result<PublicationRead>> {
      const root = await folderPath(board);
      if (!root) return fail('not-configured', 'Choose the board folder in Settings first.');
      if (!options.importer) return fail('failed', 'This build cannot read publications.');
      const checked = await checkPublication(root, manifestPath, bodySha256);
      if (checked.status === 'incomplete') return ok({ status: 'incomplete', reason: checked.reason });
      if (checked.status === 'refused') return fail('invalid-argument', checked.message);
      const imported = checked.paths.filter((entry) => entry.file.kind !== 'decisions');
      const candidates = await options.importer.candidatesFor(
        imported.map((entry) => entry.path),
        'board',
        knownSha256,
      );
      // The importer read each file again: one changed since it was hashed is not what the clerk signed.
      for (const candidate of candidates) {
        const listed = imported.find((entry) => entry.file.name === candidate.fileName);
        if (!listed || (candidate.sha256 !== '' && candidate.sha256 !== listed.file.sha256)) {
          return ok({ status: 'incomplete', reason: `${candidate.fileName} changed while it was read` });
        }
      }
      const decisions: ImportedDecisionsFile[] = [];
      for (const entry of checked.paths)
        if (entry.file.kind === 'decisions') decisions.push(await options.importer.readDecisions(entry.path));
      return ok({ status: 'ready', candidates, decisions });
    },

    stop(): void {
      open?.folder.close();
      open = undefined;
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;

async function readOrEmpty(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch {
    return new Uint8Array();
  }
}

// What exempt material a file carries, read by its importer; not ok when the importer refuses it.
async function exemptOf(
  filePath: string,
  kind: PublishSource['kind'],
  importer: NonNullable<BoardServiceOptions['importer']>,
): Promise<{ ok: true; exempt: string[] } | { ok: false; message: string }> {
  if (kind === 'decisions') {
    const read = await importer.readDecisions(filePath);
    if (read.status !== 'intact') return { ok: false, message: read.message };
    const exempt = read.file.records.filter((record) => record.exempt === true && record.content !== null);
    return {
      ok: true,
      exempt: exempt.length > 0 ? [`${exempt.length} exempt ${exempt.length === 1 ? 'record' : 'records'} of the minutes`] : [],
    };
  }
  // Read as the dialog's file it is: a read under 'board' would cancel a publication being read for import meanwhile.
  const [candidate] = await importer.candidatesFor([filePath], 'dialog', []);
  if (!candidate) return { ok: false, message: 'it could not be read.' };
  const { outcome } = candidate;
  if (outcome.status === 'invalid') return { ok: false, message: `${outcome.errors[0]?.message ?? 'it is not valid'}.` };
  if (outcome.status === 'pack') {
    const exemptItems = new Set(outcome.pack.agenda.filter((item) => item.exempt).map((item) => item.id));
    const papers = outcome.pack.papers.filter((paper) => paper.exempt || (paper.agendaItem !== null && exemptItems.has(paper.agendaItem)));
    return { ok: true, exempt: papers.map((paper) => `“${paper.title}”`) };
  }
  if (outcome.status === 'valid' || outcome.status === 'answers') return { ok: true, exempt: [] };
  return { ok: false, message: 'it is not a pack, a plan or an answers workbook.' };
}

function emptyScan(): BoardScan {
  return { opened: [], refused: [], newerVersion: [], incomplete: [] };
}
