import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../electron/run-captured';
import { minutesDocx } from '../../../electron/exports/minutes-docx';
import { buildMinutes } from '../../../shared/exports/minutes-model';
import { buildDecisionsFile, type DecisionsFile } from '../../../shared/meetings/decisions-file';
import { approvedBundle, BOARD_NAME, docxText, EXEMPT_MARKER, unzipAllText, unzipText } from '../exports/fixtures';

// `oversight-cli minutes FILE.decisions.json [--out DIR]` and `verify --head`: every exit code,
// the minutes read back from the DOCX, and the same document the app's export makes.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let folder: string;
let intact: string;
let tampered: string;
let hidden: string;
let notJson: string;
let file: DecisionsFile;
// The meeting the file was made from: the app's own export of it is compared with the CLI's.
let source: Awaited<ReturnType<typeof approvedBundle>>;

async function decisionsFile(): Promise<DecisionsFile> {
  const bundle = await approvedBundle();
  source = bundle;
  const built = await buildDecisionsFile(bundle.meeting, bundle.records, {
    exportedAt: '2027-02-12T09:00:00.000Z',
    exemptSourceIds: bundle.exemptSourceIds,
  });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-minutes-'));
  file = await decisionsFile();
  intact = path.join(folder, 'January.decisions.json');
  await fs.writeFile(intact, JSON.stringify(file, null, 2));
  tampered = path.join(folder, 'tampered.decisions.json');
  const decision = file.records.find((record) => record.content?.kind === 'decision' && record.content.isWithdrawn === false);
  const decisionText = String(decision?.content?.text);
  await fs.writeFile(tampered, JSON.stringify(file, null, 2).replace(decisionText, `${decisionText} and to close the unit`));
  // A public record (the first note) withheld as if it were exempt.
  hidden = path.join(folder, 'hidden.decisions.json');
  const note = file.records.find((record) => record.content?.kind === 'note');
  await fs.writeFile(
    hidden,
    JSON.stringify({ ...file, records: file.records.map((record) => (record === note ? { ...record, content: null } : record)) }),
  );
  notJson = path.join(folder, 'notes.decisions.json');
  await fs.writeFile(notJson, 'The board resolved…');
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function freshFolder(name: string): Promise<string> {
  const out = path.join(folder, name);
  await fs.mkdir(out);
  return out;
}

describe('oversight-cli verify --head', () => {
  it('exits 0 when the chain ends in the hash the minutes print', async () => {
    const result = await runCaptured('verify', intact, '--head', file.chain.head);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining(': intact.') });
  });

  it('exits 1 on a mismatch, naming both hashes', async () => {
    const printed = 'a'.repeat(64);
    const result = await runCaptured('verify', '--head', printed, intact);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`the chain ends in ${file.chain.head}, but the approved minutes give ${printed}`);
  });

  it('exits 1 for a public record withheld as if exempt', async () => {
    const result = await runCaptured('verify', hidden);
    expect(result.code).toBe(1);
    expect(result.out).toContain('was not sealed as exempt when the minutes were approved');
  });

  it('exits 2 for --head without a hash, or with something that is not one', async () => {
    expect(await runCaptured('verify', intact, '--head')).toMatchObject({ code: 2, err: expect.stringContaining('--head needs a value') });
    expect(await runCaptured('verify', intact, '--head', 'abc')).toMatchObject({ code: 2, err: expect.stringContaining('64 hex digits') });
  });
});

