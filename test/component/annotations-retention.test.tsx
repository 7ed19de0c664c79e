import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../renderer/annotations/annotation-repository';
import { saveProfile } from '../../renderer/annotations/profile-repository';
import { setRetention } from '../../renderer/annotations/retention';
import { RetentionPrompt } from '../../renderer/annotations/retention-prompt';
import { freshDatabase, renderWithServices } from './helpers';

const target = { kind: 'action' as const, planId: 'p', id: 'a' };

async function withNotes(isOn: boolean) {
  const db = freshDatabase();
  const profile = await saveProfile(db, { displayName: 'Cllr A', role: 'member', organisation: '' });
  await setRetention(db, { deletePrivateNotesAfterApproval: isOn });
  await createAnnotation(
    db,
    profile,
    target,
    { kind: 'note', text: 'prep note', tags: [], visibility: 'private' },
    { now: new Date('2026-03-05T09:00:00Z') },
  );
  await createAnnotation(
    db,
    profile,
    target,
    { kind: 'note', text: 'shared prep', tags: [], visibility: 'shared' },
    { now: new Date('2026-03-05T09:00:00Z') },
  );
  return db;
}

describe('retention prompt', () => {
  it('says nothing while the setting is off (the default)', async () => {
    const db = await withNotes(false);
    const { container } = renderWithServices(<RetentionPrompt meetingDate="2026-03-12" previousMeetingDate="2026-02-12" />, { db });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container).toBeEmptyDOMElement();
  });

  it('asks before deleting, and deletes only the private notes for that meeting', async () => {
    const user = userEvent.setup();
    const db = await withNotes(true);
    renderWithServices(<RetentionPrompt meetingDate="2026-03-12" previousMeetingDate="2026-02-12" />, { db });
    expect(await screen.findByText(/you have 1 private note written for it/)).toBeInTheDocument();
    expect(await db.annotations.count()).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Delete 1 private note' }));
    expect(await screen.findByText('Deleted 1 private note for the meeting of 12 March 2026.')).toBeInTheDocument();
    expect((await db.annotations.toArray()).map((record) => record.text)).toEqual(['shared prep']);
  });

  it('keeps everything when the member says so', async () => {
    const user = userEvent.setup();
    const db = await withNotes(true);
    renderWithServices(<RetentionPrompt meetingDate="2026-03-12" previousMeetingDate={null} />, { db });
    await user.click(await screen.findByRole('button', { name: 'Keep them' }));
    expect(await db.annotations.count()).toBe(2);
  });
});
