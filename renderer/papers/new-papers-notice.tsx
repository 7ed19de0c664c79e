import { useEffect, useState } from 'react';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { plural } from '../format';
import type { SyncEntry } from '../plan/sync-controller';

// "New papers for 14 January: 3 papers, 1 supplement", shown across the app when packs arrive
// (from the inbox, a drop or the Import dialog), one line per meeting, with a link to its papers.
// Dismissed per meeting until more papers arrive for it.

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** One meeting's line: the papers and supplements that arrived since it was last dismissed. */
export type NewPapers = { meetingId: string; meetingDate: string; papers: number; supplements: number; latestEntryId: string };

/** Groups this session's stored packs by meeting (newest entry first in `entries`). */
export function newPapersByMeeting(entries: readonly SyncEntry[], dismissed: ReadonlyMap<string, string>): NewPapers[] {
  const byMeeting = new Map<string, NewPapers>();
  // Oldest first, so a dismissal covers exactly the entries seen when it was made.
  for (const entry of [...entries].reverse()) {
    const { outcome } = entry;
    if (outcome.status !== 'pack-stored' || entry.source === 'sample') continue;
    const count = outcome.added + outcome.reissued;
    if (count === 0) continue;
    if (dismissed.get(outcome.meetingId) === entry.id) {
      byMeeting.delete(outcome.meetingId);
      continue;
    }
    const line = byMeeting.get(outcome.meetingId) ?? {
      meetingId: outcome.meetingId,
      meetingDate: outcome.meetingDate,
      papers: 0,
      supplements: 0,
      latestEntryId: entry.id,
    };
    line.papers += count;
    line.supplements += outcome.isSupplement ? 1 : 0;
    line.latestEntryId = entry.id;
    byMeeting.set(outcome.meetingId, line);
  }
  // A meeting dismissed at its latest entry shows nothing until another pack arrives.
  return [...byMeeting.values()].filter((line) => dismissed.get(line.meetingId) !== line.latestEntryId);
}

/** The words of one line. */
export function newPapersText(line: NewPapers): string {
  const date = new Date(`${line.meetingDate}T00:00:00Z`);
  const when = Number.isNaN(date.getTime()) ? line.meetingDate : dayMonth.format(date);
  return `New papers for ${when}: ${plural(line.papers, 'paper')}${line.supplements > 0 ? `, ${plural(line.supplements, 'supplement')}` : ''}`;
}

/** The notice, shown above every view while there is something new. */
export function NewPapersNotice() {
  const { sync } = useServices();
  const [entries, setEntries] = useState(sync.getState().entries);
  const [dismissed, setDismissed] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => sync.subscribe(() => setEntries(sync.getState().entries)), [sync]);
  const lines = newPapersByMeeting(entries, dismissed);
  return (
    <div role="status" aria-live="polite">
      {lines.map((line) => (
        <p key={line.meetingId} className="new-papers-notice">
          <span>{newPapersText(line)}.</span>
          <a href={hrefFor('/papers', { meeting: line.meetingId })}>Read the papers</a>
          <button
            type="button"
            className="secondary"
            aria-label={`Dismiss: ${newPapersText(line)}`}
            onClick={() => setDismissed(new Map([...dismissed, [line.meetingId, line.latestEntryId]]))}
          >
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
