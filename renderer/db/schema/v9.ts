// Schema version 9 (families' voice). Shipped: never edit, add a version.
// What the parent carer forum and other user organisations bring to the board (submissions,
// surveys, case studies) and how actions were co-produced: one record each, by primary key
// alone. A plan has tens of them, read together, so no index is worth its cost on every write.
export const v9 = {
  version: 9,
  stores: {
    voiceRecords: 'id',
  },
} as const;
