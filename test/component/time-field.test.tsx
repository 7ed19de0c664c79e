import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TimeField } from '../../renderer/components/time-field';

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  const [isTime, setIsTime] = useState(true);
  const [resets, setResets] = useState(0);
  return (
    <>
      <label htmlFor="at">At</label>
      <TimeField
        id="at"
        value={value}
        resetSignal={resets}
        onChange={(time, nextIsTime) => {
          setValue(time);
          setIsTime(nextIsTime);
        }}
      />
      <output data-testid="time">{value}</output>
      <output data-testid="is-time">{String(isTime)}</output>
      <button type="button" onClick={() => setResets((count) => count + 1)}>
        Put back
      </button>
    </>
  );
}

describe('TimeField', () => {
  it('shows the stored time as hh:mm and reports a typed time as HH:MM, shown the one way once the user leaves', async () => {
    const user = userEvent.setup();
    render(<Harness initial="14:00:00" />);
    const field = screen.getByRole('textbox', { name: 'At' });
    expect(field).toHaveValue('14:00');
    expect(field).toHaveAttribute('placeholder', 'hh:mm');
    expect(field).toHaveAccessibleDescription('Hours and minutes, 24-hour, for example 14:00.');
    await user.clear(field);
    await user.type(field, '9:05');
    expect(screen.getByTestId('time')).toHaveTextContent('09:05');
    expect(field).toHaveValue('9:05');
    await user.tab();
    expect(field).toHaveValue('09:05');
  });

  it('reports text that is not a time as not a time, says why once the user leaves, and tells it apart from a cleared field', async () => {
    const user = userEvent.setup();
    render(<Harness initial="14:00" />);
    const field = screen.getByRole('textbox', { name: 'At' });
    await user.clear(field);
    await user.type(field, '2.30pm');
    expect(screen.getByTestId('time')).toBeEmptyDOMElement();
    expect(screen.getByTestId('is-time')).toHaveTextContent('false');
    expect(field).not.toHaveAttribute('aria-invalid');
    await user.tab();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Enter the time as hh:mm with a colon \(24-hour\), for example 14:00\./);
    // Cleared, the field is empty rather than wrong: a parent may now clear the stored time.
    await user.clear(field);
    expect(screen.getByTestId('is-time')).toHaveTextContent('true');
    expect(field).not.toHaveAttribute('aria-invalid');
  });

  it('puts back the stored time on a reset, even when the stored time has not changed', async () => {
    const user = userEvent.setup();
    render(<Harness initial="" />);
    const field = screen.getByRole('textbox', { name: 'At' });
    await user.type(field, 'soon');
    expect(field).toHaveValue('soon');
    await user.click(screen.getByRole('button', { name: 'Put back' }));
    await waitFor(() => expect(field).toHaveValue(''));
    expect(screen.getByTestId('is-time')).toHaveTextContent('false');
  });
});
