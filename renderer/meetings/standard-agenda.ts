import type { AgendaItem } from '../../shared/meetings/schema';

// The typical agenda of a board meeting (the domain brief), for a meeting set up by hand.

const STANDARD: ReadonlyArray<[title: string, presenter: string, isDecisionRequired: boolean]> = [
  ['Welcome and apologies', 'Chair', false],
  ['Declarations of interest', 'Chair', false],
  ['Minutes and action log of the previous meeting', 'Chair', true],
  ['Performance dashboard: EHC timeliness and key measures', '', false],
  ['Plan status report by area', '', true],
  ['Deep dive', '', true],
  ['Risks and escalations', '', true],
  ['Any other business', 'Chair', false],
];

/** A fresh copy of the standard agenda, with new item ids. */
export function standardAgenda(newId: () => string = () => crypto.randomUUID()): AgendaItem[] {
  return STANDARD.map(([title, presenter, isDecisionRequired], index) => ({
    id: newId(),
    number: String(index + 1),
    title,
    presenter,
    isExempt: false,
    isDecisionRequired,
    links: [],
  }));
}
