import { useId, useState } from 'react';
import type { AnnotationRecord, AnnotationTarget, Profile } from '../../shared/annotations/types';
import { useServices } from '../app/context';
import { formatDate, formatPeriod } from '../format';
import { questionStatusText } from '../../shared/answers/status';
import { useBoard } from '../meetings/use-meetings';
import { answerQuestion, createAnnotation, markAnswerNotAccepted, updateAnnotation } from './annotation-repository';
import { useDeleteAnnotation } from './use-delete-annotation';
import { AnnotationEditor, KIND_LABELS } from './annotation-editor';
import './annotations.css';
import { ProfileDialog } from './profile-dialog';
import { describeTargetMoves } from './target-moves';
import { useAnnotationsOn, useChangesSince, useProfile } from './use-annotations';
import { ConfirmBox } from '../components/confirm-action';
import { NoteForm } from '../components/note-form';

/**
 * Notes, questions, concerns, praise and assurance views on one plan entity: the member's own
 * (editable) and other members' shared ones (read-only, merged from their files).
 */
export function AnnotationPanel({
  target,
  points,
  headingLevel = 2,
  label = 'Notes and questions',
}: {
  target: AnnotationTarget;
  points?: readonly string[];
  headingLevel?: 2 | 3;
  /** The panel's heading; give each panel on a page its own. */
  label?: string;
}) {
  const { db } = useServices();
  const board = useBoard();
  const profile = useProfile();
  const annotations = useAnnotationsOn(target, profile?.id);
  const [isAskingProfile, setAskingProfile] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="annotation-panel" aria-labelledby={headingId}>
      <Heading id={headingId}>{label}</Heading>
      {annotations === undefined ? <p>Loading…</p> : null}
      {annotations?.length === 0 ? <p className="muted">No notes yet.</p> : null}
      {annotations && annotations.length > 0 ? (
        <ul className="annotation-list">
          {annotations.map((record) => (
            <AnnotationCard key={record.id} record={record} profile={profile ?? null} target={target} onMessage={setMessage} />
          ))}
        </ul>
      ) : null}
      <div aria-live="polite" className="annotation-message">
        {message}
      </div>
      {profile ? (
        <details className="annotation-add">
          <summary>Add a note or question</summary>
          <AnnotationEditor
            points={points}
            {...(target.kind === 'area' && board ? { assuranceLevels: board.terms.assuranceScale } : {})}
            submitLabel="Add"
            onSubmit={async (value) => {
              const { point, ...input } = value;
              await createAnnotation(db, profile, point ? { ...target, point } : target, input);
              setMessage(`${KIND_LABELS[input.kind]} added.`);
            }}
          />
        </details>
      ) : profile === null ? (
        <p>
          <button type="button" onClick={() => setAskingProfile(true)}>
            Set up your profile to add notes
          </button>
        </p>
      ) : null}
      {isAskingProfile ? <ProfileDialog onClose={() => setAskingProfile(false)} /> : null}
    </section>
  );
}

