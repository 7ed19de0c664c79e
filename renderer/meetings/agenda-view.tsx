import { useId, useRef, useState, type FormEvent } from 'react';
import { duplicateNumbers, isOutOfSequence, renumbered } from '../../shared/meetings/agenda-numbers';
import { EXEMPT_PARAGRAPHS } from '../../shared/meetings/exempt-paragraphs';
import type { AgendaItem, Meeting, Officer, PlanLink } from '../../shared/meetings/schema';
import { useServices } from '../app/context';
import { hrefFor, navigate } from '../app/router';
import { formatDate } from '../format';
import { usePlans } from '../hooks/use-plan-data';
import { SampleTag } from '../removal/sample-tag';
import { SAMPLE_MEETING_ID } from './sample-board';
import { InlineText } from './inline-text';
import { deleteDraftMeeting, updateMeeting } from './meeting-repository';
import { useRemoveAgendaItem } from './use-undoable-removal';
import { describeError, SaveProvider, SaveStatus, useSave } from './save-status';
import { useMeeting, usePlanTargets, type PlanTarget } from './use-meetings';
import './meetings.css';
import { NotOnThisLaptop } from '../components/not-on-laptop';
import { FormError } from '../components/form-error';
import { ViewTitle } from '../components/view-title';
import { CheckField, CheckFields, TextField } from '../components/field';
import { ConfirmBox } from '../components/confirm-action';
import { PlanSelect } from '../components/plan-select';
import { QuickForm, useQuickEntry } from '../components/quick-form';

/** Setting up a meeting: date, time, place, the plan it reviews, and its agenda items. */
export function AgendaView({ meetingId }: { meetingId: string | undefined }) {
  const meeting = useMeeting(meetingId);
  return (
    <SaveProvider>
      <section aria-labelledby="view-title">
        <p className="breadcrumb">
          <a href={hrefFor('/meetings')}>Meetings</a>
        </p>
        <ViewTitle>{meeting ? `Agenda: meeting of ${formatDate(meeting.date)}` : 'Agenda'}</ViewTitle>
        {meeting?.id === SAMPLE_MEETING_ID ? (
          <p>
            <span dir="auto">{meeting.title}</span>
            <SampleTag />
          </p>
        ) : null}
        {meeting === undefined ? <p>Loading…</p> : null}
        {meeting === null ? <NotOnThisLaptop thing="meeting" /> : null}
        {meeting ? <AgendaForms meeting={meeting} /> : null}
      </section>
    </SaveProvider>
  );
}

