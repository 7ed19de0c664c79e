import type { FieldChange } from '../../shared/plan/diff';

// How a note's target moved after the note was written, in the words a councillor would use.

const MOVES: Array<{ fields: string[]; words: string }> = [
  { fields: ['dueDate', 'revisedDueDate'], words: 'the due date moved' },
  { fields: ['deliveryRag'], words: 'the delivery RAG changed' },
  { fields: ['impactRag'], words: 'the impact RAG changed' },
  { fields: ['status'], words: 'the status changed' },
  { fields: ['updates'], words: 'a progress update came in' },
  { fields: ['series'], words: 'new figures came in' },
  { fields: ['targets'], words: 'the targets changed' },
  { fields: ['achievedOn'], words: 'the milestone was marked achieved' },
  { fields: ['title', 'description', 'successCriteria'], words: 'its wording changed' },
  { fields: ['leadId', 'sroId'], words: 'its lead changed' },
];

/** "Written before the due date moved and the delivery RAG changed", or null when nothing moved. */
export function describeTargetMoves(changes: ReadonlyArray<{ fields: readonly FieldChange[] }>): string | null {
  const changed = new Set(changes.flatMap((change) => change.fields.map((field) => field.field)));
  if (changed.size === 0) return null;
  const words = MOVES.filter((move) => move.fields.some((field) => changed.has(field))).map((move) => move.words);
  if (words.length === 0) return 'Written before this item last changed';
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return `Written before ${list}`;
}