function AnnotationCard({
  record,
  profile,
  target,
  onMessage,
}: {
  record: AnnotationRecord;
  profile: Profile | null;
  target: AnnotationTarget;
  onMessage: (text: string) => void;
}) {
  const { db } = useServices();
  const board = useBoard();
  const isMine = profile !== null && record.authorId === profile.id;
  const deleteNote = useDeleteAnnotation();
  const [mode, setMode] = useState<'view' | 'edit' | 'answer' | 'not-accepted' | 'confirm-delete'>('view');
  const [answer, setAnswer] = useState(record.answer?.text ?? '');
  const [followUp, setFollowUp] = useState('');
  const changes = useChangesSince(target, record.madeAgainstRevision);
  const moved = changes ? describeTargetMoves(changes) : null;

  async function run(action: () => Promise<{ ok: boolean; error?: { message: string } }>, done: string) {
    const result = await action();
    onMessage(result.ok ? done : (result.error?.message ?? 'That did not work.'));
    setMode('view');
  }

  if (mode === 'edit' && profile) {
    return (
      <li className="annotation">
        <AnnotationEditor
          initial={record}
          {...(target.kind === 'area' && board ? { assuranceLevels: board.terms.assuranceScale } : {})}
          submitLabel="Save changes"
          onCancel={() => setMode('view')}
          onSubmit={(value) => run(() => updateAnnotation(db, profile, record.id, value), 'Changes saved.')}
        />
      </li>
    );
  }

  return (
    <li className={`annotation annotation-${record.kind}`}>
      <p className="annotation-meta">
        <span className="annotation-kind">{KIND_LABELS[record.kind]}</span>
        <span>{isMine ? 'You' : record.authorName}</span>
        <span className={`visibility visibility-${record.visibility}`}>{record.visibility === 'private' ? 'Private' : 'Shared'}</span>
        <span>{formatDate(record.createdAt)}</span>
        {record.target.kind !== 'paper' && record.target.point ? <span>about {formatPeriod(record.target.point)}</span> : null}
        {!isMine ? <span className="muted">(read-only)</span> : null}
      </p>
      {record.kind === 'assurance' && record.assuranceLevel ? (
        <p className="assurance-level">
          <strong>My level of assurance:</strong> {record.assuranceLevel}
        </p>
      ) : null}
      <p className="annotation-text" dir="auto">
        {record.text}
      </p>
      {record.tags.length > 0 ? (
        <ul className="tag-list" aria-label="Tags">
          {record.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}
      {moved ? (
        <p className="target-moved">
          {moved} (written against revision {record.madeAgainstRevision}).
        </p>
      ) : null}
      {record.kind === 'question' ? <p className="question-status">{questionStatusText(record, new Date())}</p> : null}
      {record.answer ? (
        <p className="annotation-answer">
          <strong>{record.answer.via === 'workbook' ? 'Written answer:' : 'Answer given at the meeting:'}</strong> {record.answer.text}
        </p>
      ) : null}
      {record.answer?.notAccepted ? (
        <p className="annotation-answer not-accepted">
          <strong>Answer not accepted. Follow-up:</strong> {record.answer.notAccepted.followUp}
        </p>
      ) : null}
      {isMine && profile && mode === 'not-accepted' ? (
        <NoteForm
          label="What still needs answering (the follow-up)"
          value={followUp}
          onChange={setFollowUp}
          isRequired
          submitLabel="Mark answer not accepted"
          onSubmit={() => {
            if (followUp.trim() === '') return;
            void run(
              () => markAnswerNotAccepted(db, profile, record.id, followUp),
              'Answer marked not accepted; the question is open again.',
            );
          }}
          onCancel={() => setMode('view')}
        />
      ) : null}
      {isMine && profile && mode === 'answer' ? (
        <NoteForm
          label="The answer as given at the meeting"
          value={answer}
          onChange={setAnswer}
          submitLabel="Save answer"
          onSubmit={() => void run(() => answerQuestion(db, profile, record.id, answer.trim() === '' ? null : answer), 'Answer recorded.')}
          onCancel={() => setMode('view')}
        />
      ) : null}
      {isMine && profile && mode === 'confirm-delete' ? (
        <ConfirmBox
          label="Confirm deletion"
          question={`Delete this ${KIND_LABELS[record.kind].toLowerCase()}? Members who already have it in a shared file will see it removed when you next share.`}
          confirmLabel="Delete"
          onConfirm={() =>
            void run(() => deleteNote(profile, record.id, `Deleted: your ${KIND_LABELS[record.kind].toLowerCase()}.`), 'Deleted.')
          }
          onKeep={() => setMode('view')}
        />
      ) : null}
      {isMine && mode === 'view' ? (
        <div className="button-row compact">
          <button type="button" className="secondary" onClick={() => setMode('edit')}>
            Edit
          </button>
          {record.kind === 'question' ? (
            <button type="button" className="secondary" onClick={() => setMode('answer')}>
              {record.answer ? 'Change the answer' : 'Record the answer'}
            </button>
          ) : null}
          {record.kind === 'question' && record.answer && !record.answer.notAccepted ? (
            <button type="button" className="secondary" onClick={() => setMode('not-accepted')}>
              Answer not accepted…
            </button>
          ) : null}
          <button type="button" className="secondary" onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </div>
      ) : null}
    </li>
  );
}
