import type * as NodeFs from 'node:fs';
import * as fs from 'node:fs';
import { appendFile, mkdir, mkdtemp, rename, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInbox, defaultInboxFolder } from '../../../electron/sync/inbox';
import type { Inbox, InboxOptions, SetTimer } from '../../../electron/sync/inbox';

// Wrap fs.watch in a spy (still the real thing) so a test can make it fail as on some network drives.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeFs>();
  return { ...actual, watch: vi.fn(actual.watch) };
});

const STABLE_MS = 200;

let root: string;
let folder: string;
const started: Inbox[] = [];

beforeEach(async () => {
  vi.mocked(fs.watch).mockClear();
  root = await mkdtemp(join(tmpdir(), 'oversight-inbox-'));
  folder = join(root, 'Inbox');
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((inbox) => inbox.stop()));
  await rm(root, { recursive: true, force: true });
});

/**
 * An inbox on a clock the test moves by hand, with real timers that are counted. Scans happen
 * on their own (polls, watch events) but a file only becomes stable when the test says so, so
 * nothing depends on how fast this machine is.
 */
function harness(overrides: Partial<InboxOptions> = {}) {
  let clock = Date.now();
  let scans = 0;
  const active = new Set<ReturnType<typeof setTimeout>>();
  const setTimer: SetTimer = (callback, ms) => {
    const handle = setTimeout(() => {
      active.delete(handle);
      callback();
    }, ms);
    active.add(handle);
    return () => {
      clearTimeout(handle);
      active.delete(handle);
    };
  };
  const onChange = vi.fn();
  const onError = vi.fn();
  const inbox = createInbox({
    folder,
    stableForMs: STABLE_MS,
    pollMs: 20,
    onChange,
    onError,
    setTimer,
    // Each scan reads the clock once, after listing the folder: counting reads counts scans.
    now: () => {
      scans += 1;
      return clock;
    },
    ...overrides,
  });
  started.push(inbox);
  return {
    inbox,
    onChange,
    onError,
    activeTimers: () => active.size,
    scanCount: () => scans,
    advance(ms: number) {
      clock += ms;
    },
    /** Resolves once `count` scans have listed the folder after this call. */
    async afterScans(count = 2) {
      // The scan under way may have listed the folder already; the one after it cannot have.
      const target = scans + count;
      await vi.waitFor(() => expect(scans).toBeGreaterThanOrEqual(target), { timeout: 5000, interval: 5 });
    },
  };
}

async function backdate(path: string, msAgo: number): Promise<void> {
  const then = new Date(Date.now() - msAgo);
  await utimes(path, then, then);
}

function countResources(kind: string): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === kind).length;
}

describe('defaultInboxFolder', () => {
  it('is Oversight/Inbox inside Documents', () => {
    expect(defaultInboxFolder(join('/home', 'clerk', 'Documents'))).toBe(join('/home', 'clerk', 'Documents', 'Oversight', 'Inbox'));
  });
});

