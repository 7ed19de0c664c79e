import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, type OversightBridge } from '../shared/ipc/contract';
import type { Result } from '../shared/result';

// The preload runs sandboxed with context isolation: the page gets only this small object,
// never ipcRenderer itself. Channel and event names are checked here as well as in main, so
// the page cannot reach an IPC channel that is not in the contract.

const channelNames = new Set<string>(CHANNEL_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

const bridge = {
  invoke(channel: string, argument: unknown): Promise<Result<unknown>> {
    if (!channelNames.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `There is no operation called "${channel}".` } });
    }
    return ipcRenderer.invoke(channel, argument) as Promise<Result<unknown>>;
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!eventNames.has(event)) return () => undefined;
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
  pathForFile(file: unknown): string {
    return typeof File !== 'undefined' && file instanceof File ? webUtils.getPathForFile(file) : '';
  },
} satisfies OversightBridge;

contextBridge.exposeInMainWorld('oversight', bridge);
