import { useId, useRef, useState, type FormEvent } from 'react';
import type { Board, Meeting, MeetingRecord, TermsOfReference } from '../../shared/meetings/schema';
import { approvalProblems } from '../../shared/meetings/approval';
import { describeRecord } from '../../shared/meetings/records';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { formatDate, formatDateTime } from '../format';
import { todayIso } from '../plan-review/today';
import { DecisionText } from './decisions-panel';
import { assuranceTone } from './labels';
import { approvalWarnings, quorumFor, recordsOf, termsFor } from './meeting-model';
import { addCorrection, approveMeeting } from './meeting-repository';
import { describeError, SaveProvider, SaveStatus, useSave } from './save-status';
import { boardIdOf } from './boards';
import { useBoard, useMeeting, useMeetingRecords, useMeetingVerdict, useMeetings } from './use-meetings';
import { VerifiedBadge } from './verified-badge';
import { RetentionPrompt } from '../annotations/retention-prompt';
import { backUpIfSetUp } from '../backup/auto-backup';
import './meetings.css';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { StatusTag } from '../components/status-tag';
import { FormError } from '../components/form-error';
import { DateField } from '../components/date-field';
import { ConfirmBox } from '../components/confirm-action';
import { ViewTitle } from '../components/view-title';
import { Field } from '../components/field';

/** The minutes of a meeting as recorded; approving them (which locks them), their verification, and corrections. */
export function MinutesView({ meetingId, at }: { meetingId: string | undefined; at: string | undefined }) {
  const meeting = useMeeting(meetingId);
  const records = useMeetingRecords(meetingId);
  // The meeting's own board, whichever board is open.
  const board = useBoard(meeting ? boardIdOf(meeting) : undefined);
  const verdict = useMeetingVerdict(meeting, records);
  return (
    <SaveProvider>
      <section aria-labelledby="view-title" className="minutes">
        <p className="breadcrumb">
          <a href={hrefFor('/meetings')}>Meetings</a>
          {meeting?.status === 'draft' ? (
            <>
              {' '}
              · <a href={hrefFor('/meetings/live', { meeting: meeting.id })}>Run the meeting</a>
            </>
          ) : null}
        </p>
        <ViewTitle>
          {meeting ? (
            <>
              Minutes: <span dir="auto">{meeting.title}</span>, {formatDate(meeting.date)}
            </>
          ) : (
            'Minutes'
          )}
        </ViewTitle>
        {meeting === null ? <NotOnThisLaptop thing="meeting" /> : null}
        {meeting && records && board !== undefined ? (
          <>
            <MinutesStatus meeting={meeting} hasRecords={records.length > 0} />
            {meeting.status === 'approved' ? <VerifiedBadge verdict={verdict} /> : null}
            {meeting.status === 'approved' ? <PrivateNotesRetention meeting={meeting} /> : null}
            <MinutesBody meeting={meeting} records={records} terms={termsFor(meeting, records, board)} />
            {meeting.status === 'draft' ? (
              <Approval meeting={meeting} records={records} board={board} at={at} />
            ) : (
              <Corrections meeting={meeting} records={records} />
            )}
          </>
        ) : null}
        {meeting === undefined ? <p>Loading…</p> : null}
      </section>
    </SaveProvider>
  );
}

/** Once approved, offers (where the member asked for it) to delete their private notes for the meeting. */
function PrivateNotesRetention({ meeting }: { meeting: Meeting }) {
  const previous = useMeeting(meeting.previousMeetingId ?? undefined);
  if (meeting.previousMeetingId && previous === undefined) return null;
  return <RetentionPrompt meetingDate={meeting.date} previousMeetingDate={previous?.date ?? null} />;
}

// A meeting still to come, with nothing recorded yet, has no minutes to approve: saying "Draft: to
// be approved at the next meeting" there misled members into thinking it had already met.
function MinutesStatus({ meeting, hasRecords }: { meeting: Meeting; hasRecords: boolean }) {
  const isToCome = meeting.date > todayIso() && !hasRecords;
  return (
    <dl className="facts">
      <dt>When</dt>
      <dd>
        {formatDate(meeting.date)}, {meeting.time}
      </dd>
      <dt>Where</dt>
      <dd>{meeting.place || 'Not recorded'}</dd>
      <dt>Status</dt>
      <dd>
        {meeting.approval ? (
          <StatusTag tone="approved">
            Approved on {formatDateTime(meeting.approval.approvedAt)} at {meeting.approval.approvedAtMeeting}; locked
          </StatusTag>
        ) : isToCome ? (
          <StatusTag tone="draft">Not yet held: the minutes are drafted at the meeting</StatusTag>
        ) : (
          <StatusTag tone="draft">Draft: to be approved at the next meeting</StatusTag>
        )}
      </dd>
    </dl>
  );
}

