import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainServices } from '../../../electron/services';
import type { ImportCandidate } from '../../../shared/ipc/contract';
import { makeValidPlan } from '../plan/fixtures';

// The handler table main registers, driven as the renderer would, without Electron.

let base: string;
let events: Array<{ event: string; payload: unknown }>;
let services: ReturnType<typeof createMainServices>;
let dialogFiles: string[];
let openedPaths: string[] = [];
let savePath: string | null = null;
const sender = { frameUrl: 'app://oversight/index.html', isOwnWindow: true };

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-services-'));
  await fs.mkdir(path.join(base, 'sample'));
  await fs.writeFile(
    path.join(base, 'sample', 'b.r2.plan.json'),
    JSON.stringify({ ...makeValidPlan(), export: { ...(makeValidPlan().export as object), revision: 8 } }),
  );
  await fs.writeFile(path.join(base, 'sample', 'a.r1.plan.json'), JSON.stringify(makeValidPlan()));
  await fs.writeFile(path.join(base, 'sample', 'README.md'), 'not a plan');
  events = [];
  dialogFiles = [];
  openedPaths = [];
  services = createMainServices({
    appOrigin: 'app://oversight',
    dataFolder: path.join(base, 'data'),
    documentsFolder: path.join(base, 'Documents'),
    sampleFolder: path.join(base, 'sample'),
    watchInbox: false,
    stableForMs: 50,
    appInfo: { name: 'Oversight', version: '1.0.0', platform: 'linux', dataFolder: path.join(base, 'data'), locale: 'en-GB' },
    dialogs: { openFiles: async () => dialogFiles, chooseFolder: async () => path.join(base, 'Elsewhere'), saveFile: async () => savePath },
    openExternal: async () => undefined,
    openPath: async (filePath) => {
      openedPaths.push(filePath);
      return '';
    },
    printHtmlToPdf: async () => new Uint8Array(),
    emit: (event, payload) => events.push({ event, payload }),
  });
});
afterEach(async () => {
  await services.stop();
  await fs.rm(base, { recursive: true, force: true });
});

