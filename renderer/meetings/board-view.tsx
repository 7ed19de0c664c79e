import { useId, useRef, useState } from 'react';
import { isValidDecisionPattern, nextDecisionNumber } from '../../shared/meetings/numbering';
import { MAJORITY_RULES, type Board, type BoardMember, type TermsOfReference } from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { hrefFor } from '../app/router';
import { isSampleBoard } from '../removal/sample';
import { RemoveBoardButton } from '../removal/remove-buttons';
import { SampleTag } from '../removal/sample-tag';
import { BoardSwitcher } from './board-switcher';
import { InlineText } from './inline-text';
import { MAJORITY_LABELS } from './labels';
import { RadioGroup } from '../components/radio-group';
import { DataTable, type DataTableColumn } from '../components/data-table';
import { updateBoard, type BoardChange } from './meeting-repository';
import { SaveProvider, SaveStatus, useSave } from './save-status';
import { useBoard, useMeetings } from './use-meetings';
import './meetings.css';
import { ViewTitle } from '../components/view-title';
import { CheckField, CheckFields, Field, TextField } from '../components/field';
import { usePlans } from '../hooks/use-plan-data';
import { QuickForm, useQuickEntry } from '../components/quick-form';

/** The board register (members, organisations, who votes, substitutes) and the terms of reference. */
export function BoardView() {
  const board = useBoard();
  const meetings = useMeetings();
  const plans = usePlans();
  return (
    <SaveProvider>
      <section aria-labelledby="view-title">
        <p className="breadcrumb">
          <a href={hrefFor('/meetings')}>Meetings</a>
        </p>
        <ViewTitle>Board register and terms of reference</ViewTitle>
        <BoardSwitcher />
        {board && isSampleBoard(board) ? (
          <p>
            {board.name}
            <SampleTag />
          </p>
        ) : null}
        <SaveStatus />
        {board === undefined ? <p>Loading…</p> : <BoardForms board={board} />}
        {board ? (
          <section aria-labelledby="remove-board-title" className="danger-zone">
            <h2 id="remove-board-title">Remove this board</h2>
            <RemoveBoardButton boardId={board.id} name={board.name} meetings={meetings?.length ?? 0} plans={plans?.length ?? 0} />
          </section>
        ) : null}
      </section>
    </SaveProvider>
  );
}

function BoardForms({ board }: { board: Board | null }) {
  const { db } = useServices();
  const save = useSave();
  const change = (changeOf: BoardChange | ((current: Board) => BoardChange)) => void save(() => updateBoard(db, changeOf));
  const members = board?.members ?? [];
  const organisations = [...new Set(members.map((member) => member.organisation))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  return (
    <>
      <div className="form-grid">
        <InlineText id="board-name" label="Board name" value={board?.name ?? 'SEND Oversight Board'} onSave={(name) => change({ name })} />
      </div>
      <datalist id="board-organisations">
        {organisations.map((organisation) => (
          <option key={organisation} value={organisation} />
        ))}
      </datalist>
      <Register members={members} onChange={change} />
      {board ? (
        <Terms
          board={board}
          organisations={organisations}
          onChange={(termsOf) => change((current) => ({ terms: termsOf(current.terms) }))}
        />
      ) : null}
    </>
  );
}

function replaceMember(id: string, patch: Partial<BoardMember>) {
  return (current: Board): BoardChange => ({
    members: current.members.map((member) => (member.id === id ? { ...member, ...patch } : member)),
  });
}

const REGISTER_COLUMNS: readonly DataTableColumn[] = [
  'Name',
  'Role',
  'Organisation',
  'Votes',
  'Substitute for',
  { label: 'Remove', isHidden: true },
];

function Register({ members, onChange }: { members: BoardMember[]; onChange: (changeOf: (current: Board) => BoardChange) => void }) {
  const nameOf = (id: string | null) => members.find((member) => member.id === id)?.name ?? '';
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">Register</h2>
      <p className="muted">
        Advisers (for example from the DfE and NHS England) sit on the board but do not vote. A named substitute votes only when standing in
        for their member.
      </p>
      <DataTable
        caption="Members of the board"
        isCaptionHidden
        className="register-table"
        columns={REGISTER_COLUMNS}
        rows={members}
        empty="Nobody is on the register yet. Add the members below."
      >
        {(member) => (
          <tr key={member.id}>
            <td>
              <InlineText
                id={`member-${member.id}-name`}
                label={`Name of ${member.name}`}
                isLabelHidden
                value={member.name}
                onSave={(name) => name.trim() && onChange(replaceMember(member.id, { name: name.trim() }))}
              />
            </td>
            <td>
              <InlineText
                id={`member-${member.id}-role`}
                label={`Role of ${member.name}`}
                isLabelHidden
                value={member.role}
                size={30}
                onSave={(role) => onChange(replaceMember(member.id, { role: role.trim() }))}
              />
            </td>
            <td>
              <InlineText
                id={`member-${member.id}-organisation`}
                label={`Organisation of ${member.name}`}
                isLabelHidden
                list="board-organisations"
                value={member.organisation}
                onSave={(organisation) => organisation.trim() && onChange(replaceMember(member.id, { organisation: organisation.trim() }))}
              />
            </td>
            <td>
              <label className="check">
                <input
                  type="checkbox"
                  checked={member.isVoting}
                  onChange={(event) => onChange(replaceMember(member.id, { isVoting: event.target.checked }))}
                />
                <span className="visually-hidden">{member.name} votes</span>
                <span aria-hidden="true">{member.isVoting ? 'Votes' : 'Does not vote'}</span>
              </label>
            </td>
            <td>
              <label htmlFor={`member-${member.id}-substitute`} className="visually-hidden">
                {member.name} is a substitute for
              </label>
              <select
                id={`member-${member.id}-substitute`}
                value={member.substituteForId ?? ''}
                onChange={(event) => onChange(replaceMember(member.id, { substituteForId: event.target.value || null }))}
              >
                <option value="">Not a substitute</option>
                {members
                  .filter((other) => other.id !== member.id && other.substituteForId === null)
                  .map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.name}
                    </option>
                  ))}
              </select>
            </td>
            <td>
              <button
                type="button"
                className="secondary"
                aria-label={`Remove ${member.name} from the register`}
                onClick={() =>
                  onChange((current) => ({
                    members: current.members
                      .filter((other) => other.id !== member.id)
                      .map((other) => (other.substituteForId === member.id ? { ...other, substituteForId: null } : other)),
                  }))
                }
              >
                Remove
              </button>
            </td>
          </tr>
        )}
      </DataTable>
      <AddMember members={members} nameOf={nameOf} onAdd={(member) => onChange((current) => ({ members: [...current.members, member] }))} />
    </section>
  );
}

