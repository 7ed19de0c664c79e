import 'fake-indexeddb/auto';
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMappingStore } from '../../../electron/sync/mapping-store';
import { createSyncService } from '../../../electron/sync/service';
import type { Profile } from '../../../shared/annotations/types';
import type { ImportCandidate } from '../../../shared/ipc/contract';
import { receiveCandidate } from '../../../renderer/plan/receive-candidate';
import { createAnnotation, searchIndexCaughtUp } from '../../../renderer/annotations/annotation-repository';
import { OversightDatabase } from '../../../renderer/db/database';
import { storeCandidate } from '../../../renderer/db/plan-repository';
import { approveMeeting, createMeeting, getBoard, updateBoard } from '../../../renderer/meetings/meeting-repository';
import { SAMPLE_MEETING_ID, seedSampleBoard } from '../../../renderer/meetings/sample-board';
import { savePaperText, storePack } from '../../../renderer/papers/pack-repository';
import { findSample, hasSample, removeSample } from '../../../renderer/removal/sample';
import { removeBoard, removeMeetingPapers, removePlan } from '../../../renderer/removal/removal-repository';
import { addBoard, movePlanToBoard, openBoardId } from '../../../renderer/meetings/boards';
import { BOARD_ID } from '../../../shared/meetings/schema';
import { loadSearchIndex, resetSearchIndexCache, searchLoadedIndex } from '../../../renderer/search/search-index';
import { candidateFor, planObject } from './plan-candidates';

// Removing: the whole first-run sample with one command, a plan with its revisions, a meeting's
// papers. Each is one transaction; search stops finding what was removed, in memory and after a
// restart; what is not removed is untouched.

const SAMPLE_FOLDER = path.join(__dirname, '..', '..', '..', 'electron', 'resources', 'sample');
const OTHER_PLAN = 'northshire-wsoa-2025';
const profile: Profile = {
  id: 'member-1',
  displayName: 'Cllr Shah',
  role: 'member',
  organisation: 'Conservative group',
  deviceId: 'laptop-1',
};

let dataFolder: string;
let sampleCandidates: ImportCandidate[];
let readPaper: (token: string, paperId: string) => Promise<Uint8Array>;
let stopSync: () => Promise<void>;

beforeAll(async () => {
  dataFolder = await fs.mkdtemp(path.join(os.tmpdir(), 'removal-'));
  const sync = createSyncService({
    sampleFolder: SAMPLE_FOLDER,
    mappings: createMappingStore(dataFolder),
    emit: () => undefined,
    watchInbox: false,
  });
  // The reader hands plans over as bytes; the renderer decodes them as it stores.
  sampleCandidates = (await sync.sampleCandidates()).map(receiveCandidate);
  readPaper = async (token, paperId) => {
    const read = await sync.readPaper(token, paperId);
    if (!read.ok) throw new Error(read.message);
    return read.bytes;
  };
  stopSync = () => sync.stop();
});

afterAll(async () => {
  await stopSync();
  await fs.rm(dataFolder, { recursive: true, force: true });
});

let sequence = 0;

/** A store as first run leaves it (sample pack, plan revisions, board, meeting), plus a real plan of the member's. */
async function storeWithSample(): Promise<OversightDatabase> {
  sequence += 1;
  const db = new OversightDatabase(`removal-${sequence}-${Math.random().toString(36).slice(2)}`);
  for (const candidate of sampleCandidates) {
    if (candidate.outcome.status === 'pack') {
      const outcome = await storePack(db, candidate, (paperId) => readPaper(candidate.token, paperId));
      expect(outcome.status).toBe('pack-stored');
    } else {
      expect((await storeCandidate(db, candidate)).status).toBe('imported');
    }
  }
  await seedSampleBoard(db, { now: new Date('2027-01-12T10:00:00Z') });
  // The papers' text, as extraction would save it: the pages go into search.
  for (const paper of await db.papers.toArray()) {
    await savePaperText(db, {
      id: paper.id,
      status: 'ready',
      pages: ['Placements commissioning zebracrossing figures'],
      pageLabels: null,
      extractedAt: '2027-01-12T10:00:00Z',
    });
  }
  expect((await storeCandidate(db, candidateFor(planObject()))).status).toBe('imported');
  await createAnnotation(db, profile, { kind: 'action', planId: 'northmoor-send-app', id: 'act-002' }, note('Sample quokkanote'));
  await createAnnotation(db, profile, { kind: 'action', planId: OTHER_PLAN, id: 'act-1' }, note('Real quokkanote'));
  const paper = (await db.papers.toArray())[0];
  if (!paper) throw new Error('the sample pack has no paper');
  await createAnnotation(
    db,
    profile,
    {
      kind: 'paper',
      meetingId: paper.meetingId,
      paperId: paper.paperId,
      anchor: { quote: { exact: 'Placements', prefix: '', suffix: '' }, position: { start: 0, end: 10 }, page: 1 },
    },
    note('Highlight'),
  );
  // Saves index their notes for search in idle time, clearing the pending list in meta: let that
  // finish, so the tests compare a settled store (a count taken mid-way raced on a busy machine).
  await searchIndexCaughtUp(db);
  return db;
}

