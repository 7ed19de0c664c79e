import { describe, expect, it } from 'vitest';
import { describeQuorum, isInRoomAt, quorumAt } from '../../../shared/meetings/quorum';
import { AGENDA, attendee } from './fixtures';

const QUORUM = { minVoting: 3, requiredOrganisations: [] as string[] };

describe('quorum', () => {
  it('counts voting members present, and not advisers, apologies or absences', () => {
    const attendance = [
      attendee('a'),
      attendee('b'),
      attendee('c'),
      attendee('dfe', { isVoting: false, organisation: 'DfE' }),
      attendee('d', { status: 'apologies' }),
      attendee('e', { status: 'absent' }),
    ];
    const state = quorumAt(QUORUM, attendance, AGENDA, [], 'item-1');
    expect(state.isQuorate).toBe(true);
    expect(state.voters.map((voter) => voter.memberId)).toEqual(['a', 'b', 'c']);
    expect(state.inRoom.map((person) => person.memberId)).toEqual(['a', 'b', 'c', 'dfe']);
    expect(describeQuorum(state)).toBe('Quorate: 3 voting members present (at least 3 needed)');
  });

  it('recomputes as people arrive late and leave early', () => {
    const attendance = [
      attendee('a'),
      attendee('b'),
      attendee('late', { arrivedAtItemId: 'item-3' }),
      attendee('early', { leftAtItemId: 'item-4' }),
    ];
    const at = (itemId: string) => quorumAt(QUORUM, attendance, AGENDA, [], itemId);
    expect(at('item-1').isQuorate).toBe(true); // a, b, early
    expect(at('item-2').voters.map((voter) => voter.memberId)).toEqual(['a', 'b', 'early']);
    expect(at('item-3').voters).toHaveLength(4); // late has arrived
    expect(at('item-4').voters.map((voter) => voter.memberId)).toEqual(['a', 'b', 'late']); // early has gone
    // Someone leaving at item 4 when nobody arrived late loses the quorum from item 4 on.
    const fewer = attendance.filter((person) => person.memberId !== 'late');
    expect(quorumAt(QUORUM, fewer, AGENDA, [], 'item-3').isQuorate).toBe(true);
    expect(quorumAt(QUORUM, fewer, AGENDA, [], 'item-4').isQuorate).toBe(false);
    expect(describeQuorum(quorumAt(QUORUM, fewer, AGENDA, [], 'item-5'))).toBe(
      'Not quorate: 2 voting members present; at least 3 voting members needed',
    );
  });

  it('treats the start of the meeting as the first item, and ignores items no longer on the agenda', () => {
    const late = attendee('late', { arrivedAtItemId: 'item-1' });
    expect(isInRoomAt(late, AGENDA, 0)).toBe(true);
    const gone = attendee('x', { leftAtItemId: 'item-deleted', arrivedAtItemId: 'item-deleted-too' });
    expect(isInRoomAt(gone, AGENDA, 4)).toBe(true);
    const state = quorumAt(QUORUM, [attendee('a'), attendee('b'), attendee('c', { arrivedAtItemId: 'item-2' })], AGENDA, [], null);
    expect(state.voters).toHaveLength(2);
  });

  it('takes out a member who declared an interest and left the room, for that item only', () => {
    const attendance = [attendee('a'), attendee('b'), attendee('c')];
    const declarations = [
      { memberId: 'c', itemId: 'item-2', hasLeft: true },
      { memberId: 'b', itemId: 'item-2', hasLeft: false }, // declared and stayed: still counts
    ];
    const item2 = quorumAt(QUORUM, attendance, AGENDA, declarations, 'item-2');
    expect(item2.isQuorate).toBe(false);
    expect(item2.voters.map((voter) => voter.memberId)).toEqual(['a', 'b']);
    expect(item2.leftForInterest).toEqual(['c']);
    expect(quorumAt(QUORUM, attendance, AGENDA, declarations, 'item-3').isQuorate).toBe(true);
  });

  it('lets a substitute stand in for an absent voting member, once, and not beside them', () => {
    const attendance = [
      attendee('a'),
      attendee('b', { status: 'apologies', organisation: 'Labour group' }),
      attendee('sub-b', { substituteForId: 'b', isVoting: false, organisation: 'Labour group' }),
      attendee('sub-b-2', { substituteForId: 'b', isVoting: false }),
    ];
    const state = quorumAt({ minVoting: 2, requiredOrganisations: ['Labour group'] }, attendance, AGENDA, [], 'item-1');
    expect(state.voters).toEqual([
      { memberId: 'a', name: 'a', organisation: 'Council', standingInFor: null },
      { memberId: 'sub-b', name: 'sub-b', organisation: 'Labour group', standingInFor: 'b' },
    ]);
    expect(state.isQuorate).toBe(true);

    // When the member arrives after all, the substitute no longer votes.
    const arrived = attendance.map((person) => (person.memberId === 'b' ? { ...person, status: 'present' as const } : person));
    expect(quorumAt(QUORUM, arrived, AGENDA, [], 'item-1').voters.map((voter) => voter.memberId)).toEqual(['a', 'b']);
    // A substitute for an adviser does not vote either.
    const adviser = [
      attendee('dfe', { isVoting: false, status: 'apologies' }),
      attendee('dfe-sub', { substituteForId: 'dfe', isVoting: true }),
    ];
    expect(quorumAt(QUORUM, adviser, AGENDA, [], 'item-1').voters).toEqual([]);
  });

  it('does not let a substitute vote for a member who left the room for their own interest', () => {
    const attendance = [attendee('a'), attendee('b'), attendee('sub-b', { substituteForId: 'b', isVoting: false })];
    const state = quorumAt(QUORUM, attendance, AGENDA, [{ memberId: 'b', itemId: 'item-1', hasLeft: true }], 'item-1');
    expect(state.voters.map((voter) => voter.memberId)).toEqual(['a']);
  });

  it('requires a voting member from each named organisation', () => {
    const quorum = { minVoting: 2, requiredOrganisations: ['ICB', 'Parent carer forum'] };
    const attendance = [
      attendee('a'),
      attendee('icb', { organisation: 'ICB' }),
      attendee('pcf', { organisation: 'Parent carer forum', isVoting: false }),
    ];
    const state = quorumAt(quorum, attendance, AGENDA, [], 'item-1');
    expect(state.isQuorate).toBe(false);
    expect(state.missingOrganisations).toEqual(['Parent carer forum']);
    expect(describeQuorum(state)).toBe('Not quorate: 2 voting members present; no voting member from Parent carer forum');
    const withVoter = [...attendance, attendee('pcf-2', { organisation: 'Parent carer forum' })];
    expect(quorumAt(quorum, withVoter, AGENDA, [], 'item-1').isQuorate).toBe(true);
  });
});
