import type { ComponentPropsWithoutRef } from 'react';

/** The little a plan choice needs of a plan: its id and its title. */
export type PlanChoice = { id: string; header: { title: string } };

type PlanSelectProps = Omit<ComponentPropsWithoutRef<'select'>, 'children'> & {
  /** The plans on this laptop; undefined while they load (only "No plan" is offered then). */
  plans: readonly PlanChoice[] | undefined;
  /** The first option's words, whose value is the empty string. */
  noneLabel?: string;
};

/**
 * A choice of plan, "No plan" first. The label stays with the caller (it sits in the caller's
 * form grid); the rest of the select's attributes pass through, so it serves a controlled select
 * (value, onChange) and a form's uncontrolled one (name, defaultValue) alike.
 */
export function PlanSelect({ plans, noneLabel = 'No plan', ...select }: PlanSelectProps) {
  return (
    <select {...select}>
      <option value="">{noneLabel}</option>
      {plans?.map((plan) => (
        <option key={plan.id} value={plan.id}>
          {plan.header.title}
        </option>
      ))}
    </select>
  );
}
