import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { getBoard, listMeetings } from '../../renderer/meetings/meeting-repository';
import { freshDatabase } from './helpers';
import { MEETING_ID, renderAt, sampleStore } from './meetings-helpers';

afterEach(() => {
  window.location.hash = '';
});

describe('meetings list and set-up', () => {
  it('lists the sample meeting and sets up a new one from the standard agenda', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt('#/meetings', db);
    expect(await screen.findByRole('link', { name: 'Run the meeting of 21 January 2027' })).toHaveAttribute(
      'href',
      `#/meetings/live?meeting=${MEETING_ID}`,
    );
    expect(screen.getByText('Northmoor SEND Oversight Board: 11 on the register.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Set up the meeting' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Give the meeting’s date.');
    expect(screen.getByLabelText('Date')).toHaveFocus();
    await user.type(screen.getByLabelText('Date'), '2027-02-18');
    await user.type(screen.getByRole('textbox', { name: 'Place' }), 'Council Chamber');
    // The time is 24-hour text: 14:00 unless changed; a time written another way is refused with how to write it.
    const time = screen.getByRole('textbox', { name: 'Time' });
    expect(time).toHaveValue('14:00');
    await user.clear(time);
    await user.type(time, '9.30');
    await user.click(screen.getByRole('button', { name: 'Set up the meeting' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Give the meeting’s time as hh:mm (24-hour), for example 14:00.'),
    );
    expect(time).toHaveFocus();
    expect(await listMeetings(db)).toHaveLength(1);
    await user.clear(time);
    await user.type(time, '9:30');
    await user.click(screen.getByRole('button', { name: 'Set up the meeting' }));
    await screen.findByRole('heading', { level: 1, name: 'Agenda: meeting of 18 February 2027' });
    const created = (await listMeetings(db))[0];
    expect(created).toMatchObject({
      date: '2027-02-18',
      time: '09:30',
      place: 'Council Chamber',
      planId: 'northmoor-send-app',
      previousMeetingId: MEETING_ID,
    });
    expect(created?.agenda.map((item) => item.title)).toContain('Declarations of interest');
  });

  it('edits the agenda: adds an item by Enter, marks it exempt, links a plan area, moves and removes items', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt(`#/meetings/agenda?meeting=${MEETING_ID}`, db);
    const title = await screen.findByRole('textbox', { name: 'Title' });
    await user.type(title, 'Young people’s panel{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Title of item 10' })).toHaveValue('Young people’s panel'));
    expect(title).toHaveFocus();
    await user.click(screen.getByRole('checkbox', { name: 'Exempt (item 10)' }));
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.agenda[9]?.isExempt).toBe(true));
    expect(screen.getAllByText('Exempt: confidential, kept out of published exports')).toHaveLength(2);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Link an area or action to item 10' }), 'area:area-3');
    expect(await screen.findByRole('button', { name: /^Unlink Area 3: .* from item 10$/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Move item 10 up' }));
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.agenda[8]?.title).toBe('Young people’s panel'));
    await user.click(screen.getByRole('button', { name: 'Remove item 10' }));
    await waitFor(async () => expect((await db.meetings.get(MEETING_ID))?.agenda).toHaveLength(9));
    expect(screen.getByTestId('save-status')).toHaveTextContent(/^All changes saved at/);
  }, 20_000);

  it('keeps the board register and terms of reference, refusing a pattern without a sequence number', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    renderAt('#/meetings/board', db);
    expect(await screen.findByText('Nobody is on the register yet. Add the members below.')).toBeInTheDocument();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, 'Cllr Ada Okafor');
    await user.type(screen.getByRole('combobox', { name: 'Organisation' }), 'Labour group{Enter}');
    await screen.findByRole('textbox', { name: 'Name of Cllr Ada Okafor' });
    expect(name).toHaveFocus();
    await user.type(name, 'Rachel Osei');
    await user.type(screen.getByRole('combobox', { name: 'Organisation' }), 'Department for Education');
    await user.click(screen.getByRole('checkbox', { name: 'Votes' }));
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await screen.findByRole('textbox', { name: 'Name of Rachel Osei' });
    expect(screen.getByRole('checkbox', { name: 'Rachel Osei votes' })).not.toBeChecked();

    const terms = screen.getByRole('region', { name: 'Terms of reference' });
    await user.click(within(terms).getByRole('checkbox', { name: 'Labour group' }));
    await user.click(within(terms).getByRole('radio', { name: 'Two thirds of votes cast' }));
    const pattern = within(terms).getByRole('textbox', { name: 'Decision numbering pattern' });
    await user.clear(pattern);
    await user.type(pattern, 'SOB/{{yyyy}');
    expect(screen.getByText(/The pattern needs one sequence number/)).toBeInTheDocument();
    expect(pattern).toHaveAttribute('aria-invalid', 'true');
    await user.tab();
    await user.type(pattern, '/{{nnn}');
    expect(screen.getByText(/Next this year: SOB\/\d{4}\/001/)).toBeInTheDocument();
    await user.tab();
    await waitFor(async () =>
      expect((await getBoard(db))?.terms).toMatchObject({
        majority: 'two-thirds',
        decisionPattern: 'SOB/{yyyy}/{nnn}',
        quorum: { requiredOrganisations: ['Labour group'] },
      }),
    );
    expect((await getBoard(db))?.members.map((member) => [member.name, member.isVoting])).toEqual([
      ['Cllr Ada Okafor', true],
      ['Rachel Osei', false],
    ]);
  });
});
