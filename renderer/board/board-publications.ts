import { encodeBoardFile, type PublishedFile } from '../../shared/board/file';
import { boardFilePath } from '../../shared/board/names';
import { sha256HexOf, type SigningKey } from '../../shared/board/signing';
import type { BoardTrust, OpenedPublication } from '../../shared/board/reader';
import type { Profile } from '../../shared/annotations/types';
import type { CandidateReply, ChannelResponse } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { BOARD_ID } from '../../shared/meetings/schema';
import { boardKey, boardOrOpen } from './board-keys';
import { importDecisionsFile, type DecisionsImportOutcome } from '../exports/decisions-import';
import type { SyncEntry } from '../plan/sync-controller';

// The clerk → everyone half of the board folder (docs/formats/board-folder-v1.md, "Publications"):
// the clerk's laptop publishes packs, plans, approved decisions and answers as a signed manifest
// over files main copied into the folder; every laptop imports an admitted publication's files
// through the very importers a file imported by hand goes through, and tells its member what arrived.

export const PENDING = 'board.publications';

/** A publication the register's clerk signed, not imported yet (its files may still be arriving). */
export type PendingPublication = { identity: string; path: string; bodySha256: string; title: string };

/** How main's side of publishing is reached (the IPC channels in the app, the folder itself in tests). */
export type PublicationPort = {
  publish(request: {
    includeExempt: boolean;
    memberId: string;
    deviceId: string;
  }): Promise<Result<{ publication: { sequence: number; files: PublishedFile[] } | null }>>;
  readPublication(path: string, bodySha256: string, knownSha256: string[]): Promise<Result<ChannelResponse<'board:read-publication'>>>;
  write(path: string, bytes: Uint8Array): Promise<Result<{ written: true }>>;
};

/** Where a publication's files are stored: the sync controller in the app (same path and log as the Import dialog). */
export type PublicationStore = {
  /** `boardId`: the board whose folder it came from; a new plan in it is filed under that board. */
  importPublished(
    fetch: (knownSha256: string[]) => Promise<readonly CandidateReply[]>,
    options?: { boardId?: string },
  ): Promise<ReadonlyArray<SyncEntry['outcome']>>;
};

type ReadOutcome =
  | { status: 'ready'; decisions: Extract<ChannelResponse<'board:read-publication'>, { status: 'ready' }>['decisions'] }
  | { status: 'incomplete' }
  | { status: 'refused'; message: string };

/** What one publication brought, for the notice. */
export type PublicationArrival = { title: string; lines: string[] };

/** A publication from the clerk, queued for import under its board (in the caller's transaction). */
export async function queuePublication(
  db: OversightDatabase,
  path: string,
  file: OpenedPublication,
  identity: string,
  localBoard: string = BOARD_ID,
): Promise<void> {
  const key = boardKey(PENDING, localBoard);
  const pending = (await getMeta<PendingPublication[]>(db, key)) ?? [];
  if (pending.some((entry) => entry.identity === identity)) return;
  await setMeta(db, key, [...pending, { identity, path, bodySha256: file.header.bodySha256, title: file.body.title }]);
}

/**
 * Imports the queued publications whose files are all there. One still arriving stays queued and
 * is tried again at the next sync; one main refuses is reported and dropped.
 */
export async function importQueuedPublications(
  db: OversightDatabase,
  port: Pick<PublicationPort, 'readPublication'>,
  store: PublicationStore,
  localBoard: string = BOARD_ID,
): Promise<{ arrived: PublicationArrival[]; stillArriving: number; refused: Array<{ path: string; message: string }> }> {
  const result = { arrived: [] as PublicationArrival[], stillArriving: 0, refused: [] as Array<{ path: string; message: string }> };
  const key = boardKey(PENDING, localBoard);
  const pending = (await getMeta<PendingPublication[]>(db, key)) ?? [];
  for (const publication of pending) {
    let outcome: ReadOutcome = { status: 'incomplete' };
    // What the board's clerk published is filed under that board, whichever is open by then.
    const stored = await store.importPublished(
      async (knownSha256) => {
        const reply = await port.readPublication(publication.path, publication.bodySha256, knownSha256);
        if (!reply.ok) {
          // Not configured any more, or a failure reading: tried again later. Refused: for good.
          outcome =
            reply.error.code === 'invalid-argument' ? { status: 'refused', message: reply.error.message } : { status: 'incomplete' };
          return [];
        }
        if (reply.value.status === 'incomplete') return [];
        outcome = { status: 'ready', decisions: reply.value.decisions };
        return reply.value.candidates;
      },
      { boardId: localBoard },
    );
    // Read through a function: the callback above set it, which the compiler's narrowing cannot see.
    const settled = (() => outcome as ReadOutcome)();
    if (settled.status === 'incomplete') {
      result.stillArriving += 1;
      continue;
    }
    if (settled.status === 'refused') {
      result.refused.push({ path: publication.path, message: settled.message });
    } else {
      const lines = stored.map(describeOutcome);
      for (const entry of settled.decisions) {
        if (entry.status === 'refused') lines.push(`${entry.fileName}: ${entry.message}`);
        else lines.push(describeDecisions(await importDecisionsFile(db, entry.file, { boardId: localBoard }).catch(() => null)));
      }
      result.arrived.push({ title: publication.title, lines: lines.length > 0 ? lines : ['nothing new (this laptop had it all already)'] });
    }
    // Taken off the queue once its files went through their importers (or were refused for good).
    const now = (await getMeta<PendingPublication[]>(db, key)) ?? [];
    await setMeta(
      db,
      key,
      now.filter((entry) => entry.identity !== publication.identity),
    );
  }
  return result;
}

