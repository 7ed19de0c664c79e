import { describe, expect, it } from 'vitest';
import { matchAnswer, matchAnswers, type StoredQuestion } from '../../../shared/answers/match';
import { isAwaitingAnswer, questionStatusText } from '../../../shared/answers/status';
import { ANSWERS_HEADINGS, ANSWERS_MARKER, parseAnswersGrid, type AnswerRow } from '../../../shared/answers/workbook';

const NOW = new Date('2027-02-20T10:00:00Z');

function grid(...rows: string[][]): string[][] {
  return [[ANSWERS_MARKER], ['Board: questions'], ['Write each answer…'], [...ANSWERS_HEADINGS], ...rows];
}

function row(id: string, question: string, answer = '', by = '', date = '', followUp = ''): string[] {
  return [id, 'Action 1.1: Recruit', 'Cllr Shah', '3 Feb', question, followUp, answer, by, date];
}

describe('reading the answers sheet', () => {
  it('reads each question row with its answer, who and the date (UK order), skipping blank rows', () => {
    const parsed = parseAnswersGrid(
      grid(row('q-1', 'Why late?', 'Two posts unfilled.', 'Head of SEND', '17/02/2027'), [], row('q-2', 'Appeals?')),
      'Questions and answers',
    );
    expect(parsed).toEqual({
      ok: true,
      warnings: [],
      workbook: {
        formatVersion: 1,
        rows: [
          {
            row: 5,
            questionId: 'q-1',
            question: 'Why late?',
            followUp: '',
            answer: 'Two posts unfilled.',
            answeredBy: 'Head of SEND',
            answeredOn: '2027-02-17',
          },
          { row: 7, questionId: 'q-2', question: 'Appeals?', followUp: '', answer: '', answeredBy: '', answeredOn: null },
        ],
      },
    });
  });

  it('refuses a sheet that is not the workbook, with the cell named', () => {
    const parsed = parseAnswersGrid(
      [
        ['Ref', 'Action'],
        ['1.1', 'Recruit'],
      ],
      'Sheet1',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatchObject({ path: 'Sheet1!A1', line: 1 });
    expect(parsed.errors[0]?.message).toContain('not an Oversight questions and answers workbook');
  });

  it('refuses a newer format version with a message to update', () => {
    const rows = grid(row('q-1', 'Why?'));
    rows[0] = ['Oversight questions and answers, format 2'];
    const parsed = parseAnswersGrid(rows, 'Questions and answers');
    expect(!parsed.ok && parsed.errors[0]?.message).toContain('made by a newer version of Oversight');
    rows[0] = ['Oversight questions and answers, format x'];
    const unnumbered = parseAnswersGrid(rows, 'S');
    expect(!unnumbered.ok && unnumbered.errors[0]?.message).toContain('not a format number');
  });

  it('refuses moved or renamed columns', () => {
    const rows = grid(row('q-1', 'Why?'));
    rows[3] = ['Question id', 'About', 'Asked by', 'Asked on', 'Question', 'Follow-up', 'Reply', 'Answered by', 'Date answered'];
    const parsed = parseAnswersGrid(rows, 'Questions and answers');
    expect(!parsed.ok && parsed.errors[0]).toMatchObject({ path: "'Questions and answers'!A1:I10" });
  });

  it('locates each malformed row: no id, a hostile id, a duplicate, a date that is not a day, an oversized answer', () => {
    const parsed = parseAnswersGrid(
      grid(
        row('', 'Added by an officer', 'An answer'),
        row('q-1;DROP', 'Why?'),
        row('q-2', 'Why?'),
        row('q-2', 'Why?'),
        row('q-3', 'When?', 'Soon', 'Head of SEND', 'next week'),
        row('q-4', 'Big?', 'x'.repeat(20_001)),
        row('q-5', 'Month?', 'Yes', 'Head', 'Feb 2027'),
      ),
      'Questions and answers',
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((error) => error.path)).toEqual([
      "'Questions and answers'!A5",
      "'Questions and answers'!A6",
      "'Questions and answers'!A8",
      "'Questions and answers'!I9",
      "'Questions and answers'!G10",
      "'Questions and answers'!I11",
    ]);
    expect(parsed.errors[2]?.message).toContain('also on row 7');
    expect(parsed.errors[3]?.message).toContain('"next week" is not a date');
  });

  it('refuses more questions than Oversight ever sends', () => {
    const rows = grid(...Array.from({ length: 10_001 }, (_, index) => row(`q-${index}`, 'Why?')));
    const parsed = parseAnswersGrid(rows, 'Questions and answers');
    expect(!parsed.ok && parsed.errors[0]?.message).toContain('more than 10,000 questions');
  });

  it('keeps a formula-like answer as text with a located warning, and strips control characters', () => {
    const parsed = parseAnswersGrid(grid(row('q-1', 'Why?', '=HYPERLINK("http://x","click")\u0007', 'Head\u0000 of SEND')), 'Q');
    expect(parsed.ok && parsed.workbook.rows[0]).toMatchObject({ answer: '=HYPERLINK("http://x","click")', answeredBy: 'Head of SEND' });
    expect(parsed.warnings[0]).toMatchObject({ path: 'Q!G5' });
  });
});

function stored(extra: Partial<StoredQuestion> = {}): StoredQuestion {
  return { id: 'q-1', kind: 'question', visibility: 'shared', deleted: false, text: 'Why is 1.1 late?', answer: null, ...extra };
}
function answerRow(extra: Partial<AnswerRow> = {}): AnswerRow {
  return {
    row: 5,
    questionId: 'q-1',
    question: 'Why is 1.1 late?',
    followUp: '',
    answer: 'Two posts unfilled.',
    answeredBy: 'Head of SEND',
    answeredOn: '2027-02-17',
    ...extra,
  };
}

describe('matching answers to questions', () => {
  it('records an answer on the question with the same id, with who and when', () => {
    expect(matchAnswer(answerRow(), stored(), NOW)).toEqual({
      status: 'recorded',
      row: 5,
      questionId: 'q-1',
      replaced: false,
      answer: {
        text: 'Two posts unfilled.',
        answeredAt: NOW.toISOString(),
        via: 'workbook',
        answeredBy: 'Head of SEND',
        answeredOn: '2027-02-17',
      },
    });
  });

  it('matches the question’s words whatever line endings and trailing spaces the spreadsheet added', () => {
    const match = matchAnswer(answerRow({ question: 'Why is 1.1\r\nlate?  ' }), stored({ text: 'Why is 1.1\nlate?' }), NOW);
    expect(match.status).toBe('recorded');
  });

  it('reports, never guesses: an unknown id, a withdrawn, private or non-question record, a reworded question', () => {
    for (const record of [undefined, stored({ deleted: true }), stored({ visibility: 'private' }), stored({ kind: 'note' })]) {
      const match = matchAnswer(answerRow(), record, NOW);
      expect(match.status).toBe('unknown');
      expect(match.status === 'unknown' && match.problem.path).toBe("'Questions and answers'!A5");
    }
    const reworded = matchAnswer(answerRow({ question: 'Why is 1.2 late?' }), stored(), NOW);
    expect(reworded.status).toBe('changed');
    expect(reworded.status === 'changed' && reworded.problem.path).toBe("'Questions and answers'!E5");
  });

  it('sees an answer already recorded as unchanged, a different one as replacing it, and an empty one as unanswered', () => {
    const recorded = {
      text: 'Two posts unfilled.',
      answeredAt: '2027-02-18T09:00:00Z',
      via: 'workbook' as const,
      answeredBy: 'Head of SEND',
      answeredOn: '2027-02-17',
    };
    expect(matchAnswer(answerRow(), stored({ answer: recorded }), NOW).status).toBe('unchanged');
    const replaced = matchAnswer(answerRow({ answer: 'Posts filled.' }), stored({ answer: recorded }), NOW);
    expect(replaced.status === 'recorded' && replaced.replaced).toBe(true);
    expect(matchAnswer(answerRow({ answer: '' }), stored(), NOW).status).toBe('unanswered');
  });

  it('needs the follow-up as sent when an answer was not accepted, and records the new answer without the old objection', () => {
    const notAccepted = {
      text: 'Soon.',
      answeredAt: '2027-02-18T09:00:00Z',
      notAccepted: { at: '2027-02-19T09:00:00Z', followUp: 'Which month?' },
    };
    expect(matchAnswer(answerRow({ followUp: 'Which month?' }), stored({ answer: notAccepted }), NOW)).toMatchObject({
      status: 'recorded',
      answer: { text: 'Two posts unfilled.' },
    });
    expect(matchAnswer(answerRow({ followUp: '' }), stored({ answer: notAccepted }), NOW).status).toBe('changed');
    const recorded = matchAnswer(answerRow({ followUp: 'Which month?' }), stored({ answer: notAccepted }), NOW);
    expect(recorded.status === 'recorded' && recorded.answer.notAccepted).toBeUndefined();
  });

  it('sums a workbook: recorded, replaced, unchanged, unanswered, and each problem', () => {
    const questions = new Map([
      ['q-1', stored()],
      ['q-2', stored({ id: 'q-2', text: 'Appeals?' })],
    ]);
    const { summary } = matchAnswers(
      [answerRow(), answerRow({ row: 6, questionId: 'q-2', question: 'Appeals?', answer: '' }), answerRow({ row: 7, questionId: 'q-9' })],
      questions,
      NOW,
    );
    expect(summary).toMatchObject({ recorded: 1, replaced: 0, unchanged: 0, unanswered: 1 });
    expect(summary.problems.map((problem) => problem.line)).toEqual([7]);
  });
});

describe('how a question stands', () => {
  it('reads "Asked 3 Feb, answered 17 Feb by Head of SEND", and says when an answer was not accepted', () => {
    const answer = {
      text: 'x',
      answeredAt: '2027-02-18T09:00:00Z',
      answeredOn: '2027-02-17',
      answeredBy: 'Head of SEND',
      via: 'workbook' as const,
    };
    expect(questionStatusText({ createdAt: '2027-02-03T18:00:00Z', answer }, NOW)).toBe('Asked 3 Feb, answered 17 Feb by Head of SEND');
    expect(questionStatusText({ createdAt: '2026-12-03T18:00:00Z', answer: null }, NOW)).toBe('Asked 3 Dec 2026, not yet answered');
    expect(
      questionStatusText(
        { createdAt: '2027-02-03T18:00:00Z', answer: { ...answer, notAccepted: { at: '2027-02-19T08:00:00Z', followUp: 'When?' } } },
        NOW,
      ),
    ).toBe('Asked 3 Feb, answered 17 Feb by Head of SEND; answer not accepted 19 Feb');
    expect(isAwaitingAnswer({ kind: 'question', answer: { ...answer, notAccepted: { at: 'x', followUp: 'y' } } })).toBe(true);
    expect(isAwaitingAnswer({ kind: 'question', answer })).toBe(false);
  });
});
