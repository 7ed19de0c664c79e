import { describe, expect, it } from 'vitest';
import { validateAnnotationsText } from '../../../shared/annotations/file';
import { entryToRecord, recordToEntry } from '../../../shared/annotations/merge';
import { paperTargetKey, targetKeyOf } from '../../../shared/annotations/types';
import { paperSearchDocuments } from '../../../renderer/papers/paper-search';

// Highlights on papers travel in the annotations exchange file like any annotation, keyed apart
// from every plan; and a paper's text becomes one search document per page.

const anchor = {
  quote: { exact: 'The audit sample was too small', prefix: 'Quality assurance. ', suffix: ' to give assurance.' },
  position: { start: 120, end: 150 },
  page: 2,
};

function file(target: unknown) {
  return JSON.stringify({
    format: 'oversight-annotations',
    formatVersion: 1,
    exportedAt: '2026-11-10T09:00:00Z',
    author: { id: 'member-1', displayName: 'Cllr Shah', role: 'member', organisation: 'Conservative group', deviceId: 'laptop-1' },
    annotations: [
      {
        id: 'a1',
        authorId: 'member-1',
        target,
        kind: 'question',
        text: 'How large will the spring audit be?',
        tags: [],
        visibility: 'shared',
        answer: null,
        madeAgainstRevision: 1,
        createdAt: '2026-11-09T20:00:00Z',
        hlc: '001762718400000:000000:laptop-1',
        deviceId: 'laptop-1',
        deleted: false,
      },
    ],
  });
}

describe('paper highlights in the annotations file', () => {
  it('accepts a paper target and round-trips it', () => {
    const result = validateAnnotationsText(file({ kind: 'paper', meetingId: 'board-1', paperId: 'p5', anchor }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [entry] = result.file.annotations;
    if (!entry) throw new Error('no entry');
    const record = entryToRecord(entry, 'Cllr Shah', 0);
    expect(record.targetKey).toBe(paperTargetKey('board-1', 'p5'));
    expect(recordToEntry(record)).toEqual(entry);
  });

  it('refuses a paper target without a quote, with offsets backwards, or with extra fields', () => {
    for (const target of [
      { kind: 'paper', meetingId: 'board-1', paperId: 'p5', anchor: { ...anchor, quote: { ...anchor.quote, exact: '' } } },
      { kind: 'paper', meetingId: 'board-1', paperId: 'p5', anchor: { ...anchor, position: { start: 50, end: 10 } } },
      { kind: 'paper', meetingId: 'board-1', paperId: 'p5', anchor, planId: 'x' },
    ]) {
      expect(validateAnnotationsText(file(target)).ok).toBe(false);
    }
  });

  it('keys papers apart from plans, even a plan called "paper"', () => {
    const paperKey = targetKeyOf({ kind: 'paper', meetingId: 'm', paperId: 'p' });
    const planPrefix = targetKeyOf({ planId: 'paper', kind: '', id: '' }).slice(0, -1);
    expect(paperKey.startsWith(planPrefix)).toBe(false);
    expect(targetKeyOf({ planId: 'plan', kind: 'action', id: 'a' })).toBe('plan\u0001action\u0001a');
  });
});

describe('paper search documents', () => {
  it('makes one document per page with text, labelled with the paper’s own page labels', () => {
    const documents = paperSearchDocuments(
      { meetingId: 'board-1', paperId: 'p5', title: 'Highlight report', isExempt: true },
      { status: 'ready', pages: ['Front  page\ntext', '', 'Audit findings'], pageLabels: ['i', 'ii', '1'] },
    );
    expect(documents.map((document) => [document.page, document.label, document.text, document.isExempt])).toEqual([
      [1, 'Highlight report, page i', 'Front page text', true],
      [3, 'Highlight report, page 1', 'Audit findings', true],
    ]);
    expect(new Set(documents.map((document) => document.id)).size).toBe(2);
    expect(
      paperSearchDocuments(
        { meetingId: 'm', paperId: 'p', title: 't', isExempt: false },
        { status: 'failed', pages: [], pageLabels: null },
      ),
    ).toEqual([]);
  });
});