/**
 * The clerk publishes: main opens the file dialog, checks and copies the chosen files; this laptop
 * signs the manifest that lists them (exempt ones only if the clerk included them, and then under
 * a confidential header) and writes it last. Its own laptop then imports it like everyone's.
 */
export async function publishToBoard(
  db: OversightDatabase,
  port: PublicationPort,
  profile: Profile,
  trust: BoardTrust,
  keys: { publicKeyBase64: string; privateKey: SigningKey },
  request: { title: string; includeExempt: boolean },
  localBoard?: string,
): Promise<Result<{ files: number } | null>> {
  const local = await boardOrOpen(db, localBoard);
  const copied = await port.publish({ includeExempt: request.includeExempt, memberId: profile.id, deviceId: profile.deviceId });
  if (!copied.ok) return copied;
  const { publication } = copied.value;
  if (!publication) return { ok: true, value: null };
  const body = { title: request.title.trim().slice(0, 200) || 'Papers from the clerk', files: publication.files };
  const bytes = await encodeBoardFile({
    boardId: trust.boardId,
    kind: 'publication',
    memberId: profile.id,
    deviceId: profile.deviceId,
    sequence: publication.sequence,
    writtenAt: new Date().toISOString(),
    confidential: publication.files.some((file) => file.exempt),
    publicKey: keys.publicKeyBase64,
    privateKey: keys.privateKey,
    body,
  });
  const path = boardFilePath('publication', profile.id, profile.deviceId, publication.sequence);
  const written = await port.write(path, bytes);
  if (!written.ok) return written;
  const bodySha256 = await sha256HexOf(new TextEncoder().encode(JSON.stringify(body)));
  await db.transaction('rw', db.meta, async () => {
    const key = boardKey(PENDING, local);
    const pending = (await getMeta<PendingPublication[]>(db, key)) ?? [];
    await setMeta(db, key, [
      ...pending,
      { identity: `publication/${profile.deviceId}/${publication.sequence}/${bodySha256}`, path, bodySha256, title: body.title },
    ]);
  });
  return { ok: true, value: { files: publication.files.length } };
}

function describeOutcome(outcome: SyncEntry['outcome']): string {
  switch (outcome.status) {
    case 'pack-stored':
      return `${outcome.isSupplement ? 'a supplement' : 'the pack'} for ${outcome.meetingTitle} (${formatDate(outcome.meetingDate)}): ${outcome.added} new ${outcome.added === 1 ? 'paper' : 'papers'}${outcome.reissued > 0 ? `, ${outcome.reissued} reissued` : ''}`;
    case 'imported':
      return `${outcome.planTitle}, revision ${outcome.revision}`;
    case 'up-to-date':
      return `${outcome.planTitle} was already up to date`;
    case 'answers-recorded':
      return `officers’ answers: ${outcome.recorded} recorded${outcome.replaced > 0 ? `, ${outcome.replaced} replaced` : ''}`;
    case 'merged':
      return `${outcome.inserted} annotations from ${outcome.authorName}`;
    case 'pack-refused':
    case 'refused':
    case 'error':
      return outcome.message;
    case 'invalid':
      return outcome.errors[0]?.message ?? 'a file was not valid';
    case 'needs-mapping':
      return 'a tracker that needs its columns confirmed in Import';
  }
}

function describeDecisions(outcome: DecisionsImportOutcome | null): string {
  if (!outcome) return 'approved decisions could not be stored, so nothing was changed';
  if (outcome.status === 'imported') return `the approved minutes of ${outcome.title} (${outcome.records} records)`;
  if (outcome.status === 'extended') return `${outcome.added} later records of the minutes of ${outcome.title}`;
  if (outcome.status === 'up-to-date') return `the minutes of ${outcome.title} were already here`;
  return outcome.message;
}

function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
