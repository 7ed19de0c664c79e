import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../electron/run-captured';
import { sealMeeting } from '../../../shared/meetings/approval';
import { buildDecisionsFile, type DecisionsFile } from '../../../shared/meetings/decisions-file';
import { draftRecords, meeting, TERMS } from './fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let folder: string;
let intact: string;
let tampered: string;
let notJson: string;
let planFile: string;

async function decisionsFile(): Promise<DecisionsFile> {
  const sealed = await sealMeeting({
    meeting: meeting(),
    records: draftRecords(),
    boardName: 'Northmoor SEND Oversight Board',
    terms: TERMS,
    approvedAt: '2027-02-11T11:00:00.000Z',
    approvedAtMeeting: 'the meeting of 11 February 2027',
    approvedAtMeetingId: null,
  });
  const built = await buildDecisionsFile(sealed.meeting, sealed.records, { exportedAt: '2027-02-12T09:00:00.000Z' });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-verify-'));
  const file = await decisionsFile();
  intact = path.join(folder, 'board-2027-01-14.decisions.json');
  await fs.writeFile(intact, JSON.stringify(file, null, 2));
  // One character changed in a decision's text, as an editor would leave it.
  tampered = path.join(folder, 'tampered.decisions.json');
  await fs.writeFile(tampered, JSON.stringify(file, null, 2).replace('ask for a recovery plan', 'ask for a recovery plaN'));
  notJson = path.join(folder, 'notes.decisions.json');
  await fs.writeFile(notJson, 'The board resolved…');
  planFile = path.join(folder, 'plan.plan.json');
  await fs.writeFile(planFile, JSON.stringify({ format: 'oversight-plan', formatVersion: 1 }));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('oversight-cli verify', () => {
  it('exits 0 for an intact file and says what it checked', async () => {
    const result = await runCaptured('verify', intact);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^✔ .*board-2027-01-14\.decisions\.json: intact\. SEND Oversight Board on 2027-01-14: 10 records, chain head [0-9a-f]{64}; 1 exempt record withheld, their place checked\.$/,
    );
  });

  it('exits 1 for a file with one character changed, naming the record', async () => {
    const result = await runCaptured('verify', tampered);
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      'tampered.decisions.json: BROKEN at record 5, the decision SOB/2027/001 (item 1): its content does not match its hash',
    );
  });

  it('exits 2 for a file that is missing, not JSON or not a decision file', async () => {
    const missing = await runCaptured('verify', path.join(folder, 'missing.decisions.json'));
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('missing.decisions.json: cannot be checked: there is no such file.');
    const text = await runCaptured('verify', notJson);
    expect(text).toMatchObject({ code: 2, out: expect.stringContaining('it is not JSON') });
    const plan = await runCaptured('verify', planFile);
    expect(plan).toMatchObject({ code: 2, out: expect.stringContaining('not an Oversight decision file') });
    expect((await runCaptured('verify', folder)).out).toContain('it is not a file');
  });

  it('exits 2 for usage errors', async () => {
    const none = await runCaptured('verify');
    expect(none.code).toBe(2);
    expect(none.err).toContain('Name at least one decision file to verify.');
    expect((await runCaptured('verify', intact, '--json')).code).toBe(2);
    expect((await runCaptured('help')).out).toContain('oversight-cli verify FILE...');
  });

  it('checks several files and exits with the worst result', async () => {
    expect((await runCaptured('verify', intact, tampered)).code).toBe(1);
    expect((await runCaptured('verify', tampered, notJson, intact)).code).toBe(2);
  });

  it('works as the installed bin (npx oversight-cli verify)', async () => {
    const exec = promisify(execFile);
    const bin = path.join(root, 'scripts', 'oversight-cli.mjs');
    const ok = await exec(process.execPath, [bin, 'verify', intact]);
    expect(ok.stdout).toContain(': intact.');
    const failure = await exec(process.execPath, [bin, 'verify', tampered]).catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1, stdout: expect.stringContaining('BROKEN at record 5') });
  }, 30_000);
});
