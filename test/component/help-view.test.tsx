import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../renderer/app/routes';
import { GUIDE } from '../../renderer/help/guide';
import { HelpView } from '../../renderer/help/help-view';
import { renderWithServices } from './helpers';

describe('the user guide', () => {
  it('has a page for each role, and every "Go to" link leads to a view the app has', () => {
    expect(GUIDE.map((page) => page.role)).toEqual(['councillor', 'chair', 'clerk']);
    for (const page of GUIDE) {
      expect(page.tasks.length, page.role).toBeGreaterThan(0);
      for (const task of page.tasks) if (task.go) expect(Object.keys(ROUTES), task.title).toContain(task.go.path);
    }
  });

  it('shows a role’s tasks as numbered steps', () => {
    renderWithServices(<HelpView role="clerk" />);
    expect(screen.getByRole('heading', { level: 1, name: 'The clerk' })).toBeInTheDocument();
    const task = screen.getByRole('region', { name: 'Export the minutes, logs and reports' });
    expect(task.querySelectorAll('ol > li').length).toBe(3);
    expect(screen.getAllByRole('link', { name: 'Go to Exports' })[0]).toHaveAttribute('href', '#/exports');
  });

  it('answers a role it does not know with the contents and a message, quoting at most 40 characters', () => {
    renderWithServices(<HelpView role={`<script>${'x'.repeat(100)}`} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Help' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(`There is no guide for “<script>${'x'.repeat(32)}”`);
    expect(screen.getByRole('link', { name: 'The chair' })).toHaveAttribute('href', '#/help?role=chair');
  });
});
