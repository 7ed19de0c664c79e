import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type HandlerTable, type SenderInfo } from '../../../electron/ipc/dispatch';
import { CHANNEL_NAMES, channels, type ChannelName } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/result';
import { makeAnnotationsFile } from '../annotations/fixtures';
import { draftBundle } from '../exports/fixtures';

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
  'sync:open-pack-folder': { knownSha256: [] },
  'papers:read': { token: 't1', paperId: 'paper-4' },
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
  'annotations:export': { file: makeAnnotationsFile(), suggestedName: 'Cllr Shah annotations.annotations.json' },
  'shell:open-external': { url: 'https://www.gov.uk/' },
  'shell:show-saved': { savedId: '0b6c2a52-64f5-4d5e-9a0c-1f1b8e0b1c2d' },
  'evidence:open': { planId: 'northmoor', evidenceId: 'ev-001' },
  'exports:save': { kind: 'minutes-docx', includeExempt: false, boardName: 'SEND Oversight Board', bundle: draftBundle() },
  'exports:import-decisions': undefined,
  'pack-maker:choose': { kind: 'folder' },
  'pack-maker:supplement': {
    paths: ['/tmp/7a Revised figures.pdf'],
    meeting: { id: 'sob-2027-01-14', title: 'Board', date: '2027-01-14', time: '14:00' },
    agenda: [{ id: 'item-7', number: '7', title: 'Placements', exempt: true }],
  },
  'papers:save-copy': { bytes: new TextEncoder().encode('%PDF-1.7'), suggestedName: 'Highlight report with my notes.pdf' },
  'pack-maker:preview': { token: 't1', sha256: sha },
  'pack-maker:save': {
    token: 't1',
    draft: {
      meeting: { id: 'sob-2027-01-14', title: 'Board', date: '2027-01-14', time: '14:00' },
      items: [
        {
          number: '3',
          title: 'Highlight report',
          presenter: '',
          decisionRequired: false,
          isExempt: false,
          links: [],
          paper: { source: '03 Highlight report.pdf', title: 'Highlight report', sha256: sha, pageCount: 2 },
        },
      ],
    },
  },
  'board:get-folder': undefined,
  'board:choose-folder': undefined,
  'board:scan': undefined,
  'board:write': { path: 'members/member-a/device-a/000001.json', bytes: new Uint8Array([123, 125]) },
  'board:publish': { includeExempt: false, memberId: 'member-a', deviceId: 'device-a' },
  'board:read-publication': { path: 'published/member-a/device-a/000001.json', bodySha256: sha, knownSha256: [] },
  'board:compact': {
    snapshotPath: 'members/member-a/device-a/snapshot-000050.json',
    segmentPaths: ['members/member-a/device-a/000001.json'],
  },
  'backup:status': undefined,
  'backup:set-passphrase': { passphrase: 'a long enough passphrase' },
  'backup:choose-folder': undefined,
  'backup:reset-folder': undefined,
  'backup:begin': { reason: 'manual', schemaVersion: 6 },
  'backup:append': { session: 's1', frame: new Uint8Array([1, 2]) },
  'backup:finish': { session: 's1', frame: new Uint8Array([3]), holds: { tables: { plans: 1 }, papers: 0, paperBytes: 0 } },
  'backup:abort': { session: 's1' },
  'backup:open': { fileName: 'oversight-2026-12-01T09-30-00Z-daily.oversight-backup' },
  'backup:unlock': { token: 't1', passphrase: 'x' },
  'backup:read': { token: 't1', index: 0 },
  'backup:close': { token: 't1' },
  'backup:forget': undefined,
};

