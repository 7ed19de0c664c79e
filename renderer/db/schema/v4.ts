// Schema version 4 (the chair's meeting record). Shipped: never edit, add a version.
// The chair saves at every keystroke-level change, so each save must be one small put: the board
// (register, terms of reference, decision counters) is one record; each meeting is one record
// with its agenda; each attendance mark, declaration, note, decision, judgement and action
// arising is its own record in meetingRecords, with the one index a meeting's screen needs.
export const v4 = {
  version: 4,
  stores: {
    board: 'id',
    meetings: 'id',
    meetingRecords: 'id, meetingId',
  },
} as const;
