import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportCandidate } from '../../shared/ipc/contract';
import { ImportsView } from '../../renderer/views/imports-view';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { fakeBridge, renderWithServices } from './helpers';

const invalidCandidate: ImportCandidate = {
  token: 'bad',
  fileName: 'broken.plan.json',
  source: 'dialog',
  sha256: 'b'.repeat(64),
  size: 120,
  modifiedAt: '2026-03-02T09:15:00.000Z',
  outcome: {
    status: 'invalid',
    errors: [
      { path: '$.actions[4].areaId', message: 'Action "A-2.4" refers to area "AREA-9", which is not in $.areas', line: 88, column: 17 },
      { path: '$.export.revision', message: 'revision must be a whole number of at least 1' },
    ],
    warnings: [{ path: '$.plan.colour', message: 'Unknown field "colour" is ignored' }],
  },
};

const trackerCandidate: ImportCandidate = {
  token: 'tracker-1',
  fileName: 'SEND tracker.xlsx',
  source: 'dialog',
  sha256: 'c'.repeat(64),
  size: 5000,
  modifiedAt: '2026-03-02T09:15:00.000Z',
  outcome: {
    status: 'needs-mapping',
    headings: ['Ref', 'Action', 'Lead', 'Notes'],
    sampleRows: [['1.1', 'Recruit EHC coordinators', 'Head of SEND', 'on track']],
    mapping: {
      version: 1,
      signature: 'ref|action|lead|notes',
      headerRow: 0,
      columns: { Ref: 'ref', Action: 'title', Lead: 'lead', Notes: 'ignore' },
      planId: 'tracker:send-tracker',
      planTitle: 'SEND tracker',
      localArea: 'Northmoor',
      planKind: 'improvement-plan',
    },
  },
};

async function dump(db: { tables: Array<{ name: string; toArray(): Promise<unknown[]> }> }) {
  return JSON.stringify(await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()])));
}