describe('scan', () => {
  it('creates a missing folder and finds nothing in it', async () => {
    const { inbox } = harness();
    expect(inbox.folder).toBe(folder);
    await expect(inbox.scan()).resolves.toEqual([]);
    expect((await stat(folder)).isDirectory()).toBe(true);
  });

  it('returns a new file only once its size and time have held for stableForMs', async () => {
    const { inbox, advance } = harness();
    // An empty first scan, so the file below is judged as one that arrives while the app runs.
    await inbox.scan();
    const path = join(folder, 'send.plan.json');
    await writeFile(path, '{"format":"oversight-plan"}');
    const { mtime, size } = await stat(path);

    expect(await inbox.scan()).toEqual([]);
    advance(STABLE_MS - 1);
    expect(await inbox.scan()).toEqual([]);
    advance(1);
    expect(await inbox.scan()).toEqual([{ path, name: 'send.plan.json', size, modifiedAt: mtime.toISOString(), kind: 'plan' }]);
  });

  it('does not return a file that is still growing, then returns it at its final size', async () => {
    const { inbox, advance } = harness();
    await mkdir(folder);
    const path = join(folder, 'tracker.csv');
    await writeFile(path, 'Ref,Action\n');
    await inbox.scan();
    for (let step = 0; step < 4; step += 1) {
      advance(STABLE_MS - 10);
      await appendFile(path, `${step},Row ${step}\n`);
      expect(await inbox.scan()).toEqual([]);
    }
    advance(STABLE_MS - 10);
    expect(await inbox.scan()).toEqual([]);
    advance(10);
    const files = await inbox.scan();
    expect(files.map((file) => [file.name, file.size, file.kind])).toEqual([['tracker.csv', (await stat(path)).size, 'tracker-csv']]);
  });

  it('takes files last written before stableForMs as finished on the first scan only', async () => {
    const { inbox, advance } = harness();
    await mkdir(folder);
    const old = join(folder, 'old.plan.json');
    await writeFile(old, '{}');
    await backdate(old, 60_000);
    const fresh = join(folder, 'fresh.xlsx');
    await writeFile(fresh, 'x');

    expect((await inbox.scan()).map((file) => file.name)).toEqual(['old.plan.json']);

    // A copy keeps its source's modification time, so later an old mtime proves nothing.
    const copied = join(folder, 'copied.plan.json');
    await writeFile(copied, '{}');
    await backdate(copied, 60_000);
    expect((await inbox.scan()).map((file) => file.name)).toEqual(['old.plan.json']);
    advance(STABLE_MS);
    expect((await inbox.scan()).map((file) => file.name)).toEqual(['copied.plan.json', 'fresh.xlsx', 'old.plan.json']);
  });

  it('never returns lock, temporary, hidden, unknown or folder entries', async () => {
    const { inbox, advance } = harness();
    await mkdir(folder);
    for (const name of ['~$Tracker.xlsx', 'x.tmp', 'plan.plan.json.part', '.hidden.plan.json', 'notes.txt', 'Thumbs.db']) {
      await writeFile(join(folder, name), 'x');
      await backdate(join(folder, name), 60_000);
    }
    await mkdir(join(folder, 'folder.plan.json'));
    await writeFile(join(folder, 'real.annotations.json'), '[]');
    await backdate(join(folder, 'real.annotations.json'), 60_000);

    expect((await inbox.scan()).map((file) => file.name)).toEqual(['real.annotations.json']);
    advance(10 * STABLE_MS);
    expect((await inbox.scan()).map((file) => file.name)).toEqual(['real.annotations.json']);
  });

  it('follows a symbolic link to a plan kept elsewhere', async () => {
    const { inbox } = harness();
    await mkdir(folder);
    const target = join(root, 'elsewhere.plan.json');
    await writeFile(target, '{}');
    await backdate(target, 60_000);
    await symlink(target, join(folder, 'linked.plan.json'));
    expect(await inbox.scan()).toMatchObject([{ name: 'linked.plan.json', kind: 'plan', size: 2 }]);
  });

  it('forgets a file that leaves, so one that comes back must settle again', async () => {
    const { inbox, advance } = harness();
    await mkdir(folder);
    const path = join(folder, 'a.plan.json');
    await writeFile(path, '{}');
    await inbox.scan();
    advance(STABLE_MS);
    expect(await inbox.scan()).toHaveLength(1);
    await rename(path, join(root, 'a.plan.json'));
    expect(await inbox.scan()).toEqual([]);
    await rename(join(root, 'a.plan.json'), path);
    expect(await inbox.scan()).toEqual([]);
    advance(STABLE_MS);
    expect(await inbox.scan()).toHaveLength(1);
  });
});

