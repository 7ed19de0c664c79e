import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { ActionView } from '../../renderer/plan-review/action-view';
import { VoiceView } from '../../renderer/voice/voice-view';
import { saveVoiceRecord } from '../../renderer/voice/voice-repository';
import { renderWithServices } from './helpers';
import { PLAN_ID, Routed, storeWithPlan } from './plan-review-helpers';

afterEach(() => {
  window.location.hash = '';
});

describe('families’ voice', () => {
  it('the clerk records a survey linked to an area and an action, by label; a wrong reference is named and nothing is saved', async () => {
    const user = userEvent.setup();
    const db = await storeWithPlan();
    await saveProfile(db, { displayName: 'Programme office', role: 'clerk', organisation: 'Council' });
    window.location.hash = `#/plan/voice?plan=${PLAN_ID}`;
    renderWithServices(<Routed render={(params) => <VoiceView params={params} />} />, { db });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Kind' }), 'Survey result');
    await user.type(screen.getByRole('textbox', { name: 'From (organisation)' }), 'Northshire Parent Carer Forum');
    await user.type(screen.getByLabelText('Date'), '2026-02-03');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Autumn survey: EHC communication');
    await user.type(screen.getByRole('textbox', { name: 'What it says' }), '412 responses.');
    await user.type(screen.getByRole('textbox', { name: 'Actions (references, e.g. 2.4, 3.1)' }), '1.2, 9.9');
    await user.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No current action has the reference 9.9');
    expect(await db.voiceRecords.count()).toBe(0);

    const refs = screen.getByRole('textbox', { name: 'Actions (references, e.g. 2.4, 3.1)' });
    await user.clear(refs);
    await user.type(refs, '1.2');
    await user.click(await screen.findByRole('checkbox', { name: /^1: / }));
    await user.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Recorded: Autumn survey: EHC communication.'));
    expect(await db.voiceRecords.toArray()).toEqual([
      expect.objectContaining({
        kind: 'survey',
        source: 'Northshire Parent Carer Forum',
        date: '2026-02-03',
        recordedBy: 'Programme office',
        links: [expect.objectContaining({ kind: 'area' }), { kind: 'action', id: 'A-1.2' }],
      }),
    ]);
    await waitFor(() => expect(document.querySelector('.voice-list')).toHaveTextContent('Survey result: Autumn survey: EHC communication'));
  });

  it('shows on the action’s page: what families said, and whom the action was co-produced with', async () => {
    const db = await storeWithPlan();
    const common = { planId: PLAN_ID, summary: '', isConfidential: false };
    await saveVoiceRecord(
      db,
      {
        ...common,
        kind: 'co-production',
        source: 'Northshire Parent Carer Forum',
        date: '2026-01-20',
        title: 'Workshop on the audit tool',
        links: [{ kind: 'action', id: 'A-1.2' }],
      },
      { recordedBy: 'Clerk' },
    );
    await saveVoiceRecord(
      db,
      {
        ...common,
        kind: 'case-study',
        source: 'SENDIASS',
        date: '2026-02-10',
        title: 'A family waited 40 weeks',
        links: [{ kind: 'area', id: 'AREA-1' }],
      },
      { recordedBy: 'Clerk' },
    );
    await saveVoiceRecord(
      db,
      {
        ...common,
        kind: 'submission',
        source: 'Forum',
        date: '2026-02-11',
        title: 'About the Local Offer',
        links: [{ kind: 'area', id: 'AREA-2' }],
      },
      { recordedBy: 'Clerk' },
    );
    window.location.hash = `#/plan/action?plan=${PLAN_ID}&id=A-1.2`;
    renderWithServices(<Routed render={(params) => <ActionView params={params} />} />, { db });
    const section = await screen.findByRole('region', { name: 'Families’ voice' });
    await waitFor(() =>
      expect(section).toHaveTextContent('Co-produced with Northshire Parent Carer Forum (20 January 2026: Workshop on the audit tool).'),
    );
    expect(section).toHaveTextContent('Case study: A family waited 40 weeks (from SENDIASS, 10 February 2026)');
    expect(section).toHaveTextContent('About this action’s area.');
    expect(section).not.toHaveTextContent('About the Local Offer');
  });
});