function AgendaForms({ meeting }: { meeting: Meeting }) {
  const { db } = useServices();
  const save = useSave();
  const plans = usePlans();
  const targets = usePlanTargets(meeting.planId);
  const isLocked = meeting.status !== 'draft';
  const change = (patch: Parameters<typeof updateMeeting>[2]) => void save(() => updateMeeting(db, meeting.id, patch));
  const setItems = (agenda: AgendaItem[]) => change({ agenda });
  const removeItem = useRemoveAgendaItem(meeting.id);

  return (
    <>
      {isLocked ? (
        <p className="locked-banner" role="note">
          These minutes are approved and locked: the agenda can no longer be changed.
        </p>
      ) : (
        <p>
          <a className="button-link" href={hrefFor('/meetings/live', { meeting: meeting.id })}>
            Run the meeting
          </a>
        </p>
      )}
      <SaveStatus />
      <h2>Details</h2>
      <div className="form-grid">
        <InlineText
          id="meeting-title"
          label="Meeting title"
          value={meeting.title}
          isDisabled={isLocked}
          onSave={(title) => title.trim() && change({ title: title.trim() })}
        />
        <InlineText
          id="meeting-date"
          label="Date"
          type="date"
          value={meeting.date}
          isDisabled={isLocked}
          onSave={(date) => date && change({ date })}
        />
        <InlineText
          id="meeting-time"
          label="Time"
          type="time"
          value={meeting.time}
          isDisabled={isLocked}
          onSave={(time) => time && change({ time })}
        />
        <InlineText
          id="meeting-place"
          label="Place"
          value={meeting.place}
          isDisabled={isLocked}
          onSave={(place) => change({ place: place.trim() })}
        />
        <InlineText
          id="meeting-started"
          label="Started at (as minuted)"
          type="time"
          value={meeting.startedAt ?? ''}
          isDisabled={isLocked}
          onSave={(time) => change({ startedAt: time || undefined })}
        />
        <InlineText
          id="meeting-closed"
          label="Closed at (as minuted)"
          type="time"
          value={meeting.closedAt ?? ''}
          isDisabled={isLocked}
          onSave={(time) => change({ closedAt: time || undefined })}
        />
        <label htmlFor="meeting-plan">Plan under review</label>
        <PlanSelect
          id="meeting-plan"
          plans={plans}
          value={meeting.planId ?? ''}
          disabled={isLocked}
          onChange={(event) => change({ planId: event.target.value || null })}
        />
      </div>
      {meeting.carriedActions.length > 0 ? (
        <p className="muted">
          {meeting.carriedActions.length} open {meeting.carriedActions.length === 1 ? 'action is' : 'actions are'} carried forward from
          earlier meetings to this meeting’s action log.
        </p>
      ) : null}
      <Officers meeting={meeting} isLocked={isLocked} onChange={(officers) => change({ officers })} />
      <h2>Agenda items</h2>
      {meeting.agenda.length === 0 ? <p className="empty-state">No items yet. Add the first below.</p> : null}
      {isLocked ? null : <NumberingNotice agenda={meeting.agenda} onRenumber={() => setItems(renumbered(meeting.agenda))} />}
      <ol className="agenda-list">
        {meeting.agenda.map((item, index) => (
          <AgendaRow
            key={item.id}
            item={item}
            index={index}
            count={meeting.agenda.length}
            targets={targets ?? []}
            isLocked={isLocked}
            onChange={(patch) => setItems(meeting.agenda.map((other) => (other.id === item.id ? { ...other, ...patch } : other)))}
            onMove={(offset) => {
              const next = [...meeting.agenda];
              const [moved] = next.splice(index, 1);
              if (moved) next.splice(index + offset, 0, moved);
              setItems(next);
            }}
            onRemove={() => void removeItem(meeting.agenda, item.id)}
          />
        ))}
      </ol>
      {isLocked ? null : <AddItem nextNumber={String(meeting.agenda.length + 1)} onAdd={(item) => setItems([...meeting.agenda, item])} />}
      {isLocked ? null : <DeleteMeeting meeting={meeting} />}
    </>
  );
}

/** Offers to renumber when the items are out of order, and warns when two share a number. */
function NumberingNotice({ agenda, onRenumber }: { agenda: readonly AgendaItem[]; onRenumber: () => void }) {
  const duplicates = duplicateNumbers(agenda);
  if (!isOutOfSequence(agenda)) return null;
  return (
    <div className="warning" role="status" data-testid="numbering-notice">
      {duplicates.length > 0 ? (
        <p>
          {duplicates.length === 1 ? 'Number' : 'Numbers'} {duplicates.join(', ')} {duplicates.length === 1 ? 'is' : 'are'} used by more
          than one item: the minutes would not say which item a decision belongs to.
        </p>
      ) : (
        <p>The items are not numbered 1 to {agenda.length} in the order they stand.</p>
      )}
      <button type="button" className="secondary" onClick={onRenumber}>
        Renumber the items 1 to {agenda.length}
      </button>
    </div>
  );
}

