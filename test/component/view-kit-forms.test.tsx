import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { NoteForm } from '../../renderer/components/note-form';
import { PlanSelect, type PlanChoice } from '../../renderer/components/plan-select';
import { QuickForm, useQuickEntry } from '../../renderer/components/quick-form';
import { SavedLine } from '../../renderer/components/saved-notice';
import { fakeBridge, renderWithServices } from './helpers';

// The last kit pieces: a short written reply in place (note form), a choice of plan, a one-line
// add form, and a save's outcome line.

function NoteHarness({ isRequired = false, onSaved }: { isRequired?: boolean; onSaved: (text: string) => void }) {
  const [text, setText] = useState('');
  const [isOpen, setOpen] = useState(true);
  return isOpen ? (
    <NoteForm
      label="The answer as given at the meeting"
      value={text}
      onChange={setText}
      isRequired={isRequired}
      submitLabel="Save answer"
      onSubmit={() => onSaved(text)}
      onCancel={() => setOpen(false)}
    />
  ) : (
    <p>Closed</p>
  );
}

describe('the note form', () => {
  it('names its textarea by the visible label, and saves what was typed by keyboard alone', async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    render(<NoteHarness onSaved={(text) => saved.push(text)} />);
    const box = screen.getByRole('textbox', { name: 'The answer as given at the meeting' });
    expect(box.tagName).toBe('TEXTAREA');
    expect(box).not.toBeRequired();
    await user.tab();
    expect(box).toHaveFocus();
    await user.keyboard('Answered by the head of service');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Save answer' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(saved).toEqual(['Answered by the head of service']));
  });

  it('cancels without saving, Cancel being the next tab stop after Save', async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    render(<NoteHarness onSaved={(text) => saved.push(text)} />);
    await user.type(screen.getByRole('textbox', { name: 'The answer as given at the meeting' }), 'Half a thought');
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveAttribute('type', 'button');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByText('Closed')).toBeInTheDocument());
    expect(saved).toEqual([]);
  });

  it('marks its textarea required when asked, so an empty reply is not sent by the browser', async () => {
    const user = userEvent.setup();
    const saved: string[] = [];
    render(<NoteHarness isRequired onSaved={(text) => saved.push(text)} />);
    expect(screen.getByRole('textbox', { name: 'The answer as given at the meeting' })).toBeRequired();
    await user.click(screen.getByRole('button', { name: 'Save answer' }));
    expect(saved).toEqual([]);
  });
});

const plans: PlanChoice[] = [
  { id: 'northshire', header: { title: 'Northshire SEND plan' } },
  { id: 'eastvale', header: { title: 'Eastvale improvement plan' } },
];

describe('the plan select', () => {
  it('offers "No plan" first, then the plans by title, named by the caller’s label', () => {
    render(
      <>
        <label htmlFor="plan">Plan under review</label>
        <PlanSelect id="plan" plans={plans} defaultValue="" />
      </>,
    );
    const select = screen.getByRole('combobox', { name: 'Plan under review' });
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['No plan', 'Northshire SEND plan', 'Eastvale improvement plan']);
    expect(options.map((option) => option.getAttribute('value'))).toEqual(['', 'northshire', 'eastvale']);
    expect(select).toHaveValue('');
  });

  it('offers only "No plan" while the plans load', () => {
    render(<PlanSelect aria-label="Plan" plans={undefined} />);
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['No plan']);
  });

  it('as a controlled select, says each keyboard choice and can be disabled', async () => {
    const user = userEvent.setup();
    const chosen: string[] = [];
    function Harness({ isLocked }: { isLocked: boolean }) {
      const [value, setValue] = useState('');
      return (
        <PlanSelect
          aria-label="Plan under review"
          plans={plans}
          value={value}
          disabled={isLocked}
          onChange={(event) => {
            chosen.push(event.target.value);
            setValue(event.target.value);
          }}
        />
      );
    }
    const { rerender } = render(<Harness isLocked={false} />);
    const select = screen.getByRole('combobox', { name: 'Plan under review' });
    await user.tab();
    expect(select).toHaveFocus();
    await user.selectOptions(select, 'Eastvale improvement plan');
    await waitFor(() => expect(select).toHaveValue('eastvale'));
    expect(chosen).toEqual(['eastvale']);
    rerender(<Harness isLocked />);
    expect(select).toBeDisabled();
  });

  it('as a form’s uncontrolled select, sends its chosen plan under its name', async () => {
    const user = userEvent.setup();
    let sent: string | null = null;
    render(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          sent = String(new FormData(event.currentTarget).get('plan'));
        }}
      >
        <PlanSelect aria-label="Plan" name="plan" plans={plans} defaultValue="northshire" noneLabel="Not linked" />
        <button type="submit">Set up</button>
      </form>,
    );
    expect(screen.getByRole('option', { name: 'Not linked' })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Set up' }));
    await waitFor(() => expect(sent).toBe('northshire'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Plan' }), 'Not linked');
    await user.click(screen.getByRole('button', { name: 'Set up' }));
    await waitFor(() => expect(sent).toBe(''));
  });
});

