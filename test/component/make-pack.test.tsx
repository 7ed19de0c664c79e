import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MakerSaveRequest, MakerSource } from '../../shared/pack/maker-ipc';
import { MakePackView } from '../../renderer/papers/make-pack-view';
import type { OversightDatabase } from '../../renderer/db/database';
import { fakeBridge, renderWithServices } from './helpers';
import { PLAN_ID, storeWithPlan } from './plan-review-helpers';

const sha = (digit: string) => digit.repeat(64);

function source(): MakerSource {
  const item = (number: string, title: string, digit: string, isExempt = false) => ({
    number,
    title,
    presenter: '',
    decisionRequired: false,
    isExempt,
    links: [],
    paper: { source: `${number} ${title}.pdf`, title, sha256: sha(digit), pageCount: 2 },
  });
  return {
    token: 'token-1',
    kind: 'folder',
    sourceName: 'January papers',
    items: [item('3', 'Highlight report', 'a'), item('7', 'Independent placements', 'b', true), item('10', 'Any other business', 'c')],
    warnings: [{ path: '/papers/Minutes.docx', message: '"Minutes.docx" was left out: it is not a PDF. Save it as PDF to include it.' }],
    errors: [],
  };
}

function setup(chosen: MakerSource | null = source(), db?: OversightDatabase) {
  const saved: MakerSaveRequest[] = [];
  const bridge = fakeBridge({
    'pack-maker:choose': () => chosen,
    'pack-maker:save': (argument) => {
      saved.push(argument as MakerSaveRequest);
      return { saved: true, fileName: 'january.zip', papers: 3, pages: 6, warnings: [], errors: [] };
    },
  });
  const user = userEvent.setup();
  renderWithServices(<MakePackView />, { bridge, ...(db ? { db } : {}) });
  return { user, saved, bridge };
}

async function fillMeeting(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Meeting title'), 'Northmoor SEND Oversight Board');
  // Date and time are text, day first and 24-hour, whatever the browser's language.
  await user.type(screen.getByRole('textbox', { name: 'Date' }), '14/01/2027');
  expect(screen.getByRole('textbox', { name: 'Time' })).toHaveValue('14:00');
  await user.type(screen.getByLabelText('Meeting id (the same for every supplement)'), 'sob-2027-01-14');
}

function numbersInOrder(): string[] {
  return screen.getAllByLabelText(/^Agenda number, row/).map((input) => (input as HTMLInputElement).value);
}

