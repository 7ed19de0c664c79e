import { useId, useState, type FormEvent } from 'react';
import type { SavedFile } from '../../shared/ipc/contract';
import { ShareAnnotations } from '../annotations/share-annotations';
import { SavedLine, savedSentence } from '../components/saved-notice';
import type { ExportKind, ExportRequest } from '../../shared/exports/schema';
import type { Meeting } from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { formatDate, plural } from '../format';
import { useBoard, useMeetings } from '../meetings/use-meetings';
import { importDecisionsFile, type DecisionsImportOutcome } from './decisions-import';
import { allMeetingBundles, boardReportRequest, meetingBundle, questionsFor } from './gather';
import { useQuestionAuthors } from './use-exports';
import './exports.css';
import { DateField } from '../components/date-field';
import { RadioGroup } from '../components/radio-group';
import { ViewTitle } from '../components/view-title';

// What the board produces leaves the laptop only from here, as files the user asks for. The
// renderer gathers the data; main validates it, leaves exempt items out unless they are
// included, builds the file and writes it atomically where the user chooses.

type What = 'minutes' | 'decision-log' | 'action-log' | 'questions' | 'decisions-json' | 'tracker' | 'board-report';

type Choice = { what: What; label: string; hint: string; formats: Array<{ kind: ExportKind; label: string }>; needsMeeting: boolean };

const CHOICES: readonly Choice[] = [
  {
    what: 'minutes',
    label: 'Minutes of a meeting',
    hint: 'Marked DRAFT on every page until approved; approved minutes end with the chair’s signature block and carry their record’s head hash.',
    formats: [
      { kind: 'minutes-docx', label: 'Word (.docx)' },
      { kind: 'minutes-pdf', label: 'PDF' },
    ],
    needsMeeting: true,
  },
  {
    what: 'decision-log',
    label: 'Decision log',
    hint: 'One row per decision, across every meeting.',
    formats: [
      { kind: 'decision-log-xlsx', label: 'Excel (.xlsx)' },
      { kind: 'decision-log-csv', label: 'CSV' },
    ],
    needsMeeting: false,
  },
  {
    what: 'action-log',
    label: 'Action log',
    hint: 'One row per action arising, across every meeting, with the latest progress.',
    formats: [
      { kind: 'action-log-xlsx', label: 'Excel (.xlsx)' },
      { kind: 'action-log-csv', label: 'CSV' },
    ],
    needsMeeting: false,
  },
  {
    what: 'questions',
    label: 'Questions for officers',
    hint: 'Members’ shared questions, by agenda item. Private questions are printed from My questions, never exported. The answers workbook holds the questions awaiting an answer; officers fill it in and it is imported like any file.',
    formats: [
      { kind: 'questions-docx', label: 'Word (.docx)' },
      { kind: 'questions-csv', label: 'CSV' },
      { kind: 'questions-xlsx', label: 'Answers workbook for officers (.xlsx)' },
    ],
    needsMeeting: true,
  },
  {
    what: 'decisions-json',
    label: 'Decision file (.decisions.json)',
    hint: 'The approved record with its hash chain, for another copy of Oversight or oversight-cli verify.',
    formats: [{ kind: 'decisions-json', label: 'Oversight decision file' }],
    needsMeeting: true,
  },
  {
    what: 'tracker',
    label: 'Plan tracker with the board’s updates',
    hint: 'A copy of the spreadsheet the plan came from, with the board’s assurance, comments and actions arising in added columns.',
    formats: [{ kind: 'tracker', label: 'Same format as the tracker' }],
    needsMeeting: true,
  },
  {
    what: 'board-report',
    label: 'Board’s report to council',
    hint: 'For a period you choose: per area, the ratings at each board meeting, key measures against target with charts, the board’s judgements, overdue and revised actions, families’ voice, escalations, risks, and questions with officers’ answers.',
    formats: [
      { kind: 'board-report-docx', label: 'Word (.docx)' },
      { kind: 'board-report-pdf', label: 'PDF' },
    ],
    needsMeeting: false,
  },
];

/** Today and the same day a year earlier (YYYY-MM-DD), the period the report offers first. */
function lastYear(): { from: string; to: string } {
  const today = new Date();
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate() + 1)).toISOString().slice(0, 10);
  return { from, to };
}

type Message = { tone: 'ok' | 'error' | 'info'; text: string; saved?: SavedFile };

function meetingLabel(meeting: Meeting): string {
  return `${formatDate(meeting.date)}: ${meeting.title} (${meeting.status === 'approved' ? 'approved' : 'draft'})`;
}

