import { describe, expect, it } from 'vitest';
import type { BoardScope } from '../../../renderer/meetings/boards';
import { isHitOfBoard } from '../../../renderer/search/board-filter';
import type { SearchHit } from '../../../renderer/search/search-index';

// Search per board: each match is the board's or not by its plan (or, for a paper, its meeting).
// That the limit per kind applies after the filter is tested with the ranked search.

const scope: BoardScope = {
  boardId: 'board',
  otherBoardsPlanIds: new Set(['forum-plan']),
  otherBoardsMeetingIds: new Set(['forum-meeting']),
};

function hit(id: string, kind: SearchHit['kind'], planId: string, score: number): SearchHit {
  return { id, score, planId, kind, targetKind: kind === 'paper' ? 'paper' : 'action', targetId: id, label: id, snippet: '', terms: [] };
}

describe('search results of one board', () => {
  it('keeps the board’s plans’ hits and its papers, including a pack whose meeting is not in the chair’s record', () => {
    expect(isHitOfBoard(hit('a', 'action', 'board-plan', 1), scope)).toBe(true);
    expect(isHitOfBoard(hit('b', 'annotation', 'forum-plan', 1), scope)).toBe(false);
    expect(isHitOfBoard(hit('c', 'paper', 'forum-meeting', 1), scope)).toBe(false);
    expect(isHitOfBoard(hit('d', 'paper', 'pack-only-meeting', 1), scope)).toBe(true);
  });
});
