import { describe, expect, it } from 'vitest';
import type { BoardScope } from '../../../renderer/meetings/boards';
import { isHitOfBoard, resultsOfBoard } from '../../../renderer/search/board-filter';
import type { SearchHit, SearchResults } from '../../../renderer/search/search-index';

// Search per board is a filter over the search module's answers: by each hit's plan (or, for a
// paper, its meeting). The limit per kind applies after the filter, so another board's better
// hits never hide this board's.

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

  it('limits each kind after filtering, counts only the board’s hits, and drops a kind left empty', () => {
    const forum = Array.from({ length: 10 }, (_, index) => hit(`f${index}`, 'action', 'forum-plan', 100 - index));
    const board = Array.from({ length: 3 }, (_, index) => hit(`b${index}`, 'action', 'board-plan', 10 - index));
    const results: SearchResults = {
      query: 'waits',
      total: 14,
      groups: [
        { kind: 'action', total: 13, hits: [...forum, ...board] },
        { kind: 'paper', total: 1, hits: [hit('p', 'paper', 'forum-meeting', 5)] },
      ],
    };
    expect(resultsOfBoard(results, scope, 2)).toEqual({
      query: 'waits',
      total: 3,
      groups: [{ kind: 'action', total: 3, hits: [board[0], board[1]] }],
    });
  });
});
