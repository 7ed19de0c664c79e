import type { AgendaItem, AttendanceRecord, DeclarationRecord, TermsOfReference } from './schema';

// Who is in the room, who may vote and whether the meeting is quorate, item by item. Pure, so
// the live indicator, the vote check and the approval's warnings all agree.
//
// The rules (the board's terms of reference decide the numbers):
// - a member marked present is in the room for every item, unless they arrived late at item N
//   (in the room from N on) or left early at item N (gone from N on);
// - a member who declared an interest and left the room for an item is not in the room for it;
// - a voting member in the room counts towards the quorum and may vote; advisers do not;
// - a substitute standing in for a member counts as that member (their vote and organisation)
//   while the member is not in the room; one substitute per member;
// - quorate means at least `minVoting` such voters, and at least one from each required organisation.

export type Attendee = Pick<
  AttendanceRecord,
  'memberId' | 'name' | 'organisation' | 'isVoting' | 'status' | 'substituteForId' | 'arrivedAtItemId' | 'leftAtItemId'
>;
export type Declared = Pick<DeclarationRecord, 'memberId' | 'itemId' | 'hasLeft'>;

/** Someone who may vote on an item, and whom they stand in for, if anyone. */
export type Voter = { memberId: string; name: string; organisation: string; standingInFor: string | null };

export type QuorumState = {
  isQuorate: boolean;
  /** Voting members (and substitutes standing in) in the room for the item. */
  voters: Voter[];
  required: number;
  /** Required organisations with no voter in the room. */
  missingOrganisations: string[];
  /** Everyone in the room for the item, voting or not. */
  inRoom: Attendee[];
  /** Members who left the room for the item because of an interest they declared. */
  leftForInterest: string[];
};

function indexOf(agenda: readonly Pick<AgendaItem, 'id'>[], itemId: string | null): number {
  if (itemId === null) return -1;
  return agenda.findIndex((item) => item.id === itemId);
}

/** True when the attendee is in the room for the agenda item at `itemIndex` (0 = the first item), declarations aside. */
export function isInRoomAt(attendee: Attendee, agenda: readonly Pick<AgendaItem, 'id'>[], itemIndex: number): boolean {
  if (attendee.status !== 'present') return false;
  const arrived = indexOf(agenda, attendee.arrivedAtItemId);
  const left = indexOf(agenda, attendee.leftAtItemId);
  // An item that is no longer on the agenda is ignored: on time, stayed to the end.
  if (arrived >= 0 && itemIndex < arrived) return false;
  if (left >= 0 && itemIndex >= left) return false;
  return true;
}

/**
 * The quorum for one agenda item (null: the start of the meeting, counted as the first item).
 * `attendance` holds one record per member who has been marked.
 */
export function quorumAt(
  quorum: TermsOfReference['quorum'],
  attendance: readonly Attendee[],
  agenda: readonly Pick<AgendaItem, 'id'>[],
  declarations: readonly Declared[],
  itemId: string | null,
): QuorumState {
  const itemIndex = Math.max(0, indexOf(agenda, itemId));
  const positionId = itemId ?? agenda[0]?.id ?? null;
  const leftIds = new Set(
    declarations
      .filter((declaration) => declaration.hasLeft && declaration.itemId === positionId)
      .map((declaration) => declaration.memberId),
  );
  const byId = new Map(attendance.map((attendee) => [attendee.memberId, attendee]));
  const inRoomAtAll = attendance.filter((attendee) => isInRoomAt(attendee, agenda, itemIndex));
  const inRoom = inRoomAtAll.filter((attendee) => !leftIds.has(attendee.memberId));
  const inRoomIds = new Set(inRoom.map((attendee) => attendee.memberId));

  const voters: Voter[] = [];
  const covered = new Set<string>();
  for (const attendee of inRoom) {
    if (attendee.substituteForId === null) {
      if (attendee.isVoting)
        voters.push({ memberId: attendee.memberId, name: attendee.name, organisation: attendee.organisation, standingInFor: null });
      continue;
    }
    const principal = byId.get(attendee.substituteForId);
    const isPrincipalVoting = principal ? principal.isVoting : attendee.isVoting;
    if (!isPrincipalVoting || inRoomIds.has(attendee.substituteForId) || covered.has(attendee.substituteForId)) continue;
    // A member who left for their own interest cannot send their substitute in to vote instead.
    if (leftIds.has(attendee.substituteForId)) continue;
    covered.add(attendee.substituteForId);
    voters.push({
      memberId: attendee.memberId,
      name: attendee.name,
      organisation: principal?.organisation ?? attendee.organisation,
      standingInFor: attendee.substituteForId,
    });
  }

  const organisations = new Set(voters.map((voter) => voter.organisation));
  const missingOrganisations = quorum.requiredOrganisations.filter((organisation) => !organisations.has(organisation));
  return {
    isQuorate: voters.length >= quorum.minVoting && missingOrganisations.length === 0,
    voters,
    required: quorum.minVoting,
    missingOrganisations,
    inRoom,
    leftForInterest: inRoomAtAll.filter((attendee) => leftIds.has(attendee.memberId)).map((attendee) => attendee.name),
  };
}

/** "Quorate: 6 voting members (at least 5 needed)" or what is missing, in words. */
export function describeQuorum(state: QuorumState): string {
  const count = `${state.voters.length} voting ${state.voters.length === 1 ? 'member' : 'members'} present`;
  if (state.isQuorate) return `Quorate: ${count} (at least ${state.required} needed)`;
  const needs: string[] = [];
  if (state.voters.length < state.required) needs.push(`at least ${state.required} voting members needed`);
  if (state.missingOrganisations.length > 0) needs.push(`no voting member from ${state.missingOrganisations.join(', ')}`);
  return `Not quorate: ${count}; ${needs.join('; ')}`;
}
