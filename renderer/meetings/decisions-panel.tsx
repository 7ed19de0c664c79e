import { useRef, useState } from 'react';
import { checkVote, missingCounts } from '../../shared/meetings/majority';
import type { QuorumState } from '../../shared/meetings/quorum';
import { DECISION_TYPES, type DecisionRecord, type DecisionType, type Vote } from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { typeAheadFromFirst } from '../components/select-typeahead';
import { DECISION_TYPE_LABELS } from './labels';
import { recordsOf } from './meeting-model';
import { recordDecision } from './meeting-repository';
import { useWithdrawDecision } from './use-undoable-removal';
import { useSave } from './save-status';
import { draftKey, useDraftState } from './use-draft-state';
import { Part, RemoveButton, type ItemProps } from './item-parts';
import { QuickForm } from '../components/quick-form';
import { StatusTag } from '../components/status-tag';
import { Field } from '../components/field';

// Decisions and votes recorded at one agenda item, checked against the board's majority rule.

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

export function Decisions({ meeting, item, records, terms, isLocked, quorum }: ItemProps & { quorum: QuorumState }) {
  const { db } = useServices();
  const save = useSave();
  const withdraw = useWithdrawDecision(meeting.id);
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
          <DecisionLine key={decision.id} decision={decision} isLocked={isLocked} onWithdraw={() => void withdraw(decision)} />
        ))}
      </ul>
      {isLocked ? null : (
        <QuickForm title="Record a decision" onSubmit={add} firstFieldRef={typeRef} error={error} submitLabel="Record decision">
          <Field id="live-decision-type" label="Decision">
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
          </Field>
          <Field id="live-decision-text" label="What was decided" className="field-wide">
            <input id="live-decision-text" type="text" value={text} onChange={(event) => setText(event.target.value)} />
          </Field>
          {type === 'escalated' ? (
            <Field id="live-decision-escalated" label="Escalated to">
              <input
                id="live-decision-escalated"
                type="text"
                value={escalatedTo}
                onChange={(event) => setEscalatedTo(event.target.value)}
              />
            </Field>
          ) : null}
          {type === 'rescinds' || type === 'amends' ? (
            <Field id="live-decision-refers" label="Earlier decision number">
              <input
                id="live-decision-refers"
                type="text"
                value={refersTo}
                placeholder="SOB/2026/014"
                onChange={(event) => setRefersTo(event.target.value)}
              />
            </Field>
          ) : null}
          <Field id="live-vote-method" label="Vote">
            <select
              id="live-vote-method"
              value={method}
              onChange={(event) => setMethod(VOTE_METHODS.find((option) => option === event.target.value) ?? 'none')}
            >
              <option value="none">No vote taken</option>
              <option value="consensus">By consensus</option>
              <option value="show-of-hands">Show of hands</option>
            </select>
          </Field>
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
                <Field id="live-vote-casting" label="Chair’s casting vote">
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
                </Field>
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
      {decision.isWithdrawn ? <StatusTag tone="left"> Withdrawn: recorded in error</StatusTag> : null}
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
