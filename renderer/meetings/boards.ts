import {
  BOARD_ID,
  boardSchema,
  DEFAULT_ASSURANCE_SCALE,
  DEFAULT_DECISION_PATTERN,
  type Board,
  type Meeting,
} from '../../shared/meetings/schema';
import type { OversightDatabase } from '../db/database';
import { getMeta, setMeta } from '../db/meta-repository';
import type { PlanRecord } from '../db/types';

// Several boards: a councillor may sit on the SEND oversight board, the schools forum and a
// scrutiny committee. Each board record keeps its own register, terms of reference and decision
// counters; each meeting names its board (schema v10). One board is open at a time (a fact of
// this laptop, kept in meta): the Meetings screens, the board register and new meetings are the
// open board's. A meeting's own screens use its board, whichever is open.

const OPEN_BOARD = 'openBoardId';

/** The board a meeting belongs to (meetings stored before several boards belong to the first). */
export function boardIdOf(meeting: Pick<Meeting, 'boardId'>): string {
  return meeting.boardId ?? BOARD_ID;
}

/** Every board held, by name. */
export async function listBoards(db: OversightDatabase): Promise<Board[]> {
  const boards = await db.board.toArray();
  return boards.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * The id of the open board: the one the member last opened while it is still held, else the
 * first board by name, else the first board's id (its record is made when first changed).
 */
export async function openBoardId(db: OversightDatabase): Promise<string> {
  const chosen = await getMeta<string>(db, OPEN_BOARD);
  if (chosen !== undefined && (await db.board.get(chosen))) return chosen;
  if (await db.board.get(BOARD_ID)) return BOARD_ID;
  return (await listBoards(db))[0]?.id ?? BOARD_ID;
}

/** Opens a board held here (switching the Meetings screens to it). */
export async function openBoard(db: OversightDatabase, boardId: string): Promise<void> {
  await db.transaction('rw', [db.board, db.meta], async () => {
    if (!(await db.board.get(boardId))) throw new Error('That board is not on this laptop.');
    await setMeta(db, OPEN_BOARD, boardId);
  });
}

/** The register and terms a new board starts from: nobody on it, the usual terms, its own numbering. */
export function newBoard(id: string, name: string, now: string): Board {
  return boardSchema.parse({
    id,
    name,
    members: [],
    terms: {
      quorum: { minVoting: 3, requiredOrganisations: [] },
      majority: 'simple',
      hasCastingVote: true,
      decisionPattern: DEFAULT_DECISION_PATTERN,
      assuranceScale: [...DEFAULT_ASSURANCE_SCALE],
    },
    decisionCounters: {},
    updatedAt: now,
  });
}

/**
 * Adds a board and opens it, in one transaction. While no board record exists yet (a store that
 * never set one up), the new board takes the first board's id, so meetings made before keep
 * belonging to the one board there is.
 */
export async function addBoard(db: OversightDatabase, name: string, options: { now?: Date; newId?: () => string } = {}): Promise<Board> {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') throw new Error('Give the board a name.');
  const now = (options.now ?? new Date()).toISOString();
  return db.transaction('rw', [db.board, db.meta], async () => {
    const boards = await db.board.toArray();
    if (boards.some((board) => board.name.toLocaleLowerCase('en-GB') === trimmed.toLocaleLowerCase('en-GB'))) {
      throw new Error(`There is already a board called “${trimmed}” on this laptop.`);
    }
    const id = boards.length === 0 ? BOARD_ID : (options.newId?.() ?? crypto.randomUUID());
    const board = newBoard(id, trimmed, now);
    await db.board.add(board);
    await setMeta(db, OPEN_BOARD, id);
    return board;
  });
}

/** A board's meetings, in no particular order, read by the v10 index. */
export async function meetingsOfBoard(db: OversightDatabase, boardId: string): Promise<Meeting[]> {
  const named = await db.meetings.where('boardId').equals(boardId).toArray();
  if (boardId !== BOARD_ID) return named;
  // A meeting written without a board (restored from a backup made before v10) is the first board's.
  return [...named, ...(await db.meetings.filter((meeting) => meeting.boardId === undefined).toArray())];
}

/** The board a plan belongs to (plans stored before v13 belong to the first). */
export function boardIdOfPlan(plan: Pick<PlanRecord, 'boardId'>): string {
  return plan.boardId ?? BOARD_ID;
}

/** A board's plans, by title, read by the v13 index. */
export async function plansOfBoard(db: OversightDatabase, boardId: string): Promise<PlanRecord[]> {
  const named = await db.plans.where('boardId').equals(boardId).toArray();
  // A plan written without a board (restored from a backup made before v13) is the first board's.
  const unnamed = boardId === BOARD_ID ? await db.plans.filter((plan) => plan.boardId === undefined).toArray() : [];
  return [...named, ...unnamed].sort((a, b) => a.header.title.localeCompare(b.header.title, 'en-GB'));
}

/** The ids of a board's plans (to keep search, the start page and exports to that board). */
export async function planIdsOfBoard(db: OversightDatabase, boardId: string): Promise<Set<string>> {
  return new Set((await plansOfBoard(db, boardId)).map((plan) => plan.id));
}

/**
 * Files a plan under another board held here (its notes, revisions and search go with it: they
 * are found by the plan's id). Meetings that referred to it keep their link.
 */
export async function movePlanToBoard(db: OversightDatabase, planId: string, boardId: string): Promise<void> {
  await db.transaction('rw', [db.board, db.plans], async () => {
    if (!(await db.board.get(boardId))) throw new Error('That board is not on this laptop.');
    const updated = await db.plans.update(planId, { boardId });
    if (updated === 0) throw new Error('That plan is not on this laptop.');
  });
}

/** What belongs to one board: the plans and meetings known to be other boards' (a plan or meeting not held here is the open board's). */
export type BoardScope = { boardId: string; otherBoardsPlanIds: ReadonlySet<string>; otherBoardsMeetingIds: ReadonlySet<string> };

/** The open board's scope (or the given board's), read from the store. */
export async function readBoardScope(db: OversightDatabase, boardId?: string): Promise<BoardScope> {
  const id = boardId ?? (await openBoardId(db));
  const [plans, meetings] = await Promise.all([db.plans.toArray(), db.meetings.toArray()]);
  return {
    boardId: id,
    otherBoardsPlanIds: new Set(plans.filter((plan) => boardIdOfPlan(plan) !== id).map((plan) => plan.id)),
    otherBoardsMeetingIds: new Set(meetings.filter((meeting) => boardIdOf(meeting) !== id).map((meeting) => meeting.id)),
  };
}

/** Whether a plan (or what is about it: notes, search hits) is the scope's board's. */
export function isPlanOfScope(planId: string, scope: BoardScope): boolean {
  return !scope.otherBoardsPlanIds.has(planId);
}

/** Whether a meeting (or a pack's meeting, which may not be in the chair's record yet) is the scope's board's. */
export function isMeetingOfScope(meetingId: string, scope: BoardScope): boolean {
  return !scope.otherBoardsMeetingIds.has(meetingId);
}
