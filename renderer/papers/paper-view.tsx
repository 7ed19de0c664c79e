import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { SavedFile } from '../../shared/ipc/contract';
import { describePassage, paperTextModel, prepareText, type PaperAnchor } from '../../shared/pack/anchor';
import { useProfile } from '../annotations/use-annotations';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { SavedLine, savedSentence } from '../components/saved-notice';
import { formatBytes, formatDate } from '../format';
import { buildAnnotatedCopy } from './annotated-copy';
import { anchorAnnotations, pageHighlights } from './anchoring';
import { PaperAnnotationPanel } from './paper-annotations';
import './papers.css';
import { PdfViewer, type PageRange } from './pdf-viewer';
import { markPaperRead } from './read-papers';
import { startTextExtraction } from './text-extraction';
import { useMeetingPapers, usePaper, usePaperAnnotations, usePaperText } from './use-papers';
import { ViewTitle } from '../components/view-title';

/** One board paper: the viewer, and beside it the member's highlights and notes on it. */
export function PaperView({ params }: { params: URLSearchParams }) {
  const meetingId = params.get('meeting') ?? undefined;
  const paperId = params.get('paper') ?? undefined;
  // A new paper starts afresh: its own page, no passage half-annotated.
  return (
    <PaperPage
      key={`${meetingId ?? ''}\u0001${paperId ?? ''}`}
      meetingId={meetingId}
      paperId={paperId}
      initialPage={Number(params.get('page')) || 1}
    />
  );
}

