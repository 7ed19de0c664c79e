import { watch, promises as fs, type Dirent, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { BOARD_LIMITS, openBoardFile, type OpenedBoardFile } from '../../shared/board/file';
import { isBoardFileCandidate } from '../../shared/board/names';
import type { Problem } from '../../shared/plan/validate';
import { writeFileAtomic, type AtomicWriteError } from '../fs/atomic-write';

// The main process's side of the board folder (docs/formats/board-folder-v1.md): writes this
// device's files once, atomically, and reads everyone's. A sync client shows files before their
// bytes arrive, renames and deletes them, and does not always report changes, so a scan reads a
// file only when its size or time changed, reads it whole (size checked before and after), leaves
// a file still arriving to be read again at the next scan, and runs on a watch event AND on a
// timer. Whether a file's key may speak for the board is the renderer's question (shared/board/reader.ts).

export type BoardScan = {
  /** Whole, hash-checked, signature-verified files, not seen before at this path and size. */
  opened: Array<{ path: string; file: OpenedBoardFile }>;
  refused: Array<{ path: string; problems: Problem[] }>;
  newerVersion: Array<{ path: string; message: string }>;
  /** Files not whole yet: read again at the next scan; `stalled` once waiting more than ten minutes. */
  incomplete: Array<{ path: string; reason: string; stalled: boolean }>;
};

export type BoardFolderOptions = {
  folder: string;
  /** Called with the findings of each scan made on a change event or the timer (not of scan() calls, which return them). */
  onScan?: (scan: BoardScan) => void;
  /** Rescan every this many ms whatever the folder reports (network drives miss events). 0: no timer. */
  pollMs?: number;
  watch?: boolean;
  now?: () => number;
};

const STALLED_AFTER_MS = 10 * 60 * 1000;
const WATCH_SETTLE_MS = 500;
const SAFE_RELATIVE =
  /^((register|members)(\/[a-z0-9][a-z0-9-]{0,63}){0,2}\/(snapshot-|draft-)?|published(\/[a-z0-9][a-z0-9-]{0,63}){2}\/)\d{6,16}\.json$/;

/** Opens a board folder for reading and writing; `close()` stops its watcher and timer. */
export function openBoardFolder(options: BoardFolderOptions) {
  const now = options.now ?? Date.now;
  // path → "size:mtime" of files already taken (opened, refused or newer): read again only if that changes.
  const handled = new Map<string, string>();
  const arriving = new Map<string, number>();
  let watcher: FSWatcher | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<BoardScan> | undefined;
  let again = false;
  let closed = false;

  async function list(folder: string, relative: string, out: string[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(path.join(folder, relative), { withFileTypes: true });
    } catch {
      return; // a folder deleted or not yet synced: nothing to read there now
    }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !entry.name.startsWith('.') && out.length < 200_000) await list(folder, child, out);
      else if (entry.isFile() && isBoardFileCandidate(child)) out.push(child);
    }
  }

  async function scanOnce(): Promise<BoardScan> {
    const scan: BoardScan = { opened: [], refused: [], newerVersion: [], incomplete: [] };
    const paths: string[] = [];
    for (const top of ['register', 'members', 'published']) await list(options.folder, top, paths);
    for (const relative of paths) {
      const full = path.join(options.folder, ...relative.split('/'));
      const read = await readWhole(full);
      if (read.status === 'gone') continue;
      if (read.status === 'handled-before') continue;
      if (read.status === 'unreadable') {
        noteArriving(scan, relative, read.reason);
        continue;
      }
      if (read.status === 'too-large') {
        handled.set(relative, read.stamp);
        scan.refused.push({
          path: relative,
          problems: [
            { path: '$', message: `The file is larger than the ${BOARD_LIMITS.maxFileBytes / 2 ** 20} MB a board folder file may be` },
          ],
        });
        continue;
      }
      const result = await openBoardFile(read.bytes);
      if (result.status === 'incomplete') {
        noteArriving(scan, relative, result.reason);
        continue;
      }
      arriving.delete(relative);
      handled.set(relative, read.stamp);
      if (result.status === 'opened') scan.opened.push({ path: relative, file: result.file });
      else if (result.status === 'refused') scan.refused.push({ path: relative, problems: result.problems });
      else scan.newerVersion.push({ path: relative, message: result.message });
    }
    // A path deleted by its writer or the sync client is forgotten; what was merged from it stays merged.
    const present = new Set(paths);
    for (const known of [...handled.keys()]) if (!present.has(known)) handled.delete(known);
    for (const known of [...arriving.keys()]) if (!present.has(known)) arriving.delete(known);
    return scan;

    async function readWhole(
      full: string,
    ): Promise<
      | { status: 'gone' }
      | { status: 'handled-before' }
      | { status: 'unreadable'; reason: string }
      | { status: 'too-large'; stamp: string }
      | { status: 'read'; bytes: Uint8Array; stamp: string }
    > {
      try {
        const before = await fs.stat(full);
        const stamp = `${before.size}:${before.mtimeMs}`;
        const relative = path.relative(options.folder, full).split(path.sep).join('/');
        if (handled.get(relative) === stamp) return { status: 'handled-before' };
        if (before.size > BOARD_LIMITS.maxFileBytes) return { status: 'too-large', stamp };
        const bytes = new Uint8Array(await fs.readFile(full));
        const after = await fs.stat(full);
        // Still being written: the next scan reads it whole.
        if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || bytes.length !== before.size) {
          return { status: 'unreadable', reason: 'the file changed while it was read' };
        }
        return { status: 'read', bytes, stamp };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return { status: 'gone' };
        // A cloud placeholder that cannot download offline, or a file locked by the sync client.
        return { status: 'unreadable', reason: `the file cannot be read yet (${code ?? 'error'})` };
      }
    }
  }

  function noteArriving(scan: BoardScan, relative: string, reason: string) {
    const since = arriving.get(relative) ?? now();
    arriving.set(relative, since);
    scan.incomplete.push({ path: relative, reason, stalled: now() - since > STALLED_AFTER_MS });
  }

  /**
   * Scans the folder now and returns what it found (one scan at a time: a request during a scan
   * shares its result, and one more scan runs after it, reported through onScan).
   */
  async function scan(): Promise<BoardScan> {
    if (running) {
      again = true;
      return running;
    }
    running = scanOnce();
    try {
      return await running;
    } finally {
      running = undefined;
      if (again && !closed) {
        again = false;
        backgroundScan();
      }
    }
  }

  // A scan nobody asked for (a change event, the timer): its findings go to onScan, so none is lost.
  function backgroundScan() {
    void scan()
      .then((result) => options.onScan?.(result))
      .catch(() => undefined);
  }

  function scheduleScan() {
    if (closed) return;
    if (settle) clearTimeout(settle);
    settle = setTimeout(backgroundScan, WATCH_SETTLE_MS);
    settle.unref?.();
  }

  if (options.watch ?? true) {
    try {
      watcher = watch(options.folder, { recursive: true }, scheduleScan);
      watcher.on('error', () => undefined); // the timer keeps scanning when a watch fails
    } catch {
      watcher = undefined; // no change events here (some network drives): the timer alone scans
    }
  }
  if ((options.pollMs ?? 120_000) > 0) {
    timer = setInterval(backgroundScan, options.pollMs ?? 120_000);
    timer.unref?.();
  }

  /** Writes one of this device's files under its final relative path, once: a temporary name, then a rename. */
  async function write(relative: string, bytes: Uint8Array): Promise<{ ok: true } | { ok: false; error: AtomicWriteError }> {
    if (!SAFE_RELATIVE.test(relative))
      return { ok: false, error: { code: 'failed', message: `"${relative}" is not a board folder file name` } };
    const target = path.join(options.folder, ...relative.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    const result = await writeFileAtomic(target, bytes);
    if (result.ok) {
      const stat = await fs.stat(target);
      // Our own file: nothing to read back.
      handled.set(relative, `${stat.size}:${stat.mtimeMs}`);
    }
    return result;
  }

  /** Deletes one of this device's own files (segments a snapshot covers). */
  async function remove(relative: string): Promise<void> {
    if (!SAFE_RELATIVE.test(relative)) return;
    await fs.rm(path.join(options.folder, ...relative.split('/')), { force: true });
    handled.delete(relative);
  }

  function close() {
    closed = true;
    watcher?.close();
    if (timer) clearInterval(timer);
    if (settle) clearTimeout(settle);
  }

  return { scan, write, remove, close };
}