describe('start and stop', () => {
  it('tells the owner at start about files already waiting, and only once', async () => {
    const { inbox, onChange, afterScans } = harness();
    await mkdir(folder);
    const path = join(folder, 'waiting.plan.json');
    await writeFile(path, '{}');
    await backdate(path, 60_000);

    await inbox.start();
    expect(onChange).toHaveBeenCalledTimes(1);
    await afterScans(5);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('reports a new file once it is stable, once, and again when it changes', async () => {
    const { inbox, onChange, advance, afterScans } = harness();
    await inbox.start();
    expect(onChange).not.toHaveBeenCalled();

    const path = join(folder, 'send.plan.json');
    await writeFile(path, '{"revision":1}');
    await afterScans();
    expect(onChange).not.toHaveBeenCalled();
    advance(STABLE_MS);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    await afterScans(5);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect((await inbox.scan()).map((file) => file.name)).toEqual(['send.plan.json']);

    await writeFile(path, '{"revision":2, "more": true}');
    await afterScans();
    expect(onChange).toHaveBeenCalledTimes(1);
    advance(STABLE_MS);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    await afterScans(5);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('does not report a file while it grows in steps, then reports it once', async () => {
    const { inbox, onChange, advance, afterScans } = harness();
    await inbox.start();
    const path = join(folder, 'big.plan.json');
    await writeFile(path, '[');
    await afterScans();
    for (let step = 0; step < 6; step += 1) {
      advance(STABLE_MS / 2);
      await appendFile(path, `${'x'.repeat(1000)},`);
      await afterScans();
      expect(onChange).not.toHaveBeenCalled();
    }
    advance(STABLE_MS);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    const [file] = await inbox.scan();
    expect(file?.size).toBe((await stat(path)).size);
  });

  it('never reports lock or temporary files', async () => {
    const { inbox, onChange, onError, advance, afterScans } = harness();
    await inbox.start();
    await writeFile(join(folder, '~$x.xlsx'), 'lock');
    await writeFile(join(folder, 'x.tmp'), 'temp');
    await afterScans();
    advance(10 * STABLE_MS);
    await afterScans(5);
    await appendFile(join(folder, 'x.tmp'), 'more');
    await afterScans();
    advance(10 * STABLE_MS);
    await afterScans(5);
    expect(onChange).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('reports a file saved the careful way: written as .tmp, then renamed', async () => {
    const { inbox, onChange, advance, afterScans } = harness();
    await inbox.start();
    const temporary = join(folder, 'send.plan.json.tmp');
    await writeFile(temporary, '{"format":"oversight-plan"}');
    await afterScans();
    advance(2 * STABLE_MS);
    await afterScans();
    expect(onChange).not.toHaveBeenCalled();

    await rename(temporary, join(folder, 'send.plan.json'));
    await afterScans();
    advance(STABLE_MS);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect((await inbox.scan()).map((file) => file.name)).toEqual(['send.plan.json']);
  });

  it('notices a new file through fs.watch alone when the poll is far off', async () => {
    const { inbox, onChange, advance, afterScans } = harness({ pollMs: 60_000 });
    await inbox.start();
    await writeFile(join(folder, 'watched.csv'), 'Ref\n');
    // With the poll a minute away, only the watch event (and the settling check it arranges) scans.
    await afterScans();
    advance(STABLE_MS);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 5000 });
  });

  it('reports through polling alone when watching is off', async () => {
    const { inbox, onChange, advance, afterScans } = harness({ watch: false });
    const watchersBefore = countResources('FSEventWrap');
    await inbox.start();
    expect(countResources('FSEventWrap')).toBe(watchersBefore);
    await writeFile(join(folder, 'polled.xlsx'), 'x');
    await afterScans();
    advance(STABLE_MS);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
  });

  it('falls back to polling, reporting once, where the folder cannot be watched', async () => {
    vi.mocked(fs.watch).mockImplementationOnce(() => {
      throw Object.assign(new Error('watch not supported'), { code: 'ENOSYS' });
    });
    const { inbox, onChange, onError, advance, afterScans } = harness();
    await inbox.start();
    await writeFile(join(folder, 'network.plan.json'), '{}');
    await afterScans(5);
    advance(STABLE_MS);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'ENOSYS' }));
    expect(fs.watch).toHaveBeenCalledTimes(1);
  });

  it('makes the folder again and carries on when it is deleted while watched', async () => {
    const { inbox, onChange, advance, afterScans } = harness();
    await inbox.start();
    await rm(folder, { recursive: true });
    await vi.waitFor(async () => expect((await stat(folder)).isDirectory()).toBe(true));
    await afterScans();
    await writeFile(join(folder, 'after.plan.json'), '{}');
    await afterScans();
    advance(STABLE_MS);
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
  });

  it('reports a folder it cannot use to onError, without throwing, and keeps trying', async () => {
    await writeFile(folder, 'a file where the folder should be');
    const { inbox, onChange, onError } = harness();
    await expect(inbox.start()).resolves.toBeUndefined();
    await vi.waitFor(() => expect(onError.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect(onChange).not.toHaveBeenCalled();
    await expect(inbox.scan()).rejects.toThrow();
  });

  it('leaves no timers or watchers behind, and reports nothing after stop', async () => {
    const { inbox, onChange, activeTimers, scanCount, advance, afterScans } = harness();
    const watchersBefore = countResources('FSEventWrap');
    await inbox.start();
    await writeFile(join(folder, 'late.plan.json'), '{}');
    await afterScans();
    expect(countResources('FSEventWrap')).toBe(watchersBefore + 1);
    expect(activeTimers()).toBeGreaterThan(0);

    await inbox.stop();
    expect(activeTimers()).toBe(0);
    // libuv finishes closing a handle on the next turn of the event loop.
    await vi.waitFor(() => expect(countResources('FSEventWrap')).toBe(watchersBefore));

    const scansAtStop = scanCount();
    advance(STABLE_MS);
    await writeFile(join(folder, 'later.plan.json'), '{}');
    // Nothing is scheduled, so nothing can happen; a short real wait shows that it does not.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(scanCount()).toBe(scansAtStop);
    expect(onChange).not.toHaveBeenCalled();
    expect(activeTimers()).toBe(0);
  });

  it('works on real time with its own timers, and stops them all', async () => {
    // Track every timer set through the global setTimeout (vi.waitFor keeps its own copies).
    const realSetTimeout = globalThis.setTimeout;
    const realClearTimeout = globalThis.clearTimeout;
    const pending = new Set<unknown>();
    let created = 0;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
      const handle = realSetTimeout(() => {
        pending.delete(handle);
        callback();
      }, ms);
      pending.add(handle);
      created += 1;
      return handle;
    }) as typeof setTimeout);
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation((handle) => {
      pending.delete(handle);
      realClearTimeout(handle);
    });
    try {
      const watchersBefore = countResources('FSEventWrap');
      const onChange = vi.fn();
      const inbox = createInbox({ folder, stableForMs: 100, pollMs: 25, onChange });
      started.push(inbox);
      await inbox.start();
      await writeFile(join(folder, 'real.plan.json'), '{}');
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 5000 });
      expect((await inbox.scan()).map((file) => file.name)).toEqual(['real.plan.json']);
      expect(created).toBeGreaterThan(0);
      await inbox.stop();
      expect(pending.size).toBe(0);
      await vi.waitFor(() => expect(countResources('FSEventWrap')).toBe(watchersBefore));
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('can be started twice without doubling its work, and stopped twice', async () => {
    const { inbox, activeTimers } = harness({ pollMs: 60_000 });
    await inbox.start();
    const timers = activeTimers();
    await inbox.start();
    expect(activeTimers()).toBe(timers);
    await inbox.stop();
    await inbox.stop();
    expect(activeTimers()).toBe(0);
  });
});
