// The inbox: a folder the council's tracker (or a member) drops export files into. It is
// scanned at start and watched while the app runs. A file is offered to the importer only once
// it is stable (same size and modification time for `stableForMs`), because copies, downloads
// and sync clients write files in steps and a half-written plan must never be imported.
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyFileName, isIgnoredName } from '../../shared/files/file-kinds';
import type { FileKind } from '../../shared/files/file-kinds';

/** A stable file in the inbox that the importer can read. */
export type InboxFile = { path: string; name: string; size: number; modifiedAt: string; kind: FileKind };

/** Schedules `callback` after `ms` and returns a function that cancels it. */
export type SetTimer = (callback: () => void, ms: number) => () => void;

/** Options for `createInbox`. */
export type InboxOptions = {
  folder: string;
  /** How long a file's size and modification time must stay unchanged; default 1500 ms. */
  stableForMs?: number;
  /** How often the folder is polled while started; default 500 ms. */
  pollMs?: number;
  /** Called once whenever a scan finds a stable file (new or changed) no scan has returned before. */
  onChange: () => void;
  /** Use `fs.watch` besides polling (default true); polling alone suits network drives. */
  watch?: boolean;
  /** Timer injection for tests; defaults to `setTimeout`. */
  setTimer?: SetTimer;
  /** Wall-clock milliseconds (compared with files' modification times); defaults to `Date.now`. */
  now?: () => number;
  /** Told about failures of background scans, which are otherwise retried at the next poll. */
  onError?: (error: unknown) => void;
};

/** A watched inbox folder. */
export type Inbox = {
  /** Lists the stable, importable files in the folder (creating the folder if it is missing). */
  scan(): Promise<InboxFile[]>;
  /** Scans once, then watches and polls until `stop()`. */
  start(): Promise<void>;
  /** Stops watching and polling; resolves once no scan is running and no timer is left. */
  stop(): Promise<void>;
  readonly folder: string;
};

/** After a watch event, wait this long for the burst of events a single save makes to end. */
const WATCH_DEBOUNCE_MS = 100;

/** The default inbox folder inside the user's Documents folder. */
export function defaultInboxFolder(documentsDir: string): string {
  return join(documentsDir, 'Oversight', 'Inbox');
}

type Observation = { size: number; mtimeMs: number; since: number };

const defaultSetTimer: SetTimer = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

