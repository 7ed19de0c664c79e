import { type ReactNode, type RefObject } from 'react';
import {
  type AgendaItem,
  type Board,
  type JudgementTarget,
  type Meeting,
  type MeetingRecord,
  type TermsOfReference,
} from '../../shared/meetings/schema';
import type { PlanTarget } from './use-meetings';

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
