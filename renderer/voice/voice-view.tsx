import { useId, useState, type FormEvent } from 'react';
import type { Problem } from '../../shared/plan/validate';
import { VOICE_KIND_LABELS, VOICE_KINDS, type VoiceKind, type VoiceRecord } from '../../shared/voice/schema';
import { useProfile } from '../annotations/use-annotations';
import { useServices } from '../app/context';
import { ProblemList } from '../components/problem-list';
import { formatDate } from '../format';
import { usePlan } from '../hooks/use-plan-data';
import { PlanReviewNav } from '../plan-review/plan-review-nav';
import { useActionRows, usePlanSummary } from '../plan-review/use-plan-review';
import { useVoiceRecords } from './use-voice';
import { deleteVoiceRecord, saveVoiceRecord } from './voice-repository';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { ViewTitle } from '../components/view-title';
import { DateField } from '../components/date-field';

/**
 * Families' voice: the clerk records what the parent carer forum and other user organisations
 * bring (submissions, surveys, case studies) and how actions were co-produced, each linked to
 * areas and actions; they show on those actions' pages.
 */
export function VoiceView({ params }: { params: URLSearchParams }) {
  const planId = params.get('plan') ?? undefined;
  const plan = usePlan(planId);
  const records = useVoiceRecords(planId);
  if (plan === undefined) return <ViewTitle>Families’ voice</ViewTitle>;
  if (plan === null || !planId) {
    return <NotOnThisLaptop thing="plan" title="Families’ voice" />;
  }
  return (
    <>
      <ViewTitle>Families’ voice</ViewTitle>
      <PlanReviewNav planId={planId} current="voice" />
      <p>What families tell the board through the parent carer forum and other user organisations, and how actions were co-produced.</p>
      <VoiceForm planId={planId} />
      <h2>Recorded</h2>
      {records && records.length === 0 ? <p className="empty-state">Nothing recorded yet.</p> : null}
      <ul className="voice-list">
        {(records ?? []).map((record) => (
          <VoiceItem key={record.id} record={record} />
        ))}
      </ul>
    </>
  );
}

function VoiceItem({ record }: { record: VoiceRecord }) {
  const { db } = useServices();
  return (
    <li className="voice-record">
      <VoiceSummary record={record} />
      <button
        type="button"
        className="secondary"
        onClick={() => void deleteVoiceRecord(db, record.id)}
        aria-label={`Delete: ${record.title}`}
      >
        Delete
      </button>
    </li>
  );
}

/** One record as members read it: kind, title, who and when, what it says. */
export function VoiceSummary({ record }: { record: VoiceRecord }) {
  return (
    <>
      <p>
        <strong>{VOICE_KIND_LABELS[record.kind]}</strong>: {record.title}{' '}
        <span className="muted">
          ({record.kind === 'co-production' ? 'with' : 'from'} {record.source}, {formatDate(record.date)}
          {record.isConfidential ? '; confidential' : ''})
        </span>
      </p>
      {record.summary ? <p>{record.summary}</p> : null}
    </>
  );
}

function VoiceForm({ planId }: { planId: string }) {
  const { db } = useServices();
  const profile = useProfile();
  const summary = usePlanSummary(planId);
  const rows = useActionRows(planId);
  const formId = useId();
  const [kind, setKind] = useState<VoiceKind>('submission');
  const [source, setSource] = useState('');
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [areas, setAreas] = useState<string[]>([]);
  const [actionRefs, setActionRefs] = useState('');
  const [isConfidential, setIsConfidential] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [message, setMessage] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage('');
    const refs = actionRefs
      .split(/[,;\s]+/)
      .map((ref) => ref.trim())
      .filter((ref) => ref !== '');
    const current = (rows?.rows ?? []).filter((row) => row.archivedInRevision === null);
    const unknown = refs.filter((ref) => !current.some((row) => row.ref === ref));
    if (unknown.length > 0) {
      setProblems([{ path: 'Actions', message: `No current action has the reference ${unknown.join(', ')}` }]);
      return;
    }
    const actionIds = refs.flatMap((ref) => current.filter((row) => row.ref === ref).map((row) => row.id));
    const saved = await saveVoiceRecord(
      db,
      {
        planId,
        kind,
        source,
        date,
        title,
        summary: text,
        isConfidential,
        links: [...areas.map((id) => ({ kind: 'area' as const, id })), ...actionIds.map((id) => ({ kind: 'action' as const, id }))],
      },
      { recordedBy: profile?.displayName ?? 'Unknown' },
    );
    if (!saved.ok) {
      setProblems(saved.problems);
      return;
    }
    setProblems([]);
    setTitle('');
    setText('');
    setActionRefs('');
    setAreas([]);
    setMessage(`Recorded: ${saved.record.title}.`);
  }

  return (
    <form className="voice-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>Record what families said</h2>
      <div className="form-grid">
        <label htmlFor={`${formId}-kind`}>Kind</label>
        <select id={`${formId}-kind`} value={kind} onChange={(event) => setKind(event.target.value as VoiceKind)}>
          {VOICE_KINDS.map((entry) => (
            <option key={entry} value={entry}>
              {VOICE_KIND_LABELS[entry]}
            </option>
          ))}
        </select>
        <label htmlFor={`${formId}-source`}>{kind === 'co-production' ? 'Co-produced with' : 'From (organisation)'}</label>
        <input id={`${formId}-source`} value={source} onChange={(event) => setSource(event.target.value)} />
        <label htmlFor={`${formId}-date`}>Date</label>
        <DateField id={`${formId}-date`} value={date} onChange={setDate} />
        <label htmlFor={`${formId}-heading`}>Title</label>
        <input id={`${formId}-heading`} value={title} onChange={(event) => setTitle(event.target.value)} />
        <label htmlFor={`${formId}-summary`}>What it says</label>
        <textarea id={`${formId}-summary`} rows={4} value={text} onChange={(event) => setText(event.target.value)} />
        <label htmlFor={`${formId}-actions`}>Actions (references, e.g. 2.4, 3.1)</label>
        <input id={`${formId}-actions`} value={actionRefs} onChange={(event) => setActionRefs(event.target.value)} />
      </div>
      <fieldset>
        <legend>Areas</legend>
        {(summary?.areas ?? []).map((area) => (
          <label key={area.areaId}>
            <input
              type="checkbox"
              checked={areas.includes(area.areaId)}
              onChange={(event) => setAreas(event.target.checked ? [...areas, area.areaId] : areas.filter((id) => id !== area.areaId))}
            />
            {area.ref}: {area.title}
          </label>
        ))}
      </fieldset>
      <label>
        <input type="checkbox" checked={isConfidential} onChange={(event) => setIsConfidential(event.target.checked)} />
        Confidential (it could identify a family): kept out of exports unless chosen
      </label>
      {problems.length > 0 ? (
        <div role="alert">
          <p>Not recorded:</p>
          <ProblemList problems={problems} kind="error" />
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit">Record</button>
      </div>
      <p role="status">{message}</p>
    </form>
  );
}
