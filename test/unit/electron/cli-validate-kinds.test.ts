import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './run-captured';
import { VALIDATE_KINDS } from '../../../electron/cli/validate-kinds';

// `oversight-cli validate` answers every kind of file the app reads, each through the one table
// of kinds. Every file here is written from its docs/formats page alone (no app code builds
// it), as a council's developer or a clerk would: if a page and the app disagree, this fails.

let folder: string;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'oversight-kinds-'));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

function validate(...argv: string[]) {
  return runCaptured('validate', ...argv);
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

// docs/formats/plan-file-v1.md: the top level, `export`, `plan`, and one area (at least one).
const planFromDocs = {
  format: 'oversight-plan',
  formatVersion: 1,
  export: { sourceSystem: 'SEND tracker (Excel)', exportedAt: '2026-11-01T09:00:00Z', revision: 1 },
  plan: { id: 'docs-plan', title: 'Written statement of action', kind: 'written-statement-of-action', localArea: 'Northmoor' },
  organisations: [{ id: 'ORG-1', name: 'Northmoor Council', kind: 'local-authority' }],
  owners: [{ id: 'OWN-1', role: 'Head of SEND', organisationId: 'ORG-1' }],
  areas: [{ id: 'AREA-1', ref: '1', title: 'Timeliness of EHC plans', kind: 'area-of-weakness', sroId: 'OWN-1', deliveryRag: 'A' }],
  actions: [],
  milestones: [],
  measures: [],
  evidence: [],
  risks: [],
};

// docs/formats/annotations-file-v1.md: the top level and one annotation on a plan entity.
const annotationsFromDocs = {
  format: 'oversight-annotations',
  formatVersion: 1,
  exportedAt: '2026-11-10T18:00:00Z',
  author: { id: 'member-1', displayName: 'Cllr A. Shah', role: 'member', organisation: 'Northmoor Council', deviceId: 'laptop-1' },
  annotations: [
    {
      id: '5b0f7c1e-0000-4000-8000-000000000001',
      authorId: 'member-1',
      target: { kind: 'area', planId: 'docs-plan', id: 'AREA-1' },
      kind: 'question',
      text: 'Why has timeliness not improved since July?',
      tags: ['timeliness'],
      visibility: 'shared',
      answer: null,
      madeAgainstRevision: 1,
      createdAt: '2026-11-10T17:00:00Z',
      hlc: '001794330000000:000000:laptop-1',
      deviceId: 'laptop-1',
      deleted: false,
    },
  ],
};

// A one-page PDF written by hand (the pack page asks for the header at the start and pages pdf-lib can count).
function handWrittenPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return body;
}

// docs/formats/decisions-file-v1.md: canonical JSON is keys sorted by UTF-16 code units, no whitespace.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function decisionsFromDocs() {
  const contents = [
    {
      id: 'rec-0',
      meetingId: 'sob-2026-11-12',
      kind: 'meeting',
      createdAt: '2026-11-12T14:00:00Z',
      updatedAt: '2026-11-12T16:00:00Z',
      boardName: 'Northmoor SEND Oversight Board',
      title: 'Northmoor SEND Oversight Board',
      date: '2026-11-12',
      time: '14:00',
      place: 'Committee Room 1',
      agenda: [
        {
          id: 'item-4',
          number: '4',
          title: 'Performance',
          presenter: 'Head of Performance',
          isExempt: false,
          isDecisionRequired: false,
          links: [],
        },
      ],
      carriedActions: [],
      terms: {},
      approvedAt: '2026-12-10T15:00:00Z',
      approvedAtMeeting: 'Northmoor SEND Oversight Board, 10 December 2026',
    },
    {
      id: 'rec-1',
      meetingId: 'sob-2026-11-12',
      kind: 'note',
      createdAt: '2026-11-12T14:10:00Z',
      updatedAt: '2026-11-12T14:10:00Z',
      itemId: 'item-4',
      text: 'The board noted the dashboard.',
    },
  ];
  let prevHash = '0'.repeat(64);
  const records = contents.map((content, seq) => {
    const contentHash = sha256(canonical(content));
    const hash = sha256(canonical({ contentHash, prevHash, seq }));
    const record = { seq, contentHash, prevHash, hash, content };
    prevHash = hash;
    return record;
  });
  return {
    format: 'oversight-decisions',
    formatVersion: 1,
    exportedAt: '2026-12-11T09:00:00Z',
    chain: { algorithm: 'SHA-256', count: records.length, head: prevHash },
    meeting: { createdAt: '2026-11-01T09:00:00Z', planId: null, previousMeetingId: null, approvedAtMeetingId: null },
    records,
  };
}

