import { useEffect, useMemo, useRef } from 'react';
import type { Board, Meeting, MeetingRecord, TermsOfReference } from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { hrefFor, navigate, parseHash } from '../app/router';
import { formatDate } from '../format';
import { ActionLogPanel } from './action-log-panel';
import { AttendancePanel } from './attendance-panel';
import { ItemPanel } from './item-panel';
import { itemName, quorumFor, termsFor } from './meeting-model';
import { QuorumIndicator } from './quorum-indicator';
import { recoverNote } from './meeting-repository';
import { clearJournalledNote, journalledNotes } from './notes-journal';
import { SaveProvider, SaveStatus, useSave } from './save-status';
import { boardIdOf } from './boards';
import { useBoard, useMeeting, useMeetingRecords, usePlanTargets } from './use-meetings';
import './meetings.css';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { PageTabs } from '../components/page-tabs';
import { ViewTitle } from '../components/view-title';

// The chair's live record of a meeting. One section at a time (attendance, the action log, or an
// agenda item), chosen from the list or by keyboard; the section and the item in progress live
// in the address, so a reload comes back to the same place, and every change is already saved.

export const ATTENDANCE = 'attendance';
export const ACTION_LOG = 'actions';

/** Keyboard shortcuts, as listed on screen: Alt (Option on a Mac) and a key. */
export const SHORTCUTS: ReadonlyArray<{ code: string; keys: string; does: string }> = [
  { code: 'KeyA', keys: 'Alt+A', does: 'Attendance' },
  { code: 'KeyL', keys: 'Alt+L', does: 'Action log of earlier meetings' },
  { code: 'KeyN', keys: 'Alt+N', does: 'Next section' },
  { code: 'KeyP', keys: 'Alt+P', does: 'Previous section' },
  { code: 'Digit1', keys: 'Alt+1', does: 'Declare an interest' },
  { code: 'Digit2', keys: 'Alt+2', does: 'Discussion notes' },
  { code: 'Digit3', keys: 'Alt+3', does: 'Record a decision' },
  { code: 'Digit4', keys: 'Alt+4', does: 'Assurance judgement' },
  { code: 'Digit5', keys: 'Alt+5', does: 'Action arising' },
];

/** The first field of each form in an item, for Alt+1 to Alt+5. */
export const FORM_FIELDS: Record<string, string> = {
  Digit1: 'live-declaration-member',
  Digit2: 'live-notes',
  Digit3: 'live-decision-type',
  Digit4: 'live-judgement-target',
  Digit5: 'live-action-text',
};

/** The live capture screen for one meeting. */
export function LiveView({
  meetingId,
  section,
  at,
}: {
  meetingId: string | undefined;
  section: string | undefined;
  at: string | undefined;
}) {
  const meeting = useMeeting(meetingId);
  const records = useMeetingRecords(meetingId);
  // The meeting's own board, whichever board is open.
  const board = useBoard(meeting ? boardIdOf(meeting) : undefined);
  if (meeting === undefined || records === undefined || board === undefined) {
    return <ViewTitle>Meeting</ViewTitle>;
  }
  if (meeting === null) {
    return <NotOnThisLaptop thing="meeting" title="Meeting" />;
  }
  return (
    <SaveProvider>
      <LiveMeeting meeting={meeting} records={records} board={board} section={section ?? ATTENDANCE} at={at} />
    </SaveProvider>
  );
}

