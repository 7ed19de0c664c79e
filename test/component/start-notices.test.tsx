import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { StartNotices } from '../../renderer/app/start-notices';
import { setMeta } from '../../renderer/db/meta-repository';
import { journalNote } from '../../renderer/meetings/notes-journal';
import { draftKey } from '../../renderer/meetings/use-draft-state';
import { storeCandidate } from '../../renderer/db/plan-repository';
import { candidateFor, planObject } from '../unit/renderer/plan-candidates';
import { fakeBridge, freshDatabase, renderWithServices } from './helpers';

// At start the user is told when the last session ended badly: an import cut short (with a way
// to try again), or a window main reopened after its renderer died.

afterEach(() => {
  window.history.replaceState(null, '', '/');
  window.localStorage.clear();
});

const MARK = { fileName: 'northmoor.r3.plan.json', source: 'inbox', sha256: 'a'.repeat(64), startedAt: '2027-01-14T09:30:00Z' };

describe('notices at start', () => {
  it('says an import was cut short, that nothing from it was stored, and tries the inbox again', async () => {
    const user = userEvent.setup();
    const db = freshDatabase();
    await setMeta(db, 'importInProgress', MARK);
    const bridge = fakeBridge({ 'sync:scan-inbox': () => [] });
    const { sync } = renderWithServices(<StartNotices />, { db, bridge });
    expect(await sync.checkInterrupted()).toEqual(MARK);
    expect(
      await screen.findByText(
        /^Oversight stopped while it was importing northmoor\.r3\.plan\.json \(started .*\)\. That import did not finish, so nothing from it was stored: your data is as it was before it\.$/,
      ),
    ).toBeInTheDocument();
    // Told once: the mark is gone from the store.
    expect(await db.meta.get('importInProgress')).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Import it again from the inbox' }));
    await waitFor(() => expect(bridge.calls.map((call) => call.channel)).toContain('sync:scan-inbox'));
    expect(screen.queryByText(/Oversight stopped while it was importing/)).not.toBeInTheDocument();
  });

  it('says nothing when the file did reach the store (the app stopped just after), nor when there was no import', async () => {
    const db = freshDatabase();
    const candidate = candidateFor(planObject());
    await storeCandidate(db, candidate);
    await setMeta(db, 'importInProgress', { ...MARK, sha256: candidate.sha256 });
    const { sync } = renderWithServices(<StartNotices />, { db });
    expect(await sync.checkInterrupted()).toBeNull();
    expect(await sync.checkInterrupted()).toBeNull();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('leaves no mark after an import that finished, nor after one that failed', async () => {
    const db = freshDatabase();
    const plan = candidateFor(planObject());
    const bridge = fakeBridge({
      'sync:scan-inbox': () => [plan, { ...plan, token: 'broken', sha256: 'b'.repeat(64), outcome: { status: 'valid' } }],
    });
    const { sync } = renderWithServices(<StartNotices />, { db, bridge });
    await sync.scanInbox();
    expect(
      sync
        .getState()
        .entries.map((entry) => entry.outcome.status)
        .sort(),
    ).toEqual(['error', 'imported']);
    expect(await db.meta.get('importInProgress')).toBeUndefined();
  });

  it('says the window was reopened after its renderer died, until dismissed', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/index.html?recovered=crashed#/meetings');
    renderWithServices(<StartNotices />);
    expect(await screen.findByText(/^Oversight’s window stopped unexpectedly and has been reopened\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/stopped unexpectedly/)).not.toBeInTheDocument();
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#/meetings');
  });

  it('says what the reopened window put back: notes not yet saved, and unsubmitted forms', async () => {
    journalNote('meeting-1', 'item-1', 'Chair asked for the EHCP timeliness data');
    journalNote('meeting-1', 'item-2', 'Deferred');
    journalNote('meeting-2', 'item-9', 'Noted');
    window.localStorage.setItem(draftKey('decision', 'meeting-1', 'item-3'), JSON.stringify('Approved subject to'));
    window.history.replaceState(null, '', '/index.html?recovered=oom#/meetings');
    const first = renderWithServices(<StartNotices />);
    expect(
      await screen.findByText(
        'Oversight’s window stopped unexpectedly and has been reopened. Everything that was saved is here. Notes you had typed for 3 agenda items had not reached the store yet: this computer kept them, and they are put back when you open the meeting. Forms you had not submitted still hold what you typed.',
      ),
    ).toBeInTheDocument();
    first.unmount();
    window.localStorage.clear();
    renderWithServices(<StartNotices />);
    expect(
      await screen.findByText(
        'Oversight’s window stopped unexpectedly and has been reopened. Everything that was saved is here. Nothing you had typed was waiting to be saved.',
      ),
    ).toBeInTheDocument();
  });

  it('says when Oversight is open in another window on the same store, until that window closes', async () => {
    const first = renderWithServices(<StartNotices />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const second = renderWithServices(<StartNotices />);
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    expect(screen.getAllByRole('alert')[0]).toHaveTextContent(
      'Oversight is also open in another window on this computer. Use one window only: changes made in two windows at once can overwrite each other.',
    );
    second.unmount();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    first.unmount();
  });
});
