import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type HandlerTable, type SenderInfo } from '../../../electron/ipc/dispatch';
import { CHANNEL_NAMES, channels, type ChannelName } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/result';

const trusted: SenderInfo = { frameUrl: 'app://oversight/index.html', isOwnWindow: true };

function spyTable(): { table: HandlerTable; calls: Map<string, unknown[]> } {
  const calls = new Map<string, unknown[]>();
  const table = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [
      name,
      vi.fn(async (argument: unknown) => {
        calls.set(name, [...(calls.get(name) ?? []), argument]);
        return ok(null);
      }),
    ]),
  ) as unknown as HandlerTable;
  return { table, calls };
}

function dispatcher(table: HandlerTable) {
  return createDispatcher(table, {
    isTrustedSender: (sender) => sender.isOwnWindow && sender.frameUrl?.startsWith('app://oversight/') === true,
    log: () => undefined,
  });
}

const sha = 'a'.repeat(64);

// A valid argument for each channel, and arguments each channel must refuse.
const VALID: Record<ChannelName, unknown> = {
  'app:get-info': undefined,
  'settings:get': undefined,
  'settings:choose-inbox-folder': undefined,
  'settings:reset-inbox-folder': undefined,
  'sync:scan-inbox': { knownSha256: [sha] },
  'sync:open-dialog': { knownSha256: [] },
  'sync:read-dropped': { paths: ['/tmp/plan.plan.json'], knownSha256: [] },
  'sync:load-sample': undefined,
  'sync:apply-mapping': {
    token: 't1',
    remember: true,
    mapping: {
      version: 1,
      signature: 'ref|action',
      headerRow: 0,
      columns: { Ref: 'ref', Action: 'title' },
      planId: 'tracker:plan',
      planTitle: 'Plan',
      localArea: 'Northmoor',
      planKind: 'improvement-plan',
    },
  },
  'shell:open-external': { url: 'https://www.gov.uk/' },
};

const SPECIFIC_BAD: Record<ChannelName, unknown[]> = {
  'app:get-info': [{}, 'x'],
  'settings:get': [{}, 0],
  'settings:choose-inbox-folder': [{ folder: '/etc' }],
  'settings:reset-inbox-folder': [[]],
  'sync:scan-inbox': [{}, { knownSha256: ['not-a-hash'] }, { knownSha256: 'a'.repeat(64) }],
  'sync:open-dialog': [{ knownSha256: [sha.toUpperCase()] }, { knownSha256: [1] }],
  'sync:read-dropped': [
    { paths: [], knownSha256: [] },
    { paths: [''], knownSha256: [] },
    { paths: ['x'.repeat(5000)], knownSha256: [] },
    { paths: Array.from({ length: 101 }, () => '/a.plan.json'), knownSha256: [] },
    { paths: '/etc/passwd', knownSha256: [] },
  ],
  'sync:load-sample': [{ folder: '/' }],
  'sync:apply-mapping': [
    { token: 't1', remember: true },
    { token: '', remember: true, mapping: (VALID['sync:apply-mapping'] as { mapping: unknown }).mapping },
    { token: 't1', remember: 'yes', mapping: (VALID['sync:apply-mapping'] as { mapping: unknown }).mapping },
    { token: 't1', remember: true, mapping: { version: 2 } },
  ],
  'shell:open-external': [{ url: 42 }, { url: 'x'.repeat(3000) }, {}],
};

const GENERIC_BAD: unknown[] = [42, 'text', null, true, [1, 2], { __proto__: { polluted: true } }];

describe('IPC dispatcher', () => {
  it('the test tables cover every channel of the contract', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(SPECIFIC_BAD).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it.each(CHANNEL_NAMES)('%s: passes a valid argument to its handler, parsed', async (channel) => {
    const { table, calls } = spyTable();
    const result = await dispatcher(table)(channel, trusted, VALID[channel]);
    expect(result).toEqual({ ok: true, value: null });
    expect(calls.get(channel)).toEqual([channels[channel].request.parse(VALID[channel])]);
  });

  it.each(CHANNEL_NAMES)('%s: rejects malformed arguments without calling the handler', async (channel) => {
    const { table, calls } = spyTable();
    const dispatch = dispatcher(table);
    for (const argument of [...GENERIC_BAD, ...SPECIFIC_BAD[channel]]) {
      const result = await dispatch(channel, trusted, argument);
      expect(result.ok, `${channel} accepted ${JSON.stringify(argument)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-argument');
        expect(result.error.message).toContain(channel);
      }
    }
    expect(calls.size).toBe(0);
  });

  it('refuses a foreign sender before reading anything', async () => {
    const { table, calls } = spyTable();
    const dispatch = dispatcher(table);
    const foreignFrame = await dispatch('app:get-info', { frameUrl: 'https://evil.example/', isOwnWindow: true }, undefined);
    const foreignWindow = await dispatch('app:get-info', { frameUrl: 'app://oversight/index.html', isOwnWindow: false }, undefined);
    expect(foreignFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(foreignWindow).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls.size).toBe(0);
  });

  it('refuses channels that are not in the contract', async () => {
    const { table } = spyTable();
    const dispatch = dispatcher(table);
    for (const channel of ['fs:read', '__proto__', 'constructor', 42, null]) {
      expect(await dispatch(channel, trusted, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('turns a throwing handler into a plain message with no stack', async () => {
    const { table } = spyTable();
    const failing = { ...table, 'app:get-info': async () => Promise.reject(new Error('secret path /home/x at line 3')) };
    const log = vi.fn();
    const dispatch = createDispatcher(failing, { isTrustedSender: () => true, log });
    const result = await dispatch('app:get-info', trusted, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret path');
    expect(log).toHaveBeenCalledOnce();
  });
});
