import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationPanel } from '../../renderer/annotations/annotation-panel';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { renderRoute } from '../../renderer/app/routes';
import { useRoute } from '../../renderer/app/router';
import { UNDO_MILLISECONDS, UndoProvider } from '../../renderer/components/undo-toast';
import type { OversightDatabase } from '../../renderer/db/database';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { listMeetingRecords, recordDecision, saveRecord } from '../../renderer/meetings/meeting-repository';
import { savePaperText } from '../../renderer/papers/pack-repository';
import { PaperView } from '../../renderer/papers/paper-view';
import type { PdfViewerProps } from '../../renderer/papers/pdf-viewer';
import { paperRecordId } from '../../renderer/papers/types';
import { loadSearchIndex, searchLoadedIndex } from '../../renderer/search/search-index';
import { describePassage, paperTextModel } from '../../shared/pack/anchor';
import type { MeetingRecord } from '../../shared/meetings/schema';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { freshDatabase, renderWithServices } from './helpers';
import { MEETING_ID, sampleStore } from './meetings-helpers';
import { storeTestPack } from './papers-helpers';

// "Deleted. Undo": each kind of deletion offers to put back what was deleted, exactly.

vi.mock('../../renderer/papers/text-extraction', () => ({ startTextExtraction: () => Promise.resolve() }));
vi.mock('../../renderer/papers/pdf-viewer', () => ({
  PdfViewer: (props: PdfViewerProps) => <p>Showing page {props.page}</p>,
}));

afterEach(() => {
  window.location.hash = '';
});

function Routed() {
  const route = useRoute();
  return <>{renderRoute(route.path, route.params)}</>;
}

function renderRouted(hash: string, db: OversightDatabase, milliseconds?: number) {
  window.location.hash = hash;
  return renderWithServices(
    <UndoProvider {...(milliseconds === undefined ? {} : { milliseconds })}>
      <main id="main" tabIndex={-1}>
        <Routed />
      </main>
    </UndoProvider>,
    { db },
  );
}

const live = (item: string) => `#/meetings/live?meeting=${MEETING_ID}&section=${item}`;
const toast = () => screen.getByTestId('undo-toast');

function base(id: string, createdAt: string) {
  return { id, meetingId: MEETING_ID, createdAt, updatedAt: createdAt, chain: null };
}

const DECLARATION: MeetingRecord = {
  ...base('declaration-1', '2027-01-21T10:02:00.000Z'),
  kind: 'declaration',
  itemId: 'sample-item-2',
  memberId: 'm-brooks',
  memberName: 'Angela Brooks',
  interest: 'Her son attends Northmoor Academy',
  hasLeft: true,
};
const OTHER_DECLARATION: MeetingRecord = {
  ...base('declaration-2', '2027-01-21T10:03:00.000Z'),
  kind: 'declaration',
  itemId: 'sample-item-2',
  memberId: 'm-shah',
  memberName: 'Cllr Shah',
  interest: 'Governor of Riverside School',
  hasLeft: false,
};
const JUDGEMENT: MeetingRecord = {
  ...base('judgement-1', '2027-01-21T10:20:00.000Z'),
  kind: 'judgement',
  itemId: 'sample-item-5',
  target: { kind: 'area', planId: 'northmoor-send-2025', id: 'area-1', label: 'Area 1: EHC timeliness' },
  level: 'Partially assured',
  reason: 'Timeliness improving but not at target.',
};
const ACTION: MeetingRecord = {
  ...base('action-1', '2027-01-21T10:25:00.000Z'),
  kind: 'action',
  itemId: 'sample-item-5',
  text: 'Report on health advice delays',
  owner: 'Head of SEND',
  dueDate: '2027-03-01',
  links: [],
};

async function expectRestored(db: OversightDatabase, before: readonly MeetingRecord[]) {
  await waitFor(() => expect(toast()).toHaveTextContent('Restored.'));
  const after = await listMeetingRecords(db, MEETING_ID);
  // Exactly as it was: same ids, same fields, same order.
  expect(after).toEqual(before);
}

