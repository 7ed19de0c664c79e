import { useId, useState } from 'react';
import type { PaperAnchor } from '../../shared/pack/anchor';
import type { Profile } from '../../shared/annotations/types';
import { createAnnotation, updateAnnotation } from '../annotations/annotation-repository';
import { useDeleteAnnotation } from '../annotations/use-delete-annotation';
import { AnnotationEditor, KIND_LABELS } from '../annotations/annotation-editor';
import { ProfileDialog } from '../annotations/profile-dialog';
import '../annotations/annotations.css';
import { useProfile } from '../annotations/use-annotations';
import { useServices } from '../app/context';
import { formatDate } from '../format';
import type { AnchoredAnnotation } from './anchoring';
import { ConfirmBox } from '../components/confirm-action';

// The panel beside a paper: the passage being highlighted with its note, then every highlight
// on the paper in page order (other members' shared ones read-only), and last the highlights
// whose words are no longer in this version of the paper, shown with their quote, never dropped.

/** Highlights and notes on one paper, and the form for a new one. */
export function PaperAnnotationPanel({
  meetingId,
  paperId,
  anchored,
  pending,
  pageLabel,
  onClearPending,
  onGoTo,
}: {
  meetingId: string;
  paperId: string;
  anchored: readonly AnchoredAnnotation[];
  /** The passage the member selected, ready to annotate; null when none. */
  pending: PaperAnchor | null;
  pageLabel: (page: number) => string;
  onClearPending: () => void;
  onGoTo: (page: number) => void;
}) {
  const { db } = useServices();
  const profile = useProfile();
  const [message, setMessage] = useState<string | null>(null);
  const [isAskingProfile, setAskingProfile] = useState(false);
  const headingId = useId();
  const placed = anchored
    .filter((entry) => entry.match.status !== 'orphaned')
    .sort((a, b) => startOf(a) - startOf(b) || a.record.createdAt.localeCompare(b.record.createdAt));
  const orphaned = anchored.filter((entry) => entry.match.status === 'orphaned');
  const card = (entry: (typeof anchored)[number]) => (
    <HighlightCard
      key={entry.record.id}
      entry={entry}
      profile={profile ?? null}
      pageLabel={pageLabel}
      onGoTo={onGoTo}
      onMessage={setMessage}
    />
  );

  return (
    <section className="paper-annotations" aria-labelledby={headingId}>
      <h2 id={headingId}>Highlights and notes</h2>
      {pending ? (
        <div className="pending-highlight">
          <p>
            <strong>New highlight</strong> on page {pageLabel(pending.page)}:
          </p>
          <blockquote className="paper-quote" dir="auto">
            {pending.quote.exact}
          </blockquote>
          {profile ? (
            <AnnotationEditor
              submitLabel="Save highlight"
              onCancel={onClearPending}
              onSubmit={async (value) => {
                await createAnnotation(db, profile, { kind: 'paper', meetingId, paperId, anchor: pending }, value);
                onClearPending();
                setMessage(`${KIND_LABELS[value.kind]} saved on page ${pageLabel(pending.page)}.`);
              }}
            />
          ) : (
            <p>
              <button type="button" onClick={() => setAskingProfile(true)}>
                Set up your profile to save highlights
              </button>
            </p>
          )}
        </div>
      ) : (
        <p className="muted">Select words on the page, or find them and choose “Highlight this match”, to add a note on them.</p>
      )}
      <div aria-live="polite" className="annotation-message">
        {message}
      </div>
      {placed.length === 0 && orphaned.length === 0 ? <p className="muted">No highlights on this paper yet.</p> : null}
      {placed.length > 0 ? <ul className="annotation-list">{placed.map(card)}</ul> : null}
      {orphaned.length > 0 ? (
        <>
          <h3>No longer in this version of the paper</h3>
          <p className="muted">The words of these highlights were not found in this paper. They are kept with the words as they were.</p>
          <ul className="annotation-list">{orphaned.map(card)}</ul>
        </>
      ) : null}
      {isAskingProfile ? <ProfileDialog onClose={() => setAskingProfile(false)} /> : null}
    </section>
  );
}

function startOf(entry: AnchoredAnnotation): number {
  return entry.match.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : entry.match.start;
}

function HighlightCard({
  entry,
  profile,
  pageLabel,
  onGoTo,
  onMessage,
}: {
  entry: AnchoredAnnotation;
  profile: Profile | null;
  pageLabel: (page: number) => string;
  onGoTo: (page: number) => void;
  onMessage: (text: string) => void;
}) {
  const { db } = useServices();
  const { record, match } = entry;
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const deleteNote = useDeleteAnnotation();
  const isMine = profile !== null && record.authorId === profile.id;
  if (record.target.kind !== 'paper') return null;
  const quote = record.target.anchor.quote.exact;

  if (mode === 'edit' && profile) {
    return (
      <li className="annotation">
        <AnnotationEditor
          initial={record}
          submitLabel="Save changes"
          onCancel={() => setMode('view')}
          onSubmit={async (value) => {
            const result = await updateAnnotation(db, profile, record.id, value);
            onMessage(result.ok ? 'Changes saved.' : result.error.message);
            setMode('view');
          }}
        />
      </li>
    );
  }

  return (
    <li
      className={`annotation annotation-${record.kind}${match.status === 'orphaned' ? ' annotation-orphaned' : ''}`}
      data-anchor={match.status}
    >
      <p className="annotation-meta">
        <span className="annotation-kind">{KIND_LABELS[record.kind]}</span>
        <span>{isMine ? 'You' : record.authorName}</span>
        <span className={`visibility visibility-${record.visibility}`}>{record.visibility === 'private' ? 'Private' : 'Shared'}</span>
        <span>{formatDate(record.createdAt)}</span>
        {match.status === 'orphaned' ? <span className="orphan-tag">Orphaned</span> : null}
      </p>
      <blockquote className="paper-quote" dir="auto">
        {quote}
      </blockquote>
      {record.text ? (
        <p className="annotation-text" dir="auto">
          {record.text}
        </p>
      ) : null}
      {match.status === 'loose' ? (
        <p className="target-moved">The wording here changed slightly since this was written: check it still fits.</p>
      ) : null}
      {match.status !== 'orphaned' && entry.isFromEarlierVersion ? (
        <p className="muted">Written on an earlier version of this paper; found again in this one.</p>
      ) : null}
      <div className="button-row compact">
        {match.status !== 'orphaned' ? (
          <button type="button" className="secondary" onClick={() => onGoTo(match.page)}>
            Go to page {pageLabel(match.page)}
          </button>
        ) : null}
        {isMine && mode === 'view' ? (
          <>
            <button type="button" className="secondary" onClick={() => setMode('edit')}>
              Edit
            </button>
            <button type="button" className="secondary" onClick={() => setMode('confirm-delete')}>
              Delete
            </button>
          </>
        ) : null}
      </div>
      {isMine && profile && mode === 'confirm-delete' ? (
        <ConfirmBox
          label="Confirm deletion"
          question="Delete this highlight and its note?"
          confirmLabel="Delete"
          onConfirm={async () => {
            const result = await deleteNote(profile, record.id, 'Deleted: your highlight and its note.');
            onMessage(result.ok ? 'Highlight deleted.' : result.error.message);
            setMode('view');
          }}
          onKeep={() => setMode('view')}
        />
      ) : null}
    </li>
  );
}
