import { useRef, useState } from 'react';
import { useServices } from '../app/context';
import { assuranceTone } from './labels';
import { recordsOf } from './meeting-model';
import { saveRecord } from './meeting-repository';
import { useRemoveRecord } from './use-undoable-removal';
import { useSave } from './save-status';
import { Part, RemoveButton, TargetSelect, toTarget, type ItemProps, recordBase } from './item-parts';
import { QuickForm } from '../components/quick-form';
import { Field } from '../components/field';

// The board's assurance judgements on the plan's areas and actions at one agenda item.

export function Judgements({ meeting, item, records, terms, targets, isLocked }: ItemProps) {
  const { db } = useServices();
  const save = useSave();
  const removeRecord = useRemoveRecord(meeting.id);
  const judgements = recordsOf(records, 'judgement', item.id);
  const targetRef = useRef<HTMLSelectElement>(null);
  const [target, setTarget] = useState('');
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add(): Promise<boolean> | false {
    const chosen = meeting.planId ? toTarget(target, targets, meeting.planId) : null;
    if (!chosen || !level || !reason.trim()) {
      setError(
        !chosen ? 'Choose the area or action judged.' : !level ? 'Choose the level of assurance.' : 'Give the reason for the judgement.',
      );
      return false;
    }
    return save(() =>
      saveRecord(db, { ...recordBase(meeting.id), kind: 'judgement', itemId: item.id, target: chosen, level, reason: reason.trim() }),
    ).then((isSaved) => {
      // Clear only what was saved: the chair may already be typing the next entry.
      if (isSaved) {
        setTarget((current) => (current === target ? '' : current));
        setLevel((current) => (current === level ? '' : current));
        setReason((current) => (current === reason ? '' : current));
        setError(null);
      }
      return isSaved;
    });
  }

  return (
    <Part id="judgements-title" title="Assurance judgements">
      {judgements.length === 0 ? <p className="muted">No judgement recorded yet.</p> : null}
      <ul className="record-list">
        {judgements.map((judgement) => (
          <li key={judgement.id}>
            <span className={`assurance assurance-${assuranceTone(judgement.level, terms.assuranceScale)}`}>{judgement.level}</span>{' '}
            <strong>{judgement.target.label}</strong>: {judgement.reason}
            {isLocked ? null : (
              <RemoveButton
                label={`Remove the judgement on ${judgement.target.label}`}
                onClick={() => void removeRecord(judgement.id, `Deleted: the judgement on ${judgement.target.label}.`)}
              />
            )}
          </li>
        ))}
      </ul>
      {isLocked ? null : meeting.planId === null ? (
        <p className="muted">Choose the plan under review on the agenda screen to judge its areas and actions.</p>
      ) : (
        <QuickForm
          title="Record an assurance judgement"
          onSubmit={add}
          firstFieldRef={targetRef}
          error={error}
          submitLabel="Record judgement"
        >
          <Field id="live-judgement-target" label="Area or action" className="field-wide">
            <TargetSelect
              id="live-judgement-target"
              selectRef={targetRef}
              item={item}
              targets={targets}
              value={target}
              onChange={setTarget}
              placeholder="Choose…"
            />
          </Field>
          <Field id="live-judgement-level" label="Assurance">
            <select id="live-judgement-level" value={level} onChange={(event) => setLevel(event.target.value)}>
              <option value="">Choose…</option>
              {terms.assuranceScale.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </Field>
          <Field id="live-judgement-reason" label="Reason" className="field-wide">
            <input id="live-judgement-reason" type="text" value={reason} onChange={(event) => setReason(event.target.value)} />
          </Field>
        </QuickForm>
      )}
    </Part>
  );
}
