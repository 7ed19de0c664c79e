import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { checkVote, missingCounts } from '../../shared/meetings/majority';
import type { QuorumState } from '../../shared/meetings/quorum';
import {
  DECISION_TYPES,
  type ActionRecord,
  type AgendaItem,
  type Board,
  type DecisionRecord,
  type DecisionType,
  type JudgementTarget,
  type Meeting,
  type MeetingRecord,
  type TermsOfReference,
  type Vote,
} from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { formatDate } from '../format';
import { typeAheadFromFirst } from '../components/select-typeahead';
import { assuranceTone, DECISION_TYPE_LABELS } from './labels';
import { itemName, peopleAt, quorumFor, recordsOf } from './meeting-model';
import { deleteRecord, lockedError, recordDecision, saveNote, saveRecord, withdrawDecision } from './meeting-repository';
import { useSave } from './save-status';
import { clearJournalledNote, isNewerThanStored, journalledNote, journalNote } from './notes-journal';
import { useDebouncedText } from './use-debounced-text';
import { draftKey, useDraftState } from './use-draft-state';
import type { PlanTarget } from './use-meetings';
import { DateField } from '../components/date-field';

type ItemProps = {
  meeting: Meeting;
  item: AgendaItem;
  records: MeetingRecord[];
  board: Board | null;
  terms: TermsOfReference;
  targets: readonly PlanTarget[];
  isLocked: boolean;
};

function recordBase(meetingId: string) {
  const now = new Date().toISOString();
  return { id: crypto.randomUUID(), meetingId, createdAt: now, updatedAt: now, chain: null };
}

