import type { ChannelName, ChannelRequest, ChannelResponse, EventName, EventPayload, OversightBridge } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';

/** The renderer's typed view of the bridge: channel names, arguments and replies from the contract. */
export type Api = {
  call<K extends ChannelName>(channel: K, argument: ChannelRequest<K>): Promise<Result<ChannelResponse<K>>>;
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
  pathForFile(file: File): string;
};

/** Wraps the untyped bridge from the preload (or the test harness) with the contract's types. */
export function createApi(bridge: OversightBridge): Api {
  return {
    call: (channel, argument) =>
      // Main parses the argument and builds the reply from the same contract; the bridge
      // itself is untyped, so the reply's type is asserted here once.
      bridge.invoke(channel, argument) as Promise<Result<ChannelResponse<typeof channel>>>,
    on: (event, listener) => bridge.on(event, (payload) => listener(payload as EventPayload<typeof event>)),
    pathForFile: (file) => bridge.pathForFile(file),
  };
}

declare global {
  interface Window {
    oversight?: OversightBridge;
  }
}

/** An API that explains itself when the page runs outside Oversight (e.g. opened in a browser by hand). */
export function createUnavailableApi(): Api {
  const error = { code: 'no-bridge', message: 'Oversight’s desktop side is not available in this window.' };
  return {
    call: async () => ({ ok: false, error }),
    on: () => () => undefined,
    pathForFile: () => '',
  };
}