function LiveMeeting({
  meeting,
  records,
  board,
  section,
  at,
}: {
  meeting: Meeting;
  records: MeetingRecord[];
  board: Board | null;
  section: string;
  at: string | undefined;
}) {
  const targets = usePlanTargets(meeting.planId);
  const panelRef = useRef<HTMLDivElement>(null);
  const sections = useMemo(() => [ATTENDANCE, ACTION_LOG, ...meeting.agenda.map((item) => item.id)], [meeting.agenda]);
  const current = sections.includes(section) ? section : ATTENDANCE;
  const currentItem = meeting.agenda.find((item) => item.id === current);
  // The item in progress: the one shown, or the last one shown before attendance or the action log.
  const inProgress = currentItem ?? meeting.agenda.find((item) => item.id === at) ?? null;
  const isLocked = meeting.status !== 'draft';
  // Approved minutes keep the terms they were approved under (record 0); a draft follows the board's.
  const terms: TermsOfReference | null = termsFor(meeting, records, board);

  function go(next: string) {
    const isItem = (id: string | null | undefined) => meeting.agenda.some((item) => item.id === id);
    // The item in progress as the address has it now (a key pressed twice may beat a re-render).
    const params = parseHash(window.location.hash).params;
    const shownSection = params.get('section');
    const previousAt = isItem(shownSection) ? shownSection : params.get('at');
    navigate('/meetings/live', { meeting: meeting.id, section: next, at: isItem(next) ? next : (previousAt ?? inProgress?.id) });
  }

  // After moving to another section, focus its heading, so the chair (and a screen reader) starts there.
  const isFirst = useRef(true);
  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    panelRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [current]);

  const goRef = useRef(go);
  useEffect(() => {
    goRef.current = go;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      // From the address, not this render: a second key pressed before React re-renders must
      // move on from where the first one went.
      const shown = parseHash(window.location.hash).params.get('section') ?? current;
      const index = Math.max(0, sections.indexOf(shown));
      const target =
        event.code === 'KeyA'
          ? ATTENDANCE
          : event.code === 'KeyL'
            ? ACTION_LOG
            : event.code === 'KeyN'
              ? sections[Math.min(index + 1, sections.length - 1)]
              : event.code === 'KeyP'
                ? sections[Math.max(index - 1, 0)]
                : undefined;
      if (target !== undefined) {
        event.preventDefault();
        goRef.current(target);
        return;
      }
      const fieldId = FORM_FIELDS[event.code];
      if (fieldId) {
        event.preventDefault();
        document.getElementById(fieldId)?.focus();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [sections, current]);

  useJournalRecovery(meeting, isLocked);

  const quorum = terms ? quorumFor(terms, meeting, records, inProgress?.id ?? null) : null;
  const quorumWhere = inProgress ? itemName(inProgress) : 'the start of the meeting';

  return (
    <div className="live">
      <p className="breadcrumb">
        <a href={hrefFor('/meetings')}>Meetings</a> · <a href={hrefFor('/meetings/agenda', { meeting: meeting.id })}>Agenda</a> ·{' '}
        <a href={hrefFor('/meetings/minutes', { meeting: meeting.id })}>Minutes</a>
      </p>
      <ViewTitle>
        <span dir="auto">{meeting.title}</span>: {formatDate(meeting.date)}
      </ViewTitle>
      <div className="live-bar">
        {quorum ? (
          <QuorumIndicator state={quorum} itemLabel={quorumWhere} />
        ) : (
          <p className="quorum quorum-not" role="status" data-testid="quorum">
            No terms of reference: set the quorum on the <a href={hrefFor('/meetings/board')}>board</a> screen.
          </p>
        )}
        <SaveStatus />
      </div>
      {isLocked ? (
        <p className="locked-banner" role="note">
          These minutes were approved
          {meeting.approval ? ` on ${formatDate(meeting.approval.approvedAt)} at ${meeting.approval.approvedAtMeeting}` : ''} and are
          locked: nothing can be changed. A correction is added on the{' '}
          <a href={hrefFor('/meetings/minutes', { meeting: meeting.id })}>minutes</a> page.
        </p>
      ) : null}
      <div className="live-layout">
        <PageTabs
          className="section-nav"
          label="Sections of the meeting"
          isOrdered
          tabs={[
            {
              key: ATTENDANCE,
              href: hrefFor('/meetings/live', { meeting: meeting.id, section: ATTENDANCE, at: inProgress?.id }),
              label: 'Attendance',
              isCurrent: current === ATTENDANCE,
            },
            {
              key: ACTION_LOG,
              href: hrefFor('/meetings/live', { meeting: meeting.id, section: ACTION_LOG, at: inProgress?.id }),
              label: `Action log (${meeting.carriedActions.length})`,
              isCurrent: current === ACTION_LOG,
            },
            ...meeting.agenda.map((item) => {
              const itemQuorum = terms ? quorumFor(terms, meeting, records, item.id) : null;
              return {
                key: item.id,
                href: hrefFor('/meetings/live', { meeting: meeting.id, section: item.id, at: item.id }),
                isCurrent: current === item.id,
                label: (
                  <>
                    <span className="item-number">{item.number}</span> <span dir="auto">{item.title}</span>
                    {item.isExempt ? <span className="exempt-mark"> Exempt</span> : null}
                    {itemQuorum && !itemQuorum.isQuorate && records.some((record) => record.kind === 'attendance') ? (
                      <span className="inquorate-mark"> Not quorate</span>
                    ) : null}
                  </>
                ),
              };
            }),
          ]}
        />
        <div className="live-panel" ref={panelRef}>
          {current === ATTENDANCE ? (
            <AttendancePanel meeting={meeting} records={records} board={board} isLocked={isLocked} />
          ) : current === ACTION_LOG ? (
            <ActionLogPanel meeting={meeting} records={records} isLocked={isLocked} />
          ) : currentItem && terms ? (
            <ItemPanel
              key={currentItem.id}
              meeting={meeting}
              item={currentItem}
              records={records}
              board={board}
              terms={terms}
              targets={targets ?? []}
              isLocked={isLocked}
            />
          ) : null}
        </div>
      </div>
      <section aria-labelledby="shortcuts-title" className="shortcuts">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <p className="muted">
          Press Alt (Option on a Mac) with a key. In any form, Enter adds what you typed; every change is saved at once.
        </p>
        <dl>
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.code}>
              <dt>
                <kbd>{shortcut.keys}</kbd>
              </dt>
              <dd>{shortcut.does}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

/** On opening a draft, saves notes typed just before a reload or crash that never reached the store. */
function useJournalRecovery(meeting: Meeting, isLocked: boolean) {
  const { db } = useServices();
  const save = useSave();
  useEffect(() => {
    if (isLocked) return;
    for (const { itemId, ...entry } of journalledNotes(meeting.id)) {
      // Saved only if typed after the stored note; either way the journal has done its work.
      void save(() => recoverNote(db, meeting.id, itemId, entry)).then((isSaved) => {
        if (isSaved) clearJournalledNote(meeting.id, itemId, entry.text);
      });
    }
  }, [db, save, meeting.id, isLocked]);
}
