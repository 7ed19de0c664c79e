import { useLiveQuery } from 'dexie-react-hooks';
import type { AnnotationRecord } from '../../shared/annotations/types';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { formatDate, plural } from '../format';
import { ShareAnnotations } from './share-annotations';
import { KIND_LABELS } from './annotation-editor';
import './annotations.css';
import { useMyAnnotations, useProfile, useTargetLabels } from './use-annotations';
import { ViewTitle } from '../components/view-title';

/** The member's notes and questions, other members' shared ones, and exchanging them as files. */
export function NotesView() {
  const { db, sync } = useServices();
  const profile = useProfile();
  const mine = useMyAnnotations(profile?.id);
  const others = useLiveQuery(
    async () =>
      await db.annotations
        .filter((record) => record.authorId !== profile?.id && !record.deleted && record.visibility === 'shared')
        .toArray(),
    [db, profile?.id],
  );
  const byAuthor = new Map<string, AnnotationRecord[]>();
  for (const record of others ?? []) byAuthor.set(record.authorName, [...(byAuthor.get(record.authorName) ?? []), record]);

  return (
    <>
      <ViewTitle>Notes and questions</ViewTitle>
      <p>
        Your notes on the plan, and the shared notes of other members whose files you have imported. <a href="#/questions">My questions</a>{' '}
        lists your open questions for the next meeting.
      </p>
      <h2>Share with other members</h2>
      <ShareAnnotations>
        <button type="button" className="secondary" onClick={() => void sync.openDialog()}>
          Import a member’s file…
        </button>
      </ShareAnnotations>

      <h2>Your notes</h2>
      {mine && mine.length === 0 ? <p className="muted">You have not written any notes yet.</p> : null}
      <AnnotationTable records={mine ?? []} caption="Your notes and questions" showAuthor={false} />

      <h2>Other members’ shared notes</h2>
      {byAuthor.size === 0 ? <p className="muted">None imported yet.</p> : null}
      {[...byAuthor.entries()].map(([author, records]) => (
        <AnnotationTable
          key={author}
          records={records}
          caption={`${author} (${plural(records.length, 'note')}, read-only)`}
          showAuthor={false}
        />
      ))}
    </>
  );
}

const TARGET_WORDS = { area: 'Area', action: 'Action', milestone: 'Milestone', measure: 'Measure' } as const;

function AnnotationTable({ records, caption, showAuthor }: { records: readonly AnnotationRecord[]; caption: string; showAuthor: boolean }) {
  const labels = useTargetLabels(records);
  if (records.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">About</th>
            <th scope="col">Text</th>
            {showAuthor ? <th scope="col">Author</th> : null}
            <th scope="col">Visibility</th>
            <th scope="col">Written</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.id}>
              <td>{KIND_LABELS[record.kind]}</td>
              <td>
                {record.target.kind === 'paper' ? (
                  <a href={hrefFor('/papers/paper', { meeting: record.target.meetingId, paper: record.target.paperId })}>
                    {`Paper${labels.has(record.targetKey) ? ` “${labels.get(record.targetKey) ?? ''}”` : ''}: “${record.target.anchor.quote.exact.slice(0, 80)}”`}
                  </a>
                ) : record.target.kind === 'action' ? (
                  <a href={hrefFor('/plan/action', { plan: record.target.planId, id: record.target.id })}>
                    {labels.get(record.targetKey) ?? `Action ${record.target.id}`}
                  </a>
                ) : (
                  `${TARGET_WORDS[record.target.kind]}: ${labels.get(record.targetKey) ?? record.target.id}`
                )}
                {record.target.kind !== 'paper' && record.target.point ? ` (${record.target.point})` : ''}
              </td>
              <td className="annotation-text">{record.text}</td>
              {showAuthor ? <td>{record.authorName}</td> : null}
              <td>{record.visibility === 'private' ? 'Private' : 'Shared'}</td>
              <td>{formatDate(record.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
