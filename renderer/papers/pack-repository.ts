import { paperTargetKey } from '../../shared/annotations/types';
import type { ImportCandidate, Problem } from '../../shared/ipc/contract';
import { isPaperExempt } from '../../shared/pack/validate';
import type { OversightDatabase } from '../db/database';
import { paperDocumentIds, paperTextSearchChanges } from '../search/paper-documents';
import { updateSearchIndex } from '../search/search-index';
import { paperRecordId, type PackRecord, type PaperRecord, type PaperTextRecord } from './types';

// Meeting packs and their papers. A pack is stored in one transaction with the papers it brings
// that are new here; the PDFs are fetched from main (papers:read) before the transaction opens,
// because an IndexedDB transaction cannot wait for IPC. A supplement (a later pack for the same
// meeting) adds papers and reissues others; nothing is deleted until the member asks.

/** What storing a pack did, for the Imports view. */
export type PackOutcome =
  | {
      status: 'pack-stored';
      meetingId: string;
      meetingTitle: string;
      meetingDate: string;
      added: number;
      reissued: number;
      alreadyHeld: number;
      /** The meeting already had papers: this pack is a supplement. */
      isSupplement: boolean;
      warnings: Problem[];
    }
  | { status: 'pack-refused'; meetingId: string; message: string };

export type StorePackOptions = { now?: Date };

/** Reads one paper's PDF from main by the candidate's token. */
export type FetchPaper = (paperId: string) => Promise<Uint8Array>;

/**
 * Stores a pack main validated: the pack record and each paper it holds that is not here yet.
 * A paper id already held with other content is refused (a reissue needs a new id and
 * `supersedes`), and then nothing is written.
 */
