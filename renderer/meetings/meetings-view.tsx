import { useId, useState, type FormEvent } from 'react';
import { useServices } from '../app/context';
import { hrefFor, navigate } from '../app/router';
import { formatDate } from '../format';
import { usePlans } from '../hooks/use-plan-data';
import { SampleTag, useSample } from '../removal/sample-tag';
import { BoardSwitcher } from './board-switcher';
import { createMeeting } from './meeting-repository';
import { describeError } from './save-status';
import { standardAgenda } from './standard-agenda';
import { useBoard, useMeetings } from './use-meetings';
import './meetings.css';
import { StatusTag } from '../components/status-tag';
import { DataTable } from '../components/data-table';
import { FormError } from '../components/form-error';
import { DateField } from '../components/date-field';
import { TimeField } from '../components/time-field';
import { ViewTitle } from '../components/view-title';
import { PlanSelect } from '../components/plan-select';

/** The board's meetings, the latest first, with a form to set up the next one. */
export function MeetingsView() {
  const meetings = useMeetings();
  const board = useBoard();
  const sample = useSample();
  return (
    <section aria-labelledby="view-title">
      <ViewTitle>Meetings</ViewTitle>
      <BoardSwitcher />
      <p>
        {board ? `${board.name}: ${board.members.length} on the register.` : 'No board register yet.'}
        {board && sample?.hasBoard ? <SampleTag /> : null} <a href={hrefFor('/meetings/board')}>Board register and terms of reference</a>
      </p>
      <DataTable
        caption="Meetings of the board, the latest first"
        columns={['Date', 'Meeting', 'Minutes', 'Open']}
        rows={meetings}
        empty="No meetings yet. Set up the next one below."
        className="meetings-table"
      >
        {(meeting) => (
          <tr key={meeting.id}>
            <td>
              {formatDate(meeting.date)}, {meeting.time}
            </td>
            <td>
              <span dir="auto">{meeting.title}</span>
              {sample?.meetingIds.includes(meeting.id) ? <SampleTag /> : null}
              <span className="muted"> · {meeting.place || 'place not set'}</span>
              <span className="muted"> · {meeting.agenda.length} agenda items</span>
            </td>
            <td>
              {meeting.status === 'approved' ? (
                <StatusTag tone="approved">Approved and locked</StatusTag>
              ) : (
                <StatusTag tone="draft">Draft</StatusTag>
              )}
            </td>
            <td>
              <ul className="link-row">
                {meeting.status === 'draft' ? (
                  <>
                    <li>
                      <a
                        href={hrefFor('/meetings/live', { meeting: meeting.id })}
                        aria-label={`Run the meeting of ${formatDate(meeting.date)}`}
                      >
                        Run the meeting
                      </a>
                    </li>
                    <li>
                      <a href={hrefFor('/meetings/agenda', { meeting: meeting.id })} aria-label={`Agenda of ${formatDate(meeting.date)}`}>
                        Agenda
                      </a>
                    </li>
                  </>
                ) : null}
                <li>
                  <a href={hrefFor('/meetings/minutes', { meeting: meeting.id })} aria-label={`Minutes of ${formatDate(meeting.date)}`}>
                    Minutes
                  </a>
                </li>
              </ul>
            </td>
          </tr>
        )}
      </DataTable>
      <NewMeetingForm defaultTitle={board?.name ?? 'SEND Oversight Board'} />
    </section>
  );
}

function NewMeetingForm({ defaultTitle }: { defaultTitle: string }) {
  const { db } = useServices();
  const plans = usePlans();
  const formId = useId();
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const date = String(data.get('date') ?? '');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setError('Give the meeting’s date.');
      document.getElementById(`${formId}-date`)?.focus();
      return;
    }
    const timeText = (document.getElementById(`${formId}-time`) as HTMLInputElement | null)?.value.trim() ?? '';
    if (timeText !== '' && !data.get('time')) {
      setError('Give the meeting’s time as hh:mm (24-hour), for example 14:00.');
      document.getElementById(`${formId}-time`)?.focus();
      return;
    }
    try {
      const planId = String(data.get('plan') ?? '');
      const meeting = await createMeeting(db, {
        title: String(data.get('title') ?? '').trim() || defaultTitle,
        date,
        time: String(data.get('time') ?? '') || '14:00',
        place: String(data.get('place') ?? '').trim(),
        planId: planId || null,
        agenda: data.get('standard') === 'on' ? standardAgenda() : [],
      });
      navigate('/meetings/agenda', { meeting: meeting.id });
    } catch (caught) {
      setError(`The meeting was not created: ${describeError(caught)}`);
    }
  }

  return (
    <section aria-labelledby={`${formId}-title`} className="panel">
      <h2 id={`${formId}-title`}>Set up a meeting</h2>
      <p className="muted">The open actions of the meeting before it are carried forward to its action log.</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="form-grid">
          <label htmlFor={`${formId}-date`}>Date</label>
          <DateField id={`${formId}-date`} name="date" isRequired describedBy={error ? `${formId}-error` : undefined} />
          <label htmlFor={`${formId}-time`}>Time</label>
          <TimeField id={`${formId}-time`} name="time" defaultValue="14:00" />
          <label htmlFor={`${formId}-place`}>Place</label>
          <input id={`${formId}-place`} name="place" type="text" />
          <label htmlFor={`${formId}-title-field`}>Title</label>
          <input id={`${formId}-title-field`} name="title" type="text" placeholder={defaultTitle} />
          <label htmlFor={`${formId}-plan`}>Plan</label>
          <PlanSelect id={`${formId}-plan`} name="plan" plans={plans} defaultValue={plans?.[0]?.id ?? ''} key={plans?.[0]?.id ?? 'none'} />
          <span />
          <label className="check">
            <input type="checkbox" name="standard" defaultChecked /> Start from the standard agenda
          </label>
        </div>
        <FormError id={`${formId}-error`} message={error} />
        <div className="button-row">
          <button type="submit">Set up the meeting</button>
        </div>
      </form>
    </section>
  );
}
