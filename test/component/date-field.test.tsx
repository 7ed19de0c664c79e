import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField } from '../../renderer/components/date-field';
import { listMeetings } from '../../renderer/meetings/meeting-repository';
import { renderAt, sampleStore } from './meetings-helpers';

afterEach(() => {
  window.location.hash = '';
});

function Harness({ initial = '', min }: { initial?: string; min?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="when">When</label>
      <DateField id="when" value={value} min={min} onChange={setValue} />
      <output data-testid="iso">{value}</output>
      <button type="button" onClick={() => setValue('2030-06-01')}>
        Reset
      </button>
    </>
  );
}

describe('DateField', () => {
  it('shows the stored date as dd/mm/yyyy and reports a typed date, day first, as ISO', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2027-01-14" />);
    const field = screen.getByRole('textbox', { name: 'When' });
    expect(field).toHaveValue('14/01/2027');
    expect(field).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    expect(field).toHaveAccessibleDescription('Day, month and year, for example 14/01/2027.');
    await user.clear(field);
    await user.type(field, '5/2/2027');
    expect(screen.getByTestId('iso')).toHaveTextContent('2027-02-05');
    // The text the user typed stays as typed until they leave the field, then reads the one way.
    expect(field).toHaveValue('5/2/2027');
    await user.tab();
    expect(field).toHaveValue('05/02/2027');
  });

  it('says what is wrong with a date that is not one, once the user leaves it, and reports no date', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2027-01-14" />);
    const field = screen.getByRole('textbox', { name: 'When' });
    await user.clear(field);
    await user.type(field, '12/31/2027');
    expect(screen.getByTestId('iso')).toBeEmptyDOMElement();
    expect(field).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/There is no month 31: the month comes second, for example 14\/01\/2027\./);
    expect(field).toHaveValue('12/31/2027');
  });

  it('refuses a date before the earliest allowed', async () => {
    const user = userEvent.setup();
    render(<Harness min="2027-01-21" />);
    const field = screen.getByRole('textbox', { name: 'When' });
    await user.type(field, '20/01/2027');
    await user.tab();
    expect(screen.getByTestId('iso')).toBeEmptyDOMElement();
    expect(screen.getByText('The date must be on or after 21/01/2027.')).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '21/01/2027');
    expect(screen.getByTestId('iso')).toHaveTextContent('2027-01-21');
  });

  it('takes a new date from outside', async () => {
    const user = userEvent.setup();
    render(<Harness initial="2027-01-14" />);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'When' })).toHaveValue('01/06/2030'));
  });
});

describe('the meeting date picker', () => {
  it('sets up a meeting from a date typed day first (05/02/2027 is 5 February, not 2 May)', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt('#/meetings', db);
    const date = await screen.findByRole('textbox', { name: 'Date' });
    expect(date).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    await user.type(date, '05/02/2027');
    await user.click(screen.getByRole('button', { name: 'Set up the meeting' }));
    await screen.findByRole('heading', { level: 1, name: 'Agenda: meeting of 5 February 2027' });
    expect((await listMeetings(db))[0]?.date).toBe('2027-02-05');
    // And the agenda's own date field shows it the same way.
    expect(await screen.findByRole('textbox', { name: 'Date' })).toHaveValue('05/02/2027');
  });

  it('refuses 31/02/2027 with the reason, and creates nothing', async () => {
    const user = userEvent.setup();
    const db = await sampleStore();
    renderAt('#/meetings', db);
    const before = (await listMeetings(db)).length;
    await user.type(await screen.findByRole('textbox', { name: 'Date' }), '31/02/2027');
    await user.click(screen.getByRole('button', { name: 'Set up the meeting' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Give the meeting’s date.');
    expect(screen.getByText('There is no 31 in that month (it has 28 days).')).toBeInTheDocument();
    expect(await listMeetings(db)).toHaveLength(before);
  });
});
