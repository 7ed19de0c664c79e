import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { paperTargetKey, type AnnotationRecord } from '../../../shared/annotations/types';
import { describePassage, paperTextModel, prepareText } from '../../../shared/pack/anchor';
import { makePaperPdf } from '../../../scripts/sample/paper-pdf';
import { anchorAnnotations } from '../../../renderer/papers/anchoring';
import { buildAnnotatedCopy } from '../../../renderer/papers/annotated-copy';
import type { PaperRecord } from '../../../renderer/papers/types';
import { pdfPageTexts } from '../../e2e/pdf-text';
import { paperSpec } from './fixtures';

// The app's pdf.js loads its bundled worker for the browser; in Node the legacy build reads the
// same PDF the same way.
vi.mock('../../../renderer/papers/pdf', () => ({
  openPdf: (data: Uint8Array) => getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise,
}));

const OWN_SENTENCE = 'The audit sample of thirty plans was too small to give the board assurance.';
const OTHER_SENTENCE = 'Recruitment of the two educational psychologists is complete.';

function note(
  id: string,
  authorId: string,
  text: string,
  visibility: 'private' | 'shared',
  passage: string,
  model: ReturnType<typeof paperTextModel>,
  extra: Partial<AnnotationRecord> = {},
): AnnotationRecord {
  const start = model.text.indexOf(passage);
  const anchor = describePassage(model, start, start + passage.length);
  if (!anchor) throw new Error(`no anchor for ${passage}`);
  return {
    id,
    authorId,
    authorName: authorId === 'member-shah' ? 'Cllr Shah' : 'Dr Okafor',
    targetKey: paperTargetKey('meeting-1', 'paper-3'),
    target: { kind: 'paper', meetingId: 'meeting-1', paperId: 'paper-3', anchor },
    kind: 'note',
    text,
    tags: [],
    visibility,
    answer: null,
    madeAgainstRevision: 1,
    order: 0,
    createdAt: '2027-01-06T09:00:00Z',
    hlc: '2027-01-06T09:00:00.000Z-0000-device',
    deviceId: 'device',
    deleted: false,
    ...extra,
  };
}

describe('"Save a copy with my notes" from the papers view', () => {
  it("lists only the member's own notes: another member's shared notes, and deleted ones, are left out", async () => {
    const original = await makePaperPdf(paperSpec('Highlight report', [OWN_SENTENCE, OTHER_SENTENCE]));
    const model = paperTextModel(await pdfPageTexts(original));
    const prepared = prepareText(model);
    const records = [
      note('a1', 'member-shah', 'Ask for the size of the spring audit.', 'private', 'audit sample', model),
      note('a2', 'member-shah', 'Welcome this at the meeting.', 'shared', 'Recruitment', model),
      note('a3', 'member-okafor', 'Dr Okafor thinks the psychologists are agency staff.', 'shared', 'educational psychologists', model),
      note('a4', 'member-okafor', 'Dr Okafor private worry.', 'private', 'thirty plans', model),
      note('a5', 'member-shah', 'A note Cllr Shah deleted.', 'shared', 'too small', model, { deleted: true }),
    ];
    const paper: PaperRecord = {
      id: 'meeting-1\u0001paper-3',
      meetingId: 'meeting-1',
      paperId: 'paper-3',
      packId: 'pack-1',
      title: 'Highlight report',
      agendaItem: 'item-3',
      file: 'papers/03-highlight-report.pdf',
      sha256: 'a'.repeat(64),
      size: original.length,
      pageCount: 1,
      isExempt: false,
      supersedes: null,
      lineage: [],
      importedAt: '2027-01-06T09:00:00Z',
      pdf: new Blob([original.slice()], { type: 'application/pdf' }),
    };

    const copy = await buildAnnotatedCopy({
      paper,
      meetingTitle: 'Northmoor SEND Oversight Board, 14 January 2027',
      memberId: 'member-shah',
      memberName: 'Cllr Shah',
      anchored: anchorAnnotations(records, prepared, 'paper-3'),
      prepared,
      now: new Date('2027-01-10T12:00:00Z'),
    });

    expect(copy.fileName).toBe('Highlight report with my notes.pdf');
    const texts = await pdfPageTexts(copy.bytes);
    expect(texts).toHaveLength(2);
    const notes = texts[1] ?? '';
    expect(notes).toContain('Ask for the size of the spring audit.');
    expect(notes).toContain('Welcome this at the meeting.');
    expect(notes).not.toContain('Dr Okafor');
    expect(notes).not.toContain('agency staff');
    expect(notes).not.toContain('A note Cllr Shah deleted.');
    expect((await PDFDocument.load(copy.bytes)).getSubject()).toBe('Cllr Shah’s own copy: it contains private notes. Do not share it.');
  });
});