describe('oversight-cli minutes', () => {
  it('exits 0 and writes the approved public minutes as DOCX, the same document the app makes', async () => {
    const out = await freshFolder('out-ok');
    const result = await runCaptured('minutes', intact, '--out', out);
    expect(result.code).toBe(0);
    const written = path.join(out, 'SEND Oversight Board 2027-01-14 minutes.docx');
    expect(result.out).toContain(`Approved minutes written to ${written}`);
    expect(await fs.readdir(out)).toEqual(['SEND Oversight Board 2027-01-14 minutes.docx']);
    const bytes = new Uint8Array(await fs.readFile(written));
    const text = docxText(unzipText(bytes, 'word/document.xml'));
    expect(text).toContain(BOARD_NAME);
    expect(text).toContain('Approved as a correct record at the meeting of 11 February 2027');
    expect(text).toContain('Circulate the audit report');
    expect(unzipAllText(bytes)).toContain(file.chain.head);
    // Exempt content is never printed: not the discussion, not the carried action from an exempt item.
    expect(text).not.toContain(`Confidential discussion ${EXEMPT_MARKER}`);
    expect(text).not.toContain(`Renegotiate ${EXEMPT_MARKER}`);

    // The app's own export of the same meeting, public, has the same words.
    const app = await minutesDocx(buildMinutes(source, { boardName: BOARD_NAME, includeExempt: false }));
    expect(text).toBe(docxText(unzipText(app, 'word/document.xml')));
  });

  it('writes next to the decision file without --out, and never over an existing file (exit 2)', async () => {
    const copyFolder = await freshFolder('beside');
    const copy = path.join(copyFolder, 'January.decisions.json');
    await fs.copyFile(intact, copy);
    expect((await runCaptured('minutes', copy)).code).toBe(0);
    const again = await runCaptured('minutes', copy);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists');
    expect((await fs.readdir(copyFolder)).sort()).toEqual(['January.decisions.json', 'SEND Oversight Board 2027-01-14 minutes.docx']);
  });

  it('exits 1 for a broken chain, naming the record, and writes nothing', async () => {
    const out = await freshFolder('out-broken');
    const result = await runCaptured('minutes', tampered, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/BROKEN at record \d+, the decision /);
    expect(await fs.readdir(out)).toEqual([]);
    const mismatch = await runCaptured('minutes', intact, '--out', out, '--head', 'b'.repeat(64));
    expect(mismatch).toMatchObject({ code: 1, err: expect.stringContaining(`the chain ends in ${file.chain.head}`) });
    expect(await fs.readdir(out)).toEqual([]);
  });

  it('exits 2 for an unreadable file, a missing folder or a usage error', async () => {
    const out = await freshFolder('out-unreadable');
    expect(await runCaptured('minutes', notJson, '--out', out)).toMatchObject({ code: 2, err: expect.stringContaining('it is not JSON') });
    expect(await runCaptured('minutes', path.join(folder, 'missing.decisions.json'))).toMatchObject({
      code: 2,
      err: expect.stringContaining('there is no such file'),
    });
    expect((await runCaptured('minutes', intact, '--out', path.join(folder, 'no-such-folder'))).code).toBe(2);
    expect(await runCaptured('minutes')).toMatchObject({ code: 2, err: expect.stringContaining('Name one decision file') });
    expect((await runCaptured('minutes', intact, tampered)).code).toBe(2);
    expect(await runCaptured('minutes', intact, '--out')).toMatchObject({ code: 2, err: expect.stringContaining('--out needs a value') });
    expect(await runCaptured('minutes', intact, '--pdf')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown option "--pdf"'),
    });
    expect(await fs.readdir(out)).toEqual([]);
  });

  it('reads a version 1 file written before seals (by commit 5cae3d1, nothing withheld): verifies and renders', async () => {
    const v1 = path.join(root, 'test', 'fixtures', 'decisions-v1-before-seals.decisions.json');
    const parsed = JSON.parse(await fs.readFile(v1, 'utf8')) as DecisionsFile;
    expect(parsed.formatVersion).toBe(1);
    expect(await runCaptured('verify', v1, '--head', parsed.chain.head)).toMatchObject({
      code: 0,
      out: expect.stringContaining(': intact.'),
    });
    const out = await freshFolder('out-v1');
    expect((await runCaptured('minutes', v1, '--out', out)).code).toBe(0);
    const [name] = await fs.readdir(out);
    const text = docxText(unzipText(new Uint8Array(await fs.readFile(path.join(out, name ?? ''))), 'word/document.xml'));
    expect(text).toContain('The board resolved to ask for a recovery plan.');
  });

  it('works as the installed bin (npx oversight-cli minutes)', async () => {
    const out = await freshFolder('out-bin');
    const exec = promisify(execFile);
    const bin = path.join(root, 'scripts', 'oversight-cli.mjs');
    const ok = await exec(process.execPath, [bin, 'minutes', intact, '--out', out]);
    expect(ok.stdout).toContain('Approved minutes written to');
    const failure = await exec(process.execPath, [bin, 'minutes', tampered, '--out', out]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('BROKEN at record') });
  }, 30_000);
});
