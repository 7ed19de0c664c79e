import { describe, expect, it } from 'vitest';
import { createRendererRecovery } from '../../../electron/renderer-recovery';

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