function QuickHarness({ isSection = false }: { isSection?: boolean }) {
  const nameRef = useRef<HTMLInputElement>(null);
  const { fields, set, error, refuse, take } = useQuickEntry({ name: '', role: '' });
  const [added, setAdded] = useState<string[]>([]);
  return (
    <>
      <QuickForm
        title="Add a member"
        headingLevel={isSection ? 3 : undefined}
        isTitleVisible={isSection}
        firstFieldRef={nameRef}
        error={error}
        submitLabel="Add member"
        onSubmit={() => {
          if (fields.name.trim() === '') return refuse('Give the member’s name.');
          setAdded((current) => [...current, `${fields.name.trim()} (${fields.role})`]);
          return take();
        }}
      >
        <label htmlFor="quick-name">Name</label>
        <input ref={nameRef} id="quick-name" type="text" value={fields.name} onChange={(event) => set({ name: event.target.value })} />
        <label htmlFor="quick-role">Role</label>
        <input id="quick-role" type="text" value={fields.role} onChange={(event) => set({ role: event.target.value })} />
      </QuickForm>
      <ul aria-label="Added">
        {added.map((entry) => (
          <li key={entry}>{entry}</li>
        ))}
      </ul>
    </>
  );
}

describe('the quick form', () => {
  it('is a form named by its heading: an unseen h4 by default, a visible h3 for a page’s section', () => {
    const { unmount } = render(<QuickHarness />);
    expect(screen.getByRole('form', { name: 'Add a member' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Add a member' })).toHaveClass('visually-hidden');
    unmount();
    render(<QuickHarness isSection />);
    expect(screen.getByRole('form', { name: 'Add a member' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Add a member' })).not.toHaveClass('visually-hidden');
  });

  it('refuses with an alert and leaves focus where it was; takes an entry by Enter, empties the fields and puts focus back on the first', async () => {
    const user = userEvent.setup();
    render(<QuickHarness />);
    await user.click(screen.getByRole('textbox', { name: 'Role' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Give the member’s name.'));
    expect(screen.getByRole('textbox', { name: 'Role' })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Priya Shah');
    await user.type(screen.getByRole('textbox', { name: 'Role' }), 'Chair{Enter}');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Added' })).toHaveTextContent('Priya Shah (Chair)'));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    // The entry taken: the fields are empty again and the refusal is gone.
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Role' })).toHaveValue('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the saved line', () => {
  const SAVED_ID = '6f1f3c1e-2b0e-4f7a-9d7e-3c5a1b2d4e6f';

  it('says the save and offers "Show in folder" by keyboard, asking main by the id it gave the file', async () => {
    const user = userEvent.setup();
    const bridge = fakeBridge({ 'shell:show-saved': () => ({ shown: true }) });
    renderWithServices(
      <SavedLine
        text="Saved minutes.docx to /home/amina/Documents."
        saved={{ saved: true, fileName: 'minutes.docx', savedId: SAVED_ID }}
      />,
      { bridge },
    );
    expect(screen.getByText(/Saved minutes\.docx to/)).toHaveClass('entry', 'entry-info');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.tab();
    const show = screen.getByRole('button', { name: /^Show in folder\b.*minutes\.docx$/ });
    expect(show).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(bridge.calls).toContainEqual({ channel: 'shell:show-saved', argument: { savedId: SAVED_ID } }));
  });

  it('offers nothing to show when nothing was saved, and says a refusal as an alert', () => {
    renderWithServices(<SavedLine tone="error" text="The folder is read-only. Nothing was saved." />);
    expect(screen.getByRole('alert')).toHaveTextContent('The folder is read-only. Nothing was saved.');
    expect(screen.getByRole('alert')).toHaveClass('entry-error');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
