import type { OversightBridge } from './contract';
import type { Result } from '../result';

/** What the bridge stands on: Electron's ipcRenderer in the preload, Playwright bindings in the e2e harness. */
export type BridgeTransport = {
  invoke(channel: string, argument: unknown): Promise<Result<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  pathForFile(file: unknown): string;
};

/**
 * The one object the page gets (`window.oversight`): channel names are checked against the
 * contract's allow-list before anything reaches main, and only the contract's events reach a
 * listener. Used by electron/preload.ts and by the e2e harness, so every end-to-end test runs
 * the same checks the app does.
 *
 * It must stay self-contained (no imports used inside, no helpers outside it): the harness runs
 * its source text inside the page, where nothing else of this module exists.
 */
export function createBridge(transport: BridgeTransport, channelNames: readonly string[], eventNames: readonly string[]): OversightBridge {
  const channels = new Set(channelNames);
  const events = new Set(eventNames);
  return {
    invoke(channel, argument) {
      if (typeof channel !== 'string' || !channels.has(channel)) {
        const name = String(channel).slice(0, 80);
        return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `There is no operation called "${name}".` } });
      }
      return transport.invoke(channel, argument);
    },
    on(event, listener) {
      if (typeof event !== 'string' || !events.has(event) || typeof listener !== 'function') return () => undefined;
      // The listener gets the payload only, never the transport's event object.
      return transport.subscribe(event, (payload) => listener(payload));
    },
    pathForFile(file) {
      const found = transport.pathForFile(file);
      return typeof found === 'string' ? found : '';
    },
  };
}
