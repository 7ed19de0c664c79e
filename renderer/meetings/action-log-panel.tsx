import {
  ACTION_UPDATE_STATUSES,
  type ActionUpdateRecord,
  type CarriedAction,
  type Meeting,
  type MeetingRecord,
} from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { formatDate } from '../format';
import { InlineText } from './inline-text';
import { recordsOf } from './meeting-model';
import { deleteRecord, saveRecord } from './meeting-repository';
import { useSave } from './save-status';
import { useMeeting } from './use-meetings';
import { Field } from '../components/field';

const STATUS_LABELS: Record<ActionUpdateRecord['status'], string> = { complete: 'Complete', ongoing: 'Ongoing: carry forward' };

/** The id of the progress record for a carried-forward action at a meeting: one per action. */
function updateIdOf(meetingId: string, sourceId: string): string {
  return `${meetingId}:update:${sourceId}`;
}

/** The action log carried forward from earlier meetings, with progress recorded at this one. */
export function ActionLogPanel({ meeting, records, isLocked }: { meeting: Meeting; records: MeetingRecord[]; isLocked: boolean }) {
  const updates = new Map(recordsOf(records, 'action-update').map((update) => [update.sourceId, update]));
  const previous = useMeeting(meeting.previousMeetingId ?? undefined);
  return (
    <section aria-labelledby="action-log-title">
      <h2 id="action-log-title" tabIndex={-1}>
        Action log of earlier meetings
      </h2>
      {previous ? (
        previous.status === 'draft' ? (
          <p className="warning">
            The minutes of the meeting of {formatDate(previous.date)} are still a draft.{' '}
            <a href={hrefFor('/meetings/minutes', { meeting: previous.id, at: meeting.id })}>Review and approve them at this meeting</a>.
          </p>
        ) : (
          <p className="muted">The minutes of the meeting of {formatDate(previous.date)} are approved.</p>
        )
      ) : null}
      {meeting.carriedActions.length === 0 ? (
        <p className="empty-state">No open actions were carried forward to this meeting.</p>
      ) : (
        <ul className="record-list action-log">
          {meeting.carriedActions.map((action) => (
            <CarriedLine
              key={action.sourceId}
              meeting={meeting}
              action={action}
              update={updates.get(action.sourceId)}
              isLocked={isLocked}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function CarriedLine({
  meeting,
  action,
  update,
  isLocked,
}: {
  meeting: Meeting;
  action: CarriedAction;
  update: ActionUpdateRecord | undefined;
  isLocked: boolean;
}) {
  const { db } = useServices();
  const save = useSave();
  const id = updateIdOf(meeting.id, action.sourceId);
  function store(patch: Partial<Pick<ActionUpdateRecord, 'status' | 'note'>>) {
    const now = new Date().toISOString();
    const record: ActionUpdateRecord = {
      id,
      meetingId: meeting.id,
      kind: 'action-update',
      sourceId: action.sourceId,
      status: 'ongoing',
      note: '',
      createdAt: update?.createdAt ?? now,
      chain: null,
      ...(update ? { status: update.status, note: update.note } : {}),
      ...patch,
      updatedAt: now,
    };
    void save(() => saveRecord(db, record));
  }
  return (
    <li>
      <p>
        <strong>{action.text}</strong>. Owner: {action.owner}. Due: {action.dueDate ? formatDate(action.dueDate) : 'no date'}.{' '}
        <span className="muted">From the meeting of {formatDate(action.fromMeetingDate)}.</span>
      </p>
      <div className="quick-fields">
        <Field id={`${id}-status`} label="Progress">
          <select
            id={`${id}-status`}
            value={update?.status ?? ''}
            disabled={isLocked}
            onChange={(event) => {
              const status = ACTION_UPDATE_STATUSES.find((option) => option === event.target.value);
              if (status) store({ status });
              else if (update) void save(() => deleteRecord(db, meeting.id, id));
            }}
          >
            <option value="">Not yet reviewed</option>
            {ACTION_UPDATE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </Field>
        <span className="field field-wide">
          <InlineText
            id={`${id}-note`}
            label="Note"
            value={update?.note ?? ''}
            isDisabled={isLocked || !update}
            onSave={(note) => store({ note: note.trim() })}
          />
        </span>
      </div>
    </li>
  );
}