/** Officers in attendance at this meeting (not board members): name and role, as the minutes list them. */
function Officers({ meeting, isLocked, onChange }: { meeting: Meeting; isLocked: boolean; onChange: (officers: Officer[]) => void }) {
  const formId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const officers = meeting.officers ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim() || !role.trim()) {
      setError(!name.trim() ? 'Give the officer’s name.' : 'Give the officer’s role.');
      return;
    }
    onChange([...officers, { id: crypto.randomUUID(), name: name.trim(), role: role.trim() }]);
    setName('');
    setRole('');
    setError(null);
    nameRef.current?.focus();
  }

  return (
    <>
      <h2 id={`${formId}-title`}>Officers in attendance</h2>
      <p className="muted">
        Council and partner officers at the meeting who are not board members. The minutes list them by name and role.
      </p>
      {officers.length === 0 ? <p className="empty-state">None yet.</p> : null}
      <ul className="officer-list" aria-labelledby={`${formId}-title`}>
        {officers.map((officer) => (
          <li key={officer.id}>
            {officer.name} ({officer.role}){' '}
            {isLocked ? null : (
              <button
                type="button"
                className="secondary"
                aria-label={`Remove ${officer.name}`}
                onClick={() => onChange(officers.filter((other) => other.id !== officer.id))}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {isLocked ? null : (
        <form onSubmit={onSubmit} noValidate aria-label="Add an officer in attendance" className="inline-form">
          <label htmlFor={`${formId}-name`}>Officer’s name</label>
          <input id={`${formId}-name`} ref={nameRef} type="text" value={name} onChange={(event) => setName(event.target.value)} />
          <label htmlFor={`${formId}-role`}>Officer’s role</label>
          <input id={`${formId}-role`} type="text" value={role} onChange={(event) => setRole(event.target.value)} />
          <button type="submit">Add officer</button>
          <FormError message={error} />
        </form>
      )}
    </>
  );
}

function targetLabel(link: PlanLink, targets: readonly PlanTarget[]): string {
  return (
    targets.find((target) => target.kind === link.kind && target.id === link.id)?.label ??
    `${link.kind === 'area' ? 'Area' : 'Action'} ${link.id} (not in the plan)`
  );
}

function AgendaRow({
  item,
  index,
  count,
  targets,
  isLocked,
  onChange,
  onMove,
  onRemove,
}: {
  item: AgendaItem;
  index: number;
  count: number;
  targets: readonly PlanTarget[];
  isLocked: boolean;
  onChange: (patch: Partial<AgendaItem>) => void;
  onMove: (offset: number) => void;
  onRemove: () => void;
}) {
  const prefix = `item-${item.id}`;
  const name = `item ${item.number}`;
  const linked = new Set(item.links.map((link) => `${link.kind}:${link.id}`));
  return (
    <li className={`agenda-row${item.isExempt ? ' is-exempt' : ''}`}>
      <div className="agenda-fields">
        <span className="field field-number">
          <InlineText
            id={`${prefix}-number`}
            label="Number"
            value={item.number}
            isDisabled={isLocked}
            size={4}
            onSave={(number) => number.trim() && onChange({ number: number.trim() })}
          />
        </span>
        <span className="field field-wide">
          <InlineText
            id={`${prefix}-title`}
            label={`Title of ${name}`}
            value={item.title}
            isDisabled={isLocked}
            onSave={(title) => title.trim() && onChange({ title: title.trim() })}
          />
        </span>
        <span className="field">
          <InlineText
            id={`${prefix}-presenter`}
            label="Presenter (role)"
            value={item.presenter}
            isDisabled={isLocked}
            onSave={(presenter) => onChange({ presenter: presenter.trim() })}
          />
        </span>
        <span className="field field-check">
          <label className="check">
            <input
              type="checkbox"
              checked={item.isExempt}
              disabled={isLocked}
              onChange={(event) => onChange({ isExempt: event.target.checked })}
            />{' '}
            Exempt
            <span className="visually-hidden"> ({name})</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={item.isDecisionRequired}
              disabled={isLocked}
              onChange={(event) => onChange({ isDecisionRequired: event.target.checked })}
            />{' '}
            Decision required<span className="visually-hidden"> ({name})</span>
          </label>
        </span>
      </div>
      {item.isExempt ? (
        <div className="exempt-tag">
          <p>Exempt: confidential, kept out of published exports</p>
          <label htmlFor={`${prefix}-paragraph`}>Press and public excluded under Schedule 12A, paragraph ({name})</label>{' '}
          <select
            id={`${prefix}-paragraph`}
            value={item.exemptParagraph === undefined ? '' : String(item.exemptParagraph)}
            disabled={isLocked}
            onChange={(event) => onChange({ exemptParagraph: event.target.value ? Number(event.target.value) : undefined })}
          >
            <option value="">Not yet chosen</option>
            {EXEMPT_PARAGRAPHS.map((entry) => (
              <option key={entry.paragraph} value={entry.paragraph}>
                {entry.paragraph}: {entry.summary}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="agenda-links">
        <span className="links-title">Linked plan areas and actions:</span>
        {item.links.length === 0 ? <span className="muted"> none</span> : null}
        <ul className="chip-list">
          {item.links.map((link) => (
            <li key={`${link.kind}:${link.id}`} className="chip">
              {targetLabel(link, targets)}
              {isLocked ? null : (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Unlink ${targetLabel(link, targets)} from ${name}`}
                  onClick={() => onChange({ links: item.links.filter((other) => other.kind !== link.kind || other.id !== link.id) })}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {isLocked || targets.length === 0 ? null : (
          <>
            <label htmlFor={`${prefix}-link`} className="visually-hidden">
              Link an area or action to {name}
            </label>
            <select
              id={`${prefix}-link`}
              value=""
              onChange={(event) => {
                const [kind, id] = event.target.value.split(':', 2);
                if ((kind === 'area' || kind === 'action') && id) onChange({ links: [...item.links, { kind, id }] });
              }}
            >
              <option value="">Link an area or action…</option>
              {targets
                .filter((target) => !linked.has(`${target.kind}:${target.id}`))
                .map((target) => (
                  <option key={`${target.kind}:${target.id}`} value={`${target.kind}:${target.id}`}>
                    {target.label}
                  </option>
                ))}
            </select>
          </>
        )}
      </div>
      {isLocked ? null : (
        <div className="row-buttons">
          <button type="button" className="secondary" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${name} up`}>
            Up
          </button>
          <button
            type="button"
            className="secondary"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move ${name} down`}
          >
            Down
          </button>
          <button type="button" className="secondary" onClick={onRemove} aria-label={`Remove ${name}`}>
            Remove
          </button>
        </div>
      )}
    </li>
  );
}

function AddItem({ nextNumber, onAdd }: { nextNumber: string; onAdd: (item: AgendaItem) => void }) {
  const formId = useId();
  const titleRef = useRef<HTMLInputElement>(null);
  const { fields, set, error, refuse, take } = useQuickEntry({
    number: '',
    title: '',
    presenter: '',
    isExempt: false,
    isDecisionRequired: false,
  });
  function onSubmit(): Promise<boolean> | false {
    const title = fields.title.trim();
    if (!title) {
      titleRef.current?.focus();
      return refuse('Give the item a title.');
    }
    onAdd({
      id: crypto.randomUUID(),
      number: fields.number.trim() || nextNumber,
      title,
      presenter: fields.presenter.trim(),
      isExempt: fields.isExempt,
      isDecisionRequired: fields.isDecisionRequired,
      links: [],
    });
    return take();
  }
  return (
    <QuickForm
      title="Add an item"
      headingLevel={3}
      isTitleVisible
      onSubmit={onSubmit}
      firstFieldRef={titleRef}
      error={error}
      submitLabel="Add item"
    >
      <TextField
        id={`${formId}-number`}
        label="Number"
        className="field-number"
        size={4}
        placeholder={nextNumber}
        value={fields.number}
        onChange={(number) => set({ number })}
      />
      <TextField
        id={`${formId}-item-title`}
        label="Title"
        className="field-wide"
        inputRef={titleRef}
        value={fields.title}
        onChange={(title) => set({ title })}
      />
      <TextField
        id={`${formId}-presenter`}
        label="Presenter (role)"
        value={fields.presenter}
        onChange={(presenter) => set({ presenter })}
      />
      <CheckFields>
        <CheckField label="Exempt" checked={fields.isExempt} onChange={(isExempt) => set({ isExempt })} />
        <CheckField
          label="Decision required"
          checked={fields.isDecisionRequired}
          onChange={(isDecisionRequired) => set({ isDecisionRequired })}
        />
      </CheckFields>
    </QuickForm>
  );
}

function DeleteMeeting({ meeting }: { meeting: Meeting }) {
  const { db } = useServices();
  const [isConfirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="delete-meeting-title" className="danger-zone">
      <h2 id="delete-meeting-title">Delete this draft meeting</h2>
      {isConfirming ? (
        <ConfirmBox
          label="Confirm deletion"
          question={`Delete the draft meeting of ${formatDate(meeting.date)} and everything recorded for it? This cannot be undone.`}
          confirmLabel={`Yes, delete the meeting of ${formatDate(meeting.date)}`}
          onConfirm={() =>
            void deleteDraftMeeting(db, meeting.id).then(
              () => navigate('/meetings'),
              (caught: unknown) => setError(describeError(caught)),
            )
          }
          onKeep={() => setConfirming(false)}
        />
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          Delete this meeting…
        </button>
      )}
      <FormError message={error} />
    </section>
  );
}
