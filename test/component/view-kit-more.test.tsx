import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createRef, useState } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConfirmAction, ConfirmBox, OutcomeRegion } from '../../renderer/components/confirm-action';
import { DataTable } from '../../renderer/components/data-table';
import { CheckField, CheckFields, Field, TextField } from '../../renderer/components/field';
import { Dialog } from '../../renderer/components/dialog';
import { RadioGroup } from '../../renderer/components/radio-group';
import { PageTabs } from '../../renderer/components/page-tabs';
import { UndoProvider } from '../../renderer/components/undo-toast';
import { useTask } from '../../renderer/components/use-task';

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

describe('confirm, then do, then say done', () => {
  it('asks in a named group first, does nothing on "Keep it", and says the outcome politely once confirmed', async () => {
    const user = userEvent.setup();
    const done: string[] = [];
    render(
      <ConfirmAction
        label="Remove this plan…"
        question="Remove “Northshire” from this laptop? This cannot be undone."
        confirmLabel="Remove “Northshire”"
        onConfirm={async () => {
          done.push('removed');
          return '“Northshire” was removed.';
        }}
        failure={(reason) => `Nothing was removed: ${reason}`}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Remove this plan…' }));
    const group = screen.getByRole('group', { name: 'Remove this plan' });
    expect(within(group).getByText(/This cannot be undone\./)).toBeInTheDocument();
    await user.click(within(group).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
    expect(done).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Remove this plan…' }));
    const confirm = screen.getByRole('button', { name: 'Remove “Northshire”' });
    expect(confirm).toHaveClass('danger');
    await user.click(confirm);
    await waitFor(() => expect(screen.getByText('“Northshire” was removed.').parentElement).toHaveAttribute('aria-live', 'polite'));
    expect(done).toEqual(['removed']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('answers a failure with an alert that gives the reason, and is usable by keyboard alone', async () => {
    const user = userEvent.setup();
    render(
      <ConfirmAction
        label="Remove the sample…"
        groupLabel="Confirm removing the sample"
        question="Remove the sample?"
        confirmLabel="Remove the sample"
        keepLabel="Not now"
        onConfirm={() => Promise.reject(new Error('the store is locked'))}
        failure={(reason) => `The sample was not removed: ${reason}`}
      />,
    );
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove the sample…' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const group = screen.getByRole('group', { name: 'Confirm removing the sample' });
    expect(within(group).getByRole('button', { name: 'Not now' })).toBeInTheDocument();
    await user.tab();
    expect(within(group).getByRole('button', { name: 'Remove the sample' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The sample was not removed: the store is locked'));
  });

  it('hands the outcome to the caller when asked, and offers an undo through the window’s toast', async () => {
    const user = userEvent.setup();
    const outcomes: unknown[] = [];
    let isBack = false;
    render(
      <UndoProvider>
        <ConfirmAction
          label="Remove earlier versions…"
          question="Remove 2 earlier versions?"
          confirmLabel="Remove"
          onConfirm={async () => 'Removed 2 earlier versions.'}
          failure={(reason) => reason}
          onOutcome={(outcome) => outcomes.push(outcome)}
        />
        <ConfirmAction
          label="Delete this note…"
          question="Delete this note?"
          confirmLabel="Delete"
          onConfirm={async () => ({
            message: 'Note deleted.',
            undo: async () => {
              isBack = true;
            },
          })}
          failure={(reason) => reason}
        />
      </UndoProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Remove earlier versions…' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(outcomes).toEqual([{ message: 'Removed 2 earlier versions.' }]));
    expect(screen.queryByText('Removed 2 earlier versions.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete this note…' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const toast = screen.getByTestId('undo-toast');
    await waitFor(() => expect(toast).toHaveTextContent('Note deleted.'));
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(toast).toHaveTextContent('Restored.'));
    expect(isBack).toBe(true);
  });

  it('names the question group by the question when no label is given, and moves focus where the view asks', () => {
    const ref = createRef<HTMLButtonElement>();
    render(
      <ConfirmBox
        question="Approve the minutes and lock them?"
        confirmLabel="Yes, approve and lock"
        keepLabel="Not yet"
        isDanger={false}
        confirmRef={ref}
        onConfirm={() => undefined}
        onKeep={() => undefined}
      />,
    );
    const group = screen.getByRole('group', { name: 'Approve the minutes and lock them?' });
    expect(within(group).getByRole('button', { name: 'Yes, approve and lock' })).not.toHaveClass('danger');
    expect(ref.current).toBe(within(group).getByRole('button', { name: 'Yes, approve and lock' }));
  });
});

describe('a step that takes a while', () => {
  function Step({ work }: { work: (say: (message: string) => void) => Promise<void> }) {
    const { isBusy, message, error, run } = useTask();
    return (
      <>
        <button type="button" disabled={isBusy} onClick={() => void run(work)}>
          Back up now
        </button>
        <OutcomeRegion message={message} error={error} testId="step-message" errorTestId="step-error" />
      </>
    );
  }

  it('is busy while it runs, says its progress, and keeps the last message', async () => {
    const user = userEvent.setup();
    let finish = () => {};
    render(
      <Step
        work={async (say) => {
          say('Backing up…');
          await new Promise<void>((resolve) => (finish = resolve));
          say('Backed up.');
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(screen.getByTestId('step-message')).toHaveTextContent('Backing up…'));
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeDisabled();
    act(() => finish());
    await waitFor(() => expect(screen.getByTestId('step-message')).toHaveTextContent('Backed up.'));
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeEnabled();
    expect(screen.getByTestId('step-message')).toHaveAttribute('aria-live', 'polite');
  });

  it('turns a failure into an alert and clears the progress, and lets the member try again', async () => {
    const user = userEvent.setup();
    render(
      <Step
        work={async (say) => {
          say('Wiping…');
          throw new Error('Nothing was wiped: the backup before wiping failed.');
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Nothing was wiped: the backup before wiping failed.'));
    expect(screen.getByTestId('step-error')).toBe(screen.getByRole('alert'));
    expect(screen.getByTestId('step-message')).toBeEmptyDOMElement();
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeEnabled();
  });
});

describe('the dialog', () => {
  it('is an open dialog named by its h2, holding what it is given', () => {
    render(
      <Dialog title="Keyboard shortcuts" className="shortcuts-dialog" onCancel={() => undefined}>
        <button type="button">Close</button>
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveClass('shortcuts-dialog');
    expect(within(dialog).getByRole('heading', { level: 2, name: 'Keyboard shortcuts' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('calls its cancel on Escape (the dialog’s cancel event), and takes the id the caller builds on', () => {
    const cancelled: string[] = [];
    render(
      <Dialog title="Confirm the columns of tracker.xlsx" titleId="mapping-title" onCancel={() => cancelled.push('cancel')}>
        <label htmlFor="mapping-title-plan">Plan title</label>
        <input id="mapping-title-plan" />
      </Dialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Confirm the columns of tracker.xlsx' });
    expect(dialog).toHaveAttribute('aria-labelledby', 'mapping-title');
    expect(screen.getByRole('textbox', { name: 'Plan title' })).toBeInTheDocument();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(cancelled).toEqual(['cancel']);
  });
});

describe('the radio group', () => {
  const options = [
    { value: 'minutes', label: 'Minutes of a meeting', hint: 'Marked DRAFT until approved.' },
    { value: 'decision-log', label: 'Decision log', hint: 'One row per decision.' },
    { value: 'action-log', label: 'Action log' },
  ] as const;

  function Choice({ initial = 'minutes' }: { initial?: string }) {
    const [value, setValue] = useState(initial);
    return (
      <RadioGroup legend="What to export" name="what" listClassName="exports-choices" options={options} value={value} onChange={setValue}>
        <p>Exempt items stay out.</p>
      </RadioGroup>
    );
  }

  it('is a group named by its legend, each answer named by its words and described by its hint', () => {
    render(<Choice />);
    const group = screen.getByRole('group', { name: 'What to export' });
    const minutes = within(group).getByRole('radio', { name: /Minutes of a meeting/ });
    expect(minutes).toBeChecked();
    expect(minutes).toHaveAccessibleDescription('Marked DRAFT until approved.');
    expect(within(group).getByRole('radio', { name: 'Action log' })).not.toHaveAttribute('aria-describedby');
    expect(
      within(group)
        .getAllByRole('radio')
        .every((radio) => radio.getAttribute('name') === 'what'),
    ).toBe(true);
    expect(within(group).getByText('Exempt items stay out.')).toBeInTheDocument();
  });

  it('changes by click on the words and by arrow keys, one answer at a time', async () => {
    const user = userEvent.setup();
    render(<Choice />);
    await user.click(screen.getByText('Decision log'));
    expect(screen.getByRole('radio', { name: /Decision log/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Minutes of a meeting/ })).not.toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Action log' })).toBeChecked();
    expect(screen.getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).checked)).toHaveLength(1);
  });

  it('checks nothing when the value is none of its answers', () => {
    render(<Choice initial="tracker" />);
    expect(screen.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
  });
});

describe('the data table’s hidden column and quiet empty state', () => {
  it('names a column of buttons for screen readers only', () => {
    render(
      <DataTable
        caption="Members of the board"
        columns={['Name', { label: 'Remove', isHidden: true }]}
        rows={[{ id: 'm1', name: 'Ada' }]}
        empty="None."
      >
        {(row) => (
          <tr key={row.id}>
            <td>{row.name}</td>
            <td>
              <button type="button">Remove {row.name}</button>
            </td>
          </tr>
        )}
      </DataTable>,
    );
    const heading = screen.getByRole('columnheader', { name: 'Remove' });
    expect(heading).toHaveAttribute('scope', 'col');
    expect(within(heading).getByText('Remove')).toHaveClass('visually-hidden');
    expect(screen.getByRole('columnheader', { name: 'Name' })).toBeInTheDocument();
  });

  it('says "none" in the class it is given', () => {
    render(
      <DataTable caption="Milestones" columns={['Milestone']} rows={[]} empty="No milestones." emptyClassName="muted">
        {() => null}
      </DataTable>,
    );
    expect(screen.getByText('No milestones.')).toHaveClass('muted');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('the field', () => {
  it('labels its control, so the label names it and a click on the words focuses it', async () => {
    const user = userEvent.setup();
    render(
      <Field id="live-action-owner" label="Owner (role)" className="field-wide">
        <input id="live-action-owner" type="text" />
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Owner (role)' });
    expect(input.parentElement).toHaveClass('field', 'field-wide');
    await user.click(screen.getByText('Owner (role)'));
    expect(input).toHaveFocus();
  });
});

describe('the text and check fields', () => {
  it('a text field is named by its label and reports each change; its datalist and ref reach the input', async () => {
    const user = userEvent.setup();
    const ref = createRef<HTMLInputElement>();
    const typed: string[] = [];
    function Harness() {
      const [value, setValue] = useState('');
      return (
        <>
          <datalist id="organisations">
            <option value="Parent carer forum" />
          </datalist>
          <TextField
            id="member-organisation"
            label="Organisation"
            list="organisations"
            inputRef={ref}
            value={value}
            onChange={(next) => {
              typed.push(next);
              setValue(next);
            }}
          />
        </>
      );
    }
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Organisation' });
    expect(ref.current).toBe(input);
    await user.type(input, 'NHS');
    expect(input).toHaveValue('NHS');
    expect(typed).toEqual(['N', 'NH', 'NHS']);
  });

  it('a check field is named by its words and toggles by keyboard', async () => {
    const user = userEvent.setup();
    const seen: boolean[] = [];
    function Harness() {
      const [checked, setChecked] = useState(false);
      return (
        <CheckFields>
          <CheckField
            label="Decision required"
            checked={checked}
            onChange={(next) => {
              seen.push(next);
              setChecked(next);
            }}
          />
        </CheckFields>
      );
    }
    render(<Harness />);
    const box = screen.getByRole('checkbox', { name: 'Decision required' });
    expect(box.closest('span')).toHaveClass('field', 'field-check');
    box.focus();
    await user.keyboard(' ');
    expect(box).toBeChecked();
    await user.keyboard(' ');
    expect(seen).toEqual([true, false]);
  });
});
