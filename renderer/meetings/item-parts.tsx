import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import {
  type AgendaItem,
  type Board,
  type JudgementTarget,
  type Meeting,
  type MeetingRecord,
  type TermsOfReference,
} from '../../shared/meetings/schema';
import type { PlanTarget } from './use-meetings';
import { FormError } from '../components/form-error';

// What every part of a live agenda item is built from: its props, a titled part, a remove
// button, the one-line form that returns focus for the next entry, and the plan target picker.

export type ItemProps = {
  meeting: Meeting;
  item: AgendaItem;
  records: MeetingRecord[];
  board: Board | null;
  terms: TermsOfReference;
  targets: readonly PlanTarget[];
  isLocked: boolean;
};

export function recordBase(meetingId: string) {
  const now = new Date().toISOString();
  return { id: crypto.randomUUID(), meetingId, createdAt: now, updatedAt: now, chain: null };
}

export function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="item-part">
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export function RemoveButton({ label, onClick, children = 'Remove' }: { label: string; onClick: () => void; children?: ReactNode }) {
  return (
    <button type="button" className="secondary small" aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}

/** A one-line form: Enter adds, then focus goes back to its first field for the next entry. */
export function QuickForm({
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
      <FormError message={error} />
    </form>
  );
}

export function targetOptions(item: AgendaItem, targets: readonly PlanTarget[]) {
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

export function TargetSelect({
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

export function toTarget(value: string, targets: readonly PlanTarget[], planId: string): JudgementTarget | null {
  const found = targets.find((target) => `${target.kind}:${target.id}` === value);
  return found ? { kind: found.kind, planId, id: found.id, label: found.label } : null;
}
