import {
  ATTENDANCE_STATUSES,
  type AttendanceRecord,
  type AttendanceStatus,
  type Board,
  type BoardMember,
  type Meeting,
  type MeetingRecord,
} from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { ATTENDANCE_LABELS } from './labels';
import { peopleAt, recordsOf } from './meeting-model';
import { markUnmarkedPresent, setAttendance } from './meeting-repository';
import { useSave } from './save-status';
import { useSavedValue } from './use-saved-value';
import { DataTable } from '../components/data-table';

/** Attendance: present, apologies or absent; substitutes; late arrivals and early departures, by agenda item. */
export function AttendancePanel({
  meeting,
  records,
  board,
  isLocked,
}: {
  meeting: Meeting;
  records: MeetingRecord[];
  board: Board | null;
  isLocked: boolean;
}) {
  const { db } = useServices();
  const save = useSave();
  const people = peopleAt(board?.members ?? [], records);
  const attendance = new Map(recordsOf(records, 'attendance').map((record) => [record.memberId, record]));
  const unmarked = people.filter((person) => person.substituteForId === null && !attendance.has(person.id));
  const nameOf = (id: string | null) => people.find((person) => person.id === id)?.name ?? 'a member no longer on the register';
  const counts = Object.fromEntries(
    ATTENDANCE_STATUSES.map((status) => [status, [...attendance.values()].filter((record) => record.status === status).length]),
  );

  return (
    <section aria-labelledby="attendance-title">
      <h2 id="attendance-title" tabIndex={-1}>
        Attendance
      </h2>
      {people.length > 0 ? (
        <p>
          {counts.present ?? 0} present, {counts.apologies ?? 0} apologies, {counts.absent ?? 0} absent, {unmarked.length} not yet marked.
        </p>
      ) : null}
      {!isLocked && unmarked.length > 0 ? (
        <div className="button-row">
          <button type="button" className="secondary" onClick={() => void save(() => markUnmarkedPresent(db, meeting.id, unmarked))}>
            Mark the {unmarked.length} not yet marked as present
          </button>
        </div>
      ) : null}
      <DataTable
        caption="Attendance at the meeting"
        isCaptionHidden
        className="attendance-table"
        columns={['Member', 'Attendance', 'Standing in for', 'Arrived late at', 'Left early at']}
        rows={people}
        empty={
          <>
            Nobody is on the board register yet. Add the members on the <a href={hrefFor('/meetings/board')}>board</a> screen.
          </>
        }
      >
        {(person) => (
          <AttendanceRow
            key={person.id}
            meeting={meeting}
            person={person}
            people={people}
            record={attendance.get(person.id)}
            nameOf={nameOf}
            isLocked={isLocked}
            onChange={(patch) => save(() => setAttendance(db, meeting.id, person, patch))}
          />
        )}
      </DataTable>
    </section>
  );
}

type Patch = Parameters<typeof setAttendance>[3];

function AttendanceRow({
  meeting,
  person,
  people,
  record,
  nameOf,
  isLocked,
  onChange,
}: {
  meeting: Meeting;
  person: BoardMember;
  people: BoardMember[];
  record: AttendanceRecord | undefined;
  nameOf: (id: string | null) => string;
  isLocked: boolean;
  onChange: (patch: Patch) => Promise<boolean>;
}) {
  const [status, setStatus] = useSavedValue<string>(record?.status ?? '', (value) =>
    isStatus(value) ? onChange({ status: value }) : Promise.resolve(false),
  );
  const [substituteFor, setSubstituteFor] = useSavedValue(record?.substituteForId ?? null, (substituteForId) =>
    onChange({ substituteForId }),
  );
  const [arrived, setArrived] = useSavedValue(record?.arrivedAtItemId ?? null, (arrivedAtItemId) => onChange({ arrivedAtItemId }));
  const [left, setLeft] = useSavedValue(record?.leftAtItemId ?? null, (leftAtItemId) => onChange({ leftAtItemId }));
  const isSubstitute = person.substituteForId !== null || (record?.substituteForId ?? null) !== null;
  const isPresent = status === 'present';
  return (
    <tr className={record ? `attendance-${record.status}` : 'attendance-unmarked'}>
      <th scope="row">
        <span className="member-name">{person.name}</span>
        <span className="member-detail">
          {person.role ? `${person.role}, ` : ''}
          {person.organisation}
        </span>
        <span className="member-detail">
          {person.substituteForId !== null
            ? `Named substitute for ${nameOf(person.substituteForId)}`
            : person.isVoting
              ? 'Votes'
              : 'Does not vote'}
        </span>
      </th>
      <td>
        <label htmlFor={`attendance-${person.id}`} className="visually-hidden">
          Attendance of {person.name}
        </label>
        <select id={`attendance-${person.id}`} value={status} disabled={isLocked} onChange={(event) => setStatus(event.target.value)}>
          {record ? null : <option value="">Not marked</option>}
          {ATTENDANCE_STATUSES.map((option) => (
            <option key={option} value={option}>
              {ATTENDANCE_LABELS[option]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {isSubstitute && isPresent ? (
          <>
            <label htmlFor={`substitute-${person.id}`} className="visually-hidden">
              {person.name} is standing in for
            </label>
            <select
              id={`substitute-${person.id}`}
              value={substituteFor ?? ''}
              disabled={isLocked}
              onChange={(event) => setSubstituteFor(event.target.value || null)}
            >
              <option value="">Nobody (attending as themselves)</option>
              {people
                .filter((other) => other.id !== person.id && other.substituteForId === null)
                .map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
            </select>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        {isPresent ? (
          <ItemSelect
            id={`arrived-${person.id}`}
            label={`${person.name} arrived late at`}
            none="On time"
            meeting={meeting}
            value={arrived}
            isDisabled={isLocked}
            onChange={setArrived}
          />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        {isPresent ? (
          <ItemSelect
            id={`left-${person.id}`}
            label={`${person.name} left early at`}
            none="Stayed"
            meeting={meeting}
            value={left}
            isDisabled={isLocked}
            onChange={setLeft}
          />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

function isStatus(value: string): value is AttendanceStatus {
  return (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

function ItemSelect({
  id,
  label,
  none,
  meeting,
  value,
  isDisabled,
  onChange,
}: {
  id: string;
  label: string;
  none: string;
  meeting: Meeting;
  value: string | null;
  isDisabled: boolean;
  onChange: (itemId: string | null) => void;
}) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select id={id} value={value ?? ''} disabled={isDisabled} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{none}</option>
        {meeting.agenda.map((item) => (
          <option key={item.id} value={item.id}>
            Item {item.number}
          </option>
        ))}
      </select>
    </>
  );
}
