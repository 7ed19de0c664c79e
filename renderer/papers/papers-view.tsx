import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { meetingFromPack } from '../../shared/pack/meeting';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { formatDate, formatDateTime, plural } from '../format';
import { ProblemList } from '../components/problem-list';
import { createMeeting } from '../meetings/meeting-repository';
import { RemovePapersButton } from '../removal/remove-buttons';
import { SampleTag, useSample } from '../removal/sample-tag';
import { currentPapers, removeEarlierVersions, supersededIds } from './pack-repository';
import { searchPapers } from './paper-search';
import { useReadPapers } from './read-papers';
import './papers.css';
import { startTextExtraction } from './text-extraction';
import { warmPdfViewer } from './pdf';
import type { PaperRecord } from './types';
import { useMeetingPapers, useMeetingRecordExists, usePackMeetings, type PackMeeting } from './use-papers';
import { isSampleMeeting } from '../hooks/use-sample';
import { ConfirmAction } from '../components/confirm-action';
import { ViewTitle } from '../components/view-title';

/** Meeting packs: each meeting's papers by agenda item, their versions, and search inside them. */
export function PapersView({ params }: { params: URLSearchParams }) {
  const { db, sync } = useServices();
  const meetings = usePackMeetings();
  const sample = useSample();
  const wanted = params.get('meeting');
  const chosen = meetings?.find((meeting) => meeting.meetingId === wanted) ?? meetings?.[0];

  useEffect(() => {
    void startTextExtraction(db).catch((error: unknown) => console.warn('Text extraction stopped', error));
  }, [db]);

  // A member who opens the papers list is about to open a paper.
  useEffect(() => {
    warmPdfViewer();
  }, []);

  return (
    <>
      <ViewTitle>Papers</ViewTitle>
      <p>
        The clerk’s meeting packs, held on this laptop so you can read and annotate the papers with no network. A pack is a .zip, a
        .pack.json file with its papers beside it, or a folder holding both; it can also arrive in the inbox or be dropped on the window.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void sync.openDialog()}>
          Import a pack file…
        </button>
        <button type="button" className="secondary" onClick={() => void sync.openPackFolder()}>
          Import a pack folder…
        </button>
        <a className="button-link secondary" href={hrefFor('/papers/make')}>
          Make a pack (clerk)…
        </a>
      </div>
      <ImportNotes />
      {meetings === undefined ? <p>Loading…</p> : null}
      {meetings?.length === 0 ? <p className="empty-state">No meeting packs yet. When the clerk sends one, import it here.</p> : null}
      {meetings && meetings.length > 1 ? (
        <nav aria-label="Meetings with papers" className="meeting-choice">
          <ul>
            {meetings.map((meeting) => (
              <li key={meeting.meetingId}>
                <a
                  href={hrefFor('/papers', { meeting: meeting.meetingId })}
                  aria-current={meeting.meetingId === chosen?.meetingId ? 'page' : undefined}
                >
                  <span dir="auto">{meeting.meeting.title}</span>, {formatDate(meeting.meeting.date)}
                </a>
                {sample?.packMeetingIds.includes(meeting.meetingId) ? <SampleTag /> : null}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {chosen ? <MeetingPapers key={chosen.meetingId} entry={chosen} /> : null}
    </>
  );
}

// A pack refused this session is explained here too, with every problem, not only in Imports.
function ImportNotes() {
  const { sync } = useServices();
  const [entries, setEntries] = useState(sync.getState().entries);
  useEffect(() => sync.subscribe(() => setEntries(sync.getState().entries)), [sync]);
  const latest = entries.find(
    (entry) =>
      entry.outcome.status === 'pack-refused' ||
      entry.outcome.status === 'error' ||
      (entry.outcome.status === 'invalid' && /(\.zip|\.pack\.json)$/i.test(entry.fileName)),
  );
  if (!latest) return null;
  return (
    <div className="entry entry-error" role="alert">
      {latest.fileName ? <strong>{latest.fileName}</strong> : 'The papers'} {latest.fileName ? 'was' : 'were'} not imported, and nothing was
      changed.
      {latest.outcome.status === 'pack-refused' || latest.outcome.status === 'error' ? <p>{latest.outcome.message}</p> : null}
      {latest.outcome.status === 'invalid' ? <ProblemList problems={latest.outcome.errors} kind="error" /> : null}
    </div>
  );
}

function MeetingPapers({ entry }: { entry: PackMeeting }) {
  const { db, sync } = useServices();
  const data = useMeetingPapers(entry.meetingId);
  const hasRecord = useMeetingRecordExists(entry.meetingId);
  const [message, setMessage] = useState<string | null>(null);
  const latest = entry.packs[0];
  const { meeting } = latest ?? entry;
  const papers = data?.papers ?? [];
  const current = currentPapers(papers);
  const replaced = supersededIds(papers);
  const earlier = papers.filter((paper) => replaced.has(paper.paperId));
  const agenda = latest?.agenda ?? [];
  const onItem = (itemId: string | null) =>
    current.filter((paper) => paper.agendaItem === itemId).sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  const unplaced = current.filter((paper) => !agenda.some((item) => item.id === paper.agendaItem));
  const read = useReadPapers();
  const unread = read ? current.filter((paper) => !read.has(paper.id)).length : 0;
  const waiting = data ? papers.filter((paper) => !data.textReady.has(paper.id) && !data.textFailed.has(paper.id)).length : 0;

  async function createFromPack() {
    if (!latest) return;
    try {
      const details = meetingFromPack({ meeting: latest.meeting, agenda: latest.agenda });
      await createMeeting(db, details);
      setMessage(
        `The meeting of ${formatDate(details.date)} is now in the chair’s record, with the pack’s agenda of ${plural(details.agenda.length, 'item')}.`,
      );
    } catch (error) {
      setMessage(`The meeting could not be created: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <section aria-labelledby="meeting-title" className="meeting-papers">
      <h2 id="meeting-title">
        <span dir="auto">{meeting.title}</span>, {formatDate(meeting.date)} at {meeting.time}
        {isSampleMeeting(entry.meetingId) ? <SampleTag /> : null}
      </h2>
      {meeting.place ? <p className="muted">{meeting.place}</p> : null}
      {unread > 0 ? <p className="unread-summary">{plural(unread, 'paper')} you have not opened yet.</p> : null}
      <ul className="pack-list" aria-label="Packs received">
        {entry.packs.map((pack) => (
          <li key={pack.id}>
            {pack.summary || 'Pack'}: issued {formatDateTime(pack.issuedAt)}, {plural(pack.paperIds.length, 'paper')} ({pack.fileName})
            {pack.source === 'sample' ? <SampleTag /> : null}
          </li>
        ))}
      </ul>
      <div className="button-row">
        {hasRecord === false ? (
          <button type="button" onClick={() => void createFromPack()}>
            Create this meeting in the chair’s record
          </button>
        ) : null}
        {hasRecord ? (
          <a href={hrefFor('/meetings/agenda', { meeting: entry.meetingId })}>Open this meeting’s agenda in the chair’s record</a>
        ) : null}
      </div>
      <div
        className="supplement-drop"
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          event.stopPropagation();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDrop={(event) => {
          if (event.dataTransfer.files.length === 0) return;
          // Handled here, not by the window's drop target: these PDFs are papers for this meeting.
          event.preventDefault();
          event.stopPropagation();
          void sync.addPapersToMeeting(meeting, agenda, [...event.dataTransfer.files]);
        }}
      >
        <p>
          A paper tabled late? Drop its PDF here to add it to this meeting as a supplement; a name such as “7a. Revised figures.pdf” puts it
          on item 7a.
        </p>
        <button type="button" className="secondary" onClick={() => void sync.addPapersToMeeting(meeting, agenda)}>
          Add a PDF to this meeting…
        </button>
      </div>
      <div aria-live="polite">{message ? <p className="entry entry-info">{message}</p> : null}</div>
      <p className="muted" aria-live="polite">
        {waiting > 0 ? `Preparing ${plural(waiting, 'paper')} for search and highlights…` : ''}
      </p>
      <PaperSearch meetingId={entry.meetingId} />

      <h3>Papers by agenda item</h3>
      {data === undefined ? <p>Loading the papers…</p> : null}
      <ol className="agenda-papers" hidden={data === undefined}>
        {agenda.map((item) => {
          const itemPapers = onItem(item.id);
          return (
            <li key={item.id}>
              <p className="agenda-item-title">
                <span className="agenda-number">{item.number}.</span> {item.title}
                {item.exempt ? <span className="exempt-badge">Exempt item</span> : null}
              </p>
              {itemPapers.length > 0 ? <PaperList papers={itemPapers} all={papers} read={read} /> : <p className="muted">No papers.</p>}
            </li>
          );
        })}
      </ol>
      {unplaced.length > 0 ? (
        <>
          <h3>Other papers</h3>
          <PaperList papers={unplaced} all={papers} read={read} />
        </>
      ) : null}
      {earlier.length > 0 ? (
        <>
          <h3>Earlier versions</h3>
          <p>
            These papers were reissued. They are kept until you remove them; your highlights on them follow the reissued papers either way.
          </p>
          <PaperList papers={earlier} all={papers} />
          <ConfirmAction
            label="Remove earlier versions…"
            groupLabel="Confirm removal"
            question={`Remove ${plural(earlier.length, 'earlier version')} from this laptop? The reissued papers stay.`}
            confirmLabel="Remove"
            keepLabel="Keep them"
            onConfirm={async () => {
              const removed = await removeEarlierVersions(db, entry.meetingId);
              return `Removed ${plural(removed, 'earlier version')}.`;
            }}
            failure={(reason) => `Nothing was removed: ${reason}`}
            onOutcome={(outcome) => setMessage('message' in outcome ? outcome.message : outcome.error)}
          />
        </>
      ) : null}
      <h3>Remove</h3>
      <RemovePapersButton meetingId={entry.meetingId} meetingName={`the meeting of ${formatDate(meeting.date)}`} />
    </section>
  );
}

function PaperList({ papers, all, read }: { papers: readonly PaperRecord[]; all: readonly PaperRecord[]; read?: ReadonlySet<string> }) {
  return (
    <ul className="paper-list">
      {papers.map((paper) => {
        const replacedPaper = paper.supersedes ? all.find((candidate) => candidate.paperId === paper.supersedes) : undefined;
        return (
          <li key={paper.id}>
            <a href={hrefFor('/papers/paper', { meeting: paper.meetingId, paper: paper.paperId })}>{paper.title}</a>{' '}
            <span className="muted">({paper.pageCount === 1 ? '1 page' : `${paper.pageCount} pages`})</span>
            {paper.isExempt ? <span className="exempt-badge">Exempt</span> : null}
            {read && !read.has(paper.id) ? <span className="unread-tag">Unread</span> : null}
            {paper.supersedes ? (
              <span className="reissue-tag">
                Reissued{replacedPaper ? `: replaces the version of ${formatDate(replacedPaper.importedAt)}` : ''}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function PaperSearch({ meetingId }: { meetingId: string }) {
  const { db } = useServices();
  const [query, setQuery] = useState('');
  const id = useId();
  const results = useLiveQuery(() => searchPapers(db, meetingId, query), [db, meetingId, query]);
  return (
    <div role="search" aria-label="Search inside these papers" className="paper-search">
      <label htmlFor={id}>Search inside these papers</label>
      <input id={id} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      {query.trim().length >= 2 && results ? (
        <>
          <p aria-live="polite" className="muted">
            {results.length === 0 ? 'No page of these papers has those words.' : `Found on ${plural(results.length, 'page')}.`}
          </p>
          <ul className="paper-results">
            {results.map((result) => (
              <li key={`${result.paperId}-${result.page}`}>
                <a href={hrefFor('/papers/paper', { meeting: meetingId, paper: result.paperId, page: result.page })}>
                  {result.title}, page {result.pageLabel}
                </a>
                {result.isExempt ? <span className="exempt-badge">Exempt</span> : null}
                <br />
                <span className="muted">
                  …{result.before}
                  <mark>{result.match}</mark>
                  {result.after}…
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