async function call<T>(channel: string, argument: unknown): Promise<T> {
  const result = await services.dispatch(channel, sender, argument);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

describe('main services', () => {
  it('loads the sample plan files oldest first, ignoring other files', async () => {
    const candidates = await call<ImportCandidate[]>('sync:load-sample', undefined);
    expect(candidates.map((candidate) => candidate.fileName)).toEqual(['a.r1.plan.json', 'b.r2.plan.json']);
    expect(candidates.every((candidate) => candidate.source === 'sample' && candidate.outcome.status === 'valid')).toBe(true);
  });

  it('scans the default inbox, creating it, and skips files the renderer already has', async () => {
    const inbox = path.join(base, 'Documents', 'Oversight', 'Inbox');
    const first = await call<ImportCandidate[]>('sync:scan-inbox', { knownSha256: [] });
    expect(first).toEqual([]);
    await fs.writeFile(path.join(inbox, 'plan.plan.json'), JSON.stringify(makeValidPlan()));
    // A file is offered only once it has held still for the stability window.
    expect(await call<ImportCandidate[]>('sync:scan-inbox', { knownSha256: [] })).toEqual([]);
    let stable: ImportCandidate[] = [];
    await vi.waitFor(async () => {
      stable = await call<ImportCandidate[]>('sync:scan-inbox', { knownSha256: [] });
      expect(stable).toHaveLength(1);
    });
    const sha = stable[0]?.sha256 ?? '';
    expect(await call<ImportCandidate[]>('sync:scan-inbox', { knownSha256: [sha] })).toEqual([]);
  });

  it('reports progress while reading a file from the Import dialog', async () => {
    const file = path.join(base, 'plan.plan.json');
    await fs.writeFile(file, JSON.stringify(makeValidPlan()));
    dialogFiles = [file];
    const [candidate] = await call<ImportCandidate[]>('sync:open-dialog', { knownSha256: [] });
    expect(candidate?.outcome.status).toBe('valid');
    const phases = events.filter((event) => event.event === 'sync:progress').map((event) => (event.payload as { phase: string }).phase);
    expect(phases[0]).toBe('reading');
    expect(phases.at(-1)).toBe('done');
  });

  it('turns an unreadable or unsupported dropped file into a located problem, not an exception', async () => {
    const candidates = await call<ImportCandidate[]>('sync:read-dropped', {
      paths: [path.join(base, 'nope.plan.json'), '/etc/passwd'],
      knownSha256: [],
    });
    expect(candidates).toHaveLength(2);
    for (const candidate of candidates) {
      expect(candidate.outcome.status).toBe('invalid');
      expect(candidate.sha256).toBe('');
    }
    expect(JSON.stringify(candidates[1])).toMatch(/is not a file Oversight imports/);
    expect(JSON.stringify(candidates)).not.toMatch(/root:x:0/);
  });

  it('refuses dropped network (UNC) and device paths before reading anything', async () => {
    const plan = path.join(base, 'dropped.plan.json');
    await fs.writeFile(plan, JSON.stringify(makeValidPlan()));
    // On Linux "//tmp/x" and "//./tmp/x" name the same file as "/tmp/x": without the check, these would be read.
    const network = ['/' + plan, '\\\\server\\share\\a.plan.json'];
    const device = ['//.' + plan, '//?' + plan, '\\\\?\\C:\\a.plan.json', '\\??\\C:\\a.plan.json'];
    const candidates = await call<ImportCandidate[]>('sync:read-dropped', { paths: [...network, ...device], knownSha256: [] });
    expect(candidates.map((candidate) => candidate.outcome.status)).toEqual(Array(6).fill('invalid'));
    const messages = candidates.map((candidate) => JSON.stringify(candidate.outcome));
    for (const message of messages.slice(0, 2)) expect(message).toMatch(/is on a network share/);
    for (const message of messages.slice(2)) expect(message).toMatch(/is a device path/);
    // The same file dropped by its ordinary name is read.
    const [ordinary] = await call<ImportCandidate[]>('sync:read-dropped', { paths: [plan], knownSha256: [] });
    expect(ordinary?.outcome.status).toBe('valid');
  });

  it('asks for a tracker’s columns, then applies and remembers the confirmed mapping', async () => {
    const file = path.join(base, 'tracker.csv');
    await fs.writeFile(file, 'Ref,Action,Lead,Due date,RAG\n1.1,Recruit coordinators,Head of SEND,31/03/2027,Amber\n');
    dialogFiles = [file];
    const [candidate] = await call<ImportCandidate[]>('sync:open-dialog', { knownSha256: [] });
    if (candidate?.outcome.status !== 'needs-mapping') throw new Error('expected needs-mapping');
    const mapping = { ...candidate.outcome.mapping, localArea: 'Northmoor' };
    const applied = await call<ImportCandidate>('sync:apply-mapping', { token: candidate.token, mapping, remember: true });
    expect(applied.outcome.status).toBe('valid');
    // Remembered: the same sheet imports straight away next time.
    dialogFiles = [file];
    const [again] = await call<ImportCandidate[]>('sync:open-dialog', { knownSha256: [] });
    expect(again?.outcome.status).toBe('valid');
    const unknown = await services.dispatch('sync:apply-mapping', sender, { token: 'made-up', mapping, remember: false });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('changes and resets the inbox folder through the folder dialog', async () => {
    expect((await call<{ inboxFolder: string }>('settings:choose-inbox-folder', undefined)).inboxFolder).toBe(path.join(base, 'Elsewhere'));
    expect((await call<{ inboxFolder: string }>('settings:get', undefined)).inboxFolder).toBe(path.join(base, 'Elsewhere'));
    expect((await call<{ inboxFolder: string }>('settings:reset-inbox-folder', undefined)).inboxFolder).toBe(
      path.join(base, 'Documents', 'Oversight', 'Inbox'),
    );
  });

  it('opens only allow-listed links', async () => {
    expect(await call('shell:open-external', { url: 'https://www.gov.uk/' })).toEqual({ opened: true });
    expect(await call('shell:open-external', { url: 'https://evil.example/' })).toEqual({ opened: false });
  });
});

describe('annotation files through main', () => {
  it('reads another member’s .annotations.json from the Import dialog, validated', async () => {
    const { makeAnnotationsFile } = await import('../annotations/fixtures');
    const file = path.join(base, 'Cllr Shah.annotations.json');
    await fs.writeFile(file, JSON.stringify(makeAnnotationsFile()));
    dialogFiles = [file];
    const [candidate] = await call<ImportCandidate[]>('sync:open-dialog', { knownSha256: [] });
    expect(candidate?.outcome.status).toBe('annotations');
    if (candidate?.outcome.status === 'annotations') expect(candidate.outcome.file.annotations).toHaveLength(2);
  });

  it('saves an export where the user chose, atomically, never replacing a file it was not asked about', async () => {
    const { makeAnnotationsFile } = await import('../annotations/fixtures');
    savePath = path.join(base, 'my notes');
    const saved = await call<{ saved: boolean; fileName: string }>('annotations:export', {
      file: makeAnnotationsFile(),
      suggestedName: 'x',
    });
    expect(saved).toMatchObject({ saved: true, fileName: 'my notes.annotations.json', folder: base });
    const written = JSON.parse(await fs.readFile(path.join(base, 'my notes.annotations.json'), 'utf8'));
    expect(written.annotations).toHaveLength(2);
    // Same name again: the dialog was asked about "my notes", not the name with the suffix we added.
    savePath = path.join(base, 'my notes');
    const again = await services.dispatch('annotations:export', sender, { file: makeAnnotationsFile(), suggestedName: 'x' });
    expect(again).toMatchObject({ ok: false, error: { code: 'exists' } });
    savePath = null;
    expect(await call('annotations:export', { file: makeAnnotationsFile(), suggestedName: 'x' })).toEqual({ saved: false });
  });
});

describe('opening evidence through main', () => {
  it('opens the file the plan names for an evidence id, inside the folder the plan came from, and nothing else', async () => {
    const folder = path.join(base, 'Board pack');
    await fs.mkdir(path.join(folder, 'evidence'), { recursive: true });
    const report = 'the recruitment report';
    await fs.writeFile(path.join(folder, 'evidence', 'recruitment-report.pdf'), report);
    await fs.writeFile(path.join(folder, 'evidence', 'Q3 highlight report.pdf.bat'), '@echo off');
    await fs.writeFile(path.join(base, 'secret.txt'), 'not evidence');
    await fs.symlink(path.join(base, 'secret.txt'), path.join(folder, 'evidence', 'link.pdf'));
    const plan = makeValidPlan() as { evidence: Array<Record<string, unknown>> };
    plan.evidence[0] = { ...plan.evidence[0], sha256: createHash('sha256').update(report).digest('hex') };
    plan.evidence.push(
      {
        id: 'EV-BAT',
        title: 'Highlight report',
        type: 'report',
        date: '2026-02-20',
        file: 'evidence/Q3 highlight report.pdf.bat',
        marking: 'OFFICIAL',
      },
      { id: 'EV-LINK', title: 'Linked', type: 'report', date: '2026-02-20', file: 'evidence/link.pdf', marking: 'OFFICIAL' },
      { id: 'EV-GONE', title: 'Missing', type: 'report', date: '2026-02-20', file: 'evidence/missing.pdf', marking: 'OFFICIAL' },
    );
    const file = path.join(folder, 'plan.plan.json');
    await fs.writeFile(file, JSON.stringify(plan));
    const request = (evidenceId: string) => ({ planId: 'northshire-wsoa-2025', evidenceId });

    // Before main has read the plan, it does not know the folder.
    expect(await services.dispatch('evidence:open', sender, request('EV-1'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    dialogFiles = [file];
    await call<ImportCandidate[]>('sync:open-dialog', { knownSha256: [] });

    expect(await call('evidence:open', request('EV-1'))).toEqual({ opened: true, fileName: 'recruitment-report.pdf' });
    // A path from the renderer is not part of the request any more, and is never used.
    expect(await call('evidence:open', { ...request('EV-1'), relativePath: '../secret.txt' })).toEqual({
      opened: true,
      fileName: 'recruitment-report.pdf',
    });
    expect(openedPaths).toEqual(Array(2).fill(await fs.realpath(path.join(folder, 'evidence', 'recruitment-report.pdf'))));
    for (const [id, code] of [
      ['EV-BAT', 'refused'],
      ['EV-LINK', 'refused'],
      ['EV-GONE', 'not-found'],
      ['EV-3', 'not-found'],
    ] as const) {
      expect(await services.dispatch('evidence:open', sender, request(id)), id).toMatchObject({ ok: false, error: { code } });
    }
    // The file was replaced after the plan was written: its hash no longer matches.
    await fs.writeFile(path.join(folder, 'evidence', 'recruitment-report.pdf'), 'a different file');
    expect(await services.dispatch('evidence:open', sender, request('EV-1'))).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(openedPaths).toHaveLength(2);
  });
});