const SPECIFIC_BAD: Record<ChannelName, unknown[]> = {
  // A board is named by its id on this laptop: never a path, never anything else alongside it.
  'board:get-folder': [{}, { board: '../etc' }, { board: 'Board' }],
  'board:choose-folder': [{ folder: '/etc' }, { board: 'forum', folder: '/etc' }],
  'board:scan': [{ folder: '/' }, { board: '/tmp/x' }, { board: 7 }],
  'board:compact': [
    { snapshotPath: 'members/a/b/000050.json', segmentPaths: [] },
    { snapshotPath: 'members/a/b/snapshot-000050.json', segmentPaths: ['register/000001.json'] },
    { snapshotPath: 'members/a/b/snapshot-000050.json', segmentPaths: ['../../etc/passwd'] },
  ],
  // The renderer names only a board file's relative path, never a path outside the folder.
  'board:write': [
    { path: '../../etc/passwd', bytes: new Uint8Array([1]) },
    { path: 'members/a/b/000001.json/../../x.json', bytes: new Uint8Array([1]) },
    { path: '/tmp/000001.json', bytes: new Uint8Array([1]) },
    { path: 'members/a/b/000001.json', bytes: 'text' },
    { path: 'published/a/b/000001/01-plan.plan.json', bytes: new Uint8Array([1]) },
    { path: 'members/a/b/000001.json', bytes: new Uint8Array([1]), board: '../../x' },
  ],
  // The renderer names no file to publish (main's dialog does), and ids that name folders only.
  'board:publish': [
    { includeExempt: false, memberId: '../a', deviceId: 'b' },
    { includeExempt: 'yes', memberId: 'a', deviceId: 'b' },
    { includeExempt: false, memberId: 'a', deviceId: 'b', paths: ['/etc/passwd'] },
    { includeExempt: false, memberId: 'a', deviceId: 'b', board: 'C:\\boards' },
  ],
  'board:read-publication': [
    { path: 'published/a/b/../../../etc/passwd.json', bodySha256: sha, knownSha256: [] },
    { path: 'published/a/b/..\\..\\..\\x.json', bodySha256: sha, knownSha256: [] },
    { path: 'members/a/b/000001.json', bodySha256: sha, knownSha256: [] },
    { path: 'published/a/b/000001.json', bodySha256: 'x', knownSha256: [] },
    { path: 'published/a/b/000001.json', bodySha256: sha, knownSha256: [], board: '..' },
  ],
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
  'sync:open-pack-folder': [{ knownSha256: ['x'] }, { folder: '/etc' }],
  // The renderer can only name a paper of a pack main handed out, never a path.
  'papers:read': [{ token: 't1' }, { token: '', paperId: 'p' }, { token: 't1', paperId: 'x'.repeat(65) }, { path: '/etc/passwd' }],
  'sync:apply-mapping': [
    { token: 't1', remember: true },
    { token: '', remember: true, mapping: (VALID['sync:apply-mapping'] as { mapping: unknown }).mapping },
    { token: 't1', remember: 'yes', mapping: (VALID['sync:apply-mapping'] as { mapping: unknown }).mapping },
    { token: 't1', remember: true, mapping: { version: 2 } },
  ],
  'annotations:export': [
    { file: makeAnnotationsFile() },
    { file: makeAnnotationsFile(), suggestedName: '' },
    // A private annotation can never be exported, whatever the renderer sends.
    {
      file: {
        ...makeAnnotationsFile(),
        annotations: makeAnnotationsFile().annotations.map((entry) => ({ ...entry, visibility: 'private' })),
      },
      suggestedName: 'x',
    },
    { file: { ...makeAnnotationsFile(), formatVersion: 2 }, suggestedName: 'x' },
  ],
  'shell:open-external': [{ url: 42 }, { url: 'x'.repeat(3000) }, {}],
  // An id main gave out, never a path: a path, an extra field or a non-id is refused before any handler.
  'shell:show-saved': [
    { savedId: '/home/cllr/Documents/minutes.docx' },
    { savedId: '0b6c2a52-64f5-4d5e-9a0c-1f1b8e0b1c2d', path: '/etc/passwd' },
    { path: '/etc' },
    { savedId: 'x'.repeat(5000) },
  ],
  'exports:save': [
    { kind: 'minutes-docx', includeExempt: false, boardName: 'Board' },
    { kind: 'minutes-rtf', includeExempt: false, boardName: 'Board', bundle: draftBundle() },
    { kind: 'minutes-docx', includeExempt: 'no', boardName: 'Board', bundle: draftBundle() },
    // Records are parsed with the meetings' strict schemas: an unknown field or kind is refused.
    {
      kind: 'minutes-docx',
      includeExempt: false,
      boardName: 'Board',
      bundle: { ...draftBundle(), records: [{ ...draftBundle().records[0], extra: 1 }] },
    },
    { kind: 'decision-log-csv', includeExempt: false, boardName: 'Board', bundles: [] },
    // A private question can never be exported, whatever the renderer sends.
    {
      kind: 'questions-csv',
      includeExempt: false,
      boardName: 'Board',
      meeting: { id: 'm', title: 'M', date: '2027-01-14', agenda: [] },
      memberName: null,
      questions: [{ id: 'q', authorName: 'A', visibility: 'private', targetLabel: 'x', itemId: null, text: 'secret', answer: null }],
    },
    { kind: 'tracker', includeExempt: false, boardName: 'Board', planId: 'p', revision: 0, bundle: draftBundle() },
  ],
  'exports:import-decisions': [{ path: '/etc/passwd' }, ['a.decisions.json']],
  // The pack maker takes a kind of source, never a path; papers are named by hash only.
  'papers:save-copy': [
    { bytes: 'JVBERi0=', suggestedName: 'x.pdf' },
    { bytes: new Uint8Array(), suggestedName: 'x.pdf' },
    { bytes: new Uint8Array(4) },
    { bytes: new Uint8Array(4), suggestedName: 'x.pdf', path: '/etc/x' },
  ],
  'pack-maker:supplement': [
    { paths: [], meeting: { id: 'm', title: 'M', date: '2027-01-14', time: '14:00' }, agenda: [] },
    { meeting: { id: 'm', title: 'M', date: '14/01/2027', time: '14:00' }, agenda: [] },
    { meeting: { id: 'm', title: 'M', date: '2027-01-14', time: '14:00' }, agenda: [{ id: 'i', number: '1', title: 'T', extra: 1 }] },
    { paths: ['/a.pdf'], meeting: { id: 'm', title: 'M', date: '2027-01-14', time: '14:00' } },
  ],
  'pack-maker:choose': [{ kind: 'file' }, { kind: 'folder', path: '/etc' }, {}],
  'pack-maker:preview': [
    { token: 't1', sha256: 'x' },
    { token: 't1', path: '/etc/passwd' },
    { token: '', sha256: sha },
  ],
  'pack-maker:save': [
    { token: 't1' },
    { token: 't1', draft: { meeting: { id: 'm', title: 'M', date: '2027-01-14', time: '14:00' }, items: [], out: '/etc/passwd' } },
    {
      token: 't1',
      draft: {
        meeting: { id: 'm', title: 'M', date: '2027-01-14', time: '14:00' },
        items: [{ number: '1', title: 'T', presenter: '', decisionRequired: false, isExempt: true, exemptParagraph: 8, links: [] }],
      },
    },
  ],
  'backup:status': [{}],
  // Too short a passphrase is refused before main derives anything from it.
  'backup:set-passphrase': [{ passphrase: 'short' }, { passphrase: 'x'.repeat(2000) }, {}],
  'backup:choose-folder': [{ folder: '/etc' }],
  'backup:reset-folder': [{ folder: '/etc' }],
  'backup:begin': [{ reason: 'whenever', schemaVersion: 6 }, { reason: 'manual', schemaVersion: 0 }, { reason: 'manual' }],
  // Frames are bytes, never empty, never over the format's limit.
  'backup:append': [
    { session: 's1', frame: [1, 2] },
    { session: 's1', frame: new Uint8Array(0) },
    { session: '', frame: new Uint8Array([1]) },
  ],
  'backup:finish': [
    { session: 's1', frame: new Uint8Array([3]) },
    { session: 's1', frame: new Uint8Array([3]), holds: { tables: { '../x': 1 }, papers: 0, paperBytes: 0 } },
  ],
  'backup:abort': [{}],
  'backup:open': [{ fileName: '' }, { fileName: 'x'.repeat(300) }, { path: '/etc/passwd' }],
  'backup:unlock': [{ token: 't1' }, { token: 't1', passphrase: '' }],
  'backup:read': [{ token: 't1', index: -1 }, { token: 't1', index: 1.5 }, { token: 't1' }],
  'backup:close': [{}],
  'backup:forget': [{ everything: true }],
  'evidence:open': [
    { planId: 'northmoor' },
    { planId: '', evidenceId: 'ev-001' },
    { planId: 'northmoor', evidenceId: '' },
    { planId: 'northmoor', evidenceId: 'x'.repeat(2000) },
    { planId: 'northmoor', evidenceId: ['ev-001'] },
  ],
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

  it('starts handlers in the order the calls arrive, before any await (the backup writes overlapping appends in that order)', () => {
    const { table, calls } = spyTable();
    const dispatch = dispatcher(table);
    const frames = [1, 2, 3].map((n) => ({ session: 's1', frame: new Uint8Array([n]) }));
    for (const frame of frames) void dispatch('backup:append', trusted, frame);
    // Synchronously: every handler has been called already, in arrival order.
    expect(calls.get('backup:append')).toEqual(frames);
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
