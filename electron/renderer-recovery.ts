// What main does when the window's renderer process dies (a crash, the OS killing it for
// memory, a GPU fault). Electron leaves a blank window, so the chair would think the app hung.
// Kept apart from main.ts so a test can drive it without Electron: main.ts only wires
// `render-process-gone` to `onGone` and does what it answers.

/** The part of Electron's RenderProcessGoneDetails this needs. */
export type GoneDetails = { reason: string; exitCode: number };

export type RecoveryStep =
  /** A normal exit (the window closing): nothing to do. */
  | { action: 'ignore' }
  /** Load the app again, telling it why, so it can tell the user what was recovered. */
  | { action: 'reload'; url: string }
  /** It keeps dying: stop reloading (a loop would hide the fault) and say so. */
  | { action: 'give-up'; message: string };

/** The query parameter the reloaded app reads to tell the user what happened. */
export const RECOVERED_PARAM = 'recovered';

/**
 * Decides, for each renderer death, whether to reload the window. At most `maxReloads` in
 * `withinMs`: beyond that, it gives up with a message rather than loop.
 */
export function createRendererRecovery(options: { appUrl: string; now?: () => number; maxReloads?: number; withinMs?: number }) {
  const { appUrl, now = Date.now, maxReloads = 3, withinMs = 60_000 } = options;
  const reloads: number[] = [];
  return {
    onGone(details: GoneDetails): RecoveryStep {
      if (details.reason === 'clean-exit') return { action: 'ignore' };
      const at = now();
      while (reloads.length > 0 && at - (reloads[0] ?? at) > withinMs) reloads.shift();
      if (reloads.length >= maxReloads) {
        return {
          action: 'give-up',
          message:
            `Oversight’s window stopped unexpectedly ${reloads.length + 1} times in a minute (${details.reason}), so it has not ` +
            'been reopened again. Everything saved before then is kept. Quit Oversight and open it again; if this happens ' +
            'again, tell whoever supports Oversight for your board.',
        };
      }
      reloads.push(at);
      const url = new URL(appUrl);
      url.searchParams.set(RECOVERED_PARAM, details.reason);
      return { action: 'reload', url: url.toString() };
    },
  };
}

/** The part of Electron's webContents the recovery uses: a test passes a fake. */
export type RecoverableContents = {
  on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown;
  loadURL(url: string): Promise<unknown>;
  isDestroyed(): boolean;
};

/**
 * Wires a window's `render-process-gone` to {@link createRendererRecovery}: reloads the app (which
 * then tells the user what was recovered), or, when it keeps dying or the reload itself fails,
 * shows the message with `showError` (main passes dialog.showErrorBox).
 */
export function watchRendererProcess(
  contents: RecoverableContents,
  options: { appUrl: string; showError: (message: string) => void; now?: () => number },
): void {
  const recovery = createRendererRecovery(options);
  contents.on('render-process-gone', (_event, details) => {
    // The window was closed meanwhile: nothing to reopen.
    if (contents.isDestroyed()) return;
    const step = recovery.onGone(details);
    if (step.action === 'give-up') options.showError(step.message);
    else if (step.action === 'reload')
      contents.loadURL(step.url).catch(() => {
        options.showError(
          'Oversight’s window stopped unexpectedly and could not be reopened. Everything saved before then is kept. Quit Oversight and open it again.',
        );
      });
  });
}