function AddMember({
  members,
  nameOf,
  onAdd,
}: {
  members: BoardMember[];
  nameOf: (id: string | null) => string;
  onAdd: (member: BoardMember) => void;
}) {
  const formId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const { fields, set, error, refuse, take } = useQuickEntry({ name: '', role: '', organisation: '', isVoting: true, substituteForId: '' });
  function onSubmit(): Promise<boolean> | false {
    const name = fields.name.trim();
    const organisation = fields.organisation.trim();
    if (!name || !organisation) {
      nameRef.current?.focus();
      return refuse(!name ? 'Give the member’s name.' : 'Give the member’s organisation (council group, ICB, parent carer forum, …).');
    }
    onAdd({
      id: crypto.randomUUID(),
      name,
      role: fields.role.trim(),
      organisation,
      isVoting: fields.isVoting,
      substituteForId: fields.substituteForId || null,
    });
    return take();
  }
  return (
    <QuickForm
      title="Add a member"
      headingLevel={3}
      isTitleVisible
      onSubmit={onSubmit}
      firstFieldRef={nameRef}
      error={error}
      submitLabel="Add member"
    >
      <TextField id={`${formId}-name`} label="Name" inputRef={nameRef} value={fields.name} onChange={(name) => set({ name })} />
      <TextField id={`${formId}-role`} label="Role" value={fields.role} onChange={(role) => set({ role })} />
      <TextField
        id={`${formId}-organisation`}
        label="Organisation"
        list="board-organisations"
        value={fields.organisation}
        onChange={(organisation) => set({ organisation })}
      />
      <CheckFields>
        <CheckField label="Votes" checked={fields.isVoting} onChange={(isVoting) => set({ isVoting })} />
      </CheckFields>
      <Field id={`${formId}-substitute`} label="Substitute for">
        <select
          id={`${formId}-substitute`}
          value={fields.substituteForId}
          onChange={(event) => set({ substituteForId: event.target.value })}
        >
          <option value="">Not a substitute</option>
          {members
            .filter((member) => member.substituteForId === null)
            .map((member) => (
              <option key={member.id} value={member.id}>
                {nameOf(member.id)}
              </option>
            ))}
        </select>
      </Field>
    </QuickForm>
  );
}

