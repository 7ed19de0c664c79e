// Schema version 6 (meeting packs and board papers). Shipped: never edit, add a version.
// Keyed by primary key alone (every index costs every put): packs by their manifest's SHA-256;
// papers by `meetingId \u0001 paperId`, so one meeting's papers are one key range, each record
// holding its PDF as a Blob; each paper's extracted text in paperTexts, apart, so listing or
// opening papers never reads it.
export const v6 = {
  version: 6,
  stores: {
    packs: 'id',
    papers: 'id',
    paperTexts: 'id',
  },
} as const;