function PaperPage({
  meetingId,
  paperId,
  initialPage,
}: {
  meetingId: string | undefined;
  paperId: string | undefined;
  initialPage: number;
}) {
  const { db, api } = useServices();
  const paper = usePaper(meetingId, paperId);
  const text = usePaperText(meetingId, paperId);
  const meetingPapers = useMeetingPapers(meetingId);
  const profile = useProfile();
  const [page, setPage] = useState(Math.max(1, initialPage));
  const [pending, setPending] = useState<PaperAnchor | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const annotations = usePaperAnnotations(meetingId, paper ? [paper.paperId, ...paper.lineage] : [], profile?.id);

  useEffect(() => {
    void startTextExtraction(db).catch((error: unknown) => console.warn('Text extraction stopped', error));
  }, [db]);

  // Opening a paper marks it read, so the meeting's list shows what is still unread.
  const openedId = paper?.id;
  useEffect(() => {
    if (openedId) void markPaperRead(db, openedId).catch((error: unknown) => console.warn('Could not mark the paper read', error));
  }, [db, openedId]);

  const prepared = useMemo(() => (text?.status === 'ready' ? prepareText(paperTextModel(text.pages)) : null), [text]);
  const anchored = useMemo(
    () => (paper ? anchorAnnotations(annotations ?? [], prepared, paper.paperId) : []),
    [annotations, prepared, paper],
  );
  const highlights = useMemo(() => pageHighlights(anchored, prepared), [anchored, prepared]);
  const labelOf = (number: number) => text?.pageLabels?.[number - 1] ?? String(number);
  const pack = useLiveQuery(async () => (paper ? await db.packs.get(paper.packId) : undefined), [db, paper?.packId]);
  // What became of "Save a copy with my notes": words, and the saved file for "Show in folder".
  const [copyOutcome, setCopyOutcome] = useState<{ text: string; saved?: SavedFile } | null>(null);
  const setCopyMessage = (text: string | null) => setCopyOutcome(text === null ? null : { text });
  const [isSavingCopy, setSavingCopy] = useState(false);

  async function saveCopy() {
    if (!paper || !profile) {
      setCopyMessage('Tell Oversight who you are first (Settings), so the copy can say whose notes these are.');
      return;
    }
    setSavingCopy(true);
    setCopyMessage('Making your copy…');
    try {
      const copy = await buildAnnotatedCopy({
        paper,
        meetingTitle: pack ? `${pack.meeting.title}, ${formatDate(pack.meeting.date)}` : '',
        memberId: profile.id,
        memberName: profile.displayName,
        anchored,
        prepared,
      });
      const reply = await api.call('papers:save-copy', { bytes: copy.bytes, suggestedName: copy.fileName });
      if (!reply.ok) setCopyMessage(reply.error.message);
      else setCopyOutcome(reply.value.saved ? { text: savedSentence(reply.value), saved: reply.value } : null);
    } catch (error) {
      console.warn('The copy could not be made', error);
      setCopyMessage('The copy could not be made from this paper. Nothing was saved.');
    } finally {
      setSavingCopy(false);
    }
  }

  if (paper === undefined) return <p>Loading…</p>;
  if (paper === null) {
    return (
      <>
        <ViewTitle>Paper not found</ViewTitle>
        <p className="empty-state">
          This paper is not on this laptop (it may have been removed as an earlier version).{' '}
          <a href={hrefFor('/papers', { meeting: meetingId })}>Back to the papers</a>
        </p>
      </>
    );
  }

  const newer = meetingPapers?.papers.find((candidate) => candidate.lineage.includes(paper.paperId));
  const replaced = paper.supersedes ? meetingPapers?.papers.find((candidate) => candidate.paperId === paper.supersedes) : undefined;

  function onPassage(range: PageRange | null) {
    if (!range) return setPending(null);
    if (!prepared) {
      setNotice('Highlights can be made once the paper’s text has been prepared; this takes a few seconds after a pack arrives.');
      return;
    }
    const pageStart = prepared.pageStarts[range.page - 1] ?? 0;
    const anchor = describePassage(prepared, pageStart + range.start, pageStart + range.end);
    setNotice(null);
    setPending(anchor);
  }

  return (
    <>
      <p className="no-print">
        <a href={hrefFor('/papers', { meeting: paper.meetingId })}>Back to the papers for this meeting</a>
      </p>
      <ViewTitle>{paper.title}</ViewTitle>
      <p className="paper-facts">
        {paper.isExempt ? <span className="exempt-badge">Exempt</span> : null}
        <span>{paper.pageCount === 1 ? '1 page' : `${paper.pageCount} pages`}</span>
        <span>{formatBytes(paper.size)}</span>
        {paper.supersedes ? <span>Reissued: replaces {replaced ? `“${replaced.title}”` : `paper ${paper.supersedes}`}</span> : null}
      </p>
      <div className="button-row no-print">
        <button type="button" className="secondary" disabled={isSavingCopy} onClick={() => void saveCopy()}>
          Save a copy with my notes…
        </button>
      </div>
      <div aria-live="polite">{copyOutcome ? <SavedLine text={copyOutcome.text} saved={copyOutcome.saved} /> : null}</div>
      {newer ? (
        <p className="entry entry-info" role="note">
          A reissued version of this paper has arrived:{' '}
          <a href={hrefFor('/papers/paper', { meeting: paper.meetingId, paper: newer.paperId })}>open “{newer.title}”</a>. Your highlights
          follow it.
        </p>
      ) : null}
      {text === null ? <p className="muted">Preparing the paper’s text for find and highlights…</p> : null}
      {text?.status === 'failed' ? <p className="entry entry-error">{text.message}</p> : null}
      <div aria-live="polite">{notice ? <p className="entry entry-info">{notice}</p> : null}</div>
      <div className="paper-layout">
        <PdfViewer
          key={paper.id}
          pdf={paper.pdf}
          title={paper.title}
          isExempt={paper.isExempt}
          page={page}
          onPageChange={setPage}
          pageTexts={text?.status === 'ready' ? text.pages : null}
          highlights={highlights}
          onPassage={onPassage}
        />
        <PaperAnnotationPanel
          meetingId={paper.meetingId}
          paperId={paper.paperId}
          anchored={anchored}
          pending={pending}
          pageLabel={labelOf}
          onClearPending={() => setPending(null)}
          onGoTo={setPage}
        />
      </div>
    </>
  );
}