describe('Make a pack: the agenda editor', () => {
  it('shows the papers read from the chosen PDFs with the warnings, and saves the edited agenda', async () => {
    const { user, saved } = setup();
    await fillMeeting(user);
    await user.click(screen.getByRole('button', { name: 'Choose a folder of PDFs…' }));
    await waitFor(() => expect(numbersInOrder()).toEqual(['3', '7', '10']));
    expect(screen.getByText('"Minutes.docx" was left out: it is not a PDF. Save it as PDF to include it.')).toBeInTheDocument();

    const title = screen.getByLabelText('Title, item 3');
    await user.clear(title);
    await user.type(title, 'Highlight report, January');
    await user.type(screen.getByLabelText('Presenter, item 3'), 'Programme Manager');
    await user.click(screen.getByLabelText('Decision required, item 7'));
    await user.selectOptions(screen.getByLabelText('Schedule 12A paragraph, item 7'), '1');
    expect(screen.getByLabelText('Schedule 12A paragraph, item 3')).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Save the pack as .zip…' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const request = saved[0];
    expect(request?.token).toBe('token-1');
    expect(request?.draft.meeting).toEqual({
      id: 'sob-2027-01-14',
      title: 'Northmoor SEND Oversight Board',
      date: '2027-01-14',
      time: '14:00',
    });
    expect(request?.draft.summary).toBe('Agenda pack');
    expect(
      request?.draft.items.map((item) => [
        item.number,
        item.title,
        item.presenter,
        item.decisionRequired,
        item.isExempt,
        item.exemptParagraph,
      ]),
    ).toEqual([
      ['3', 'Highlight report, January', 'Programme Manager', false, false, undefined],
      ['7', 'Independent placements', '', true, true, 1],
      ['10', 'Any other business', '', false, false, undefined],
    ]);
    await waitFor(() => expect(screen.getByText(/Saved january\.zip: 3 papers, 6 pages/)).toBeInTheDocument());
  });

  it('takes the “no Schedule 12A paragraph” warning away once the clerk picks one, and brings it back if it is cleared', async () => {
    const chosen = source();
    const missing =
      'Item 7 is exempt, but no Schedule 12A paragraph is given; add it in the agenda table, or write "(exempt 3)" in the name.';
    chosen.warnings.push({ path: '7 Independent placements.pdf', message: missing });
    const { user } = setup(chosen);
    await user.click(screen.getByRole('button', { name: 'Choose PDFs…' }));
    await waitFor(() => expect(screen.getAllByText(missing)).toHaveLength(1));

    await user.selectOptions(screen.getByLabelText('Schedule 12A paragraph, item 7'), '3');
    await waitFor(() => expect(screen.queryByText(missing)).not.toBeInTheDocument());
    // Warnings that are not about the agenda table stay.
    expect(screen.getByText('"Minutes.docx" was left out: it is not a PDF. Save it as PDF to include it.')).toBeInTheDocument();

    // An item the clerk marks exempt by hand is warned about until it has its paragraph.
    await user.click(screen.getByLabelText('Exempt, item 10'));
    const added =
      'Item 10 is exempt, but no Schedule 12A paragraph is given; add it in the agenda table, or write "(exempt 3)" in the name.';
    await waitFor(() => expect(screen.getAllByText(added)).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('Schedule 12A paragraph, item 7'), '');
    await waitFor(() => expect(screen.getAllByText(missing)).toHaveLength(1));
  });

  it('reorders rows from the keyboard (Alt+↓, Alt+↑) and with the buttons, announcing each move', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Choose PDFs…' }));
    await waitFor(() => expect(numbersInOrder()).toEqual(['3', '7', '10']));
    await user.click(screen.getByLabelText('Title, item 3'));
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(numbersInOrder()).toEqual(['7', '3', '10']));
    expect(screen.getByText('Item 3 moved to position 2 of 3.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Title, item 3')).toHaveFocus());
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(numbersInOrder()).toEqual(['7', '10', '3']));
    await user.click(screen.getByRole('button', { name: 'Move up, item 10' }));
    await waitFor(() => expect(numbersInOrder()).toEqual(['10', '7', '3']));
    expect(screen.getByRole('button', { name: 'Move up, item 10' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move down, item 3' })).toBeDisabled();
    await user.click(screen.getByLabelText('Presenter, item 3'));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() => expect(numbersInOrder()).toEqual(['10', '3', '7']));
    await waitFor(() => expect(screen.getByLabelText('Presenter, item 3')).toHaveFocus());
  });

  it('refuses to save two items with one number or a missing title, marking the rows and sending nothing', async () => {
    const { user, saved } = setup();
    await fillMeeting(user);
    await user.click(screen.getByRole('button', { name: 'Choose PDFs…' }));
    await waitFor(() => expect(numbersInOrder()).toEqual(['3', '7', '10']));
    const number = screen.getByLabelText('Agenda number, row 3');
    await user.clear(number);
    await user.type(number, '7');
    await waitFor(() => expect(screen.getByLabelText('Agenda number, row 3')).toHaveAttribute('aria-invalid', 'true'));
    const row = screen.getByLabelText('Agenda number, row 3').closest('tr');
    if (!row) throw new Error('no row');
    expect(
      within(row).getByText(/"10 Any other business\.pdf" and "7 Independent placements\.pdf" both have agenda number 7/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save the pack as .zip…' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('The pack was not saved: put right the problems marked above.'),
    );
    expect(saved).toEqual([]);
  });

  it('asks for the meeting details before saving', async () => {
    const { user, saved } = setup();
    await user.click(screen.getByRole('button', { name: 'Choose PDFs…' }));
    await waitFor(() => expect(numbersInOrder()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Save the pack as .zip…' }));
    await waitFor(() => expect(screen.getByLabelText('Meeting title')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Give the meeting’s date.')).toBeInTheDocument();
    expect(saved).toEqual([]);
  });

  it('shows why a source was refused, file by file', async () => {
    const refused: MakerSource = {
      token: 't',
      kind: 'combined',
      sourceName: 'Agenda pack.pdf',
      items: [],
      warnings: [],
      errors: [
        { path: '/x/Agenda pack.pdf', message: '"Agenda pack.pdf" has no bookmarks, so Oversight cannot tell where one paper ends.' },
      ],
    };
    const { user } = setup(refused);
    await user.click(screen.getByRole('button', { name: 'Choose a combined pack…' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Agenda pack.pdf could not be made into a pack' })).toBeInTheDocument());
    expect(screen.getByText(/has no bookmarks/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the pack as .zip…' })).toBeNull();
  });

  it("links an item to the plan's areas and actions", async () => {
    const db = await storeWithPlan();
    const { user, saved } = setup(source(), db);
    await fillMeeting(user);
    await user.click(screen.getByRole('button', { name: 'Choose PDFs…' }));
    await waitFor(() => expect(numbersInOrder()).toHaveLength(3));
    await waitFor(() =>
      expect(screen.getAllByRole('option', { name: 'Northshire Local Area SEND Written Statement of Action' })).toHaveLength(1),
    );
    await user.selectOptions(screen.getByLabelText('Plan the agenda links to'), PLAN_ID);
    const links = await screen.findByLabelText('Plan links, item 3');
    await waitFor(() => expect(within(links).getByRole('option', { name: /^Action A-1\.1/ })).toBeInTheDocument());
    await user.selectOptions(links, [
      within(links).getByRole('option', { name: /^Area: Timeliness/ }),
      within(links).getByRole('option', { name: /^Action A-1\.1/ }),
    ]);
    await user.click(screen.getByRole('button', { name: 'Save the pack as .zip…' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.draft.meeting.planId).toBe(PLAN_ID);
    expect(saved[0]?.draft.items[0]?.links).toEqual([
      { kind: 'area', id: 'AREA-1' },
      { kind: 'action', id: 'A-1.1' },
    ]);
  });
});
