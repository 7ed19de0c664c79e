import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useServices } from '../app/context';
import { formatDate, plural } from '../format';
import { deletePrivateNotes, getRetention, privateNotesForMeeting } from './retention';
import { useProfile } from './use-annotations';

/**
 * After a meeting's minutes are approved: where the member turned retention on, offers to
 * delete their private notes for that meeting. Never deletes without the member saying so.
 */
export function RetentionPrompt({ meetingDate, previousMeetingDate }: { meetingDate: string; previousMeetingDate: string | null }) {
  const { db } = useServices();
  const profile = useProfile();
  const [outcome, setOutcome] = useState<string | null>(null);
  const [isDismissed, setDismissed] = useState(false);
  const notes = useLiveQuery(async () => {
    if (!profile) return [];
    const retention = await getRetention(db);
    if (!retention.deletePrivateNotesAfterApproval) return [];
    return privateNotesForMeeting(db, profile.id, { date: meetingDate, previousDate: previousMeetingDate });
  }, [db, profile?.id, meetingDate, previousMeetingDate]);

  if (outcome) return <p className="entry entry-ok">{outcome}</p>;
  if (isDismissed || !profile || !notes || notes.length === 0) return null;
  return (
    <section className="retention-prompt entry entry-info" aria-labelledby="retention-title">
      <h2 id="retention-title">Your private notes for this meeting</h2>
      <p>
        The minutes of the meeting of {formatDate(meetingDate)} are approved. You asked to be offered the deletion of your private notes for
        a meeting once its minutes are approved: you have {plural(notes.length, 'private note')} written for it. Shared notes are not
        affected.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="danger"
          onClick={async () => {
            const deleted = await deletePrivateNotes(
              db,
              profile.id,
              notes.map((note) => note.id),
            );
            setOutcome(`Deleted ${plural(deleted, 'private note')} for the meeting of ${formatDate(meetingDate)}.`);
          }}
        >
          Delete {plural(notes.length, 'private note')}
        </button>
        <button type="button" className="secondary" onClick={() => setDismissed(true)}>
          Keep them
        </button>
      </div>
    </section>
  );
}
