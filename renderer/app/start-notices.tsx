import { useState } from 'react';
import { formatDateTime } from '../format';
import { useSyncState } from '../hooks/use-plan-data';
import { useServices } from './context';
import { journalledItemCount } from '../meetings/notes-journal';
import { keptDraftCount } from '../meetings/use-draft-state';
import { useOtherWindows } from './other-windows';

// What the user is told at start when the last session did not end well: the window's renderer
// died and main reopened it (main adds `?recovered=<reason>`), or an import was cut short.

/** The reason main gave when it reopened the window after its renderer died, if it did. */
function recoveredReason(): string | null {
  return new URLSearchParams(window.location.search).get('recovered');
}

/** What a reopened window put back, read once at start (before the meetings consume the journal). */
function recoveredWork(): { notes: number; drafts: number } {
  return { notes: journalledItemCount(), drafts: keptDraftCount() };
}

function recoveredMessage({ notes, drafts }: { notes: number; drafts: number }): string {
  const parts = ['Oversight’s window stopped unexpectedly and has been reopened. Everything that was saved is here.'];
  if (notes > 0)
    parts.push(
      `Notes you had typed for ${notes === 1 ? 'one agenda item' : `${notes} agenda items`} had not reached the store yet: this computer kept them, and they are put back when you open the meeting.`,
    );
  if (drafts > 0) parts.push('Forms you had not submitted still hold what you typed.');
  if (notes === 0 && drafts === 0) parts.push('Nothing you had typed was waiting to be saved.');
  return parts.join(' ');
}

/** Notices about the end of the last session (until dismissed), and about another open window, above every view. */
export function StartNotices() {
  const { sync } = useServices();
  const { interrupted } = useSyncState();
  const [recovered, setRecovered] = useState(recoveredReason);
  const [work] = useState(recoveredWork);
  const otherWindows = useOtherWindows();

  function dismissRecovered() {
    setRecovered(null);
    // Forget the reason, so a later reload does not say it again.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  }

  if (!recovered && !interrupted && otherWindows === 0) return null;
  return (
    <section className="start-notices" aria-label="Notices">
      {otherWindows > 0 ? (
        <div className="notice" role="alert">
          <p>
            Oversight is also open in another window on this computer. Use one window only: changes made in two windows at once can
            overwrite each other. Close this window or the other one.
          </p>
        </div>
      ) : null}
      {recovered ? (
        <div className="notice" role="status">
          <p>{recoveredMessage(work)}</p>
          <button type="button" className="secondary small" onClick={dismissRecovered}>
            Dismiss
          </button>
        </div>
      ) : null}
      {interrupted ? (
        <div className="notice" role="status">
          <p>
            Oversight stopped while it was importing {interrupted.fileName} (started {formatDateTime(interrupted.startedAt)}). That import
            did not finish, so nothing from it was stored: your data is as it was before it.
          </p>
          <button type="button" className="small" onClick={() => void sync.retryInterrupted()}>
            {interrupted.source === 'inbox' ? 'Import it again from the inbox' : 'Choose the file again…'}
          </button>{' '}
          <button type="button" className="secondary small" onClick={() => sync.dismissInterrupted()}>
            Dismiss
          </button>
        </div>
      ) : null}
    </section>
  );
}