/** One agenda item, live: declarations, notes, decisions and votes, assurance judgements, actions arising. */
export function ItemPanel(props: ItemProps) {
  const { meeting, item, records, terms, targets } = props;
  const quorum = quorumFor(terms, meeting, records, item.id);
  const hasAttendance = records.some((record) => record.kind === 'attendance');
  const linkLabel = (kind: string, id: string) =>
    targets.find((target) => target.kind === kind && target.id === id)?.label ?? `${kind === 'area' ? 'Area' : 'Action'} ${id}`;
  return (
    <section aria-labelledby="item-title" className={item.isExempt ? 'item-panel is-exempt' : 'item-panel'}>
      <h2 id="item-title" tabIndex={-1}>
        Item {item.number}: {item.title}
      </h2>
      <p className="item-tags">
        {item.isExempt ? <span className="exempt-tag">Exempt: confidential, kept out of published exports</span> : null}
        {item.isDecisionRequired ? <span className="status-tag status-draft">Decision required</span> : null}
        {item.presenter ? <span className="muted">Presented by the {item.presenter}</span> : null}
      </p>
      {item.links.length > 0 ? <p className="muted">Plan: {item.links.map((link) => linkLabel(link.kind, link.id)).join('; ')}</p> : null}
      {hasAttendance && !quorum.isQuorate ? (
        <p className="warning" role="alert">
          The meeting is not quorate for this item: a vote cannot be taken, and decisions may need to be deferred.
        </p>
      ) : null}
      <Declarations {...props} />
      <Notes {...props} />
      <Decisions {...props} quorum={quorum} />
      <Judgements {...props} />
      <ActionsArising {...props} />
    </section>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="item-part">
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function RemoveButton({ label, onClick, children = 'Remove' }: { label: string; onClick: () => void; children?: ReactNode }) {
  return (
    <button type="button" className="secondary small" aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}

/** A one-line form: Enter adds, then focus goes back to its first field for the next entry. */
function QuickForm({
  title,
  onSubmit,
  firstFieldRef,
  error,
  children,
  submitLabel,
}: {
  title: string;
  /** Checks at once (false: refused, the alert says why), else returns the save in flight. */
  onSubmit: () => Promise<boolean> | false;
  firstFieldRef: RefObject<HTMLElement | null>;
  error: string | null;
  children: ReactNode;
  submitLabel: string;
}) {
  const titleId = useId();
  function handle(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // After a refusal, stay put (the alert says why). Otherwise back to the first field for the
    // next entry now, before the save is awaited: a chair who moves on (Alt+2, a click) while it
    // is saving keeps the focus they chose, and their keystrokes never land in this form.
    const saving = onSubmit();
    if (saving === false) return;
    firstFieldRef.current?.focus();
    void saving;
  }
  return (
    <form className="quick-add" aria-labelledby={titleId} onSubmit={handle} noValidate>
      <h4 id={titleId} className="visually-hidden">
        {title}
      </h4>
      <div className="quick-fields">
        {children}
        <button type="submit">{submitLabel}</button>
      </div>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

// ---- Declarations of interest ----

function Declarations({ meeting, item, records, board, isLocked }: ItemProps) {
  const { db } = useServices();
  const save = useSave();
  const declarations = recordsOf(records, 'declaration', item.id);
  const people = peopleAt(board?.members ?? [], records);
  const memberRef = useRef<HTMLSelectElement>(null);
  // Drafts survive a reload until submitted.
  const draft = (field: string) => draftKey(meeting.id, item.id, 'declaration', field);
  const [memberId, setMemberId] = useDraftState(draft('member'), '');
  const [interest, setInterest] = useDraftState(draft('interest'), '');
  const [hasLeft, setHasLeft] = useDraftState(draft('has-left'), false);
  const [error, setError] = useState<string | null>(null);

  function add(): Promise<boolean> | false {
    const member = people.find((person) => person.id === memberId);
    if (!member || !interest.trim()) {
      setError(!member ? 'Choose who is declaring.' : 'Say what the interest is.');
      return false;
    }
    return save(() =>
      saveRecord(db, {
        ...recordBase(meeting.id),
        kind: 'declaration',
        itemId: item.id,
        memberId: member.id,
        memberName: member.name,
        interest: interest.trim(),
        hasLeft,
      }),
    ).then((isSaved) => {
      // Clear only what was saved: the chair may already be typing the next entry.
      if (isSaved) {
        setMemberId((current) => (current === memberId ? '' : current));
        setInterest((current) => (current === interest ? '' : current));
        setHasLeft(false);
        setError(null);
      }
      return isSaved;
    });
  }

  return (
    <Part id="declarations-title" title="Declarations of interest">
      {declarations.length === 0 ? <p className="muted">None declared.</p> : null}
      <ul className="record-list">
        {declarations.map((declaration) => (
          <li key={declaration.id}>
            <strong>{declaration.memberName}</strong>: {declaration.interest}.{' '}
            {declaration.hasLeft ? (
              <span className="status-tag status-left">Left the room: not counted, cannot vote</span>
            ) : (
              <span className="muted">Stayed</span>
            )}
            {isLocked ? null : (
              <RemoveButton
                label={`Remove the declaration by ${declaration.memberName}`}
                onClick={() => void save(() => deleteRecord(db, meeting.id, declaration.id))}
              />
            )}
          </li>
        ))}
      </ul>
      {isLocked ? null : (
        <QuickForm title="Declare an interest" onSubmit={add} firstFieldRef={memberRef} error={error} submitLabel="Add declaration">
          <span className="field">
            <label htmlFor="live-declaration-member">Who</label>
            <select ref={memberRef} id="live-declaration-member" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
              <option value="">Choose a member…</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </span>
          <span className="field field-wide">
            <label htmlFor="live-declaration-interest">Interest</label>
            <input id="live-declaration-interest" type="text" value={interest} onChange={(event) => setInterest(event.target.value)} />
          </span>
          <span className="field field-check">
            <label className="check">
              <input type="checkbox" checked={hasLeft} onChange={(event) => setHasLeft(event.target.checked)} /> Left the room for this item
            </label>
          </span>
        </QuickForm>
      )}
    </Part>
  );
}

// ---- Discussion notes ----

function Notes({ meeting, item, records, isLocked }: ItemProps) {
  const note = recordsOf(records, 'note', item.id)[0];
  const stored = note?.text ?? '';
  return (
    <Part id="notes-title" title="Discussion notes">
      {isLocked ? (
        <LockedNotes meeting={meeting} text={stored} />
      ) : (
        <NotesField key={item.id} meeting={meeting} item={item} stored={stored} storedAt={note?.updatedAt} />
      )}
    </Part>
  );
}

function NotesField({
  meeting,
  item,
  stored,
  storedAt,
}: {
  meeting: Meeting;
  item: AgendaItem;
  stored: string;
  storedAt: string | undefined;
}) {
  const { db } = useServices();
  const save = useSave();
  // Text journalled before a reload or crash after the last save is newer than the store's.
  const [initial] = useState(() => {
    const journalled = journalledNote(meeting.id, item.id);
    return journalled && isNewerThanStored(journalled, storedAt) ? journalled.text : stored;
  });
  const { text, setText, flush } = useDebouncedText(initial, async (value) => {
    if (await save(() => saveNote(db, meeting.id, item.id, value))) clearJournalledNote(meeting.id, item.id, value);
  });
  return (
    <>
      <label htmlFor="live-notes" className="visually-hidden">
        Discussion notes for {itemName(item)}
      </label>
      <textarea
        id="live-notes"
        className="notes"
        rows={6}
        value={text}
        aria-describedby="live-notes-help"
        onChange={(event) => {
          journalNote(meeting.id, item.id, event.target.value);
          setText(event.target.value);
        }}
        onBlur={flush}
      />
      <p id="live-notes-help" className="field-help">
        Saved as you type.{item.isExempt ? ' Exempt item: these notes stay out of published exports.' : ''}
      </p>
    </>
  );
}

/** Approved notes: readable and selectable, and a clear refusal if the chair tries to type. */
function LockedNotes({ meeting, text }: { meeting: Meeting; text: string }) {
  const [isRefused, setRefused] = useState(false);
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Enter') setRefused(true);
  }
  return (
    <>
      <label htmlFor="live-notes" className="visually-hidden">
        Discussion notes (approved, read only)
      </label>
      <textarea id="live-notes" className="notes" rows={6} value={text} readOnly onKeyDown={onKeyDown} />
      {isRefused ? (
        <p className="error-text" role="alert">
          {lockedError(meeting).message}
        </p>
      ) : null}
    </>
  );
}

// ---- Decisions and votes ----

const VOTE_METHODS = ['none', 'consensus', 'show-of-hands'] as const;
type VoteMethod = (typeof VOTE_METHODS)[number];
type Counts = { for: string; against: string; abstain: string };
const NO_COUNTS: Counts = { for: '', against: '', abstain: '' };

// Guards for drafts read back from localStorage (anything there may be stale or not ours).
const isDecisionType = (value: unknown): value is DecisionType => DECISION_TYPES.some((option) => option === value);
const isVoteMethod = (value: unknown): value is VoteMethod => VOTE_METHODS.some((option) => option === value);
const isCastingVote = (value: unknown): value is '' | 'for' | 'against' => value === '' || value === 'for' || value === 'against';
const isCounts = (value: unknown): value is Counts =>
  typeof value === 'object' &&
  value !== null &&
  ['for', 'against', 'abstain'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

function Decisions({ meeting, item, records, terms, isLocked, quorum }: ItemProps & { quorum: QuorumState }) {
  const { db } = useServices();
  const save = useSave();
  const decisions = recordsOf(records, 'decision', item.id);
  const typeRef = useRef<HTMLSelectElement>(null);
  // Drafts survive a reload until submitted.
  const draft = (field: string) => draftKey(meeting.id, item.id, 'decision', field);
  const [type, setType] = useDraftState<DecisionType>(draft('type'), 'resolved', isDecisionType);
  const [text, setText] = useDraftState(draft('text'), '');
  const [escalatedTo, setEscalatedTo] = useDraftState(draft('escalated-to'), '');
  const [refersTo, setRefersTo] = useDraftState(draft('refers-to'), '');
  const [method, setMethod] = useDraftState<VoteMethod>(draft('method'), 'none', isVoteMethod);
  const [counts, setCounts] = useDraftState(draft('counts'), NO_COUNTS, isCounts);
  const [castingVote, setCastingVote] = useDraftState<'' | 'for' | 'against'>(draft('casting-vote'), '', isCastingVote);
  const [error, setError] = useState<string | null>(null);

  const numbers = { for: Number(counts.for || 0), against: Number(counts.against || 0), abstain: Number(counts.abstain || 0) };
  const check =
    method === 'show-of-hands'
      ? checkVote({ ...numbers, castingVote: castingVote || null }, terms.majority, {
          hasCastingVote: terms.hasCastingVote,
          entitled: quorum.voters.length,
          isQuorate: quorum.isQuorate,
        })
      : null;

  function add(): Promise<boolean> | false {
    const problems: string[] = [];
    if (!text.trim()) problems.push('Say what was decided.');
    if (type === 'escalated' && !escalatedTo.trim()) problems.push('Say to whom it is escalated.');
    if ((type === 'rescinds' || type === 'amends') && !refersTo.trim()) problems.push('Give the number of the earlier decision.');
    if (method === 'consensus' && !quorum.isQuorate)
      problems.push('The meeting is not quorate for this item, so no decision can be agreed by consensus.');
    const missing = method === 'show-of-hands' ? missingCounts(counts) : null;
    if (missing) problems.push(missing);
    if (check) problems.push(...check.problems);
    if (problems.length > 0) {
      setError(problems.join(' '));
      return false;
    }
    const vote: Vote | null =
      method === 'none'
        ? null
        : method === 'consensus'
          ? {
              method,
              for: 0,
              against: 0,
              abstain: 0,
              castingVote: null,
              rule: terms.majority,
              entitled: quorum.voters.length,
              outcome: 'carried',
            }
          : {
              method,
              ...numbers,
              castingVote: castingVote || null,
              rule: terms.majority,
              entitled: quorum.voters.length,
              outcome: check?.outcome ?? 'lost',
            };
    return save(() =>
      recordDecision(db, meeting.id, {
        itemId: item.id,
        type,
        text: text.trim(),
        escalatedTo: type === 'escalated' ? escalatedTo.trim() : null,
        refersTo: type === 'rescinds' || type === 'amends' ? refersTo.trim() : null,
        vote,
      }),
    ).then((isSaved) => {
      // Clear only what was saved: the chair may already be typing the next entry.
      if (isSaved) {
        setText((current) => (current === text ? '' : current));
        setEscalatedTo((current) => (current === escalatedTo ? '' : current));
        setRefersTo((current) => (current === refersTo ? '' : current));
        setMethod('none');
        setCounts({ for: '', against: '', abstain: '' });
        setCastingVote('');
        setError(null);
      }
      return isSaved;
    });
  }

  return (
    <Part id="decisions-title" title="Decisions and votes">
      {decisions.length === 0 ? <p className="muted">No decision recorded yet.</p> : null}
      <ul className="record-list">
        {decisions.map((decision) => (
          <DecisionLine
            key={decision.id}
            decision={decision}
            isLocked={isLocked}
            onWithdraw={() => void save(() => withdrawDecision(db, meeting.id, decision.id))}
          />
        ))}
      </ul>
      {isLocked ? null : (
        <QuickForm title="Record a decision" onSubmit={add} firstFieldRef={typeRef} error={error} submitLabel="Record decision">
          <span className="field">
            <label htmlFor="live-decision-type">Decision</label>
            <select
              ref={typeRef}
              id="live-decision-type"
              value={type}
              onChange={(event) => setType(DECISION_TYPES.find((option) => option === event.target.value) ?? 'resolved')}
              onKeyDown={typeAheadFromFirst((value) => setType(DECISION_TYPES.find((option) => option === value) ?? 'resolved'))}
            >
              {DECISION_TYPES.map((option) => (
                <option key={option} value={option}>
                  {DECISION_TYPE_LABELS[option]}
                </option>
              ))}
            </select>
          </span>
          <span className="field field-wide">
            <label htmlFor="live-decision-text">What was decided</label>
            <input id="live-decision-text" type="text" value={text} onChange={(event) => setText(event.target.value)} />
          </span>
          {type === 'escalated' ? (
            <span className="field">
              <label htmlFor="live-decision-escalated">Escalated to</label>
              <input
                id="live-decision-escalated"
                type="text"
                value={escalatedTo}
                onChange={(event) => setEscalatedTo(event.target.value)}
              />
            </span>
          ) : null}
          {type === 'rescinds' || type === 'amends' ? (
            <span className="field">
              <label htmlFor="live-decision-refers">Earlier decision number</label>
              <input
                id="live-decision-refers"
                type="text"
                value={refersTo}
                placeholder="SOB/2026/014"
                onChange={(event) => setRefersTo(event.target.value)}
              />
            </span>
          ) : null}
          <span className="field">
            <label htmlFor="live-vote-method">Vote</label>
            <select
              id="live-vote-method"
              value={method}
              onChange={(event) => setMethod(VOTE_METHODS.find((option) => option === event.target.value) ?? 'none')}
            >
              <option value="none">No vote taken</option>
              <option value="consensus">By consensus</option>
              <option value="show-of-hands">Show of hands</option>
            </select>
          </span>
          {method === 'show-of-hands' ? (
            <>
              {(['for', 'against', 'abstain'] as const).map((key) => (
                <span key={key} className="field field-number">
                  <label htmlFor={`live-vote-${key}`}>{key === 'for' ? 'For' : key === 'against' ? 'Against' : 'Abstain'}</label>
                  <input
                    id={`live-vote-${key}`}
                    type="number"
                    min={0}
                    inputMode="numeric"
                    value={counts[key]}
                    onChange={(event) => setCounts((current) => ({ ...current, [key]: event.target.value }))}
                  />
                </span>
              ))}
              {terms.majority === 'simple' && terms.hasCastingVote && check?.isTied ? (
                <span className="field">
                  <label htmlFor="live-vote-casting">Chair’s casting vote</label>
                  <select
                    id="live-vote-casting"
                    value={castingVote}
                    onChange={(event) =>
                      setCastingVote(event.target.value === 'for' || event.target.value === 'against' ? event.target.value : '')
                    }
                  >
                    <option value="">None</option>
                    <option value="for">For</option>
                    <option value="against">Against</option>
                  </select>
                </span>
              ) : null}
            </>
          ) : null}
        </QuickForm>
      )}
      {!isLocked && check ? (
        <p className={check.problems.length > 0 ? 'vote-check vote-problem' : 'vote-check'} aria-live="polite" data-testid="vote-check">
          {/* No outcome is shown until all three figures are typed: a blank is not a 0. */}
          {missingCounts(counts) ?? check.summary} {quorum.voters.length} {quorum.voters.length === 1 ? 'member is' : 'members are'} present
          and entitled to vote.
          {check.problems.length > 0 ? ` ${check.problems.join(' ')}` : ''}
        </p>
      ) : null}
    </Part>
  );
}

/** "Carried: 6 for, 2 against, 1 abstention." in the minutes' words. */
export function voteText(vote: Vote): string {
  if (vote.method === 'consensus') return 'Agreed by consensus.';
  const abstentions = vote.abstain === 1 ? '1 abstention' : `${vote.abstain} abstentions`;
  const casting = vote.castingVote ? `, on the chair’s casting vote ${vote.castingVote}` : '';
  return `${vote.outcome === 'carried' ? 'Carried' : 'Lost'}: ${vote.for} for, ${vote.against} against, ${abstentions}${casting} (${vote.entitled} entitled to vote).`;
}

/** A decision as the minutes read it: number, type, text, escalation or earlier decision, vote. */
export function DecisionText({ decision }: { decision: DecisionRecord }) {
  return (
    <>
      <strong className="decision-number">{decision.number}</strong>{' '}
      <span className="decision-type">{DECISION_TYPE_LABELS[decision.type]}</span>
      {decision.refersTo ? ` ${decision.refersTo}` : ''}: {decision.text}
      {decision.escalatedTo ? ` Escalated to ${decision.escalatedTo}.` : ''}
      {decision.vote ? <span className="vote-text"> {voteText(decision.vote)}</span> : null}
      {decision.isWithdrawn ? <span className="status-tag status-left"> Withdrawn: recorded in error</span> : null}
    </>
  );
}

function DecisionLine({ decision, isLocked, onWithdraw }: { decision: DecisionRecord; isLocked: boolean; onWithdraw: () => void }) {
  return (
    <li className={decision.isWithdrawn ? 'is-withdrawn' : undefined}>
      <DecisionText decision={decision} />
      {isLocked ? null : (
        <RemoveButton label={`${decision.isWithdrawn ? 'Restore' : 'Withdraw'} decision ${decision.number}`} onClick={onWithdraw}>
          {decision.isWithdrawn ? 'Restore' : 'Withdraw'}
        </RemoveButton>
      )}
    </li>
  );
}

// ---- Assurance judgements ----

function targetOptions(item: AgendaItem, targets: readonly PlanTarget[]) {
  const linked = targets.filter((target) =>
    item.links.some((link) => link.kind === target.kind && (link.id === target.id || (link.kind === 'area' && target.areaId === link.id))),
  );
  const directlyLinked = targets.filter((target) => item.links.some((link) => link.kind === target.kind && link.id === target.id));
  return {
    linked: directlyLinked.length > 0 ? directlyLinked : linked,
    areas: targets.filter((target) => target.kind === 'area'),
    actions: targets.filter((target) => target.kind === 'action'),
  };
}

function TargetSelect({
  id,
  item,
  targets,
  value,
  onChange,
  selectRef,
  placeholder,
  onlyActions = false,
}: {
  id: string;
  item: AgendaItem;
  targets: readonly PlanTarget[];
  value: string;
  onChange: (value: string) => void;
  selectRef?: RefObject<HTMLSelectElement | null>;
  placeholder: string;
  onlyActions?: boolean;
}) {
  const options = targetOptions(item, targets);
  const linked = onlyActions ? options.linked.filter((target) => target.kind === 'action') : options.linked;
  const key = (target: PlanTarget) => `${target.kind}:${target.id}`;
  return (
    <select ref={selectRef} id={id} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{placeholder}</option>
      {linked.length > 0 ? (
        <optgroup label="Linked to this item">
          {linked.map((target) => (
            <option key={`linked-${key(target)}`} value={key(target)}>
              {target.label}
            </option>
          ))}
        </optgroup>
      ) : null}
      {onlyActions ? null : (
        <optgroup label="Areas">
          {options.areas.map((target) => (
            <option key={key(target)} value={key(target)}>
              {target.label}
            </option>
          ))}
        </optgroup>
      )}
      <optgroup label="Actions">
        {options.actions.map((target) => (
          <option key={key(target)} value={key(target)}>
            {target.label}
          </option>
        ))}
      </optgroup>
    </select>
  );
}

function toTarget(value: string, targets: readonly PlanTarget[], planId: string): JudgementTarget | null {
  const found = targets.find((target) => `${target.kind}:${target.id}` === value);
  return found ? { kind: found.kind, planId, id: found.id, label: found.label } : null;
}

function Judgements({ meeting, item, records, terms, targets, isLocked }: ItemProps) {
  const { db } = useServices();
  const save = useSave();
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
                onClick={() => void save(() => deleteRecord(db, meeting.id, judgement.id))}
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
          <span className="field field-wide">
            <label htmlFor="live-judgement-target">Area or action</label>
            <TargetSelect
              id="live-judgement-target"
              selectRef={targetRef}
              item={item}
              targets={targets}
              value={target}
              onChange={setTarget}
              placeholder="Choose…"
            />
          </span>
          <span className="field">
            <label htmlFor="live-judgement-level">Assurance</label>
            <select id="live-judgement-level" value={level} onChange={(event) => setLevel(event.target.value)}>
              <option value="">Choose…</option>
              {terms.assuranceScale.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </span>
          <span className="field field-wide">
            <label htmlFor="live-judgement-reason">Reason</label>
            <input id="live-judgement-reason" type="text" value={reason} onChange={(event) => setReason(event.target.value)} />
          </span>
        </QuickForm>
      )}
    </Part>
  );
}

// ---- Actions arising ----

function ActionsArising({ meeting, item, records, board, targets, isLocked }: ItemProps) {
  const { db } = useServices();
  const save = useSave();
  const actions = recordsOf(records, 'action', item.id);
  const textRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const roles = [
    ...new Set(
      [...meeting.agenda.map((other) => other.presenter), ...(board?.members ?? []).map((member) => member.role)].filter(
        (role) => role !== '',
      ),
    ),
  ];

  function add(): Promise<boolean> | false {
    if (!text.trim() || !owner.trim()) {
      setError(!text.trim() ? 'Say what is to be done.' : 'Name the owner (a role).');
      return false;
    }
    const linked = meeting.planId ? toTarget(link, targets, meeting.planId) : null;
    const record: ActionRecord = {
      ...recordBase(meeting.id),
      kind: 'action',
      itemId: item.id,
      text: text.trim(),
      owner: owner.trim(),
      dueDate: dueDate || null,
      links: linked ? [linked] : [],
    };
    return save(() => saveRecord(db, record)).then((isSaved) => {
      if (isSaved) {
        setText((current) => (current === text ? '' : current));
        setOwner((current) => (current === owner ? '' : current));
        setDueDate((current) => (current === dueDate ? '' : current));
        setLink((current) => (current === link ? '' : current));
        setError(null);
      }
      return isSaved;
    });
  }

  return (
    <Part id="actions-title" title="Actions arising">
      {actions.length === 0 ? <p className="muted">No action arising yet.</p> : null}
      <ul className="record-list">
        {actions.map((action) => (
          <li key={action.id}>
            <strong>{action.text}</strong>. Owner: {action.owner}. Due: {action.dueDate ? formatDate(action.dueDate) : 'no date'}.
            {action.links.length > 0 ? (
              <span className="muted"> Plan: {action.links.map((linked) => linked.label).join('; ')}.</span>
            ) : null}
            {isLocked ? null : (
              <RemoveButton
                label={`Remove the action “${action.text}”`}
                onClick={() => void save(() => deleteRecord(db, meeting.id, action.id))}
              />
            )}
          </li>
        ))}
      </ul>
      {isLocked ? null : (
        <QuickForm title="Add an action arising" onSubmit={add} firstFieldRef={textRef} error={error} submitLabel="Add action">
          <datalist id="live-owner-roles">
            {roles.map((role) => (
              <option key={role} value={role} />
            ))}
          </datalist>
          <span className="field field-wide">
            <label htmlFor="live-action-text">Action</label>
            <input ref={textRef} id="live-action-text" type="text" value={text} onChange={(event) => setText(event.target.value)} />
          </span>
          <span className="field">
            <label htmlFor="live-action-owner">Owner (role)</label>
            <input
              id="live-action-owner"
              type="text"
              list="live-owner-roles"
              value={owner}
              onChange={(event) => setOwner(event.target.value)}
            />
          </span>
          <span className="field">
            <label htmlFor="live-action-due">Due</label>
            <DateField id="live-action-due" value={dueDate} onChange={setDueDate} />
          </span>
          {meeting.planId ? (
            <span className="field field-wide">
              <label htmlFor="live-action-link">Plan action (optional)</label>
              <TargetSelect
                id="live-action-link"
                item={item}
                targets={targets}
                value={link}
                onChange={setLink}
                placeholder="None"
                onlyActions
              />
            </span>
          ) : null}
        </QuickForm>
      )}
    </Part>
  );
}
