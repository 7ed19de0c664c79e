import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation, searchIndexCaughtUp } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { addBoard, openBoard, openBoardId } from '../../renderer/meetings/boards';
import { BOARD_ID } from '../../shared/meetings/schema';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { renderAt, sampleStore } from './meetings-helpers';

// Plans per board: the Plans page lists the open board's plans and switching board switches
// them; a plan can be moved to another board; search answers only from the open board.

const SAMPLE_PLAN = 'Northmoor SEND Accelerated Progress Plan';
const FORUM_PLAN = 'northshire-wsoa-2025';

afterEach(() => {
  window.location.hash = '';
});

/** The sample board with its plan and a note on it, and a second board with its own plan and note. */
async function twoBoards() {
  const db = await sampleStore();
  const profile = await saveProfile(db, { displayName: 'Cllr Priya Shah', role: 'member', organisation: 'Conservative group' });
  await createAnnotation(db, profile, { kind: 'action', planId: 'northmoor-send-app', id: 'act-002' }, note('Board quokkanote'));
  await addBoard(db, 'Westdale Schools Forum', { newId: () => 'forum' });
  expect((await storeCandidate(db, candidateFor(planObject()))).status).toBe('imported');
  await createAnnotation(db, profile, { kind: 'action', planId: FORUM_PLAN, id: 'A-1.2' }, note('Forum quokkanote'));
  await searchIndexCaughtUp(db);
  await openBoard(db, BOARD_ID);
  const forumTitle = (await db.plans.get(FORUM_PLAN))?.header.title ?? '';
  return { db, forumTitle };
}

function note(text: string) {
  return { kind: 'note' as const, text, tags: [], visibility: 'private' as const };
}

describe('plans per board', () => {
  it('lists the open board’s plans, and the other board’s once it is switched to', async () => {
    const { db, forumTitle } = await twoBoards();
    const user = userEvent.setup();
    renderAt('#/plan', db);
    const boardChoice = await screen.findByRole('combobox', { name: 'Board' });
    await waitFor(() => expect(boardChoice).toHaveDisplayValue('Northmoor SEND Oversight Board'));
    await screen.findByRole('heading', { level: 2, name: SAMPLE_PLAN });
    expect(screen.queryByRole('heading', { level: 2, name: forumTitle })).toBeNull();

    await user.selectOptions(boardChoice, 'Westdale Schools Forum');
    await screen.findByRole('heading', { level: 2, name: forumTitle });
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: SAMPLE_PLAN })).toBeNull());
    expect(await openBoardId(db)).toBe('forum');
  });

  it('moves a plan to another board', async () => {
    const { db, forumTitle } = await twoBoards();
    const user = userEvent.setup();
    renderAt('#/plan', db);
    const form = await screen.findByRole('form', { name: `Move ${SAMPLE_PLAN} to another board` });
    const choice = within(form).getByRole('combobox', { name: /^Move to board/ });
    expect(choice).toHaveAccessibleName(/^Move to board ?: Northmoor SEND Accelerated Progress Plan$/);
    expect(choice).toHaveDisplayValue('Westdale Schools Forum');
    await user.click(within(form).getByRole('button', { name: `Move ${SAMPLE_PLAN}` }));
    await waitFor(async () => expect((await db.plans.get('northmoor-send-app'))?.boardId).toBe('forum'));
    await screen.findByText(/No plan has been imported yet/);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Board' }), 'Westdale Schools Forum');
    await screen.findByRole('heading', { level: 2, name: SAMPLE_PLAN });
    expect(screen.getByRole('heading', { level: 2, name: forumTitle })).toBeInTheDocument();
  });
});

describe('search per board', () => {
  it('answers only from the open board’s plans and notes, and from the other board’s after switching', async () => {
    const { db } = await twoBoards();
    const user = userEvent.setup();
    renderAt('#/search?q=quokkanote', db);
    const group = await screen.findByRole('region', { name: 'Annotations (1)' });
    expect(within(group).getByRole('link')).toHaveAttribute('href', expect.stringContaining('plan=northmoor-send-app'));
    expect(screen.getByTestId('search-status')).toHaveTextContent('1 result for “quokkanote”.');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Board' }), 'Westdale Schools Forum');
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Annotations (1)' })).getByRole('link')).toHaveAttribute(
        'href',
        expect.stringContaining(`plan=${FORUM_PLAN}`),
      ),
    );
    // The forum's plan's own words are found there, not the sample plan's.
    await user.clear(screen.getByRole('searchbox', { name: /Search actions/ }));
    await user.type(screen.getByRole('searchbox', { name: /Search actions/ }), 'Northmoor');
    await waitFor(() => expect(screen.getByTestId('search-status')).toHaveTextContent('Nothing found for “Northmoor”.'));
  });
});
