import { describe, expect, it } from 'vitest';
import { createBridge, type BridgeTransport } from '../../../shared/ipc/bridge';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../../shared/ipc/contract';

// The page's one object, as electron/preload.ts and the e2e harness both build it.

function fakeTransport() {
  const invoked: string[] = [];
  const subscribed: string[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: BridgeTransport = {
    invoke: async (channel) => {
      invoked.push(channel);
      return { ok: true, value: channel };
    },
    subscribe: (event, listener) => {
      subscribed.push(event);
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
    pathForFile: () => '/tmp/a.plan.json',
  };
  return { transport, invoked, subscribed, listeners };
}

describe('createBridge', () => {
  it('passes only the contract’s channels to main', async () => {
    const { transport, invoked } = fakeTransport();
    const bridge = createBridge(transport, CHANNEL_NAMES, EVENT_NAMES);
    expect(await bridge.invoke('app:get-info', undefined)).toEqual({ ok: true, value: 'app:get-info' });
    for (const channel of ['fs:read', '__proto__', 'constructor', '', 42 as unknown as string]) {
      expect(await bridge.invoke(channel, undefined), String(channel)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    expect(invoked).toEqual(['app:get-info']);
  });

  it('subscribes only to the contract’s events, and hands the listener the payload alone', () => {
    const { transport, subscribed, listeners } = fakeTransport();
    const bridge = createBridge(transport, CHANNEL_NAMES, EVENT_NAMES);
    const event = EVENT_NAMES[0] ?? '';
    const heard: unknown[][] = [];
    const stop = bridge.on(event, (...args: unknown[]) => heard.push(args));
    bridge.on('ipc:anything', () => heard.push(['should not be heard']));
    bridge.on(event, 'not a function' as unknown as () => void);
    expect(subscribed).toEqual([event]);
    listeners.get(event)?.({ fileName: 'a' });
    expect(heard).toEqual([[{ fileName: 'a' }]]);
    stop();
    expect(listeners.has(event)).toBe(false);
    expect(bridge.pathForFile({})).toBe('/tmp/a.plan.json');
  });

  it('is self-contained, so the e2e harness can run its source text in the page', async () => {
    const rebuilt = new Function(`return (${createBridge.toString()});`)() as typeof createBridge;
    const { transport, invoked } = fakeTransport();
    const bridge = rebuilt(transport, CHANNEL_NAMES, EVENT_NAMES);
    await bridge.invoke('fs:read', undefined);
    await bridge.invoke('app:get-info', undefined);
    expect(invoked).toEqual(['app:get-info']);
  });
});
