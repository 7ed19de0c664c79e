import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NotOnThisLaptop } from '../../renderer/components/not-on-laptop';
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