describe('Imports view', () => {
  it('shows every problem of a refused file with its location, and stores nothing', async () => {
    const user = userEvent.setup();
    const bridge = fakeBridge({ 'sync:open-dialog': () => [invalidCandidate] });
    const { db } = renderWithServices(<ImportsView />, { bridge });
    const before = await dump(db);
    await user.click(screen.getByRole('button', { name: 'Import files…' }));
    const entry = await screen.findByText(/was not imported/);
    const item = entry.closest('li') ?? entry;
    expect(item).toHaveTextContent('2 problems must be fixed in the file. Nothing was changed.');
    expect(within(item as HTMLElement).getByText('$.actions[4].areaId (line 88, column 17)')).toBeInTheDocument();
    expect(within(item as HTMLElement).getByText(/refers to area "AREA-9"/)).toBeInTheDocument();
    expect(within(item as HTMLElement).getByText('$.export.revision')).toBeInTheDocument();
    expect(await dump(db)).toBe(before);
    expect(bridge.calls[0]).toEqual({ channel: 'sync:open-dialog', argument: { knownSha256: [] } });
  });

  it('imports a valid file, lists it in the import log and tells main its hash next time', async () => {
    const user = userEvent.setup();
    const candidate = candidateFor(planObject(), 'northshire.plan.json');
    const bridge = fakeBridge({ 'sync:open-dialog': () => [candidate] });
    renderWithServices(<ImportsView />, { bridge });
    await user.click(screen.getByRole('button', { name: 'Import files…' }));
    expect(await screen.findByText(/imported Northshire Local Area SEND Written Statement of Action, revision 7/)).toBeInTheDocument();
    const log = await screen.findByRole('table');
    expect(within(log).getByText('northshire.plan.json')).toBeInTheDocument();
    expect(within(log).getByText('7 (first)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import files…' }));
    // Only the import dialog's calls: the store asks about backups before importing too.
    const dialogCalls = () => bridge.calls.filter((call) => call.channel === 'sync:open-dialog');
    await waitFor(() => expect(dialogCalls()).toHaveLength(2));
    expect(dialogCalls()[1]?.argument).toEqual({ knownSha256: [candidate.sha256] });
  });

  it('imports a plan main passed on from the file reader as the bytes of its JSON, and refuses bytes that are not a plan', async () => {
    const user = userEvent.setup();
    const candidate = candidateFor(planObject(), 'northshire.plan.json');
    if (candidate.outcome.status !== 'valid') throw new Error('fixture not valid');
    const { plan, ...rest } = candidate.outcome;
    const sent = { ...candidate, outcome: { ...rest, planJson: new TextEncoder().encode(JSON.stringify(plan)) } };
    const truncated = {
      ...sent,
      token: 'cut',
      fileName: 'cut.plan.json',
      sha256: 'd'.repeat(64),
      outcome: { ...sent.outcome, planJson: sent.outcome.planJson.slice(0, 200) },
    };
    let chosen: unknown[] = [truncated];
    const bridge = fakeBridge({ 'sync:open-dialog': () => chosen });
    const { db } = renderWithServices(<ImportsView />, { bridge });
    const before = await dump(db);
    await user.click(screen.getByRole('button', { name: 'Import files…' }));
    expect(await screen.findByText(/could not be taken from the file reader/)).toBeInTheDocument();
    expect(await dump(db)).toBe(before);

    chosen = [sent];
    await user.click(screen.getByRole('button', { name: 'Import files…' }));
    expect(await screen.findByText(/imported Northshire Local Area SEND Written Statement of Action, revision 7/)).toBeInTheDocument();
    await waitFor(async () => expect(await db.plans.count()).toBe(1));
  });

  it('asks to confirm a tracker’s columns in a dialog, by keyboard, and sends the mapping to main', async () => {
    const user = userEvent.setup();
    const imported = candidateFor(planObject(), 'SEND tracker.xlsx');
    const bridge = fakeBridge({ 'sync:open-dialog': () => [trackerCandidate], 'sync:apply-mapping': () => imported });
    renderWithServices(<ImportsView />, { bridge });
    await user.click(screen.getByRole('button', { name: 'Import files…' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm columns…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm the columns of SEND tracker.xlsx' });
    expect(within(dialog).getByText('Recruit EHC coordinators')).toBeInTheDocument();
    const notes = within(dialog).getByRole('combobox', { name: 'Notes' });
    expect(notes).toHaveValue('ignore');
    await user.selectOptions(notes, 'progressUpdate');
    const title = within(dialog).getByRole('textbox', { name: 'Plan title' });
    await user.clear(title);
    await user.type(title, 'Northmoor SEND tracker');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(bridge.calls.some((call) => call.channel === 'sync:apply-mapping')).toBe(true));
    const call = bridge.calls.find((entry) => entry.channel === 'sync:apply-mapping');
    expect(call?.argument).toMatchObject({
      token: 'tracker-1',
      remember: true,
      mapping: { planTitle: 'Northmoor SEND tracker', columns: { Ref: 'ref', Action: 'title', Lead: 'lead', Notes: 'progressUpdate' } },
    });
    expect(await screen.findByText(/imported Northshire Local Area/)).toBeInTheDocument();
  });

  it('will not import a tracker until its reference and title columns are chosen', async () => {
    const user = userEvent.setup();
    const bridge = fakeBridge({ 'sync:open-dialog': () => [trackerCandidate] });
    renderWithServices(<ImportsView />, { bridge });
    await user.click(screen.getByRole('button', { name: 'Import files…' }));
    await user.click(await screen.findByRole('button', { name: 'Confirm columns…' }));
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Action' }), 'ignore');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Choose the column that holds the action reference and the one that holds the action title.',
    );
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeDisabled();
  });

  it('shows a real progress bar while main reads a large file', async () => {
    const bridge = fakeBridge();
    renderWithServices(<ImportsView />, { bridge });
    bridge.emit('sync:progress', { fileName: 'big.plan.json', phase: 'reading', loaded: 50 * 1024 * 1024, total: 200 * 1024 * 1024 });
    const bar = await screen.findByRole('progressbar', { name: 'Reading big.plan.json' });
    expect(bar).toHaveAttribute('value', String(50 * 1024 * 1024));
    expect(bar).toHaveAttribute('max', String(200 * 1024 * 1024));
    expect(screen.getByText('50.0 MB of 200.0 MB', { selector: '.progress-amount' })).toBeInTheDocument();
  });
});
