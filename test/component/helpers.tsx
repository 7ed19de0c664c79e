import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { OversightBridge } from '../../shared/ipc/contract';
import { ok, type Result } from '../../shared/result';
import { ServicesProvider } from '../../renderer/app/context';
import { OversightDatabase } from '../../renderer/db/database';
import { createApi } from '../../renderer/ipc/client';
import { createSyncController } from '../../renderer/plan/sync-controller';

let databaseCount = 0;

/** A fresh, uniquely named store (fake-indexeddb) for one test. */
export function freshDatabase(): OversightDatabase {
  databaseCount += 1;
  return new OversightDatabase(`oversight-test-${databaseCount}-${Math.random().toString(36).slice(2)}`);
}

export type FakeBridge = OversightBridge & {
  calls: Array<{ channel: string; argument: unknown }>;
  emit(event: string, payload: unknown): void;
};

/** A bridge whose replies the test chooses per channel; unknown channels answer an error. */
export function fakeBridge(
  replies: Record<string, (argument: unknown) => unknown> = {},
  pathForFile: (file: unknown) => string = () => '',
): FakeBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: FakeBridge['calls'] = [];
  return {
    calls,
    async invoke(channel, argument): Promise<Result<unknown>> {
      calls.push({ channel, argument });
      const reply = replies[channel];
      if (!reply) return { ok: false, error: { code: 'unknown-channel', message: `No fake for ${channel}` } };
      return ok(await reply(argument));
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
    pathForFile,
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

/** Renders a component inside the app's services, with a fresh store and the given bridge. */
export function renderWithServices(ui: ReactElement, options: { bridge?: FakeBridge; db?: OversightDatabase } = {}) {
  const db = options.db ?? freshDatabase();
  const bridge = options.bridge ?? fakeBridge();
  const api = createApi(bridge);
  const sync = createSyncController(db, api);
  const utils = render(<ServicesProvider services={{ db, api, sync }}>{ui}</ServicesProvider>);
  return { ...utils, db, bridge, api, sync };
}
