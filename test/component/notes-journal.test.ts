import { afterEach, describe, expect, it } from 'vitest';
import { listMeetingRecords, recoverNote, saveNote } from '../../renderer/meetings/meeting-repository';
import {
  clearJournalledNote,
  isNewerThanStored,
  journalledNote,
  journalledNotes,
  journalNote,
} from '../../renderer/meetings/notes-journal';
import { MEETING_ID, sampleStore } from './meetings-helpers';

// The notes journal (localStorage) is written to disk lazily by Chromium: after a killed process it
// can hold an older text than the store. It must never undo typing that reached the store.

const ITEM = 'sample-item-4';
async function noteOf(db: Awaited<ReturnType<typeof sampleStore>>) {
  const note = (await listMeetingRecords(db, MEETING_ID)).find((record) => record.kind === 'note' && record.itemId === ITEM);
  return note?.kind === 'note' ? note : undefined;
}

afterEach(() => {
  window.localStorage.clear();
});

describe('the notes journal after a crash', () => {
  it('keeps the stored note when the journal on disk is an older snapshot', async () => {
    const db = await sampleStore();
    journalNote(MEETING_ID, ITEM, 'Timeliness is', Date.parse('2027-01-14T10:00:00Z'));
    await saveNote(db, MEETING_ID, ITEM, 'Timeliness is improving.', { now: new Date('2027-01-14T10:00:01Z') });
    const entry = journalledNote(MEETING_ID, ITEM);
    expect(entry).toEqual({ text: 'Timeliness is', at: Date.parse('2027-01-14T10:00:00Z') });
    expect(await recoverNote(db, MEETING_ID, ITEM, entry ?? { text: '', at: 0 })).toBe(false);
    expect((await noteOf(db))?.text).toBe('Timeliness is improving.');
  });

  it('saves a journalled note typed after the last save', async () => {
    const db = await sampleStore();
    await saveNote(db, MEETING_ID, ITEM, 'Timeliness is', { now: new Date('2027-01-14T10:00:00Z') });
    journalNote(MEETING_ID, ITEM, 'Timeliness is improving.', Date.parse('2027-01-14T10:00:02Z'));
    const [entry] = journalledNotes(MEETING_ID);
    expect(entry).toMatchObject({ itemId: ITEM, text: 'Timeliness is improving.' });
    expect(await recoverNote(db, MEETING_ID, ITEM, { text: entry?.text ?? '', at: entry?.at ?? 0 })).toBe(true);
    expect((await noteOf(db))?.text).toBe('Timeliness is improving.');
    clearJournalledNote(MEETING_ID, ITEM, 'Timeliness is improving.');
    expect(journalledNote(MEETING_ID, ITEM)).toBeNull();
  });

  it('reads the previous release’s bare-text journal as newer than the store, as that release did', () => {
    window.localStorage.setItem(`oversight.notes-journal\u0001${MEETING_ID}\u0001${ITEM}`, '{not json');
    const entry = journalledNote(MEETING_ID, ITEM);
    expect(entry?.text).toBe('{not json');
    expect(entry && isNewerThanStored(entry, '2027-01-14T10:00:00Z')).toBe(true);
    expect(isNewerThanStored({ text: 'x', at: 0 }, undefined)).toBe(true);
  });
});
