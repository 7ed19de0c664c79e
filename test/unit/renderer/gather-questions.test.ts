import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { paperTargetKey, type AnnotationRecord } from '../../../shared/annotations/types';
import { groupQuestionsByItem } from '../../../shared/exports/tables';
import type { AgendaItem, Meeting } from '../../../shared/meetings/schema';
import { OversightDatabase } from '../../../renderer/db/database';
import { questionsFor } from '../../../renderer/exports/gather';
import { paperRecordId, type PaperRecord } from '../../../renderer/papers/types';

// Questions members asked on passages of board papers reach "Questions for officers", under the
// paper's agenda item; one on an exempt paper stays out unless exempt items are included.

let db: OversightDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
  db = undefined;
});

const AT = '2027-01-10T10:00:00.000Z';

function item(id: string, number: string, extra: Partial<AgendaItem> = {}): AgendaItem {
  return { id, number, title: `Item ${number} title`, presenter: '', isExempt: false, isDecisionRequired: false, links: [], ...extra };
}

const meeting: Meeting = {
  id: 'm-jan',
  title: 'SEND Oversight Board',
  date: '2027-01-14',
  time: '14:00',
  place: 'Town Hall',
  planId: null,
  agenda: [item('i-1', '1'), item('i-4', '4'), item('i-7', '7', { isExempt: true })],
  carriedActions: [],
  previousMeetingId: null,
  status: 'draft',
  approval: null,
  createdAt: AT,
  updatedAt: AT,
};

function paper(paperId: string, agendaItem: string | null, isExempt = false): PaperRecord {
  return {
    id: paperRecordId('m-jan', paperId),
    meetingId: 'm-jan',
    paperId,
    packId: 'pack-1',
    title: `Paper ${paperId}`,
    agendaItem,
    file: `papers/${paperId}.pdf`,
    sha256: '0'.repeat(64),
    size: 10,
    pageCount: 3,
    isExempt,
    supersedes: null,
    lineage: [],
    importedAt: AT,
    pdf: new Blob(['%PDF']),
  };
}

function question(id: string, paperId: string, text: string, extra: Partial<AnnotationRecord> = {}): AnnotationRecord {
  return {
    id,
    authorId: 'a-1',
    authorName: 'Cllr Ben Ode',
    targetKey: paperTargetKey('m-jan', paperId),
    target: {
      kind: 'paper',
      meetingId: 'm-jan',
      paperId,
      anchor: { quote: { exact: 'EHC timeliness fell to 41%', prefix: '', suffix: '' }, position: { start: 0, end: 26 }, page: 2 },
    },
    kind: 'question',
    text,
    tags: [],
    visibility: 'shared',
    answer: null,
    madeAgainstRevision: 0,
    order: 1,
    createdAt: AT,
    hlc: '0',
    deviceId: 'd-1',
    deleted: false,
    ...extra,
  };
}

describe('questions on board papers', () => {
  it('are exported under the paper’s agenda item; private, deleted and exempt-paper ones are not', async () => {
    db = new OversightDatabase(`gather-${Math.random()}`);
    await db.papers.bulkPut([paper('dash', 'i-4'), paper('contract', 'i-4', true), paper('loose', null)]);
    await db.annotations.bulkPut([
      question('q-1', 'dash', 'Why did timeliness fall?'),
      question('q-2', 'dash', 'Private thought', { visibility: 'private' }),
      question('q-3', 'dash', 'Deleted', { deleted: true }),
      question('q-4', 'contract', 'What does the contract cost?'),
      question('q-5', 'loose', 'Who wrote this?'),
    ]);
    const questions = await questionsFor(db, meeting, null);
    expect(questions.map((entry) => entry.id).sort()).toEqual(['q-1', 'q-4', 'q-5']);
    const onDashboard = questions.find((entry) => entry.id === 'q-1');
    expect(onDashboard).toMatchObject({ itemId: 'i-4', targetLabel: 'Paper: Paper dash, page 2: “EHC timeliness fell to 41%”' });
    expect(questions.find((entry) => entry.id === 'q-5')?.itemId).toBeNull();

    const published = groupQuestionsByItem(meeting.agenda, questions, false);
    expect(published.map((group) => [group.heading, group.questions.map((entry) => entry.text)])).toEqual([
      ['Item 4: Item 4 title', ['Why did timeliness fall?']],
      ['Other questions (not on the agenda)', ['Who wrote this?']],
    ]);
    const confidential = groupQuestionsByItem(meeting.agenda, questions, true);
    expect(confidential[0]?.questions.map((entry) => entry.text).sort()).toEqual([
      'What does the contract cost?',
      'Why did timeliness fall?',
    ]);
  });
});
