import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import type { Problem } from '../../shared/ipc/contract';
import { checkDraft, defaultMeetingId, draftWarnings, missingParagraphMessage } from '../../shared/pack/make';
import type { MakerSaveResult, MakerSource } from '../../shared/pack/maker-ipc';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { DateField } from '../components/date-field';
import { ProblemList } from '../components/problem-list';
import { TimeField } from '../components/time-field';
import { entitiesOfPlan } from '../db/plan-repository';
import { usePlans } from '../hooks/use-plan-data';
import { AgendaEditor, type AgendaRow, type LinkOption } from './agenda-editor';
import { PdfViewer } from './pdf-viewer';
import './papers.css';
import { ViewTitle } from '../components/view-title';
import { PlanSelect } from '../components/plan-select';

// "Make a pack", for the clerk: choose the PDFs (or a combined pack), edit the agenda, save a
// .zip. Main reads and writes with the very code of `oversight-cli pack` (electron/pack), so
// what the app saves is what the CLI would make; this view only edits the agenda.

type Meeting = { title: string; date: string; time: string; place: string; id: string; planId: string; summary: string };

const EMPTY_MEETING: Meeting = { title: '', date: '', time: '14:00', place: '', id: '', planId: '', summary: 'Agenda pack' };

/** The clerk's pack maker. */
export function MakePackView() {
  const { api } = useServices();
  const [meeting, setMeeting] = useState<Meeting>(EMPTY_MEETING);
  const [source, setSource] = useState<MakerSource | null>(null);
  const [rows, setRows] = useState<AgendaRow[]>([]);
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<MakerSaveResult | null>(null);
  const [preview, setPreview] = useState<{ title: string; pdf: Blob; page: number } | null>(null);
  const [hasTriedSave, setTriedSave] = useState(false);
  const ids = useId();

  const plans = usePlans();
  const linkOptions = useLinkOptions(meeting.planId);

  const meetingProblems = useMemo(() => meetingFieldProblems(meeting), [meeting]);
  const draftProblems = useMemo(
    () =>
      source
        ? checkDraft({
            meeting: { id: meeting.id, title: meeting.title, date: meeting.date, time: meeting.time },
            issuedAt: '',
            items: rows.map((row) => row.item),
            ...(source.frontSheet ? { frontSheet: source.frontSheet } : {}),
          })
        : [],
    [rows, source, meeting],
  );

  // Warnings about the agenda itself are worked out from the table as it is now, so one goes
  // as soon as the clerk puts it right; the rest (files left out, names) stay as main read them.
  const agendaWarnings = useMemo(() => {
    if (!source) return [];
    const readWarnings = new Set(
      source.items.flatMap((item) => (item.isExempt && item.exemptParagraph === undefined ? [missingParagraphMessage(item.number)] : [])),
    );
    return [...source.warnings.filter((warning) => !readWarnings.has(warning.message)), ...draftWarnings(rows.map((row) => row.item))];
  }, [rows, source]);

  const choose = async (kind: 'pdfs' | 'folder' | 'combined') => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    const reply = await api.call('pack-maker:choose', { kind });
    setBusy(false);
    if (!reply.ok) {
      setFailure(reply.error.message);
      return;
    }
    if (!reply.value) return;
    setSource(reply.value);
    setTriedSave(false);
    setRows(reply.value.items.map((item, index) => ({ key: `${reply.value?.token ?? ''}-${index}`, item })));
  };

  const showPreview = async (row: AgendaRow) => {
    if (!source || !row.item.paper) return;
    const reply = await api.call('pack-maker:preview', { token: source.token, sha256: row.item.paper.sha256 });
    if (!reply.ok) {
      setFailure(reply.error.message);
      return;
    }
    const bytes = new Uint8Array(reply.value.bytes);
    setPreview({ title: row.item.title, pdf: new Blob([bytes], { type: 'application/pdf' }), page: 1 });
  };

  const save = async () => {
    setTriedSave(true);
    setResult(null);
    if (!source || meetingProblems.length > 0 || draftProblems.length > 0) return;
    setBusy(true);
    const reply = await api.call('pack-maker:save', {
      token: source.token,
      draft: {
        meeting: {
          id: meeting.id.trim() || defaultMeetingId(meeting.date),
          title: meeting.title.trim(),
          date: meeting.date,
          time: meeting.time,
          ...(meeting.place.trim() ? { place: meeting.place.trim() } : {}),
          ...(meeting.planId ? { planId: meeting.planId } : {}),
        },
        ...(meeting.summary.trim() ? { summary: meeting.summary.trim() } : {}),
        items: rows.map((row) => row.item),
        ...(source.frontSheet ? { frontSheet: source.frontSheet } : {}),
      },
    });
    setBusy(false);
    if (!reply.ok) setFailure(reply.error.message);
    else setResult(reply.value);
  };

  const field = (key: keyof Meeting) => ({
    id: `${ids}-${key}`,
    value: meeting[key],
    onChange: (event: { target: { value: string } }) => setMeeting({ ...meeting, [key]: event.target.value }),
  });
  const fieldProblem = (key: string) => (hasTriedSave ? meetingProblems.find((problem) => problem.path === key) : undefined);

  return (
    <>
      <ViewTitle>Make a pack</ViewTitle>
      <p>
        For the clerk: make the meeting pack members import, from the report PDFs you already have. Choose the PDFs (one paper each,
        numbered from their names such as “03 Highlight report.pdf”) or the combined agenda pack (split at its bookmarks), check the agenda,
        and save the .zip. <a href={hrefFor('/papers')}>Back to papers</a>
      </p>
      <fieldset className="make-pack-meeting">
        <legend>The meeting</legend>
        {(
          [
            ['title', 'Meeting title', 'text'],
            ['date', 'Date', 'date'],
            ['time', 'Time', 'time'],
            ['place', 'Place (optional)', 'text'],
            ['id', 'Meeting id (the same for every supplement)', 'text'],
            ['summary', 'What this pack is', 'text'],
          ] as const
        ).map(([key, label, type]) => {
          const problem = fieldProblem(key);
          return (
            <div className="field" key={key}>
              <label htmlFor={`${ids}-${key}`}>{label}</label>
              {/* Native date and time fields follow the browser's language (mm/dd/yyyy, 02:00 PM): typed as text instead. */}
              {type === 'date' ? (
                <DateField
                  id={`${ids}-${key}`}
                  value={meeting.date}
                  onChange={(iso) => setMeeting((current) => ({ ...current, date: iso }))}
                  describedBy={problem ? `${ids}-${key}-problem` : undefined}
                />
              ) : type === 'time' ? (
                <TimeField
                  id={`${ids}-${key}`}
                  value={meeting.time}
                  onChange={(time) => setMeeting((current) => ({ ...current, time }))}
                  describedBy={problem ? `${ids}-${key}-problem` : undefined}
                />
              ) : (
                <input
                  type={type}
                  {...field(key)}
                  placeholder={key === 'id' && meeting.date ? defaultMeetingId(meeting.date) : undefined}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `${ids}-${key}-problem` : undefined}
                />
              )}
              {problem ? (
                <span className="field-error" id={`${ids}-${key}-problem`}>
                  {problem.message}
                </span>
              ) : null}
            </div>
          );
        })}
        <div className="field">
          <label htmlFor={`${ids}-planId`}>Plan the agenda links to</label>
          <PlanSelect {...field('planId')} plans={plans} />
        </div>
      </fieldset>

      <div className="button-row">
        <button type="button" disabled={isBusy} onClick={() => void choose('pdfs')}>
          Choose PDFs…
        </button>
        <button type="button" className="secondary" disabled={isBusy} onClick={() => void choose('folder')}>
          Choose a folder of PDFs…
        </button>
        <button type="button" className="secondary" disabled={isBusy} onClick={() => void choose('combined')}>
          Choose a combined pack…
        </button>
      </div>
      {isBusy ? <p role="status">Reading the PDFs…</p> : null}
      {failure ? <p role="alert">{failure}</p> : null}

      {source && source.errors.length > 0 ? (
        <section aria-labelledby={`${ids}-refused`}>
          <h2 id={`${ids}-refused`}>{source.sourceName} could not be made into a pack</h2>
          <ProblemList problems={source.errors} kind="error" />
          <ProblemList problems={source.warnings} kind="warning" />
        </section>
      ) : null}

      {source && source.errors.length === 0 ? (
        <section aria-labelledby={`${ids}-agenda`}>
          <h2 id={`${ids}-agenda`}>Agenda from {source.sourceName}</h2>
          {source.frontSheet ? (
            <p>
              The {source.frontSheet.pageCount} {source.frontSheet.pageCount === 1 ? 'page' : 'pages'} before the first bookmark become the
              agenda front sheet.
            </p>
          ) : null}
          <ProblemList problems={agendaWarnings} kind="warning" />
          <AgendaEditor
            rows={rows}
            onChange={setRows}
            linkOptions={linkOptions}
            problems={draftProblems}
            onPreview={(row) => void showPreview(row)}
          />
          <div className="button-row">
            <button type="button" disabled={isBusy} onClick={() => void save()}>
              Save the pack as .zip…
            </button>
          </div>
          {hasTriedSave && (meetingProblems.length > 0 || draftProblems.length > 0) ? (
            <p role="alert">The pack was not saved: put right the problems marked above.</p>
          ) : null}
        </section>
      ) : null}

      {result ? (
        <div role="status" className="make-pack-result">
          {result.saved ? (
            <p>
              Saved {result.fileName}: {result.papers} {result.papers === 1 ? 'paper' : 'papers'}, {result.pages} pages, checked as members’
              Oversight will check it. Send it to members, or put it in the board folder.
            </p>
          ) : result.errors.length > 0 ? (
            <p>The pack was not saved, and nothing was written:</p>
          ) : null}
          <ProblemList problems={result.errors} kind="error" />
          <ProblemList problems={result.warnings} kind="warning" />
        </div>
      ) : null}

      {preview ? (
        <section aria-labelledby={`${ids}-preview`} className="make-pack-preview">
          <h2 id={`${ids}-preview`}>Preview: {preview.title}</h2>
          <button type="button" className="secondary" onClick={() => setPreview(null)}>
            Close the preview
          </button>
          <PdfViewer
            pdf={preview.pdf}
            title={preview.title}
            isExempt={false}
            page={preview.page}
            onPageChange={(page) => setPreview({ ...preview, page })}
            pageTexts={null}
            highlights={[]}
            onPassage={() => undefined}
          />
        </section>
      ) : null}
    </>
  );
}