/** Creates an inbox over `folder`; nothing touches the disk until `scan()` or `start()`. */
export function createInbox(options: InboxOptions): Inbox {
  const folder = options.folder;
  const stableForMs = options.stableForMs ?? 1500;
  const pollMs = options.pollMs ?? 500;
  const useWatch = options.watch ?? true;
  const setTimer = options.setTimer ?? defaultSetTimer;
  const now = options.now ?? Date.now;
  const reportError = (error: unknown): void => {
    try {
      options.onError?.(error);
    } catch {
      // An error reporter that fails has nowhere left to report to.
    }
  };

  // What each file looked like, and since when, so stability is judged across scans.
  const observations = new Map<string, Observation>();
  // The size and mtime of each file when a scan last returned it, so onChange fires once per version.
  const returned = new Map<string, string>();
  let hasScanned = false;
  // Scans run one after another, so observations are never updated by two at once.
  let queue: Promise<unknown> = Promise.resolve();

  let isRunning = false;
  let watcher: FSWatcher | null = null;
  // Set when fs.watch fails, so a drive that cannot be watched is not retried (and reported) at
  // every poll; cleared when the folder is made again or the inbox restarts.
  let isWatchUnavailable = false;
  let cancelPoll: (() => void) | null = null;
  let cancelWake: (() => void) | null = null;

  type ScanOutcome = {
    files: InboxFile[];
    hasNew: boolean;
    /** Milliseconds until the first still-settling file could be stable; null when none is settling. */
    settlesIn: number | null;
    isFolderCreated: boolean;
  };

  async function scanOnce(): Promise<ScanOutcome> {
    const isFolderCreated = (await mkdir(folder, { recursive: true })) !== undefined;
    const entries = await readdir(folder);
    const at = now();
    const isFirstScan = !hasScanned;
    const seen = new Set<string>();
    const files: InboxFile[] = [];
    let hasNew = false;
    let settlesIn: number | null = null;

    const candidates = entries.flatMap((name) => {
      if (isIgnoredName(name)) return [];
      const kind = classifyFileName(name);
      return kind === null ? [] : [{ name, kind }];
    });
    const stats = await Promise.all(
      candidates.map(async ({ name, kind }) => {
        const path = join(folder, name);
        try {
          // stat, not lstat: a shortcut (symlink) to a plan elsewhere is imported like the plan.
          return { name, kind, path, stats: await stat(path) };
        } catch {
          // Gone between the listing and the stat (moved, renamed, deleted): not in the inbox now.
          return null;
        }
      }),
    );

    for (const entry of stats) {
      if (entry === null || !entry.stats.isFile()) continue;
      const { name, kind, path, stats: fileStats } = entry;
      seen.add(name);
      const previous = observations.get(name);
      const isUnchanged = previous !== undefined && previous.size === fileStats.size && previous.mtimeMs === fileStats.mtimeMs;
      // At start nothing has been watching, so a file is taken to have held since it was last
      // written; later, an old mtime proves nothing (a copy keeps its source's mtime), so the
      // file is watched from the moment it is first seen.
      const since = isFirstScan ? Math.min(at, fileStats.mtimeMs) : at;
      const observation: Observation = isUnchanged ? previous : { size: fileStats.size, mtimeMs: fileStats.mtimeMs, since };
      observations.set(name, observation);
      const isStable = at - observation.since >= stableForMs;
      if (!isStable) {
        const remaining = observation.since + stableForMs - at;
        settlesIn = settlesIn === null ? remaining : Math.min(settlesIn, remaining);
        continue;
      }
      const version = `${fileStats.size}:${fileStats.mtimeMs}`;
      if (returned.get(name) !== version) {
        returned.set(name, version);
        hasNew = true;
      }
      files.push({ path, name, size: fileStats.size, modifiedAt: fileStats.mtime.toISOString(), kind });
    }

    for (const name of observations.keys()) {
      if (!seen.has(name)) {
        observations.delete(name);
        returned.delete(name);
      }
    }
    hasScanned = true;
    files.sort((a, b) => a.name.localeCompare(b.name));
    return { files, hasNew, settlesIn, isFolderCreated };
  }

  function enqueueScan(): Promise<ScanOutcome> {
    const next = queue.then(scanOnce);
    queue = next.catch(() => undefined);
    return next;
  }

  // A background scan: tells the owner about new stable files and arranges the next look.
  async function tick(): Promise<void> {
    if (!isRunning) return;
    try {
      const { hasNew, settlesIn, isFolderCreated } = await enqueueScan();
      if (!isRunning) return;
      // A folder deleted and made again is a new folder: the old watcher watches nothing.
      if (isFolderCreated) {
        closeWatcher();
        isWatchUnavailable = false;
      }
      ensureWatcher();
      // Look again the moment a settling file could be stable rather than at the next poll.
      if (settlesIn !== null) wakeAfter(Math.max(1, settlesIn));
      if (hasNew) {
        try {
          options.onChange();
        } catch (error) {
          reportError(error);
        }
      }
    } catch (error) {
      if (isRunning) reportError(error);
    }
  }

  function schedulePoll(): void {
    cancelPoll?.();
    cancelPoll = setTimer(() => {
      cancelPoll = null;
      void tick().finally(() => {
        if (isRunning) schedulePoll();
      });
    }, pollMs);
  }

  function wakeAfter(ms: number): void {
    cancelWake?.();
    cancelWake = setTimer(() => {
      cancelWake = null;
      void tick();
    }, ms);
  }

  function closeWatcher(): void {
    watcher?.close();
    watcher = null;
  }

  function ensureWatcher(): void {
    if (!useWatch || isWatchUnavailable || watcher !== null || !isRunning) return;
    try {
      const created = watch(folder, { persistent: true }, () => {
        if (isRunning) wakeAfter(WATCH_DEBOUNCE_MS);
      });
      // A watcher dies when its folder is deleted or a network drive drops; the poll carries on,
      // and watches again if it has to make the folder again.
      created.on('error', (error) => {
        created.close();
        if (watcher === created) watcher = null;
        isWatchUnavailable = true;
        reportError(error);
      });
      watcher = created;
    } catch (error) {
      // fs.watch is not available everywhere (some network drives): polling alone still works.
      isWatchUnavailable = true;
      reportError(error);
    }
  }

  return {
    folder,
    async scan() {
      const { files } = await enqueueScan();
      return files;
    },
    async start() {
      if (isRunning) return;
      isRunning = true;
      isWatchUnavailable = false;
      await tick();
      if (isRunning) schedulePoll();
    },
    async stop() {
      isRunning = false;
      cancelPoll?.();
      cancelPoll = null;
      cancelWake?.();
      cancelWake = null;
      closeWatcher();
      // Let a scan already under way finish, so nothing touches the folder after stop resolves.
      await queue;
    },
  };
}