function SeqMark({ seqs, id }: { seqs: Map<string, number>; id: string }) {
  const seq = seqs.get(id);
  return seq === undefined ? null : (
    <span className="seq" title="Record number in the approved minutes">
      #{seq}
    </span>
  );
}

function MinutesBody({ meeting, records, terms }: { meeting: Meeting; records: MeetingRecord[]; terms: TermsOfReference | null }) {
  const seqs = new Map(records.flatMap((record) => (record.chain ? [[record.id, record.chain.seq] as const] : [])));
  const attendance = recordsOf(records, 'attendance');
  const nameOf = (id: string | null) => attendance.find((record) => record.memberId === id)?.name ?? 'a member';
  const groups = [
    {
      title: 'Present',
      people: attendance.filter((record) => record.status === 'present' && record.isVoting && record.substituteForId === null),
    },
    {
      title: 'Present as substitutes',
      people: attendance.filter((record) => record.status === 'present' && record.substituteForId !== null),
    },
    {
      title: 'In attendance (advisers, not voting)',
      people: attendance.filter((record) => record.status === 'present' && !record.isVoting && record.substituteForId === null),
    },
    { title: 'Apologies', people: attendance.filter((record) => record.status === 'apologies') },
    { title: 'Absent', people: attendance.filter((record) => record.status === 'absent') },
  ];
  const itemNumber = (id: string | null) => meeting.agenda.find((item) => item.id === id)?.number ?? '?';
  const updates = new Map(recordsOf(records, 'action-update').map((update) => [update.sourceId, update]));

  return (
    <>
      <section aria-labelledby="minutes-attendance">
        <h2 id="minutes-attendance">Attendance</h2>
        {attendance.length === 0 ? <p className="muted">No attendance recorded.</p> : null}
        {groups
          .filter((group) => group.people.length > 0)
          .map((group) => (
            <div key={group.title}>
              <h3>{group.title}</h3>
              <ul className="record-list">
                {group.people.map((person) => (
                  <li key={person.id}>
                    <SeqMark seqs={seqs} id={person.id} />
                    {person.name} ({person.organisation}){person.substituteForId ? `, for ${nameOf(person.substituteForId)}` : ''}
                    {person.arrivedAtItemId ? `; arrived at item ${itemNumber(person.arrivedAtItemId)}` : ''}
                    {person.leftAtItemId ? `; left at item ${itemNumber(person.leftAtItemId)}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ))}
      </section>
      {meeting.carriedActions.length > 0 ? (
        <section aria-labelledby="minutes-action-log">
          <h2 id="minutes-action-log">Action log of earlier meetings</h2>
          <ul className="record-list">
            {meeting.carriedActions.map((action) => {
              const update = updates.get(action.sourceId);
              return (
                <li key={action.sourceId}>
                  {update ? <SeqMark seqs={seqs} id={update.id} /> : null}
                  {action.text} ({action.owner}, from {formatDate(action.fromMeetingDate)}):{' '}
                  {update
                    ? `${update.status === 'complete' ? 'complete' : 'ongoing'}${update.note ? `. ${update.note}` : ''}`
                    : 'not reviewed'}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {meeting.agenda.map((item) => {
        const notes = recordsOf(records, 'note', item.id).filter((note) => note.text.trim() !== '');
        const declarations = recordsOf(records, 'declaration', item.id);
        const decisions = recordsOf(records, 'decision', item.id);
        const judgements = recordsOf(records, 'judgement', item.id);
        const actions = recordsOf(records, 'action', item.id);
        const quorum = terms && attendance.length > 0 ? quorumFor(terms, meeting, records, item.id) : null;
        return (
          <section
            key={item.id}
            aria-labelledby={`minutes-item-${item.id}`}
            className={item.isExempt ? 'minutes-item is-exempt' : 'minutes-item'}
          >
            <h2 id={`minutes-item-${item.id}`}>
              {item.number}. <span dir="auto">{item.title}</span>
              {item.isExempt ? <span className="exempt-tag"> Exempt</span> : null}
            </h2>
            {quorum && !quorum.isQuorate ? <p className="warning">The meeting was not quorate for this item.</p> : null}
            {declarations.map((declaration) => (
              <p key={declaration.id}>
                <SeqMark seqs={seqs} id={declaration.id} />
                {declaration.memberName} declared an interest: {declaration.interest}
                {declaration.hasLeft ? ', and left the room for this item.' : '.'}
              </p>
            ))}
            {notes.map((note) => (
              <div key={note.id} className="minutes-notes">
                <SeqMark seqs={seqs} id={note.id} />
                {note.text.split('\n').map((line, index) => (
                  <p key={index}>{line}</p>
                ))}
              </div>
            ))}
            {decisions.length > 0 ? (
              <ul className="record-list">
                {decisions.map((decision) => (
                  <li key={decision.id} className={decision.isWithdrawn ? 'is-withdrawn' : undefined}>
                    <SeqMark seqs={seqs} id={decision.id} />
                    <DecisionText decision={decision} />
                  </li>
                ))}
              </ul>
            ) : null}
            {judgements.map((judgement) => (
              <p key={judgement.id}>
                <SeqMark seqs={seqs} id={judgement.id} />
                Assurance on <strong>{judgement.target.label}</strong>:{' '}
                <span className={`assurance assurance-${assuranceTone(judgement.level, terms?.assuranceScale ?? [])}`}>
                  {judgement.level}
                </span>
                . {judgement.reason}
              </p>
            ))}
            {actions.length > 0 ? (
              <>
                <h3>Actions arising</h3>
                <ul className="record-list">
                  {actions.map((action) => (
                    <li key={action.id}>
                      <SeqMark seqs={seqs} id={action.id} />
                      {action.text}. Owner: {action.owner}. Due: {action.dueDate ? formatDate(action.dueDate) : 'no date'}.
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {notes.length + declarations.length + decisions.length + judgements.length + actions.length === 0 ? (
              <p className="muted">Nothing recorded.</p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

function Approval({
  meeting,
  records,
  board,
  at,
}: {
  meeting: Meeting;
  records: MeetingRecord[];
  board: Board | null;
  at: string | undefined;
}) {
  const { db, api } = useServices();
  const meetings = useMeetings();
  const formId = useId();
  const later = (meetings ?? []).filter((other) => other.id !== meeting.id && other.date > meeting.date).reverse();
  const [choice, setChoice] = useState<string | null>(null);
  const [other, setOther] = useState('');
  const [otherDate, setOtherDate] = useState('');
  const [itemChoice, setItemChoice] = useState<string | null>(null);
  const [isConfirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const selected = choice ?? (at && later.some((candidate) => candidate.id === at) ? at : (later[0]?.id ?? 'other'));
  const chosenMeeting = later.find((candidate) => candidate.id === selected);
  // The previous minutes are usually approved at an item called "Minutes of the previous meeting": offered first.
  const suggestedItem = chosenMeeting?.agenda.find((item) => /minutes/i.test(item.title))?.id ?? '';
  const selectedItem = itemChoice ?? suggestedItem;
  const warnings = approvalWarnings(meeting, records, board);

  /** Where the minutes are approved, or what the chair still has to give or put right. */
  function describeAt(): { text: string; id: string | null; date: string; itemId: string | null } | string {
    if (selected === 'other') {
      if (!other.trim()) return 'Say at which meeting the minutes were approved.';
      if (!otherDate) return 'Give the date of the meeting at which the minutes were approved.';
      const problems = approvalProblems({ meetingDate: meeting.date, approvingDate: otherDate, approvedAt: new Date().toISOString() });
      return problems[0] ?? { text: other.trim(), id: null, date: otherDate, itemId: null };
    }
    if (!chosenMeeting) return 'Say at which meeting the minutes were approved.';
    const problems = approvalProblems({
      meetingDate: meeting.date,
      approvingDate: chosenMeeting.date,
      approvedAt: new Date().toISOString(),
    });
    const item = chosenMeeting.agenda.find((entry) => entry.id === selectedItem);
    return (
      problems[0] ?? {
        text: `the meeting of ${formatDate(chosenMeeting.date)}${item ? `, item ${item.number}` : ''}`,
        id: chosenMeeting.id,
        date: chosenMeeting.date,
        itemId: item?.id ?? null,
      }
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const where = describeAt();
    if (typeof where === 'string') {
      setError(where);
      return;
    }
    setError(null);
    setConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  }

  async function approve() {
    const where = describeAt();
    if (typeof where === 'string') {
      setError(where);
      setConfirming(false);
      return;
    }
    try {
      // Approval locks the minutes for good: the store is backed up first (once a passphrase is set).
      const backup = await backUpIfSetUp(db, api, 'before-approval');
      if (backup && !backup.ok) console.warn('The backup before approval failed', backup.error.message);
      await approveMeeting(db, meeting.id, {
        approvedAtMeeting: where.text,
        approvedAtMeetingId: where.id,
        approvedAtMeetingDate: where.date,
        approvedAtItemId: where.itemId,
      });
      document.getElementById('view-title')?.focus();
    } catch (caught) {
      setError(`The minutes were not approved: ${describeError(caught)}`);
      setConfirming(false);
    }
  }

  return (
    <section aria-labelledby={`${formId}-title`} className="panel approval">
      <h2 id={`${formId}-title`}>Approve the minutes</h2>
      <p>
        Approval is the board agreeing these minutes as a true record, usually at the next meeting. It locks them: nothing can be edited
        afterwards, and any correction is added as a new record that amends an earlier one by its number.
      </p>
      {warnings.length > 0 ? (
        <div className="warning">
          <p>Check before approving:</p>
          <ul>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <label htmlFor={`${formId}-at`}>Approved as a true record at</label>
          <select
            id={`${formId}-at`}
            value={selected}
            onChange={(event) => {
              setChoice(event.target.value);
              setItemChoice(null);
              setConfirming(false);
            }}
          >
            {later.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                The meeting of {formatDate(candidate.date)}
              </option>
            ))}
            <option value="other">Another meeting (say which)</option>
          </select>
          {selected === 'other' ? (
            <>
              <label htmlFor={`${formId}-other`}>Which meeting</label>
              <input
                id={`${formId}-other`}
                type="text"
                value={other}
                placeholder="the meeting of 11 February 2027"
                onChange={(event) => {
                  setOther(event.target.value);
                  setConfirming(false);
                }}
              />
              <label htmlFor={`${formId}-other-date`}>Date of that meeting</label>
              <DateField
                id={`${formId}-other-date`}
                value={otherDate}
                min={meeting.date}
                onChange={(iso) => {
                  setOtherDate(iso);
                  setConfirming(false);
                }}
              />
            </>
          ) : chosenMeeting ? (
            <>
              <label htmlFor={`${formId}-item`}>At agenda item</label>
              <select
                id={`${formId}-item`}
                value={selectedItem}
                onChange={(event) => {
                  setItemChoice(event.target.value);
                  setConfirming(false);
                }}
              >
                <option value="">No particular item</option>
                {chosenMeeting.agenda.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.number}. {item.title}
                  </option>
                ))}
              </select>
            </>
          ) : null}
        </div>
        {isConfirming ? null : (
          <div className="button-row">
            <button type="submit">Approve and lock the minutes…</button>
          </div>
        )}
      </form>
      {isConfirming ? (
        <ConfirmBox
          question={
            <>
              <strong>Approve the minutes of {formatDate(meeting.date)} and lock them?</strong> This cannot be undone.
            </>
          }
          confirmLabel="Yes, approve and lock"
          keepLabel="Not yet"
          isDanger={false}
          confirmRef={confirmRef}
          onConfirm={() => void approve()}
          onKeep={() => setConfirming(false)}
        />
      ) : null}
      <FormError message={error} />
    </section>
  );
}

function Corrections({ meeting, records }: { meeting: Meeting; records: MeetingRecord[] }) {
  const { db } = useServices();
  const save = useSave();
  const formId = useId();
  const textRef = useRef<HTMLInputElement>(null);
  const chained = records.filter((record) => record.chain !== null).sort((a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0));
  const corrections = recordsOf(chained, 'correction');
  const [amends, setAmends] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (amends === '' || !text.trim()) {
      setError(amends === '' ? 'Choose the record the correction amends.' : 'Say what the correction is.');
      return;
    }
    if (await save(() => addCorrection(db, meeting.id, { amendsSeq: Number(amends), text: text.trim() }))) {
      setAmends('');
      setText('');
      setError(null);
      textRef.current?.focus();
    }
  }

  return (
    <section aria-labelledby={`${formId}-title`} className="panel">
      <h2 id={`${formId}-title`}>Corrections</h2>
      <p className="muted">
        Approved minutes are never edited. A correction is added to the end of the record and amends an earlier record by its number.
      </p>
      {corrections.length === 0 ? <p className="muted">No corrections.</p> : null}
      <ul className="record-list">
        {corrections.map((correction) => (
          <li key={correction.id}>
            <span className="seq">#{correction.chain?.seq}</span> Correction to record #{correction.amendsSeq}: {correction.text}{' '}
            <span className="muted">({formatDateTime(correction.createdAt)})</span>
          </li>
        ))}
      </ul>
      <SaveStatus />
      <form className="quick-add" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Add a correction">
        <div className="quick-fields">
          <Field id={`${formId}-amends`} label="Amends record" className="field-wide">
            <select id={`${formId}-amends`} value={amends} onChange={(event) => setAmends(event.target.value)}>
              <option value="">Choose a record…</option>
              {chained.map((record) => (
                <option key={record.id} value={String(record.chain?.seq)}>
                  #{record.chain?.seq}: {describeRecord(record, meeting.agenda)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${formId}-text`} label="Correction" className="field-wide">
            <input ref={textRef} id={`${formId}-text`} type="text" value={text} onChange={(event) => setText(event.target.value)} />
          </Field>
          <button type="submit">Add correction</button>
        </div>
        <FormError message={error} />
      </form>
    </section>
  );
}