export async function storePack(
  db: OversightDatabase,
  candidate: ImportCandidate,
  fetchPaper: FetchPaper,
  options: StorePackOptions = {},
): Promise<PackOutcome> {
  const { outcome } = candidate;
  if (outcome.status !== 'pack') throw new Error('storePack needs a pack candidate');
  const { pack } = outcome;
  const meetingId = pack.meeting.id;
  const now = (options.now ?? new Date()).toISOString();

  const held = new Map((await papersOfMeeting(db, meetingId)).map((paper) => [paper.paperId, paper]));
  const conflict = findConflict(pack.papers, held);
  if (conflict) return { status: 'pack-refused', meetingId, message: conflict };

  const checked = new Map(outcome.papers.map((paper) => [paper.id, paper]));
  const fresh = pack.papers.filter((paper) => !held.has(paper.id));
  const warnings: Problem[] = [...outcome.warnings];
  const inPack = new Map(pack.papers.map((paper) => [paper.id, paper]));
  for (const [index, paper] of pack.papers.entries()) {
    if (paper.supersedes !== undefined && !held.has(paper.supersedes) && !inPack.has(paper.supersedes)) {
      warnings.push({
        path: `$.papers[${index}].supersedes`,
        message: `“${paper.title}” replaces paper “${paper.supersedes}”, which this laptop does not have; it is shown as a new paper.`,
      });
    }
  }

  // The PDFs come over IPC one at a time, before any transaction: a transaction cannot wait.
  const records: PaperRecord[] = [];
  for (const paper of fresh) {
    let bytes: Uint8Array;
    try {
      bytes = await fetchPaper(paper.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        status: 'pack-refused',
        meetingId,
        message: `“${paper.title}” could not be read from the pack (${reason}), so nothing was changed.`,
      };
    }
    records.push({
      id: paperRecordId(meetingId, paper.id),
      meetingId,
      paperId: paper.id,
      packId: outcome.manifestSha256,
      title: paper.title,
      agendaItem: paper.agendaItem,
      file: paper.file,
      sha256: paper.sha256,
      size: bytes.length,
      pageCount: checked.get(paper.id)?.pageCount ?? paper.pageCount,
      isExempt: isPaperExempt(pack, paper),
      supersedes: paper.supersedes ?? null,
      lineage: [],
      importedAt: now,
      pdf: new Blob([copyOf(bytes)], { type: 'application/pdf' }),
    });
  }
  // Lineage after every record exists, so a paper can replace one arriving in the same pack.
  const lineageOf = (paperId: string | null, seen: Set<string>): string[] => {
    if (paperId === null || seen.has(paperId)) return [];
    seen.add(paperId);
    const earlier = held.get(paperId) ?? records.find((record) => record.paperId === paperId);
    return [paperId, ...(earlier ? (earlier.lineage.length > 0 ? earlier.lineage : lineageOf(earlier.supersedes, seen)) : [])];
  };
  for (const record of records) record.lineage = lineageOf(record.supersedes, new Set([record.paperId]));

  return db.transaction('rw', [db.packs, db.papers, db.searchIndex], async (): Promise<PackOutcome> => {
    // Another import may have landed while the PDFs were fetched: check again inside.
    const heldNow = new Map((await papersOfMeeting(db, meetingId)).map((paper) => [paper.paperId, paper]));
    const lateConflict = findConflict(pack.papers, heldNow);
    if (lateConflict) return { status: 'pack-refused', meetingId, message: lateConflict };
    const toWrite = records.filter((record) => !heldNow.has(record.paperId));
    const existing = await db.packs.get(outcome.manifestSha256);
    const packRecord: PackRecord = existing
      ? { ...existing, fileSha256s: [...new Set([...existing.fileSha256s, candidate.sha256].filter((sha) => sha !== ''))] }
      : {
          id: outcome.manifestSha256,
          meetingId,
          meeting: { ...pack.meeting },
          agenda: pack.agenda.map((item) => ({ ...item, links: item.links.map((link) => ({ ...link })) })),
          summary: pack.summary ?? '',
          issuedAt: pack.issuedAt,
          fileName: candidate.fileName,
          fileSha256s: candidate.sha256 === '' ? [] : [candidate.sha256],
          source: candidate.source,
          importedAt: now,
          paperIds: pack.papers.map((paper) => paper.id),
        };
    await db.packs.put(packRecord);
    if (toWrite.length > 0) await db.papers.bulkAdd(toWrite);
    // A reissue replaces its earlier versions in search, as it does in the papers list.
    const replaced = new Set(toWrite.flatMap((record) => record.lineage));
    const remove = [...heldNow.values()].filter((paper) => replaced.has(paper.paperId)).flatMap((paper) => paperDocumentIds(paper));
    await updateSearchIndex(db, { upsert: [], remove });
    return {
      status: 'pack-stored',
      meetingId,
      meetingTitle: pack.meeting.title,
      meetingDate: pack.meeting.date,
      added: toWrite.filter((record) => record.supersedes === null).length,
      reissued: toWrite.filter((record) => record.supersedes !== null).length,
      alreadyHeld: pack.papers.length - toWrite.length,
      isSupplement: !existing && heldNow.size > 0,
      warnings,
    };
  });
}

// A typed array over part of a larger buffer (or a shared one) must be copied before a Blob takes it.
function copyOf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

function findConflict(
  papers: ReadonlyArray<{ id: string; sha256: string; title: string }>,
  held: ReadonlyMap<string, PaperRecord>,
): string | null {
  for (const paper of papers) {
    const stored = held.get(paper.id);
    if (stored && stored.sha256 !== paper.sha256) {
      return `This pack has a different “${paper.title}” under the id “${paper.id}” that an earlier pack for this meeting already used. Nothing was changed. A reissued paper needs a new id and "supersedes": "${paper.id}"; ask the clerk to correct the pack.`;
    }
  }
  return null;
}

/** One meeting's papers, every version, in no particular order. */
export async function papersOfMeeting(db: OversightDatabase, meetingId: string): Promise<PaperRecord[]> {
  return db.papers.where(':id').startsWith(paperRecordId(meetingId, '')).toArray();
}

/** Every pack held, the latest issued first. */
export async function listPacks(db: OversightDatabase): Promise<PackRecord[]> {
  const packs = await db.packs.toArray();
  return packs.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
}

/** Hashes of pack files already stored, so main skips them without reading their papers. */
export async function packFileHashes(db: OversightDatabase): Promise<string[]> {
  return (await db.packs.toArray()).flatMap((pack) => pack.fileSha256s);
}

