import { describe, expect, it, vi } from 'vitest';
import { createRendererRecovery, watchRendererProcess, type GoneDetails } from '../../../electron/renderer-recovery';

// When the renderer process dies, main reloads the window (telling the app why), ignores a
// normal exit, and stops reloading a window that keeps dying.

const APP_URL = 'oversight://app/index.html';

describe('a renderer process that dies', () => {
  it('reloads the app with the reason, so the app can tell the user what was recovered', () => {
    const recovery = createRendererRecovery({ appUrl: APP_URL, now: () => 0 });
    expect(recovery.onGone({ reason: 'crashed', exitCode: 139 })).toEqual({
      action: 'reload',
      url: 'oversight://app/index.html?recovered=crashed',
    });
    expect(recovery.onGone({ reason: 'oom', exitCode: -1 })).toEqual({ action: 'reload', url: 'oversight://app/index.html?recovered=oom' });
  });

  it('does nothing when the renderer exited normally', () => {
    const recovery = createRendererRecovery({ appUrl: APP_URL });
    expect(recovery.onGone({ reason: 'clean-exit', exitCode: 0 })).toEqual({ action: 'ignore' });
  });

  it('gives up, in words, after three reloads in a minute, and reloads again once the minute has passed', () => {
    let now = 0;
    const recovery = createRendererRecovery({ appUrl: APP_URL, now: () => now });
    for (let count = 0; count < 3; count += 1) {
      now += 1000;
      expect(recovery.onGone({ reason: 'crashed', exitCode: 1 }).action).toBe('reload');
    }
    now += 1000;
    const step = recovery.onGone({ reason: 'crashed', exitCode: 1 });
    expect(step).toEqual({
      action: 'give-up',
      message: expect.stringMatching(/^Oversight’s window stopped unexpectedly 4 times in a minute \(crashed\)/),
    });
    now += 61_000;
    expect(recovery.onGone({ reason: 'crashed', exitCode: 1 }).action).toBe('reload');
  });
});

/** A window's webContents as main sees it: emits render-process-gone, records what it loads. */
function fakeContents(load: (url: string) => Promise<unknown> = () => Promise.resolve()) {
  const listeners: Array<(event: unknown, details: GoneDetails) => void> = [];
  const loaded: string[] = [];
  const contents = {
    isGone: false,
    on(_event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void) {
      listeners.push(listener);
      return contents;
    },
    loadURL(url: string) {
      loaded.push(url);
      return load(url);
    },
    isDestroyed: () => contents.isGone,
    die(details: GoneDetails) {
      for (const listener of listeners) listener({}, details);
    },
  };
  return { contents, loaded };
}

describe('main watching its window’s renderer process', () => {
  it('reloads the window telling the app why, ignores a normal exit, and stops reloading a window that keeps dying', () => {
    let now = 0;
    const errors: string[] = [];
    const { contents, loaded } = fakeContents();
    watchRendererProcess(contents, { appUrl: APP_URL, showError: (message) => errors.push(message), now: () => now });
    contents.die({ reason: 'clean-exit', exitCode: 0 });
    expect(loaded).toEqual([]);
    for (const reason of ['crashed', 'oom', 'crashed', 'crashed']) {
      now += 5000;
      contents.die({ reason, exitCode: 1 });
    }
    // Three reloads, each with the reason the app reads; the fourth death in a minute is not reloaded.
    expect(loaded).toEqual([`${APP_URL}?recovered=crashed`, `${APP_URL}?recovered=oom`, `${APP_URL}?recovered=crashed`]);
    expect(errors).toEqual([expect.stringMatching(/stopped unexpectedly 4 times in a minute \(crashed\).*not been reopened again/)]);
  });

  it('says so when the reload itself fails, and does nothing for a window already closed', async () => {
    const errors: string[] = [];
    const { contents, loaded } = fakeContents(() => Promise.reject(new Error('ERR_FAILED')));
    watchRendererProcess(contents, { appUrl: APP_URL, showError: (message) => errors.push(message) });
    contents.die({ reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() =>
      expect(errors).toEqual([expect.stringMatching(/^Oversight’s window stopped unexpectedly and could not be reopened\./)]),
    );
    contents.isGone = true;
    contents.die({ reason: 'crashed', exitCode: 139 });
    expect(loaded).toHaveLength(1);
  });
});
