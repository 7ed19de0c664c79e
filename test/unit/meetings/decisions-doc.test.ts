import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../electron/run-captured';
import { docxText, unzipAllText, unzipText } from '../exports/fixtures';

// A decision file written by following docs/formats/decisions-file-v1.md alone: the contents in
// test/fixtures/decisions-from-doc.json were typed from the page (every record kind, a vote, the
// terms, a target, links, carried actions, agenda items), and the hashes are made here by a few
// lines of node:crypto that share no code with the app. The file must verify and render with
// the CLI, in full (confidential) and published (sealed records withheld, the exempt carried
// action as its stub).

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.resolve(here, '..', '..', 'fixtures', 'decisions-from-doc.json');
const SECRET = 'DOC-SECRET';
const ZEROS = '0'.repeat(64);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Entry = {
  seq: number;
  exempt?: true;
  content: { [key: string]: Json } | null;
  contentHash?: string;
  prevHash?: string;
  hash?: string;
};
type DocFile = { chain: { count: number; head: string }; records: Entry[]; [key: string]: unknown };

/** Canonical JSON as the page says: keys sorted by UTF-16 code units, no whitespace, JSON.stringify for the rest. */
function canonical(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key] ?? null)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const stubOf = (action: Json) => ({ withheldHash: sha256(canonical(action)) });
const isExemptAction = (action: Json) =>
  typeof action === 'object' && action !== null && !Array.isArray(action) && action.isExempt === true;

/** Fills in every hash as the page's "Writing a file by hand" says. */
function hashed(file: DocFile): DocFile {
  let prevHash = ZEROS;
  const records = file.records.map((entry) => {
    const content = entry.content;
    if (!content) throw new Error('the fixture holds every content');
    const hashedForm =
      content.kind === 'meeting' && Array.isArray(content.carriedActions)
        ? { ...content, carriedActions: content.carriedActions.map((action) => (isExemptAction(action) ? stubOf(action) : action)) }
        : content;
    const contentHash = sha256(canonical(hashedForm));
    const link = entry.exempt
      ? `{"contentHash":"${contentHash}","exempt":true,"prevHash":"${prevHash}","seq":${entry.seq}}`
      : `{"contentHash":"${contentHash}","prevHash":"${prevHash}","seq":${entry.seq}}`;
    const hash = sha256(link);
    const written: Entry = { seq: entry.seq, contentHash, prevHash, hash, ...(entry.exempt ? { exempt: true } : {}), content };
    prevHash = hash;
    return written;
  });
  return { ...file, chain: { ...file.chain, count: records.length, head: prevHash }, records };
}

/** Step 4: withhold sealed records and show exempt carried actions by their stubs. */
function published(file: DocFile): DocFile {
  return {
    ...file,
    records: file.records.map((entry) => {
      if (entry.exempt) return { ...entry, content: null };
      const content = entry.content;
      if (content?.kind !== 'meeting' || !Array.isArray(content.carriedActions)) return entry;
      return {
        ...entry,
        content: { ...content, carriedActions: content.carriedActions.map((action) => (isExemptAction(action) ? stubOf(action) : action)) },
      };
    }),
  };
}

let folder: string;
let full: DocFile;

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-doc-'));
  full = hashed(JSON.parse(await fs.readFile(fixture, 'utf8')) as DocFile);
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function written(name: string, file: DocFile): Promise<string> {
  const target = path.join(folder, name);
  await fs.writeFile(target, JSON.stringify(file, null, 2));
  return target;
}

describe('a decision file written from the format page alone', () => {
  it('holds every record kind and nested field the page names', () => {
    const kinds = full.records.map((entry) => entry.content?.kind);
    expect(new Set(kinds)).toEqual(
      new Set(['meeting', 'attendance', 'declaration', 'note', 'decision', 'judgement', 'action', 'action-update', 'correction']),
    );
  });

  it('verifies in full, and against the head it ends in', async () => {
    const file = await written('full.decisions.json', full);
    const result = await runCaptured('verify', file, '--head', full.chain.head);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`13 records, chain head ${full.chain.head}.`);
  });

  it('verifies published, its sealed records withheld and the exempt carried action a stub', async () => {
    const file = await written('published.decisions.json', published(full));
    expect(await fs.readFile(file, 'utf8')).not.toContain(SECRET);
    const result = await runCaptured('verify', file);
    expect(result).toMatchObject({ code: 0, out: expect.stringContaining('3 exempt records withheld') });
  });

  it('renders with oversight-cli minutes, exempt content left out', async () => {
    for (const [name, file] of [
      ['full', full],
      ['published', published(full)],
    ] as const) {
      const out = path.join(folder, `minutes-${name}`);
      await fs.mkdir(out);
      const result = await runCaptured('minutes', await written(`${name}-render.decisions.json`, file), '--out', out);
      expect(result, name).toMatchObject({ code: 0 });
      const bytes = new Uint8Array(await fs.readFile(path.join(out, 'Westmarsh SEND Improvement Board 2027-01-14 minutes.docx')));
      const text = docxText(unzipText(bytes, 'word/document.xml'));
      for (const expected of [
        'Westmarsh SEND Improvement Board',
        'Cllr Rosa Lindqvist',
        'The board heard that four of the six actions are on track.',
        'WSB/2027/001',
        'The board resolved to ask for a recovery plan for EHC timeliness.',
        'Partially assured',
        'Bring the EHC recovery plan to the next meeting',
        'Publish the revised local offer',
        'Five of the six actions were on track, not four.',
        'Independent school placement contract',
      ]) {
        expect(text, `${name}: ${expected}`).toContain(expected);
      }
      expect(unzipAllText(bytes), name).not.toContain(SECRET);
      expect(unzipAllText(bytes), name).toContain(full.chain.head);
    }
  });

  it('a file that checks but holds a record the page does not describe renders nothing, saying where (exit 2)', async () => {
    const source = JSON.parse(await fs.readFile(fixture, 'utf8')) as DocFile;
    const judgement = source.records[8]?.content;
    if (!judgement) throw new Error('fixture');
    judgement.level = 3;
    const odd = hashed(source);
    const file = await written('odd.decisions.json', odd);
    expect((await runCaptured('verify', file)).code).toBe(0);
    const out = path.join(folder, 'minutes-odd');
    await fs.mkdir(out);
    const result = await runCaptured('minutes', file, '--out', out);
    expect(result.code).toBe(2);
    expect(result.err).toContain('record 8 is not a meeting record this version of Oversight reads (level:');
    expect(await fs.readdir(out)).toEqual([]);
  });

  it('one field changed after hashing is caught at that record (exit 1)', async () => {
    const changed = structuredClone(full);
    const decision = changed.records[7]?.content;
    const vote = decision?.vote;
    if (!vote || typeof vote !== 'object' || Array.isArray(vote)) throw new Error('fixture');
    vote.against = 3;
    const result = await runCaptured('verify', await written('changed.decisions.json', changed));
    expect(result).toMatchObject({ code: 1, out: expect.stringContaining('BROKEN at record 7, the decision WSB/2027/001') });
  });
});