function Terms({
  board,
  organisations,
  onChange,
}: {
  board: Board;
  organisations: string[];
  onChange: (termsOf: (current: TermsOfReference) => TermsOfReference) => void;
}) {
  const { terms } = board;
  const [patternDraft, setPatternDraft] = useState<string | null>(null);
  const [scaleDraft, setScaleDraft] = useState<string | null>(null);
  const pattern = patternDraft ?? terms.decisionPattern;
  const isPatternValid = isValidDecisionPattern(pattern);
  const year = new Date().getFullYear();
  const scaleLevels = (scaleDraft ?? terms.assuranceScale.join('\n'))
    .split('\n')
    .map((level) => level.trim())
    .filter((level) => level !== '');
  const required = new Set(terms.quorum.requiredOrganisations);
  const allOrganisations = [...new Set([...organisations, ...terms.quorum.requiredOrganisations])];

  return (
    <section aria-labelledby="terms-title">
      <h2 id="terms-title">Terms of reference</h2>
      <div className="form-grid">
        <label htmlFor="terms-quorum">Quorum: at least this many voting members present</label>
        <input
          id="terms-quorum"
          type="number"
          min={1}
          max={100}
          value={terms.quorum.minVoting}
          onChange={(event) => {
            const minVoting = Number(event.target.value);
            if (Number.isInteger(minVoting) && minVoting >= 1 && minVoting <= 100)
              onChange((current) => ({ ...current, quorum: { ...current.quorum, minVoting } }));
          }}
        />
      </div>
      <fieldset className="terms-fieldset">
        <legend>And at least one voting member from each of these organisations</legend>
        {allOrganisations.length === 0 ? <p className="muted">Add members to the register to choose from their organisations.</p> : null}
        {allOrganisations.map((organisation) => (
          <label key={organisation} className="check check-line">
            <input
              type="checkbox"
              checked={required.has(organisation)}
              onChange={(event) => {
                // Read now: the change is applied to the board as stored, a moment later.
                const isChecked = event.target.checked;
                onChange((current) => ({
                  ...current,
                  quorum: {
                    ...current.quorum,
                    requiredOrganisations: isChecked
                      ? [...current.quorum.requiredOrganisations, organisation]
                      : current.quorum.requiredOrganisations.filter((other) => other !== organisation),
                  },
                }));
              }}
            />{' '}
            {organisation}
            {organisations.includes(organisation) ? '' : ' (nobody on the register)'}
          </label>
        ))}
      </fieldset>
      <RadioGroup
        className="terms-fieldset"
        legend="Majority needed to carry a vote"
        name="majority"
        optionClassName="check check-line"
        options={MAJORITY_RULES.map((rule) => ({ value: rule, label: MAJORITY_LABELS[rule] }))}
        value={terms.majority}
        onChange={(majority) => onChange((current) => ({ ...current, majority }))}
      >
        <label className="check check-line">
          <input
            type="checkbox"
            checked={terms.hasCastingVote}
            onChange={(event) => {
              const hasCastingVote = event.target.checked;
              onChange((current) => ({ ...current, hasCastingVote }));
            }}
          />{' '}
          The chair has a casting vote on a tie (simple majority only)
        </label>
      </RadioGroup>
      <div className="form-grid">
        <label htmlFor="terms-pattern">Decision numbering pattern</label>
        <span>
          <input
            id="terms-pattern"
            type="text"
            value={pattern}
            aria-describedby="terms-pattern-help"
            aria-invalid={!isPatternValid}
            onChange={(event) => setPatternDraft(event.target.value)}
            onBlur={() => {
              if (patternDraft !== null && isValidDecisionPattern(patternDraft))
                onChange((current) => ({ ...current, decisionPattern: patternDraft.trim() }));
              if (patternDraft === null || isValidDecisionPattern(patternDraft)) setPatternDraft(null);
            }}
          />
          <span id="terms-pattern-help" className={isPatternValid ? 'field-help' : 'field-help error-text'}>
            {isPatternValid
              ? `{yyyy} is the meeting’s year, {nnn} the number in sequence. Next this year: ${nextDecisionNumber(pattern, year, board.decisionCounters).number}. Numbers already given never change.`
              : 'The pattern needs one sequence number such as {nnn}, and may use {yyyy} or {yy}: for example SOB/{yyyy}/{nnn}.'}
          </span>
        </span>
        <label htmlFor="terms-scale">Assurance scale, best first, one level a line</label>
        <span>
          <textarea
            id="terms-scale"
            rows={4}
            value={scaleDraft ?? terms.assuranceScale.join('\n')}
            aria-describedby="terms-scale-help"
            onChange={(event) => setScaleDraft(event.target.value)}
            onBlur={() => {
              if (scaleDraft !== null && scaleLevels.length >= 2)
                onChange((current) => ({ ...current, assuranceScale: [...new Set(scaleLevels)] }));
              if (scaleLevels.length >= 2) setScaleDraft(null);
            }}
          />
          <span id="terms-scale-help" className={scaleLevels.length >= 2 ? 'field-help' : 'field-help error-text'}>
            {scaleLevels.length >= 2
              ? 'Judgements already recorded keep the level they were given.'
              : 'The scale needs at least two levels.'}
          </span>
        </span>
      </div>
    </section>
  );
}