function note(text: string) {
  return { kind: 'note' as const, text, tags: [], visibility: 'private' as const };
}

async function searchFor(db: OversightDatabase, query: string, isRestart = false): Promise<string[]> {
  if (isRestart) resetSearchIndexCache(db);
  await loadSearchIndex(db);
  return searchLoadedIndex(db, query).groups.flatMap((group) => group.hits.map((hit) => `${hit.kind}:${hit.planId}`));
}

describe('the sample', () => {
  it('is recognised as the sample: its plan, pack, meeting and board', async () => {
    const db = await storeWithSample();
    const holdings = await findSample(db);
    expect(holdings).toEqual({
      planIds: ['northmoor-send-app'],
      meetingIds: [SAMPLE_MEETING_ID],
      packMeetingIds: [SAMPLE_MEETING_ID],
      hasBoard: true,
    });
    expect(hasSample(holdings)).toBe(true);
  });

  it('is removed whole by one command, search updated, the member’s own plan and notes untouched', async () => {
    const db = await storeWithSample();
    expect(await searchFor(db, 'quokkanote')).toEqual(
      expect.arrayContaining(['annotation:northmoor-send-app', `annotation:${OTHER_PLAN}`]),
    );
    expect(await searchFor(db, 'zebracrossing')).toContain(`paper:${SAMPLE_MEETING_ID}`);
    const otherEntities = await db.entities.where('[planId+kind+id]').between([OTHER_PLAN], [OTHER_PLAN, []], true, true).count();

    expect(await removeSample(db)).toEqual({ plans: 1, meetings: 1, packs: 1, isBoardRemoved: true });

    expect(hasSample(await findSample(db))).toBe(false);
    expect(await db.plans.toCollection().primaryKeys()).toEqual([OTHER_PLAN]);
    expect(await db.entities.count()).toBe(otherEntities);
    expect((await db.imports.toArray()).map((record) => record.planId)).toEqual([OTHER_PLAN]);
    expect((await db.changeSets.toArray()).every((record) => record.planId === OTHER_PLAN)).toBe(true);
    expect(await db.planSummaries.toCollection().primaryKeys()).toEqual([OTHER_PLAN]);
    expect(new Set((await db.actionRowChunks.toArray()).map((chunk) => chunk.planId))).toEqual(new Set([OTHER_PLAN]));
    expect(await db.entityHashes.toCollection().primaryKeys()).toEqual([OTHER_PLAN]);
    expect(await db.packs.count()).toBe(0);
    expect(await db.papers.count()).toBe(0);
    expect(await db.paperTexts.count()).toBe(0);
    expect(await db.board.count()).toBe(0);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.meetingRecords.count()).toBe(0);
    expect((await db.annotations.toArray()).map((record) => record.text)).toEqual(['Real quokkanote']);
    expect((await db.searchIndex.toArray()).every((record) => record.planId === OTHER_PLAN)).toBe(true);
    // Search forgets the sample at once, and after a restart (the persisted shards) too.
    expect(await searchFor(db, 'quokkanote')).toEqual([`annotation:${OTHER_PLAN}`]);
    expect(await searchFor(db, 'zebracrossing')).toEqual([]);
    expect(await searchFor(db, 'quokkanote', true)).toEqual([`annotation:${OTHER_PLAN}`]);
    // A second run finds nothing to remove.
    expect(await removeSample(db)).toEqual({ plans: 0, meetings: 0, packs: 0, isBoardRemoved: false });
  });

  it('keeps the board once the member has made it theirs, and the sample meeting’s approved minutes with it', async () => {
    const db = await storeWithSample();
    await updateBoard(db, { name: 'Westdale Schools Forum' });
    await approveMeeting(db, SAMPLE_MEETING_ID, { approvedAtMeeting: 'the meeting of 11 February 2027', approvedAtMeetingId: null });
    const removal = await removeSample(db);
    expect(removal).toMatchObject({ isBoardRemoved: false, meetings: 0, plans: 1, packs: 1 });
    expect((await getBoard(db))?.name).toBe('Westdale Schools Forum');
    expect(await db.meetings.get(SAMPLE_MEETING_ID)).toMatchObject({ status: 'approved' });
  });

  it('changes nothing when the transaction fails part-way', async () => {
    const db = await storeWithSample();
    const before = await Promise.all(db.tables.map((table) => table.count()));
    // The board table's delete fails after the plan's and the papers' writes: all are undone.
    db.board.hook('deleting', () => {
      throw new Error('disk full');
    });
    await expect(removeSample(db)).rejects.toThrow('disk full');
    expect(await Promise.all(db.tables.map((table) => table.count()))).toEqual(before);
    expect(await searchFor(db, 'zebracrossing')).toContain(`paper:${SAMPLE_MEETING_ID}`);
  });
});