/** The ids of a meeting's papers that a later paper replaces. */
export function supersededIds(papers: readonly Pick<PaperRecord, 'paperId' | 'lineage'>[]): Set<string> {
  return new Set(papers.flatMap((paper) => paper.lineage));
}

/** The current version of each paper of a meeting (those no later paper replaces). */
export function currentPapers<T extends Pick<PaperRecord, 'paperId' | 'lineage'>>(papers: readonly T[]): T[] {
  const replaced = supersededIds(papers);
  return papers.filter((paper) => !replaced.has(paper.paperId));
}

/**
 * Removes the earlier versions of a meeting's reissued papers (their PDFs and text), when the
 * member asks. Highlights made on them stay: they live on the reissue through its lineage.
 */
export async function removeEarlierVersions(db: OversightDatabase, meetingId: string): Promise<number> {
  return db.transaction('rw', [db.papers, db.paperTexts, db.searchIndex], async () => {
    const papers = await papersOfMeeting(db, meetingId);
    const replaced = supersededIds(papers);
    const removed = papers.filter((paper) => replaced.has(paper.paperId));
    const ids = removed.map((paper) => paper.id);
    const texts = await db.paperTexts.bulkGet(ids);
    await db.papers.bulkDelete(ids);
    await db.paperTexts.bulkDelete(ids);
    await updateSearchIndex(db, {
      upsert: [],
      remove: removed.flatMap((paper, index) => paperDocumentIds(paper, texts[index]?.pages.length ?? 0)),
    });
    return ids.length;
  });
}

/** One paper, or undefined. */
export function getPaper(db: OversightDatabase, meetingId: string, paperId: string): Promise<PaperRecord | undefined> {
  return db.papers.get(paperRecordId(meetingId, paperId));
}

/** A paper's extracted text, or undefined while it is being extracted. */
export function getPaperText(db: OversightDatabase, meetingId: string, paperId: string): Promise<PaperTextRecord | undefined> {
  return db.paperTexts.get(paperRecordId(meetingId, paperId));
}

/**
 * Saves a paper's extracted text (one small write, apart from the paper and its PDF) and, in the
 * same transaction, puts its pages in the app-wide search index (unless a reissue replaces it).
 */
export async function savePaperText(db: OversightDatabase, record: PaperTextRecord): Promise<void> {
  await db.transaction('rw', [db.papers, db.paperTexts, db.searchIndex], async () => {
    const [paper, previous] = await Promise.all([db.papers.get(record.id), db.paperTexts.get(record.id)]);
    await db.paperTexts.put(record);
    if (!paper) return;
    const isReplaced = supersededIds(await papersOfMeeting(db, paper.meetingId)).has(paper.paperId);
    const changes = isReplaced
      ? { upsert: [], remove: previous ? paperDocumentIds(paper, previous.pages.length) : [] }
      : paperTextSearchChanges(paper, record, previous);
    await updateSearchIndex(db, changes);
  });
}

/** Ids of papers whose text has not been extracted yet. */
export async function papersWithoutText(db: OversightDatabase): Promise<string[]> {
  const [paperIds, textIds] = await Promise.all([db.papers.toCollection().primaryKeys(), db.paperTexts.toCollection().primaryKeys()]);
  const done = new Set(textIds);
  return paperIds.filter((id) => !done.has(id));
}

/** Whether the chair's meeting record already has a meeting with this id (one made from the pack, or the sample's). */
export async function meetingRecordExists(db: OversightDatabase, meetingId: string): Promise<boolean> {
  return (await db.meetings.get(meetingId)) !== undefined;
}

/**
 * The annotation target keys of exempt papers (and of the versions they replace): notes on them
 * stay out of shared exports unless the member includes them.
 */
export async function exemptPaperTargetKeys(db: OversightDatabase): Promise<Set<string>> {
  const papers = await db.papers.toArray();
  return new Set(
    papers
      .filter((paper) => paper.isExempt)
      .flatMap((paper) => [paper.paperId, ...paper.lineage].map((paperId) => paperTargetKey(paper.meetingId, paperId))),
  );
}
