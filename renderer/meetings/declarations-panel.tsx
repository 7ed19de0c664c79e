import { useRef, useState } from 'react';
import { useServices } from '../app/context';
import { peopleAt, recordsOf } from './meeting-model';
import { saveRecord } from './meeting-repository';
import { useRemoveRecord } from './use-undoable-removal';
import { useSave } from './save-status';
import { draftKey, useDraftState } from './use-draft-state';
import { Part, RemoveButton, type ItemProps, recordBase } from './item-parts';
import { QuickForm } from '../components/quick-form';
import { StatusTag } from '../components/status-tag';
import { Field } from '../components/field';

// The declarations of interest made at one agenda item.

export function Declarations({ meeting, item, records, board, isLocked }: ItemProps) {
  const { db } = useServices();
  const save = useSave();
  const removeRecord = useRemoveRecord(meeting.id);
  const declarations = recordsOf(records, 'declaration', item.id);
  const people = peopleAt(board?.members ?? [], records);
  const memberRef = useRef<HTMLSelectElement>(null);
  // Drafts survive a reload until submitted.
  const draft = (field: string) => draftKey(meeting.id, item.id, 'declaration', field);
  const [memberId, setMemberId] = useDraftState(draft('member'), '');
  const [interest, setInterest] = useDraftState(draft('interest'), '');
  const [hasLeft, setHasLeft] = useDraftState(draft('has-left'), false);
  const [error, setError] = useState<string | null>(null);

  function add(): Promise<boolean> | false {
    const member = people.find((person) => person.id === memberId);
    if (!member || !interest.trim()) {
      setError(!member ? 'Choose who is declaring.' : 'Say what the interest is.');
      return false;
    }
    return save(() =>
      saveRecord(db, {
        ...recordBase(meeting.id),
        kind: 'declaration',
        itemId: item.id,
        memberId: member.id,
        memberName: member.name,
        interest: interest.trim(),
        hasLeft,
      }),
    ).then((isSaved) => {
      // Clear only what was saved: the chair may already be typing the next entry.
      if (isSaved) {
        setMemberId((current) => (current === memberId ? '' : current));
        setInterest((current) => (current === interest ? '' : current));
        setHasLeft(false);
        setError(null);
      }
      return isSaved;
    });
  }

  return (
    <Part id="declarations-title" title="Declarations of interest">
      {declarations.length === 0 ? <p className="muted">None declared.</p> : null}
      <ul className="record-list">
        {declarations.map((declaration) => (
          <li key={declaration.id}>
            <strong>{declaration.memberName}</strong>: {declaration.interest}.{' '}
            {declaration.hasLeft ? (
              <StatusTag tone="left">Left the room: not counted, cannot vote</StatusTag>
            ) : (
              <span className="muted">Stayed</span>
            )}
            {isLocked ? null : (
              <RemoveButton
                label={`Remove the declaration by ${declaration.memberName}`}
                onClick={() => void removeRecord(declaration.id, `Deleted: the declaration by ${declaration.memberName}.`)}
              />
            )}
          </li>
        ))}
      </ul>
      {isLocked ? null : (
        <QuickForm title="Declare an interest" onSubmit={add} firstFieldRef={memberRef} error={error} submitLabel="Add declaration">
          <Field id="live-declaration-member" label="Who">
            <select ref={memberRef} id="live-declaration-member" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
              <option value="">Choose a member…</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="live-declaration-interest" label="Interest" className="field-wide">
            <input id="live-declaration-interest" type="text" value={interest} onChange={(event) => setInterest(event.target.value)} />
          </Field>
          <span className="field field-check">
            <label className="check">
              <input type="checkbox" checked={hasLeft} onChange={(event) => setHasLeft(event.target.checked)} /> Left the room for this item
            </label>
          </span>
        </QuickForm>
      )}
    </Part>
  );
}
