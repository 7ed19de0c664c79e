import { useState, type KeyboardEvent } from 'react';
import { type AgendaItem, type Meeting } from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { itemName, recordsOf } from './meeting-model';
import { lockedError, saveNote } from './meeting-repository';
import { useSave } from './save-status';
import { clearJournalledNote, isNewerThanStored, journalledNote, journalNote } from './notes-journal';
import { useDebouncedText } from './use-debounced-text';
import { Part, type ItemProps } from './item-parts';

// The chair's discussion notes for one agenda item, saved as typed and journalled against a crash.

export function Notes({ meeting, item, records, isLocked }: ItemProps) {
  const note = recordsOf(records, 'note', item.id)[0];
  const stored = note?.text ?? '';
  return (
    <Part id="notes-title" title="Discussion notes">
      {isLocked ? (
        <LockedNotes meeting={meeting} text={stored} />
      ) : (
        <NotesField key={item.id} meeting={meeting} item={item} stored={stored} storedAt={note?.updatedAt} />
      )}
    </Part>
  );
}

function NotesField({
  meeting,
  item,
  stored,
  storedAt,
}: {
  meeting: Meeting;
  item: AgendaItem;
  stored: string;
  storedAt: string | undefined;
}) {
  const { db } = useServices();
  const save = useSave();
  // Text journalled before a reload or crash after the last save is newer than the store's.
  const [initial] = useState(() => {
    const journalled = journalledNote(meeting.id, item.id);
    return journalled && isNewerThanStored(journalled, storedAt) ? journalled.text : stored;
  });
  const { text, setText, flush } = useDebouncedText(initial, async (value) => {
    if (await save(() => saveNote(db, meeting.id, item.id, value))) clearJournalledNote(meeting.id, item.id, value);
  });
  return (
    <>
      <label htmlFor="live-notes" className="visually-hidden">
        Discussion notes for {itemName(item)}
      </label>
      <textarea
        id="live-notes"
        className="notes"
        rows={6}
        value={text}
        aria-describedby="live-notes-help"
        onChange={(event) => {
          journalNote(meeting.id, item.id, event.target.value);
          setText(event.target.value);
        }}
        onBlur={flush}
      />
      <p id="live-notes-help" className="field-help">
        Saved as you type.{item.isExempt ? ' Exempt item: these notes stay out of published exports.' : ''}
      </p>
    </>
  );
}

/** Approved notes: readable and selectable, and a clear refusal if the chair tries to type. */
function LockedNotes({ meeting, text }: { meeting: Meeting; text: string }) {
  const [isRefused, setRefused] = useState(false);
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Enter') setRefused(true);
  }
  return (
    <>
      <label htmlFor="live-notes" className="visually-hidden">
        Discussion notes (approved, read only)
      </label>
      <textarea id="live-notes" className="notes" rows={6} value={text} readOnly onKeyDown={onKeyDown} />
      {isRefused ? (
        <p className="error-text" role="alert">
          {lockedError(meeting).message}
        </p>
      ) : null}
    </>
  );
}
