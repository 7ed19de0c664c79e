import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { listMeetingRecords, setAttendance } from '../../renderer/meetings/meeting-repository';
import { SAMPLE_MEMBERS } from '../../renderer/meetings/sample-board';
import { MEETING_ID, renderAt, sampleStore } from './meetings-helpers';

afterEach(() => {
  window.location.hash = '';
});

const live = (section?: string) => `#/meetings/live?meeting=${MEETING_ID}${section ? `&section=${section}` : ''}`;

describe('live capture: attendance and quorum', () => {
  it('shows the quorum in words, and recomputes it as members are marked, arrive late and leave', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(live(), db);
    // The quorum line appears before the board's members are read: wait for its words, not for it.
    await waitFor(() =>
      expect(screen.getByTestId('quorum')).toHaveTextContent(
        'Not quorate: 0 voting members present; at least 4 voting members needed; no voting member from NHS Northmoor',
      ),
    );
    const quorum = screen.getByTestId('quorum');
    expect(quorum).toHaveClass('quorum-not');

    await user.click(screen.getByRole('button', { name: 'Mark the 10 not yet marked as present' }));
    await waitFor(() =>
      expect(quorum).toHaveTextContent('Quorate: 8 voting members present (at least 4 needed) for the start of the meeting'),
    );
    expect(quorum).toHaveClass('quorum-ok');

    // The parent carer forum's only voting member sends apologies: the quorum rule names that organisation.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Attendance of Angela Brooks' }), 'apologies');
    await waitFor(() =>
      expect(quorum).toHaveTextContent('Not quorate: 7 voting members present; no voting member from Northmoor Parent Carer Forum'),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Attendance of Angela Brooks' }), 'present');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Angela Brooks arrived late at' }), 'sample-item-5');
    await waitFor(() => expect(quorum).toHaveTextContent('Not quorate'));

    // At item 5 she is there; the navigation flags the items before it as not quorate.
    const nav = screen.getByRole('navigation', { name: 'Sections of the meeting' });
    expect(within(nav).getByRole('link', { name: /^4 Performance dashboard.*Not quorate$/ })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: /^5 Plan status report by area$/ })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: /^7 Independent special school .* Exempt$/ })).toBeInTheDocument();

    const records = await listMeetingRecords(db, MEETING_ID);
    expect(records.filter((record) => record.kind === 'attendance')).toHaveLength(10);
    expect(records.find((record) => record.kind === 'attendance' && record.memberId === 'm-brooks')).toMatchObject({
      status: 'present',
      arrivedAtItemId: 'sample-item-5',
    });
  });

  it('lets a named substitute stand in for a member who sent apologies', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(live(), db);
    await user.click(await screen.findByRole('button', { name: 'Mark the 10 not yet marked as present' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Attendance of Cllr Priya Shah' }), 'apologies');
    await waitFor(() => expect(screen.getByTestId('quorum')).toHaveTextContent('7 voting members present'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Attendance of Cllr Kevin Doyle' }), 'present');
    // The choice is stored, then read back by the live query a moment after the list appears.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Cllr Kevin Doyle is standing in for' })).toHaveValue('m-shah'));
    await waitFor(() => expect(screen.getByTestId('quorum')).toHaveTextContent('8 voting members present'));
  });
});

describe('live capture: an agenda item', () => {
  async function itemWithEveryonePresent(section: string) {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(live(), db);
    await user.click(await screen.findByRole('button', { name: 'Mark the 10 not yet marked as present' }));
    await waitFor(() => expect(screen.getByTestId('quorum')).toHaveTextContent('Quorate: 8'));
    await user.click(screen.getByRole('link', { name: new RegExp(`^${section} `) }));
    await screen.findByRole('heading', { level: 2, name: new RegExp(`^Item ${section}:`) });
    return { user, db };
  }

  it('records a declaration; a member who leaves the room stops counting for that item', async () => {
    const { user } = await itemWithEveryonePresent('7');
    expect(screen.getAllByText('Exempt: confidential, kept out of published exports').length).toBeGreaterThan(0);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Who' }), 'm-whitfield');
    await user.type(screen.getByRole('textbox', { name: 'Interest' }), 'Spouse works for a provider');
    await user.click(screen.getByRole('checkbox', { name: 'Left the room for this item' }));
    await user.click(screen.getByRole('button', { name: 'Add declaration' }));
    await screen.findByText('Left the room: not counted, cannot vote');
    await waitFor(() => expect(screen.getByTestId('quorum')).toHaveTextContent('Quorate: 7 voting members present'));
    expect(screen.getByTestId('quorum')).toHaveTextContent('left for an interest: James Whitfield');
    expect(screen.getByRole('combobox', { name: 'Who' })).toHaveFocus();
  });

  it('checks a vote against the majority rule and who may vote, and numbers the decision when recorded', async () => {
    const { user, db } = await itemWithEveryonePresent('5');
    await user.type(screen.getByRole('textbox', { name: 'What was decided' }), 'The board accepted the report.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vote' }), 'show-of-hands');
    await user.type(screen.getByRole('spinbutton', { name: 'For' }), '4');
    await user.type(screen.getByRole('spinbutton', { name: 'Against' }), '4');
    // A blank box is not a 0: no outcome until all three figures are typed.
    expect(screen.getByTestId('vote-check')).toHaveTextContent('Type a number in Abstain (0 if none): a blank box is not counted as 0.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Type a number in Abstain (0 if none)');
    expect((await listMeetingRecords(db, MEETING_ID)).some((record) => record.kind === 'decision')).toBe(false);
    await user.type(screen.getByRole('spinbutton', { name: 'Abstain' }), '0');
    expect(screen.getByTestId('vote-check')).toHaveTextContent('Lost: 4 for, 4 against, 0 abstentions (tied, with no casting vote).');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Chair’s casting vote' }), 'for');
    expect(screen.getByTestId('vote-check')).toHaveTextContent(
      'Carried: 4 for, 4 against, 0 abstentions (tied; the chair’s casting vote for).',
    );
    await user.clear(screen.getByRole('spinbutton', { name: 'Abstain' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Abstain' }), '1');
    expect(screen.getByTestId('vote-check')).toHaveTextContent('9 votes were recorded, but only 8 members present are entitled to vote');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('9 votes were recorded');
    expect((await listMeetingRecords(db, MEETING_ID)).some((record) => record.kind === 'decision')).toBe(false);

    await user.clear(screen.getByRole('spinbutton', { name: 'Abstain' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Abstain' }), '0');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    await screen.findByText('SOB/2027/001');
    expect(
      screen.getByText(/Carried: 4 for, 4 against, 0 abstentions, on the chair’s casting vote for \(8 entitled to vote\)\./),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Decision' })).toHaveFocus();

    // An escalation, numbered next; withdrawing keeps the number.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Decision' }), 'escalated');
    await user.type(screen.getByRole('textbox', { name: 'What was decided' }), 'Health advice delays escalated.');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Say to whom it is escalated.');
    await user.type(screen.getByRole('textbox', { name: 'Escalated to' }), 'the ICB board');
    await user.keyboard('{Enter}');
    await screen.findByText('SOB/2027/002');
    await user.click(screen.getByRole('button', { name: 'Withdraw decision SOB/2027/002' }));
    await screen.findByText('Withdrawn: recorded in error');
    expect(screen.getByText('SOB/2027/002')).toBeInTheDocument();
  });

  it('refuses a consensus decision when the meeting is not quorate for the item', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    const [chair] = SAMPLE_MEMBERS;
    if (chair) await setAttendance(db, MEETING_ID, chair, { status: 'present' });
    renderAt(live('sample-item-6'), db);
    await screen.findByRole('heading', { level: 2, name: /^Item 6:/ });
    expect(screen.getByRole('alert')).toHaveTextContent('The meeting is not quorate for this item');
    await user.type(screen.getByRole('textbox', { name: 'What was decided' }), 'Agreed.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vote' }), 'consensus');
    await user.click(screen.getByRole('button', { name: 'Record decision' }));
    expect(await screen.findByText(/no decision can be agreed by consensus/)).toBeInTheDocument();
  });

  it('records an assurance judgement on a plan area linked to the item, and an action arising', async () => {
    const { user, db } = await itemWithEveryonePresent('6');
    const target = screen.getByRole('combobox', { name: 'Area or action' });
    const linked = within(target).getByRole('group', { name: 'Linked to this item' });
    expect(
      within(linked)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual([
      expect.stringMatching(/^Area 2: /),
      expect.stringMatching(/^Action 2\.1: /),
      expect.stringMatching(/^Action 2\.2: /),
      expect.stringMatching(/^Action 2\.3: /),
    ]);
    await user.selectOptions(target, within(linked).getAllByRole('option')[0] as HTMLOptionElement);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Assurance' }), 'Not assured');
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'Parents still cannot find the Local Offer.{Enter}');
    await screen.findByText(/: Parents still cannot find the Local Offer\.$/);
    expect(screen.getByText('Not assured', { selector: 'span' })).toHaveClass('assurance-poor');
    expect(screen.getByRole('combobox', { name: 'Area or action' })).toHaveFocus();

    await user.type(screen.getByRole('textbox', { name: 'Action' }), 'Report on Local Offer use');
    await user.type(screen.getByRole('combobox', { name: 'Owner (role)' }), 'Local Offer and Family Engagement Manager');
    fireEvent.change(screen.getByLabelText('Due'), { target: { value: '2027-02-18' } });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Plan action (optional)' }), 'action:act-013');
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    await screen.findByText('Report on Local Offer use', { selector: 'strong' });
    expect(screen.getByText(/Due: 18 February 2027\./)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Action' })).toHaveFocus();
    const records = await listMeetingRecords(db, MEETING_ID);
    expect(records.find((record) => record.kind === 'judgement')).toMatchObject({
      target: { kind: 'area', id: 'area-2', planId: 'northmoor-send-app' },
      level: 'Not assured',
    });
    expect(records.find((record) => record.kind === 'action')).toMatchObject({
      dueDate: '2027-02-18',
      links: [{ kind: 'action', id: 'act-013' }],
    });
  });

  it('saves notes as the chair types, and moves between sections with Alt+N, Alt+P and Alt+A', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(live('sample-item-4'), db);
    await screen.findByRole('heading', { level: 2, name: /^Item 4:/ });
    await user.keyboard('{Alt>}2{/Alt}');
    expect(screen.getByRole('textbox', { name: /^Discussion notes for item 4/ })).toHaveFocus();
    await user.keyboard('Timeliness is improving.');
    await waitFor(async () =>
      expect((await listMeetingRecords(db, MEETING_ID)).find((record) => record.kind === 'note')).toMatchObject({
        text: 'Timeliness is improving.',
      }),
    );
    // Each of these is state set a moment after its element appears (the save status, focus moved
    // by an effect, a value read back by the live query): wait for the state, not the element.
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent(/^All changes saved at/));
    await user.keyboard('{Alt>}n{/Alt}');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: /^Item 5:/ })).toHaveFocus());
    await user.keyboard('{Alt>}p{/Alt}');
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Discussion notes for item 4/ })).toHaveValue('Timeliness is improving.'),
    );
    await user.keyboard('{Alt>}a{/Alt}');
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Attendance' })).toHaveFocus());
    expect(window.location.hash).toContain('section=attendance');
    expect(window.location.hash).toContain('at=sample-item-4');
    await waitFor(() => expect(screen.getByTestId('quorum')).toHaveTextContent('for item 4: Performance dashboard'));
    // Every shortcut is listed on screen.
    const shortcuts = screen.getByRole('region', { name: 'Keyboard shortcuts' });
    for (const keys of ['Alt+A', 'Alt+L', 'Alt+N', 'Alt+P', 'Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5'])
      expect(within(shortcuts).getByText(keys)).toBeInTheDocument();
  });
});