describe('removing a plan', () => {
  it('removes every revision and what was built from it, and its notes from search', async () => {
    const db = await storeWithSample();
    const removal = await removePlan(db, 'northmoor-send-app');
    expect(removal).toEqual({ revisions: 2, annotations: 1, voiceRecords: 0 });
    expect(await db.plans.get('northmoor-send-app')).toBeUndefined();
    expect(
      await db.entities.where('[planId+kind+id]').between(['northmoor-send-app'], ['northmoor-send-app', []], true, true).count(),
    ).toBe(0);
    expect(await db.imports.filter((record) => record.planId === 'northmoor-send-app').count()).toBe(0);
    expect(await searchFor(db, 'quokkanote', true)).toEqual([`annotation:${OTHER_PLAN}`]);
    // The meeting that referred to it stays: minutes are the board's.
    expect(await db.meetings.get(SAMPLE_MEETING_ID)).toBeDefined();
    expect(await removePlan(db, 'northmoor-send-app')).toBeNull();
  });
});

describe('removing a meeting’s papers', () => {
  it('removes its packs, papers, texts and highlights, and its pages from search; the meeting stays', async () => {
    const db = await storeWithSample();
    const papers = await db.papers.count();
    expect(await removeMeetingPapers(db, SAMPLE_MEETING_ID)).toEqual({ packs: 1, papers, highlights: 1 });
    expect(await db.papers.count()).toBe(0);
    expect(await db.paperTexts.count()).toBe(0);
    expect(await searchFor(db, 'zebracrossing')).toEqual([]);
    expect(await searchFor(db, 'zebracrossing', true)).toEqual([]);
    expect(await db.meetings.get(SAMPLE_MEETING_ID)).toBeDefined();
  });

  it('leaves a meeting made by hand, with no pack, as it is', async () => {
    const db = await storeWithSample();
    await createMeeting(db, { id: 'own', title: 'Board', date: '2027-02-11', time: '14:00', place: '', planId: null });
    expect(await removeMeetingPapers(db, 'own')).toEqual({ packs: 0, papers: 0, highlights: 0 });
    expect(await db.papers.count()).toBeGreaterThan(0);
  });
});

describe('removing a board', () => {
  it('removes the board with its meetings, approved minutes included, their records and papers, and its plans; other boards and their plans stay', async () => {
    const db = await storeWithSample();
    await approveMeeting(db, SAMPLE_MEETING_ID, { approvedAtMeeting: 'the meeting of 11 February 2027', approvedAtMeetingId: null });
    await createMeeting(db, { id: 'draft', title: 'Board', date: '2027-02-11', time: '14:00', place: '', planId: null });
    await addBoard(db, 'Westdale Schools Forum', { newId: () => 'forum' });
    await createMeeting(db, { id: 'forum-1', title: 'Forum', date: '2027-02-01', time: '10:00', place: '', planId: null });
    // The member's own plan is the forum's; the sample plan stays the first board's.
    await movePlanToBoard(db, OTHER_PLAN, 'forum');
    const papers = await db.papers.count();

    expect(await removeBoard(db, BOARD_ID)).toEqual({ meetings: 2, approvedMeetings: 1, plans: 1, packs: 1, papers, highlights: 1 });
    expect((await db.board.toArray()).map((board) => board.id)).toEqual(['forum']);
    expect((await db.meetings.toArray()).map((meeting) => meeting.id)).toEqual(['forum-1']);
    expect(await db.meetingRecords.filter((record) => record.meetingId === SAMPLE_MEETING_ID).count()).toBe(0);
    expect(await db.papers.count()).toBe(0);
    expect(await searchFor(db, 'zebracrossing', true)).toEqual([]);
    // The first board's plan went with every revision, its notes and its search; the forum's stayed.
    expect(await db.plans.toCollection().primaryKeys()).toEqual([OTHER_PLAN]);
    expect(await db.imports.filter((record) => record.planId === 'northmoor-send-app').count()).toBe(0);
    expect(
      await db.entities.where('[planId+kind+id]').between(['northmoor-send-app'], ['northmoor-send-app', []], true, true).count(),
    ).toBe(0);
    expect(await searchFor(db, 'quokkanote', true)).toEqual([`annotation:${OTHER_PLAN}`]);
    expect(await openBoardId(db)).toBe('forum');
    expect(await removeBoard(db, BOARD_ID)).toBeNull();
  });

  it('changes nothing when a write fails part way (one transaction)', async () => {
    const db = await storeWithSample();
    const before = { plans: await db.plans.count(), meetings: await db.meetings.count(), papers: await db.papers.count() };
    // The last write (the board record) fails: every plan and meeting removed before it comes back.
    db.board.hook('deleting', () => {
      throw new Error('disk full');
    });
    await expect(removeBoard(db, BOARD_ID)).rejects.toThrow('disk full');
    expect({ plans: await db.plans.count(), meetings: await db.meetings.count(), papers: await db.papers.count() }).toEqual(before);
    expect(await db.board.get(BOARD_ID)).toBeDefined();
  });
});
