import { useRef, useState } from 'react';
import { type ActionRecord } from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { formatDate } from '../format';
import { recordsOf } from './meeting-model';
import { saveRecord } from './meeting-repository';
import { useRemoveRecord } from './use-undoable-removal';
import { useSave } from './save-status';
import { DateField } from '../components/date-field';
import { Part, RemoveButton, TargetSelect, toTarget, type ItemProps, recordBase } from './item-parts';
import { QuickForm } from '../components/quick-form';
import { Field } from '../components/field';

// The actions arising from one agenda item, each with an owner and, where given, a plan target.

export function ActionsArising({ meeting, item, records, board, targets, isLocked }: ItemProps) {
  const { db } = useServices();
  const save = useSave();
  const removeRecord = useRemoveRecord(meeting.id);
  const actions = recordsOf(records, 'action', item.id);
  const textRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const roles = [
    ...new Set(
      [...meeting.agenda.map((other) => other.presenter), ...(board?.members ?? []).map((member) => member.role)].filter(
        (role) => role !== '',
      ),
    ),
  ];

  function add(): Promise<boolean> | false {
    if (!text.trim() || !owner.trim()) {
      setError(!text.trim() ? 'Say what is to be done.' : 'Name the owner (a role).');
      return false;
    }
    const linked = meeting.planId ? toTarget(link, targets, meeting.planId) : null;
    const record: ActionRecord = {
      ...recordBase(meeting.id),
      kind: 'action',
      itemId: item.id,
      text: text.trim(),
      owner: owner.trim(),
      dueDate: dueDate || null,
      links: linked ? [linked] : [],
    };
    return save(() => saveRecord(db, record)).then((isSaved) => {
      if (isSaved) {
        setText((current) => (current === text ? '' : current));
        setOwner((current) => (current === owner ? '' : current));
        setDueDate((current) => (current === dueDate ? '' : current));
        setLink((current) => (current === link ? '' : current));
        setError(null);
      }
      return isSaved;
    });
  }

  return (
    <Part id="actions-title" title="Actions arising">
      {actions.length === 0 ? <p className="muted">No action arising yet.</p> : null}
      <ul className="record-list">
        {actions.map((action) => (
          <li key={action.id}>
            <strong>{action.text}</strong>. Owner: {action.owner}. Due: {action.dueDate ? formatDate(action.dueDate) : 'no date'}.
            {action.links.length > 0 ? (
              <span className="muted"> Plan: {action.links.map((linked) => linked.label).join('; ')}.</span>
            ) : null}
            {isLocked ? null : (
              <RemoveButton
                label={`Remove the action “${action.text}”`}
                onClick={() => void removeRecord(action.id, `Deleted: the action “${action.text}”.`)}
              />
            )}
          </li>
        ))}
      </ul>
      {isLocked ? null : (
        <QuickForm title="Add an action arising" onSubmit={add} firstFieldRef={textRef} error={error} submitLabel="Add action">
          <datalist id="live-owner-roles">
            {roles.map((role) => (
              <option key={role} value={role} />
            ))}
          </datalist>
          <Field id="live-action-text" label="Action" className="field-wide">
            <input ref={textRef} id="live-action-text" type="text" value={text} onChange={(event) => setText(event.target.value)} />
          </Field>
          <Field id="live-action-owner" label="Owner (role)">
            <input
              id="live-action-owner"
              type="text"
              list="live-owner-roles"
              value={owner}
              onChange={(event) => setOwner(event.target.value)}
            />
          </Field>
          <Field id="live-action-due" label="Due">
            <DateField id="live-action-due" value={dueDate} onChange={setDueDate} />
          </Field>
          {meeting.planId ? (
            <Field id="live-action-link" label="Plan action (optional)" className="field-wide">
              <TargetSelect
                id="live-action-link"
                item={item}
                targets={targets}
                value={link}
                onChange={setLink}
                placeholder="None"
                onlyActions
              />
            </Field>
          ) : null}
        </QuickForm>
      )}
    </Part>
  );
}
