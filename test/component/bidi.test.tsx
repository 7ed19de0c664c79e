import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnnotationPanel } from '../../renderer/annotations/annotation-panel';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { ActionView } from '../../renderer/plan-review/action-view';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { freshDatabase, renderWithServices } from './helpers';

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
});
