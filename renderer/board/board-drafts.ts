import type { Profile } from '../../shared/annotations/types';
import { encodeBoardFile } from '../../shared/board/file';
import { boardFilePath } from '../../shared/board/names';
import type { BoardTrust, OpenedDraftRecord, ReaderState } from '../../shared/board/reader';
import type { SigningKey } from '../../shared/board/signing';
import type { MeetingBundle } from '../../shared/exports/schema';
import type { Result } from '../../shared/result';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import { BOARD_ID } from '../../shared/meetings/schema';
import { boardKey, boardOrOpen } from './board-keys';
import { meetingBundle } from '../exports/gather';

// Chair → clerk (docs/formats/board-folder-v1.md, "Draft records"): the chair's laptop shares a
// meeting's draft record through the folder so the clerk can prepare the minutes. Every other
// laptop keeps it read-only, apart from its own meetings (never merged into them), and approval
// stays with the chair.

export const DRAFTS = 'board.drafts';
const DRAFT_WRITER = 'board.draftWriter';

/** A draft record as received: who shared it, when, and the meeting as the chair's laptop held it. */
export type ReceivedDraft = {
  meetingId: string;
  deviceId: string;
  sequence: number;
  fromName: string;
  writtenAt: string;
  bundle: MeetingBundle;
};

/** Keeps the latest draft of each meeting from each device (in the caller's transaction). */
export async function keepDrafts(
  db: OversightDatabase,
  drafts: ReadonlyArray<{ file: OpenedDraftRecord; fromName: string }>,
  localBoard: string = BOARD_ID,
): Promise<void> {
  if (drafts.length === 0) return;
  const key = boardKey(DRAFTS, localBoard);
  const kept = (await getMeta<ReceivedDraft[]>(db, key)) ?? [];
  for (const { file, fromName } of drafts) {
    const meetingId = file.body.bundle.meeting.id;
    const index = kept.findIndex((draft) => draft.meetingId === meetingId && draft.deviceId === file.header.deviceId);
    const draft: ReceivedDraft = {
      meetingId,
      deviceId: file.header.deviceId,
      sequence: file.header.sequence,
      fromName,
      writtenAt: file.header.writtenAt,
      bundle: file.body.bundle,
    };
    // A device numbers its drafts in the order it writes them: an older one arriving late changes nothing.
    if (index < 0) kept.push(draft);
    else if ((kept[index]?.sequence ?? 0) < draft.sequence) kept[index] = draft;
  }
  await setMeta(db, key, kept);
}

/** The chair's draft records this laptop has received through a board's folder (the open board's unless named), newest meeting first. */
export async function receivedDrafts(db: OversightDatabase, localBoard?: string): Promise<ReceivedDraft[]> {
  const kept = (await getMeta<ReceivedDraft[]>(db, boardKey(DRAFTS, await boardOrOpen(db, localBoard)))) ?? [];
  return [...kept].sort((a, b) => b.bundle.meeting.date.localeCompare(a.bundle.meeting.date));
}

/** Whether the register lists this device under this member as the board's chair or vice-chair. */
export function isChairInRegister(register: ReaderState['register'], profile: Profile): boolean {
  const member = register?.body.members.find((candidate) => candidate.memberId === profile.id);
  const device = member?.devices.find((candidate) => candidate.deviceId === profile.deviceId);
  return Boolean(device && !device.removed && (member?.role === 'chair' || member?.role === 'vice-chair'));
}

/**
 * The chair shares a meeting's draft record with the clerk: the meeting and its records, signed by
 * this device, under a confidential header when the meeting has exempt items.
 */
export async function shareDraftRecord(
  db: OversightDatabase,
  port: { write(path: string, bytes: Uint8Array): Promise<Result<{ written: true }>> },
  profile: Profile,
  context: { trust: BoardTrust; register: ReaderState['register']; keys: { publicKeyBase64: string; privateKey: SigningKey } },
  meetingId: string,
  localBoard?: string,
): Promise<Result<{ sequence: number }>> {
  const writerKey = boardKey(DRAFT_WRITER, await boardOrOpen(db, localBoard));
  if (!isChairInRegister(context.register, profile)) {
    return {
      ok: false,
      error: { code: 'forbidden', message: 'Only the chair’s laptop, listed as chair in the board’s register, shares the draft record.' },
    };
  }
  const bundle = await meetingBundle(db, meetingId);
  if (!bundle) return { ok: false, error: { code: 'not-found', message: 'That meeting is not on this laptop.' } };
  if (bundle.meeting.status !== 'draft') {
    return {
      ok: false,
      error: { code: 'invalid-argument', message: 'These minutes are approved: send them as a decision file (Exports) instead.' },
    };
  }
  const writer = (await getMeta<{ sequence: number }>(db, writerKey)) ?? { sequence: 0 };
  // A laptop that stopped between writing a draft and noting it finds its number taken: the next is used.
  for (let sequence = writer.sequence + 1; sequence <= writer.sequence + 5; sequence += 1) {
    const bytes = await encodeBoardFile({
      boardId: context.trust.boardId,
      kind: 'draft-record',
      memberId: profile.id,
      deviceId: profile.deviceId,
      sequence,
      writtenAt: new Date().toISOString(),
      confidential: bundle.meeting.agenda.some((item) => item.isExempt),
      publicKey: context.keys.publicKeyBase64,
      privateKey: context.keys.privateKey,
      body: { bundle },
    });
    const written = await port.write(boardFilePath('draft-record', profile.id, profile.deviceId, sequence), bytes);
    if (!written.ok && written.error.code === 'exists') continue;
    if (!written.ok) return written;
    await setMeta(db, writerKey, { sequence });
    return { ok: true, value: { sequence } };
  }
  return { ok: false, error: { code: 'exists', message: 'This laptop’s next files in the board folder already exist; ask the clerk.' } };
}
