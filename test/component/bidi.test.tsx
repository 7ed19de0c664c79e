import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationPanel } from '../../renderer/annotations/annotation-panel';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { ActionView } from '../../renderer/plan-review/action-view';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { freshDatabase, renderWithServices } from './helpers';
import { MEETING_ID, renderAt, sampleStore } from './meetings-helpers';

// User text in blocks (notes, titles) takes its own direction and is isolated (dir="auto"), so a
// note in Arabic reads right to left and a right-to-left override cannot reach the app's words.

const RLO = '\u202E';
const target = { kind: 'action' as const, planId: 'northshire-wsoa-2025', id: 'A-1.2' };

describe('user text in blocks', () => {
  it('gives a note its own direction: the note’s paragraph is dir="auto"', async () => {
    const db = freshDatabase();
    await storeCandidate(db, candidateFor(planObject()));
    const profile = await saveProfile(db, { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' });
    await createAnnotation(db, profile, target, { kind: 'note', text: `متى ${RLO}يبدأ التدقيق؟`, tags: [], visibility: 'private' });
    renderWithServices(<AnnotationPanel target={target} />, { db });
    const note = await screen.findByText(/متى/, { selector: 'p' });
    expect(note).toHaveAttribute('dir', 'auto');
  });

  it('isolates an action’s title in its heading', async () => {
    const db = freshDatabase();
    const plan = planObject();
    const [first] = plan.actions;
    plan.actions[0] = { ...first, title: `Caseloads ${RLO}reversed` };
    await storeCandidate(db, candidateFor(plan));
    renderWithServices(<ActionView params={new URLSearchParams({ plan: 'northshire-wsoa-2025', id: 'A-1.1' })} />, { db });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('reversed'));
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('dir', 'auto');
  });

  it('isolates a meeting’s title and an agenda item’s title in the meeting’s panels, the agenda list and the minutes', async () => {
    const db = await sampleStore();
    const meeting = await db.meetings.get(MEETING_ID);
    if (!meeting) throw new Error('no sample meeting');
    const [first, ...rest] = meeting.agenda;
    if (!first) throw new Error('no agenda');
    await db.meetings.update(MEETING_ID, {
      title: `Board ${RLO}reversed meeting`,
      agenda: [{ ...first, title: `Apologies ${RLO}reversed item` }, ...rest],
    });
    renderAt(`#/meetings/live?meeting=${MEETING_ID}&section=${first.id}`, db);
    const heading = await screen.findByRole('heading', { level: 2, name: /reversed item/ });
    const itemTitle = within(heading).getByText(`Apologies ${RLO}reversed item`);
    expect(itemTitle).toHaveAttribute('dir', 'auto');
    // The words around it ("Item 1:") stay outside the isolated span.
    expect(itemTitle.textContent).not.toContain('Item');
    expect(screen.getByText(`Board ${RLO}reversed meeting`)).toHaveAttribute('dir', 'auto');
    const inList = screen.getAllByText(`Apologies ${RLO}reversed item`).filter((element) => element !== itemTitle);
    expect(inList.length).toBeGreaterThan(0);
    for (const element of inList) expect(element).toHaveAttribute('dir', 'auto');
  });

  it('isolates the meeting’s title in the minutes’ heading and the item’s title in its section', async () => {
    const db = await sampleStore();
    const meeting = await db.meetings.get(MEETING_ID);
    const [first, ...rest] = meeting?.agenda ?? [];
    if (!first) throw new Error('no agenda');
    await db.meetings.update(MEETING_ID, {
      title: `Board ${RLO}reversed meeting`,
      agenda: [{ ...first, title: `Apologies ${RLO}reversed item` }, ...rest],
    });
    renderAt(`#/meetings/minutes?meeting=${MEETING_ID}`, db);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('reversed meeting'));
    expect(within(screen.getByRole('heading', { level: 1 })).getByText(`Board ${RLO}reversed meeting`)).toHaveAttribute('dir', 'auto');
    const item = await screen.findByRole('heading', { level: 2, name: /reversed item/ });
    expect(within(item).getByText(`Apologies ${RLO}reversed item`)).toHaveAttribute('dir', 'auto');
  });
});

afterEach(() => {
  window.location.hash = '';
});
