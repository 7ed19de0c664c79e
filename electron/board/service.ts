import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openBoardFile } from '../../shared/board/file';
import { boardFilePath } from '../../shared/board/names';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { SettingsStore } from '../settings-store';
import { openBoardFolder, type BoardScan } from './folder';

export type BoardServiceOptions = {
  settings: SettingsStore;
  emit: <K extends EventName>(event: K, payload: EventPayload<K>) => void;
  pollMs?: number;
  watch?: boolean;
};

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

  async function folderPath(): Promise<string | null> {
    return (await options.settings.read()).boardFolder ?? null;
  }

  async function ensureOpen() {
    const wanted = await folderPath();
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

    /** Points Oversight at a board folder (chosen by the user in main's dialog). */
    async setFolder(folder: string): Promise<void> {
      await options.settings.write({ ...(await options.settings.read()), boardFolder: folder });
      await ensureOpen();
    },

    /** Reads the folder now: the files not seen before at their path and size. */
    async scan(): Promise<Result<BoardScan>> {
      const folder = await ensureOpen();
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
    async write(relativePath: string, bytes: Uint8Array): Promise<Result<{ written: true }>> {
      const folder = await ensureOpen();
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
    async compact(snapshotPath: string, segmentPaths: readonly string[]): Promise<Result<{ removed: number }>> {
      const folder = await ensureOpen();
      const root = await folderPath();
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

function emptyScan(): BoardScan {
  return { opened: [], refused: [], newerVersion: [], incomplete: [] };
}
