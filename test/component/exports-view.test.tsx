import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildDecisionsFile } from '../../shared/meetings/decisions-file';
import type { ExportRequest } from '../../shared/exports/schema';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { ExportsView } from '../../renderer/exports/exports-view';
import { approvedBundle, draftBundle } from '../unit/exports/fixtures';
import { fakeBridge, freshDatabase, renderWithServices } from './helpers';

async function storeWithMeeting() {
  const db = freshDatabase();
  const bundle = draftBundle();
  await db.meetings.put(bundle.meeting);
  await db.meetingRecords.bulkPut(bundle.records);
  return db;
}

describe('Exports view', () => {
  it('exports the minutes by keyboard alone, sending main the meeting with exempt items left to main to withhold', async () => {
    const user = userEvent.setup();
    const db = await storeWithMeeting();
    const sent: ExportRequest[] = [];
    const bridge = fakeBridge({
      'exports:save': (argument) => {
        sent.push(argument as ExportRequest);
        return {
          saved: true,
          fileName: 'SEND Oversight Board 2027-01-14 minutes.pdf',
          summary: 'Draft minutes: 4 items, 2 decisions.',
          folder: 'C:\\Users\\clerk\\Documents',
        };
      },
    });
    renderWithServices(<ExportsView />, { db, bridge });
    await screen.findByRole('option', { name: /14 January 2027: SEND Oversight Board \(draft\)/ });
    expect(screen.getByRole('radio', { name: /Minutes of a meeting/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Include exempt items' })).not.toBeChecked();

    // Keyboard only: to the PDF format with the arrow keys, then to the button.
    screen.getByRole('radio', { name: 'Word (.docx)' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'PDF' })).toBeChecked();
    screen.getByRole('button', { name: 'Export…' }).focus();
    await user.keyboard('{Enter}');
    expect(
      await screen.findByText(
        'Saved SEND Oversight Board 2027-01-14 minutes.pdf to C:\\Users\\clerk\\Documents. Draft minutes: 4 items, 2 decisions.',
      ),
    ).toBeInTheDocument();
    expect(sent[0]).toMatchObject({ kind: 'minutes-pdf', includeExempt: false, boardName: 'SEND Oversight Board' });
    expect(sent[0]?.kind === 'minutes-pdf' && sent[0].bundle.exemptSourceIds).toEqual([]);
  });

  it('marks the choice confidential when exempt items are included, and shows main’s errors plainly', async () => {
    const user = userEvent.setup();
    const db = await storeWithMeeting();
    const bridge = fakeBridge();
    bridge.invoke = async (channel, argument) => {
      bridge.calls.push({ channel, argument });
      return {
        ok: false,
        error: { code: 'no-space', message: 'The disk holding /media/usb is full. Nothing was written; free some space and try again.' },
      };
    };
    renderWithServices(<ExportsView />, { db, bridge });
    await screen.findByRole('option', { name: /14 January 2027/ });
    await user.click(screen.getByRole('radio', { name: /Decision log/ }));
    await user.click(screen.getByRole('radio', { name: 'CSV' }));
    await user.click(screen.getByRole('checkbox', { name: 'Include exempt items' }));
    expect(screen.getByText(/the file name and its first line will say CONFIDENTIAL/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nothing was saved. The disk holding /media/usb is full.');
    expect(bridge.calls[0]?.argument).toMatchObject({ kind: 'decision-log-csv', includeExempt: true });
  });

  it('sends the board’s report for the period chosen, with the plan as stored now; refuses a backwards period', async () => {
    const user = userEvent.setup();
    const db = await storeWithMeeting();
    const sent: ExportRequest[] = [];
    const bridge = fakeBridge({ 'exports:save': (argument) => (sent.push(argument as ExportRequest), { saved: false }) });
    renderWithServices(<ExportsView />, { db, bridge });
    await user.click(await screen.findByRole('radio', { name: /Board’s report to council/ }));
    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    await user.clear(from);
    await user.type(from, '2027-02-01');
    await user.clear(to);
    await user.type(to, '2027-01-01');
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The period’s first date is after its last date.');
    await user.clear(from);
    await user.type(from, '2026-09-01');
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    // The meeting's plan is not on this laptop: said plainly, nothing sent.
    expect(await screen.findByRole('alert')).toHaveTextContent('There is no plan on this laptop to report on.');
    expect(sent).toEqual([]);

    await db.plans.put({ id: 'plan-1', header: { id: 'plan-1', title: 'Improvement plan' } } as never);
    await db.entities.bulkPut([
      {
        planId: 'plan-1',
        kind: 'area',
        id: 'area-1',
        data: { id: 'area-1', ref: '1', title: 'Timeliness', kind: 'area-of-weakness' },
        archivedInRevision: null,
      },
      {
        planId: 'plan-1',
        kind: 'area',
        id: 'area-0',
        data: { id: 'area-0', ref: '0', title: 'Archived area', kind: 'area-of-weakness' },
        archivedInRevision: 2,
      },
    ] as never);
    await user.click(screen.getByRole('radio', { name: 'PDF' }));
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(await screen.findByText('Nothing was saved.')).toBeInTheDocument();
    const request = sent[0];
    if (request?.kind !== 'board-report-pdf') throw new Error('expected the board’s report');
    expect([request.from, request.to, request.includeExempt]).toEqual(['2026-09-01', '2027-01-01', false]);
    expect(request.plan.title).toBe('Improvement plan');
    expect(request.plan.areas.map((area) => area.title)).toEqual(['Timeliness']);
    expect(request.bundles.map((bundle) => bundle.meeting.id)).toEqual(['m-2027-01']);
  });

  it('sends only shared questions, for the member chosen', async () => {
    const user = userEvent.setup();
    const db = await storeWithMeeting();
    const profile = await saveProfile(db, { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' });
    const target = { kind: 'action' as const, planId: 'plan-1', id: 'A-1.1' };
    await createAnnotation(db, profile, target, { kind: 'question', text: 'PRIVATE-QUESTION-MARKER', tags: [], visibility: 'private' });
    await createAnnotation(db, profile, target, { kind: 'question', text: 'A shared question', tags: [], visibility: 'shared' });
    await createAnnotation(db, profile, target, { kind: 'note', text: 'A shared note', tags: [], visibility: 'shared' });
    const sent: ExportRequest[] = [];
    const bridge = fakeBridge({ 'exports:save': (argument) => (sent.push(argument as ExportRequest), { saved: false }) });
    renderWithServices(<ExportsView />, { db, bridge });
    await user.click(await screen.findByRole('radio', { name: /Questions for officers/ }));
    // The members' names arrive after the list itself: wait for the one chosen.
    await screen.findByRole('option', { name: 'Cllr Amina Shah' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Whose questions' }), 'Cllr Amina Shah');
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    expect(await screen.findByText('Nothing was saved.')).toBeInTheDocument();
    const request = sent[0];
    if (request?.kind !== 'questions-docx') throw new Error('expected questions');
    expect(request.memberName).toBe('Cllr Amina Shah');
    expect(request.questions.map((question) => [question.text, question.itemId])).toEqual([['A shared question', 'item-3']]);
    expect(JSON.stringify(sent)).not.toContain('PRIVATE-QUESTION-MARKER');
  });

  it('imports a decision file chosen in the dialog, and reports a refused one', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    const bundle = await approvedBundle();
    const built = await buildDecisionsFile(bundle.meeting, bundle.records, { exportedAt: '2027-02-12T09:00:00Z', includeExempt: true });
    if (!built.ok) throw new Error(built.error.message);
    const bridge = fakeBridge({
      'exports:import-decisions': () => ({
        files: [
          { fileName: 'jan.decisions.json', status: 'intact', file: built.value, title: 'SEND Oversight Board on 2027-01-14', withheld: 0 },
          { fileName: 'bad.decisions.json', status: 'refused', message: 'Its record is broken at record 3.' },
        ],
      }),
    });
    renderWithServices(<ExportsView />, { db, bridge });
    await user.click(screen.getByRole('button', { name: 'Import a decision file…' }));
    const list = screen.getByRole('list', { name: 'Decision files imported' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(
      within(list).getByText(
        /jan\.decisions\.json: imported the approved minutes of SEND Oversight Board, 2027-01-14, 17 records, chain intact\./,
      ),
    ).toBeInTheDocument();
    expect(within(list).getByText('bad.decisions.json: Its record is broken at record 3.')).toBeInTheDocument();
    expect((await db.meetings.get('m-2027-01'))?.status).toBe('approved');
    expect(await screen.findByRole('option', { name: /14 January 2027: SEND Oversight Board \(approved\)/ })).toBeInTheDocument();
  });
});
