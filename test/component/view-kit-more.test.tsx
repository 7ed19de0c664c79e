import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PageTabs } from '../../renderer/components/page-tabs';

// The rest of the view kit: the pieces that replaced scaffolding repeated across the views.

describe('the page tabs', () => {
  const tabs = [
    { key: 'a', href: '#/plan/dashboard', label: 'Dashboard', isCurrent: false },
    { key: 'b', href: '#/plan/actions', label: 'Actions', isCurrent: true },
    { key: 'c', href: '#/plan/measures', label: 'Measures' },
  ];

  it('is a named navigation landmark of links with only the current one marked', () => {
    render(<PageTabs label="This plan" tabs={tabs} />);
    const nav = screen.getByRole('navigation', { name: 'This plan' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Dashboard', 'Actions', 'Measures']);
    expect(within(nav).getByRole('link', { name: 'Actions' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).not.toHaveAttribute('aria-current');
    expect(within(nav).getByRole('link', { name: 'Measures' })).not.toHaveAttribute('aria-current');
    expect(within(nav).getByRole('list').tagName).toBe('UL');
  });

  it('puts never-current links first, an ordered list when asked, and what it is given under the links', () => {
    render(
      <PageTabs label="Sections" isOrdered before={[{ key: 'all', href: '#/plan', label: 'All plans' }]} tabs={tabs} className="review-nav">
        <p>Invented plan</p>
      </PageTabs>,
    );
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(nav).toHaveClass('review-nav');
    expect(within(nav).getByRole('list').tagName).toBe('OL');
    expect(within(nav).getAllByRole('link')[0]).toHaveAccessibleName('All plans');
    expect(within(nav).getByRole('link', { name: 'All plans' })).toHaveAttribute('href', '#/plan');
    expect(within(nav).getByRole('link', { name: 'All plans' })).not.toHaveAttribute('aria-current');
    expect(within(nav).getByText('Invented plan')).toBeInTheDocument();
  });

  it('is reached link by link with Tab, in order', async () => {
    const user = userEvent.setup();
    render(<PageTabs label="This plan" tabs={tabs} />);
    await user.tab();
    expect(screen.getByRole('link', { name: 'Dashboard' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Actions' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Measures' })).toHaveFocus();
  });
});
