// Status and delivery-RAG words as trackers write them. Read leniently ("On track", "G",
// "Completed") because each council has its own wording, but never guess between two
// colours: a cell naming two ("Amber/Red") is read as the worse, and the caller says so.

import type { ActionStatus, Rag } from '../plan/schema';

function words(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const RAG_PHRASES: ReadonlyArray<readonly [RegExp, Rag]> = [
  [/^(b|blue|complete|completed|done|achieved|delivered|closed|finished|complete blue|blue complete)$/, 'blue'],
  [/^(g|green|on track|on target|on schedule|good progress|progressing well|green on track)$/, 'green'],
  [
    /^(a|amber|at risk|some slippage|slippage|slipping|minor (delay|delays|slippage)|partially on track|some risk|amber at risk|behind schedule slightly)$/,
    'amber',
  ],
  [
    /^(r|red|off track|significantly off track|not on track|delayed|behind|behind schedule|overdue|significant (delay|delays|slippage)|red off track|major (delay|delays))$/,
    'red',
  ],
  [/^(grey|gray|not started|not yet started|not due|not yet due|yet to start|pre start|grey not started|gray not started)$/, 'grey'],
];

const COLOUR_WORDS: ReadonlyArray<readonly [string, Rag]> = [
  ['blue', 'blue'],
  ['green', 'green'],
  ['amber', 'amber'],
  ['red', 'red'],
  ['grey', 'grey'],
  ['gray', 'grey'],
];

// Worse first: a two-colour cell is read as the worse of the two.
const SEVERITY: readonly Rag[] = ['red', 'amber', 'green', 'blue', 'grey'];

/** A delivery RAG from a cell, `isCompound` when the cell named two colours; null when unrecognised. */
export function parseRag(raw: string): { rag: Rag; isCompound: boolean } | null {
  const text = words(raw);
  if (text === '') return null;
  for (const [pattern, rag] of RAG_PHRASES) if (pattern.test(text)) return { rag, isCompound: false };
  const tokens = text.split(' ');
  const colours = new Set<Rag>();
  for (const token of tokens) {
    const colour = COLOUR_WORDS.find(([word]) => word === token)?.[1];
    if (colour !== undefined) colours.add(colour);
  }
  if (colours.size === 0) {
    // "R - behind on recruitment": a single letter first, then an explanation.
    const letter = /^([ragb])\b/.exec(text)?.[1];
    const byLetter: Record<string, Rag> = { r: 'red', a: 'amber', g: 'green', b: 'blue' };
    if (letter !== undefined && tokens.length > 1 && tokens.length <= 12) {
      const rag = byLetter[letter];
      if (rag !== undefined) return { rag, isCompound: false };
    }
    return null;
  }
  const worst = SEVERITY.find((rag) => colours.has(rag));
  return worst === undefined ? null : { rag: worst, isCompound: colours.size > 1 };
}

const STATUS_PHRASES: ReadonlyArray<readonly [RegExp, ActionStatus]> = [
  [
    /^(withdrawn|cancelled|canceled|superseded|removed|deleted|no longer (required|needed)|stopped|closed withdrawn|withdrawn superseded|merged|merged with .*|replaced|replaced by .*|superseded by .*)$/,
    'withdrawn',
  ],
  [
    /^(embedded|business as usual|bau|complete (and )?embedded|completed (and )?embedded|complete bau|completed bau|embedded bau|sustained|mainstreamed)$/,
    'embedded',
  ],
  [
    /^(complete|completed|done|achieved|delivered|closed|finished|complete blue|completed blue|fully complete|fully completed)$/,
    'complete',
  ],
  [/^(not started|not yet started|yet to start|to start|planned|not due|not yet due|pending|scheduled|future|not begun)$/, 'not-started'],
  [
    /^(in progress|inprogress|ongoing|on going|started|underway|under way|on track|at risk|off track|delayed|behind|behind schedule|active|open|progressing|in hand|wip|work in progress|partially complete|partially completed|part complete|overdue|live)$/,
    'in-progress',
  ],
];

/** An action status from a cell; null when unrecognised. */
export function parseStatus(raw: string): ActionStatus | null {
  const text = words(raw);
  if (text === '') return null;
  for (const [pattern, status] of STATUS_PHRASES) if (pattern.test(text)) return status;
  return null;
}

/** The status a delivery RAG implies when a tracker has no status: blue is done, grey not begun. */
export function statusFromRag(rag: Rag): ActionStatus {
  if (rag === 'blue') return 'complete';
  if (rag === 'grey') return 'not-started';
  return 'in-progress';
}

/** The delivery RAG a status implies, where it implies one (complete is blue, not started grey). */
export function ragFromStatus(status: ActionStatus): Rag | null {
  if (status === 'complete' || status === 'embedded') return 'blue';
  if (status === 'not-started' || status === 'withdrawn') return 'grey';
  return null;
}
