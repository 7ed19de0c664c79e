import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AnnotationPanel } from '../../renderer/annotations/annotation-panel';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { recordAnswers } from '../../renderer/annotations/answers-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { QuestionsView } from '../../renderer/annotations/questions-view';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { freshDatabase, renderWithServices } from './helpers';

const target = { kind: 'action' as const, planId: 'northshire-wsoa-2025', id: 'A-1.2' };

async function answeredQuestion() {
  const db = freshDatabase();
  await storeCandidate(db, candidateFor(planObject()));
  const profile = await saveProfile(db, { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' });
  const question = await createAnnotation(db, profile, target, {
    kind: 'question',
    text: 'Why is 1.2 late?',
    tags: [],
    visibility: 'shared',
  });
  await db.annotations.update(question.id, { createdAt: `${new Date().getUTCFullYear()}-02-03T18:00:00.000Z` });
  await recordAnswers(
    db,
    {
      formatVersion: 1,
      rows: [
        {
          row: 5,
          questionId: question.id,
          question: 'Why is 1.2 late?',
          followUp: '',
          answer: 'Two posts were unfilled.',
          answeredBy: 'Head of SEND',
          answeredOn: `${new Date().getUTCFullYear()}-02-17`,
        },
      ],
    },
    { profile },
  );
  return { db, profile, question };
}

describe('officers’ written answers on a question', () => {
  it('reads "Asked 3 Feb, answered 17 Feb by Head of SEND" beside the written answer', async () => {
    const { db } = await answeredQuestion();
    renderWithServices(<AnnotationPanel target={target} />, { db });
    await waitFor(() =>
      expect(document.querySelector('.question-status')).toHaveTextContent('Asked 3 Feb, answered 17 Feb by Head of SEND'),
    );
    expect(document.querySelector('.annotation-answer')).toHaveTextContent('Written answer: Two posts were unfilled.');
  });

  it('marks an answer not accepted with a follow-up, by keyboard, and the question is open again in My questions', async () => {
    const user = userEvent.setup();
    const { db, question } = await answeredQuestion();
    const view = renderWithServices(<AnnotationPanel target={target} />, { db });
    const item = (await screen.findByText('Why is 1.2 late?', { selector: 'p' })).closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Answer not accepted…' }));
    const followUp = screen.getByRole('textbox', { name: 'What still needs answering (the follow-up)' });
    // An empty follow-up is not saved.
    await user.click(screen.getByRole('button', { name: 'Mark answer not accepted' }));
    expect((await db.annotations.get(question.id))?.answer?.notAccepted).toBeUndefined();
    await user.type(followUp, 'When will both posts be filled?');
    await user.keyboard('{Tab}{Enter}');
    await waitFor(() =>
      expect(document.querySelector('.not-accepted')).toHaveTextContent('Answer not accepted. Follow-up: When will both posts be filled?'),
    );
    expect(document.querySelector('.question-status')).toHaveTextContent(/answer not accepted \d{1,2} [A-Z][a-z]{2}/);
    expect(within(item).queryByRole('button', { name: 'Answer not accepted…' })).toBeNull();
    view.unmount();

    renderWithServices(<QuestionsView />, { db });
    await waitFor(() => expect(screen.getByText(/Why is 1\.2 late\?/)).toBeInTheDocument());
    expect(screen.getByText('Answer not accepted. Follow-up: When will both posts be filled?')).toBeInTheDocument();
  });
});