function describeImport(fileName: string, outcome: DecisionsImportOutcome): Message {
  switch (outcome.status) {
    case 'imported':
      return {
        tone: 'ok',
        text: `${fileName}: imported the approved minutes of ${outcome.title}, ${plural(outcome.records, 'record')}, chain intact.`,
      };
    case 'extended':
      return { tone: 'ok', text: `${fileName}: added ${plural(outcome.added, 'later record')} (corrections) to ${outcome.title}.` };
    case 'up-to-date':
      return { tone: 'info', text: `${fileName}: ${outcome.title} is already here with the same record. Nothing changed.` };
    case 'refused':
      return { tone: 'error', text: `${fileName}: ${outcome.message}` };
  }
}

/** The Exports view: choose what to export, for which meeting and in which format. */
export function ExportsView() {
  const { db, api } = useServices();
  const meetings = useMeetings();
  const board = useBoard();
  const authors = useQuestionAuthors();
  const formId = useId();
  const [what, setWhat] = useState<What>('minutes');
  const [formatByWhat, setFormatByWhat] = useState<Partial<Record<What, ExportKind>>>({});
  const [meetingId, setMeetingId] = useState('');
  const [memberName, setMemberName] = useState('');
  const [includeExempt, setIncludeExempt] = useState(false);
  const [period, setPeriod] = useState(lastYear);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [imports, setImports] = useState<Message[]>([]);

  const choice = CHOICES.find((entry) => entry.what === what) ?? CHOICES[0];
  if (!choice) return null;
  const kind = formatByWhat[what] ?? choice.formats[0]?.kind ?? 'minutes-docx';
  const eligible = (meetings ?? []).filter((meeting) =>
    what === 'decisions-json' ? meeting.status === 'approved' : what === 'tracker' ? meeting.planId !== null : true,
  );
  const meeting = eligible.find((entry) => entry.id === meetingId) ?? eligible[0];

  async function requestFor(): Promise<ExportRequest | string> {
    const boardName = board?.name ?? 'SEND Oversight Board';
    const common = { includeExempt, boardName };
    if (kind === 'board-report-docx' || kind === 'board-report-pdf') return boardReportRequest(db, { kind, ...common, ...period });
    if (kind === 'decision-log-csv' || kind === 'decision-log-xlsx' || kind === 'action-log-csv' || kind === 'action-log-xlsx') {
      const bundles = await allMeetingBundles(db);
      return bundles.length === 0 ? 'There are no meetings to export yet.' : { kind, ...common, bundles };
    }
    if (!meeting)
      return what === 'decisions-json'
        ? 'No minutes are approved yet: only approved minutes have a decision file.'
        : 'Choose a meeting first.';
    if (kind === 'questions-docx' || kind === 'questions-csv' || kind === 'questions-xlsx') {
      const name = memberName || null;
      const questions = await questionsFor(db, meeting, name);
      return {
        kind,
        ...common,
        meeting: { id: meeting.id, title: meeting.title, date: meeting.date, agenda: meeting.agenda },
        memberName: name,
        questions,
      };
    }
    const bundle = await meetingBundle(db, meeting.id);
    if (!bundle) return 'That meeting is no longer on this laptop.';
    if (kind === 'tracker') {
      const plan = meeting.planId ? await db.plans.get(meeting.planId) : undefined;
      if (!plan) return 'This meeting’s plan is not on this laptop.';
      return { kind, ...common, planId: plan.id, revision: plan.export.revision, bundle };
    }
    if (kind === 'decisions-json') return { kind, ...common, bundle };
    return { kind: kind === 'minutes-pdf' ? 'minutes-pdf' : 'minutes-docx', ...common, bundle, ...(board ? { terms: board.terms } : {}) };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsBusy(true);
    setMessage({ tone: 'info', text: 'Preparing the file…' });
    try {
      const request = await requestFor();
      if (typeof request === 'string') {
        setMessage({ tone: 'error', text: request });
        return;
      }
      const reply = await api.call('exports:save', request);
      if (!reply.ok) setMessage({ tone: 'error', text: `Nothing was saved. ${reply.error.message}` });
      else if (!reply.value.saved) setMessage({ tone: 'info', text: 'Nothing was saved.' });
      else setMessage({ tone: 'ok', text: `${savedSentence(reply.value)} ${reply.value.summary ?? ''}`.trim(), saved: reply.value });
    } catch (error) {
      console.error('Export failed', error);
      setMessage({ tone: 'error', text: 'The export could not be prepared. Nothing was saved; please try again.' });
    } finally {
      setIsBusy(false);
    }
  }

  async function importDecisions() {
    const reply = await api.call('exports:import-decisions', undefined);
    if (!reply.ok) {
      setImports([{ tone: 'error', text: reply.error.message }]);
      return;
    }
    const results: Message[] = [];
    for (const entry of reply.value.files) {
      if (entry.status === 'refused') {
        results.push({ tone: 'error', text: `${entry.fileName}: ${entry.message}` });
        continue;
      }
      try {
        results.push(describeImport(entry.fileName, await importDecisionsFile(db, entry.file)));
      } catch (error) {
        console.error('Decision file import failed', error);
        results.push({ tone: 'error', text: `${entry.fileName} could not be stored, so nothing was changed.` });
      }
    }
    setImports(results.length > 0 ? results : [{ tone: 'info', text: 'No file was chosen.' }]);
  }

  return (
    <section aria-labelledby="view-title">
      <ViewTitle>Exports</ViewTitle>
      <p>
        Files leave this laptop only when you export them here. Exempt items stay out unless you include them, and private notes never
        leave.
      </p>
      <form className="exports-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-describedby={`${formId}-status`}>
        <RadioGroup
          legend="What to export"
          name="what"
          listClassName="exports-choices"
          hintClassName="exports-hint"
          options={CHOICES.map((entry) => ({ value: entry.what, label: entry.label, hint: entry.hint }))}
          value={what}
          onChange={(next) => {
            setWhat(next);
            setMessage(null);
          }}
        />

        {choice.needsMeeting ? (
          <div className="form-grid">
            <label htmlFor={`${formId}-meeting`}>Meeting</label>
            {eligible.length > 0 ? (
              <select id={`${formId}-meeting`} value={meeting?.id ?? ''} onChange={(event) => setMeetingId(event.target.value)}>
                {eligible.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {meetingLabel(entry)}
                  </option>
                ))}
              </select>
            ) : (
              <p id={`${formId}-meeting`} className="muted">
                {what === 'decisions-json' ? 'No approved minutes yet.' : 'No meetings yet.'} <a href={hrefFor('/meetings')}>Meetings</a>
              </p>
            )}
            {what === 'questions' ? (
              <>
                <label htmlFor={`${formId}-member`}>Whose questions</label>
                <select id={`${formId}-member`} value={memberName} onChange={(event) => setMemberName(event.target.value)}>
                  <option value="">Every member’s, merged</option>
                  {(authors ?? []).map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
          </div>
        ) : null}

        {what === 'board-report' ? (
          <div className="form-grid">
            <label htmlFor={`${formId}-from`}>From</label>
            <DateField id={`${formId}-from`} value={period.from} onChange={(from) => setPeriod((current) => ({ ...current, from }))} />
            <label htmlFor={`${formId}-to`}>To</label>
            <DateField id={`${formId}-to`} value={period.to} onChange={(to) => setPeriod((current) => ({ ...current, to }))} />
          </div>
        ) : null}

        {choice.formats.length > 1 ? (
          <RadioGroup
            legend="Format"
            name="format"
            listClassName="exports-choices"
            options={choice.formats.map((format) => ({ value: format.kind, label: format.label }))}
            value={kind}
            onChange={(next) => setFormatByWhat({ ...formatByWhat, [what]: next })}
          />
        ) : null}

        <div className="exports-exempt">
          <label>
            <input
              type="checkbox"
              checked={includeExempt}
              onChange={(event) => setIncludeExempt(event.target.checked)}
              aria-describedby={`${formId}-exempt-hint`}
            />
            Include exempt items
          </label>
          <span id={`${formId}-exempt-hint`} className="exports-hint">
            {includeExempt
              ? 'Exempt items will be included: the file name and its first line will say CONFIDENTIAL. Do not publish it.'
              : 'Exempt (confidential) items are left out, as for publication.'}
          </span>
        </div>

        <div className="button-row">
          <button type="submit" disabled={isBusy}>
            {isBusy ? 'Exporting…' : 'Export…'}
          </button>
        </div>
      </form>
      <div id={`${formId}-status`} className="exports-result" aria-live="polite">
        {message ? <SavedLine tone={message.tone} text={message.text} saved={message.saved} /> : null}
      </div>

      <h2>Your shared annotations</h2>
      <ShareAnnotations />

      <h2>Import a decision file</h2>
      <p>
        A decision file from another copy of Oversight rebuilds that meeting’s approved minutes here, after its record is checked. A file
        whose record was changed is refused.
      </p>
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => void importDecisions()}>
          Import a decision file…
        </button>
      </div>
      <ul className="sync-entries" aria-label="Decision files imported">
        {imports.map((entry, index) => (
          <li key={index} className={`entry entry-${entry.tone}`}>
            {entry.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
