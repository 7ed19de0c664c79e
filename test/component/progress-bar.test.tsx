import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ProgressBar } from '../../renderer/components/progress-bar';

// Storing a huge plan shows how many records are stored, and offers to cancel.

describe('the import progress bar', () => {
  it('counts records while storing and cancels on request', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    render(<ProgressBar progress={{ fileName: 'big.plan.json', phase: 'storing', loaded: 4000, total: 61234 }} onCancel={onCancel} />);
    expect(screen.getByRole('progressbar', { name: 'Storing big.plan.json' })).toHaveAttribute('value', '4000');
    expect(screen.getByText('4,000 of 61,234 records', { selector: '.progress-amount' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('offers no cancel while main is still reading the file', () => {
    render(
      <ProgressBar progress={{ fileName: 'big.plan.json', phase: 'reading', loaded: 1024, total: 2048 }} onCancel={() => undefined} />,
    );
    expect(screen.getByRole('progressbar', { name: 'Reading big.plan.json' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel import' })).not.toBeInTheDocument();
  });
});
