import type { ImportSource } from '../../shared/ipc/contract';
import type { PackAgendaItem, PackManifest } from '../../shared/pack/schema';

// Meeting packs and board papers as stored (schema v6). A paper's record is written once and
// never changed (its PDF is a Blob, and re-putting a record copies its Blob); which paper replaces
// which is worked out from `lineage`, and the extracted text lives in its own table so that
// listing or opening papers never loads it.

/** One pack (or supplement) as it arrived. */
export type PackRecord = {
  /** The SHA-256 of the manifest: the same pack from a folder or a zip is one pack. */
  id: string;
  meetingId: string;
  meeting: PackManifest['meeting'];
  agenda: PackAgendaItem[];
  summary: string;
  issuedAt: string;
  fileName: string;
  /** SHA-256 of each file this pack arrived in (zip or .pack.json), so main skips them unread next time. */
  fileSha256s: string[];
  source: ImportSource;
  importedAt: string;
  /** The ids of the papers it listed. */
  paperIds: string[];
};

/** One board paper: its PDF and what the pack said about it. */
export type PaperRecord = {
  /** `meetingId \u0001 paperId`: a meeting's papers are one key range. */
  id: string;
  meetingId: string;
  paperId: string;
  /** The pack it came in. */
  packId: string;
  title: string;
  agendaItem: string | null;
  /** Its path in the pack, e.g. papers/04-dashboard.pdf. */
  file: string;
  sha256: string;
  size: number;
  pageCount: number;
  /** Its own flag or its agenda item's. */
  isExempt: boolean;
  /** The paper this one reissues, if any. */
  supersedes: string | null;
  /** Every earlier paper this one replaces, nearest first (kept when those are removed). */
  lineage: string[];
  importedAt: string;
  pdf: Blob;
};

/** A paper's text, extracted once in the background after import, page by page. */
export type PaperTextRecord = {
  /** Same id as the paper. */
  id: string;
  status: 'ready' | 'failed';
  pages: string[];
  /** The paper's own page labels (i, ii, 1, 2, …) where it has them. */
  pageLabels: string[] | null;
  extractedAt: string;
  /** Why extraction failed, for the member. */
  message?: string;
};

/** The id of a paper's record. */
export function paperRecordId(meetingId: string, paperId: string): string {
  return `${meetingId}\u0001${paperId}`;
}