function meetingFieldProblems(meeting: Meeting): Problem[] {
  const problems: Problem[] = [];
  if (!meeting.title.trim()) problems.push({ path: 'title', message: 'Give the meeting’s title.' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meeting.date)) problems.push({ path: 'date', message: 'Give the meeting’s date.' });
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(meeting.time))
    problems.push({ path: 'time', message: 'Give the time as hh:mm (24-hour), such as 14:00.' });
  if (meeting.id.trim().length > 64) problems.push({ path: 'id', message: 'The meeting id may be at most 64 characters.' });
  return problems;
}

function useLinkOptions(planId: string): LinkOption[] {
  const { db } = useServices();
  return (
    useLiveQuery(async () => {
      if (!planId) return [];
      const [areas, actions] = await Promise.all([entitiesOfPlan(db, planId, 'area'), entitiesOfPlan(db, planId, 'action')]);
      const label = (data: object, id: string) => ('title' in data && typeof data.title === 'string' ? data.title : id);
      return [
        ...areas.map((entity) => ({ kind: 'area' as const, id: entity.id, label: `Area: ${label(entity.data, entity.id)}` })),
        ...actions.map((entity) => ({
          kind: 'action' as const,
          id: entity.id,
          label: `Action ${entity.id}: ${label(entity.data, entity.id)}`,
        })),
      ];
    }, [db, planId]) ?? []
  );
}