describe('oversight-cli validate: one table of kinds, each accepting a file written from its page', () => {
  it('accepts a plan file written from plan-file-v1.md', async () => {
    const file = path.join(folder, 'docs.plan.json');
    await fs.writeFile(file, JSON.stringify(planFromDocs));
    const result = await validate(file);
    expect(result.out).toContain(`✔ ${file}: valid (1 areas, 0 actions`);
    expect(result.code).toBe(0);
  });

  it('accepts a CSV tracker with the headings plan-file-v1.md lists', async () => {
    const file = path.join(folder, 'tracker.csv');
    await fs.writeFile(
      file,
      'Ref,Action,Lead,Due,RAG,Status,Progress update\n1.1,Recruit EHC coordinators,Head of SEND,31/03/2027,A,In progress,Two posts filled\n',
    );
    const result = await validate(file);
    expect(result.out).toContain(`✔ ${file}: valid`);
    expect(result.code).toBe(0);
  });

  it('accepts a meeting pack written from pack-v1.md, with a hand-written PDF', async () => {
    const pack = path.join(folder, 'pack');
    await fs.mkdir(path.join(pack, 'papers'), { recursive: true });
    const pdf = handWrittenPdf();
    await fs.writeFile(path.join(pack, 'papers', '04-dashboard.pdf'), pdf);
    const manifest = {
      format: 'oversight-pack',
      formatVersion: 1,
      issuedAt: '2026-11-05T09:00:00Z',
      summary: 'Agenda pack',
      meeting: { id: 'sob-2026-11-12', title: 'Northmoor SEND Oversight Board', date: '2026-11-12', time: '14:00' },
      agenda: [{ id: 'item-4', number: '4', title: 'Performance dashboard', links: [{ kind: 'area', id: 'AREA-1' }] }],
      papers: [
        {
          id: 'paper-4',
          title: 'Performance dashboard',
          agendaItem: 'item-4',
          file: 'papers/04-dashboard.pdf',
          sha256: sha256(pdf),
          pageCount: 1,
          exempt: false,
        },
      ],
    };
    await fs.writeFile(path.join(pack, 'board.pack.json'), JSON.stringify(manifest));
    for (const target of [pack, path.join(pack, 'board.pack.json')]) {
      const result = await validate(target);
      expect(result.out, target).toContain(`✔ ${target}: valid meeting pack (1 papers, 1 pages)`);
      expect(result.code).toBe(0);
    }
  });

  it('accepts an annotations file written from annotations-file-v1.md (it used to fall into the tracker branch)', async () => {
    const file = path.join(folder, 'Cllr Shah.annotations.json');
    await fs.writeFile(file, JSON.stringify(annotationsFromDocs));
    const result = await validate(file);
    expect(result.out).not.toContain('columns could not be matched');
    expect(result.out).toContain(`✔ ${file}: valid annotations file (1 annotation by Cllr A. Shah)`);
    expect(result.code).toBe(0);
    const json = await validate(file, '--json');
    expect(JSON.parse(json.out)).toEqual([
      { file, valid: true, errors: [], warnings: [], counts: expect.objectContaining({ annotations: 1 }) },
    ]);
  });

  it('accepts a decision file written from decisions-file-v1.md, and reports a broken chain as invalid', async () => {
    const file = path.join(folder, 'board.decisions.json');
    const decisions = decisionsFromDocs();
    await fs.writeFile(file, JSON.stringify(decisions));
    const result = await validate(file);
    expect(result.out).toContain(`✔ ${file}: intact decision file (Northmoor SEND Oversight Board on 2026-11-12: 2 records)`);
    expect(result.code).toBe(0);
    const tampered = structuredClone(decisions);
    if (tampered.records[1]) tampered.records[1].content.text = 'The board approved the dashboard.';
    await fs.writeFile(file, JSON.stringify(tampered));
    const broken = await validate(file);
    expect(broken.out).toContain('The hash chain is broken at record 1');
    expect(broken.code).toBe(1);
  });

  it('refuses, with exit 2 and the list of kinds, a file of no kind it reads', async () => {
    const file = path.join(folder, 'minutes.docx');
    await fs.writeFile(file, 'PK');
    const result = await validate(file);
    expect(result.code).toBe(2);
    for (const kind of VALIDATE_KINDS) expect(result.out).toContain(kind.describe);
  });

  it('has one entry per kind, in an order where the specific names win', () => {
    expect(VALIDATE_KINDS.map((kind) => kind.kind)).toEqual(['backup', 'decisions', 'annotations', 'plan', 'pack', 'answers', 'tracker']);
  });
});
