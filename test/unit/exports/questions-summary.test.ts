import { describe, expect, it } from 'vitest';
import { buildExport, type ExportServices } from '../../../electron/exports/build-export';
import { exportRequestSchema, type ExportQuestion } from '../../../shared/exports/schema';
import { BOARD_NAME, exportMeeting } from './fixtures';

const services: ExportServices = {
  printHtmlToPdf: async () => new Uint8Array([37, 80, 68, 70]),
  trackerCopies: { find: async () => undefined },
  now: () => new Date('2027-02-12T09:00:00Z'),
};

function question(id: string, authorName: string): ExportQuestion {
  return { id, authorName, visibility: 'shared', targetLabel: 'Action 1.1', itemId: 'item-3', text: `Question ${id}?`, answer: null };
}

async function summaryOf(questions: ExportQuestion[], memberName: string | null) {
  const request = exportRequestSchema.parse({
    kind: 'questions-csv',
    includeExempt: false,
    boardName: BOARD_NAME,
    meeting: { id: 'm-2027-01', title: 'SEND Oversight Board', date: '2027-01-14', agenda: exportMeeting().agenda },
    memberName,
    questions,
  });
  const built = await buildExport(request, services);
  if (!built.ok) throw new Error(built.error.message);
  return built.value.summary;
}

describe('the questions export says whose questions it holds', () => {
  it('counts the members whose questions are in it, never "from every member"', async () => {
    expect(await summaryOf([question('q1', 'Cllr Ben Ode')], null)).toBe('1 question from 1 member.');
    expect(
      await summaryOf([question('q1', 'Cllr Ben Ode'), question('q2', 'Cllr Amina Shah'), question('q3', 'Cllr Amina Shah')], null),
    ).toBe('3 questions from 2 members.');
  });

  it('names the one member asked for, and says only the count when there are none', async () => {
    expect(await summaryOf([question('q2', 'Cllr Amina Shah')], 'Cllr Amina Shah')).toBe('1 question from Cllr Amina Shah.');
    expect(await summaryOf([], null)).toBe('0 questions.');
  });
});