describe('undo in the live meeting', () => {
  it('puts back a deleted declaration exactly, in its place, from the keyboard', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    await saveRecord(db, DECLARATION);
    await saveRecord(db, OTHER_DECLARATION);
    const before = await listMeetingRecords(db, MEETING_ID);
    renderRouted(live('sample-item-2'), db);

    await user.click(await screen.findByRole('button', { name: 'Remove the declaration by Angela Brooks' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Deleted: the declaration by Angela Brooks.'));
    expect(toast()).toHaveAttribute('aria-live', 'polite');
    expect(await listMeetingRecords(db, MEETING_ID)).toHaveLength(before.length - 1);
    expect(screen.queryByText(/Her son attends/)).not.toBeInTheDocument();

    // The removed button took the focus with it: the toast's Undo has it, and Enter undoes.
    const undo = within(toast()).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(undo).toHaveFocus());
    await user.keyboard('{Enter}');
    await expectRestored(db, before);
    expect(await screen.findByText(/Her son attends Northmoor Academy/)).toBeInTheDocument();
    const names = screen.getAllByText(/^(Angela Brooks|Cllr Shah)$/, { selector: 'strong' }).map((node) => node.textContent);
    expect(names).toEqual(['Angela Brooks', 'Cllr Shah']);
  });

  it('puts back a deleted assurance judgement and a deleted action arising', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    await saveRecord(db, JUDGEMENT);
    await saveRecord(db, ACTION);
    const before = await listMeetingRecords(db, MEETING_ID);
    renderRouted(live('sample-item-5'), db);

    await user.click(await screen.findByRole('button', { name: 'Remove the judgement on Area 1: EHC timeliness' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Deleted: the judgement on Area 1: EHC timeliness.'));
    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    await expectRestored(db, before);

    await user.click(await screen.findByRole('button', { name: 'Remove the action “Report on health advice delays”' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Deleted: the action “Report on health advice delays”.'));
    // Ctrl+Z undoes too while the member is not typing in a field.
    await user.keyboard('{Control>}z{/Control}');
    await expectRestored(db, before);
    expect(await screen.findByText(/Report on health advice delays/)).toBeInTheDocument();
  });

  it('undoes the withdrawal of a decision, keeping its number', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    const decision = await recordDecision(db, MEETING_ID, {
      itemId: 'sample-item-5',
      type: 'noted',
      text: 'The board noted the report.',
      escalatedTo: null,
      refersTo: null,
      vote: null,
    });
    renderRouted(live('sample-item-5'), db);
    await user.click(await screen.findByRole('button', { name: `Withdraw decision ${decision.number}` }));
    await waitFor(() => expect(toast()).toHaveTextContent(`Withdrawn: decision ${decision.number}.`));
    await screen.findByText('Withdrawn: recorded in error');
    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Restored.'));
    const records = await listMeetingRecords(db, MEETING_ID);
    expect(records.find((record) => record.id === decision.id)).toMatchObject({ number: decision.number, isWithdrawn: false });
    await waitFor(() => expect(screen.queryByText('Withdrawn: recorded in error')).not.toBeInTheDocument());
  });

  it('says why it cannot undo once the minutes are approved, and leaves the store unchanged', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    await saveRecord(db, DECLARATION);
    renderRouted(live('sample-item-2'), db);
    await user.click(await screen.findByRole('button', { name: 'Remove the declaration by Angela Brooks' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Deleted:'));
    await db.meetings.update(MEETING_ID, { status: 'approved' });
    const before = await listMeetingRecords(db, MEETING_ID);
    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toast()).toHaveTextContent(/^Could not undo: /));
    expect(await listMeetingRecords(db, MEETING_ID)).toEqual(before);
  });
});

describe('undo on the agenda', () => {
  it('puts a removed agenda item back at its place', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    const before = (await db.meetings.get(MEETING_ID))?.agenda;
    const third = before?.[2];
    if (!before || !third) throw new Error('sample agenda missing');
    renderRouted(`#/meetings/agenda?meeting=${MEETING_ID}`, db);
    const name = new RegExp(`^Remove item ${third.number}`);
    await user.click(await screen.findByRole('button', { name }));
    await waitFor(() => expect(toast()).toHaveTextContent(`Deleted: item ${third.number}, ${third.title}.`));
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.agenda).toHaveLength(before.length - 1));
    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Restored.'));
    expect((await db.meetings.get(MEETING_ID))?.agenda).toEqual(before);
  });
});

describe('undo of a note', () => {
  const target = { kind: 'action' as const, planId: 'northshire-wsoa-2025', id: 'A-1.2' };

  it('restores a deleted question with its answer, tags and order, and search finds it again', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await storeCandidate(db, candidateFor(planObject()));
    const profile = await saveProfile(db, { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' });
    const question = await createAnnotation(db, profile, target, {
      kind: 'question',
      text: 'Why are zebrafinch audits late?',
      tags: ['QA', 'audit'],
      visibility: 'shared',
    });
    const { answerQuestion } = await import('../../renderer/annotations/annotation-repository');
    await answerQuestion(db, profile, question.id, 'Staffing, said the Head of SEND.');
    const before = await db.annotations.get(question.id);
    renderWithServices(
      <UndoProvider>
        <main id="main" tabIndex={-1}>
          <AnnotationPanel target={target} />
        </main>
      </UndoProvider>,
      { db },
    );
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('group', { name: 'Confirm deletion' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Deleted: your question for officers.'));
    expect((await db.annotations.get(question.id))?.deleted).toBe(true);
    await loadSearchIndex(db);
    expect(searchLoadedIndex(db, 'zebrafinch').total).toBe(0);

    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Restored.'));
    const after = await db.annotations.get(question.id);
    // Every field as it was; only the merge clock moved on, so the restore outranks a shared tombstone.
    const { hlc: hlcBefore, ...restBefore } = before ?? { hlc: '' };
    const { hlc: hlcAfter, ...restAfter } = after ?? { hlc: '' };
    expect(restAfter).toEqual(restBefore);
    expect(hlcAfter > hlcBefore).toBe(true);
    expect(await screen.findByText('Why are zebrafinch audits late?', { selector: 'p' })).toBeInTheDocument();
    await loadSearchIndex(db);
    expect(searchLoadedIndex(db, 'zebrafinch').total).toBe(1);
  });

  it('lets the offer lapse, after which the note stays deleted', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await storeCandidate(db, candidateFor(planObject()));
    const profile = await saveProfile(db, { displayName: 'Cllr Amina Shah', role: 'member', organisation: 'Labour group' });
    const note = await createAnnotation(db, profile, target, { kind: 'note', text: 'Short-lived', tags: [], visibility: 'private' });
    renderWithServices(
      <UndoProvider milliseconds={300}>
        <AnnotationPanel target={target} />
      </UndoProvider>,
      { db },
    );
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('group', { name: 'Confirm deletion' })).getByRole('button', { name: 'Delete' }));
    // The removed button took the focus with it, so the toast's Undo takes it (once the toast's
    // effect has run: leaving earlier, the focus would arrive after and pause the toast for good).
    await waitFor(() => expect(within(toast()).getByRole('button', { name: 'Undo' })).toHaveFocus());
    // Leave the toast so its timer runs (it pauses while the member is on it).
    (document.activeElement as HTMLElement | null)?.blur();
    await waitFor(() => expect(toast()).toBeEmptyDOMElement(), { timeout: 3000 });
    expect((await db.annotations.get(note.id))?.deleted).toBe(true);
    expect(UNDO_MILLISECONDS).toBe(10_000);
  });
});

describe('undo of a paper note', () => {
  it('restores a deleted highlight and its note on the paper', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    const profile = await saveProfile(db, { displayName: 'Cllr Priya Shah', role: 'member', organisation: 'Conservative group' });
    await storeTestPack(db, [{ id: 'p4', title: 'Performance dashboard', item: 'item-4' }]);
    const pages = ['Summary of the month.', 'Waits for speech and language therapy rose for the third month running.'];
    await savePaperText(db, {
      id: paperRecordId('board-1', 'p4'),
      status: 'ready',
      pages,
      pageLabels: null,
      extractedAt: '2026-11-05T09:01:00Z',
    });
    const anchor = describePassage(paperTextModel(pages), 23, 60);
    if (!anchor) throw new Error('no anchor');
    const highlight = await createAnnotation(
      db,
      profile,
      { kind: 'paper', meetingId: 'board-1', paperId: 'p4', anchor },
      { kind: 'concern', text: 'Worsening again', tags: ['SALT'], visibility: 'shared' },
    );
    const before = await db.annotations.get(highlight.id);
    renderWithServices(
      <UndoProvider>
        <PaperView params={new URLSearchParams({ meeting: 'board-1', paper: 'p4' })} />
      </UndoProvider>,
      { db },
    );
    const panel = await screen.findByRole('region', { name: 'Highlights and notes' });
    await user.click(await within(panel).findByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('group', { name: 'Confirm deletion' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Deleted: your highlight and its note.'));
    await waitFor(() => expect(within(panel).queryByText('Worsening again')).not.toBeInTheDocument());
    await user.click(within(toast()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toast()).toHaveTextContent('Restored.'));
    expect(await within(panel).findByText('Worsening again')).toBeInTheDocument();
    const after = await db.annotations.get(highlight.id);
    expect({ ...after, hlc: '' }).toEqual({ ...before, hlc: '' });
  });
});
