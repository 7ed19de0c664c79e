import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable } from '../../renderer/components/data-table';
import { FormError } from '../../renderer/components/form-error';
import { NotOnThisLaptop } from '../../renderer/components/not-on-laptop';
import { StatusTag } from '../../renderer/components/status-tag';
import { ViewTitle } from '../../renderer/components/view-title';

// The small kit the views are built from: each piece says the same thing the same way everywhere.

describe('the view title', () => {
  it('is the one h1, focusable by the shell after navigation but not a tab stop', () => {
    render(<ViewTitle>Dashboard: Northshire plan</ViewTitle>);
    const heading = screen.getByRole('heading', { level: 1, name: 'Dashboard: Northshire plan' });
    expect(heading).toHaveAttribute('id', 'view-title');
    expect(heading).toHaveAttribute('tabindex', '-1');
  });
});

describe('"not on this laptop"', () => {
  it('says a plan is missing under the view title, with a link back to the plans', () => {
    render(<NotOnThisLaptop thing="plan" title="Measures" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Measures' })).toBeInTheDocument();
    expect(screen.getByText(/That plan is not on this laptop\./)).toHaveClass('empty-state');
    expect(screen.getByRole('link', { name: 'plans' })).toHaveAttribute('href', '#/plan');
  });

  it('names an action, and sends back to the plans', () => {
    render(<NotOnThisLaptop thing="action" title="Action not found" />);
    expect(screen.getByText(/That action is not on this laptop\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'plans' })).toHaveAttribute('href', '#/plan');
  });

  it('sends a missing meeting back to the meetings, and adds no heading where the view has its own', () => {
    render(<NotOnThisLaptop thing="meeting" />);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    expect(screen.getByText(/That meeting is not on this laptop\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'meetings' })).toHaveAttribute('href', '#/meetings');
  });
});

describe('the data table', () => {
  const columns = ['Date', 'Meeting'];
  const table = (rows: Array<{ id: string; date: string; title: string }> | undefined, isCaptionHidden = false) => (
    <DataTable caption="Meetings of the board" isCaptionHidden={isCaptionHidden} columns={columns} rows={rows} empty="No meetings yet.">
      {(row) => (
        <tr key={row.id}>
          <td>{row.date}</td>
          <td>{row.title}</td>
        </tr>
      )}
    </DataTable>
  );

  it('says it is loading until the rows arrive, then that there are none', () => {
    const { rerender } = render(table(undefined));
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    rerender(table([]));
    expect(screen.getByText('No meetings yet.')).toHaveClass('empty-state');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('names the table by its caption and scopes each heading to its column', () => {
    render(
      table([
        { id: 'a', date: '3 March 2026', title: 'Board' },
        { id: 'b', date: '7 April 2026', title: 'Extra' },
      ]),
    );
    const grid = screen.getByRole('table', { name: 'Meetings of the board' });
    expect(screen.getAllByRole('columnheader').map((cell) => [cell.textContent, cell.getAttribute('scope')])).toEqual([
      ['Date', 'col'],
      ['Meeting', 'col'],
    ]);
    expect(grid.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByRole('cell', { name: 'Extra' })).toBeInTheDocument();
  });

  it('keeps a hidden caption for screen readers', () => {
    render(table([{ id: 'a', date: '3 March 2026', title: 'Board' }], true));
    expect(screen.getByRole('table', { name: 'Meetings of the board' }).querySelector('caption')).toHaveClass('visually-hidden');
  });
});

describe('the status tag', () => {
  it('shows the status in words, with the tone as its class', () => {
    render(<StatusTag tone="approved">Approved and locked</StatusTag>);
    expect(screen.getByText('Approved and locked')).toHaveClass('status-tag', 'status-approved');
  });
});

describe('the form error', () => {
  it('says nothing while there is no error', () => {
    render(<FormError message={null} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('announces the refusal at once, under the id a field points to', () => {
    render(
      <>
        <input aria-label="Title" aria-describedby="title-error" />
        <FormError id="title-error" message="Give the meeting a title." />
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Give the meeting a title.');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription('Give the meeting a title.');
  });
});
