import { ConfirmAction } from '../components/confirm-action';
import { useServices } from '../app/context';
import { plural } from '../format';
import { removeBoard, removeMeetingPapers, removePlan } from './removal-repository';

// "Remove…" buttons that ask first: one click shows what will go and a second, labelled with
// it, removes it. Nothing is removed by a single click.

type ConfirmProps = {
  /** The button that opens the question, e.g. "Remove this plan…". */
  label: string;
  /** The question, naming what will go. */
  question: string;
  /** The confirming button's words. */
  confirmLabel: string;
  /** Does the removal; resolves to the message to show. */
  onRemove: () => Promise<string>;
};

function ConfirmRemoval({ label, question, confirmLabel, onRemove }: ConfirmProps) {
  return (
    <ConfirmAction
      className="removal"
      label={label}
      question={question}
      confirmLabel={confirmLabel}
      onConfirm={onRemove}
      failure={(reason) => `Nothing was removed: ${reason}`}
    />
  );
}

/** Removes a plan with every revision, after asking. */
export function RemovePlanButton({ planId, title, revisions }: { planId: string; title: string; revisions: number }) {
  const { db } = useServices();
  return (
    <ConfirmRemoval
      label="Remove this plan…"
      question={`Remove “${title}” and its ${plural(revisions, 'revision')} from this laptop, with your notes on it? Meetings that reviewed it keep their minutes. This cannot be undone.`}
      confirmLabel={`Remove “${title}”`}
      onRemove={async () => {
        const removed = await removePlan(db, planId);
        return removed ? `“${title}” was removed.` : `“${title}” was already removed.`;
      }}
    />
  );
}

/** Removes a meeting's pack, supplements and papers, after asking. */
export function RemovePapersButton({ meetingId, meetingName }: { meetingId: string; meetingName: string }) {
  const { db } = useServices();
  return (
    <ConfirmRemoval
      label="Remove this meeting’s papers…"
      question={`Remove every pack and paper of ${meetingName} from this laptop, with your highlights on them? The meeting stays in the chair’s record. This cannot be undone.`}
      confirmLabel="Remove the papers"
      onRemove={async () => {
        const removed = await removeMeetingPapers(db, meetingId);
        return `Removed ${plural(removed.papers, 'paper')} of ${meetingName}.`;
      }}
    />
  );
}

/** Removes a board with its meetings (approved minutes too), their records and papers, and its plans, after asking. */
export function RemoveBoardButton({ boardId, name, meetings, plans }: { boardId: string; name: string; meetings: number; plans: number }) {
  const { db } = useServices();
  return (
    <ConfirmRemoval
      label="Remove this board…"
      question={`Remove ${name} from this laptop with its register, its ${plural(meetings, 'meeting')} (approved minutes included) and their papers, and its ${plural(plans, 'plan')} with every revision and the notes on them? Other boards stay. This cannot be undone: back up first if you may need them.`}
      confirmLabel={`Remove ${name}`}
      onRemove={async () => {
        await removeBoard(db, boardId);
        return `${name} was removed.`;
      }}
    />
  );
}
