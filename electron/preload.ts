import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from '../shared/ipc/bridge';
import { CHANNEL_NAMES, EVENT_NAMES } from '../shared/ipc/contract';
import type { Result } from '../shared/result';

// The preload runs sandboxed with context isolation: the page gets only the small object
// createBridge builds, never ipcRenderer itself. Channel and event names are checked there as
// well as in main, so the page cannot reach an IPC channel that is not in the contract. The
// e2e harness builds the page's object with the same factory.

const bridge = createBridge(
  {
    invoke: (channel, argument) => ipcRenderer.invoke(channel, argument) as Promise<Result<unknown>>,
    subscribe(event, listener) {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => ipcRenderer.removeListener(event, wrapped);
    },
    pathForFile: (file) => (typeof File !== 'undefined' && file instanceof File ? webUtils.getPathForFile(file) : ''),
  },
  CHANNEL_NAMES,
  EVENT_NAMES,
);

contextBridge.exposeInMainWorld('oversight', bridge);
