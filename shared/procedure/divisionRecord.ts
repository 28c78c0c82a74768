// What the screens say of a division, from the record: its result in words ("Motion carried"),
// the recorded vote exactly as the minutes print it, and whom "the rest of group X" means on the
// clerk's grid. Pure: no Node, no DOM.
//
// Decisions:
// - The recorded vote is given only once the division is declared closed with a result (carried
//   or lost, a casting vote given after an equality): before that there is no outcome to print.
// - The names come from the whole body (as recordedVoteText asks), in the body's name style, so
//   they stay unambiguous across the membership and read as the minutes print them.
// - A casting vote is not a vote in the lists (tally.ts), and the outcome line is the minutes'
//   own ("Motion carried"): the screens say beside it that the chairman's casting vote decided it.
// - "The rest of group X" is every member of group X who may vote now and has not voted in this
//   division, in the body's order: a member who has voted keeps their vote.
import type { BodyState } from '../state/body';
import type { MeetingState } from '../state/meeting';
import type { Division } from '../state/meetingDivision';
import { divisionVotes, eligibleMembers } from './division';
import { outcomeWords, recordedVoteText } from './recordedVote';

const divisionOf = (meeting: Pick<MeetingState, 'divisions'>, divisionId: string): Division | undefined => meeting.divisions.findLast((d) => d.id === divisionId);

/**
 * A closed division's result in words: "Motion carried", "Amendment lost"; "Equality of votes"
 * while the chairman's casting vote is awaited; undefined while the division is open.
 */
export const divisionOutcome = (meeting: Pick<MeetingState, 'divisions' | 'motions'>, divisionId: string): string | undefined => {
  const division = divisionOf(meeting, divisionId);
  if (!division || division.closedAt === undefined || !division.result) return undefined;
  if (division.result === 'tied_no_casting_vote') return 'Equality of votes';
  const motion = meeting.motions.findLast((m) => m.id === division.motionId);
  return outcomeWords(motion?.kind ?? 'substantive', division.result);
};

/**
 * The recorded vote of a closed division as the minutes print it: "For (n)", the names, "Against
 * (n)", the names, "Abstain (n)", the names, then the outcome ("Motion carried"). Undefined while
 * it is open or awaits the casting vote.
 */
export const divisionRecordedVote = (meeting: Pick<MeetingState, 'divisions' | 'motions' | 'votes'>, body: Pick<BodyState, 'members' | 'standingOrders'>, divisionId: string): string | undefined => {
  const division = divisionOf(meeting, divisionId);
  const outcome = divisionOutcome(meeting, divisionId);
  if (!division || !outcome || division.result === 'tied_no_casting_vote') return undefined;
  return recordedVoteText(divisionVotes(meeting, divisionId), body.members, body.standingOrders.recordedVote.nameStyle, outcome);
};

/**
 * Whom "the rest of group X" records a vote for: the members of `group` who may vote on the
 * division's item now and have not voted in it, in the body's order. Empty when the division is
 * not on the record. `eligible`: who may vote now, when the caller has it already (eligibleMembers).
 */
export const restOfGroup = (meeting: MeetingState, body: BodyState, divisionId: string, group: string, eligible?: readonly string[]): string[] => {
  const division = divisionOf(meeting, divisionId);
  if (!division) return [];
  const voted = meeting.votes[divisionId] ?? {};
  const groups = new Map(body.members.map((m) => [m.id, m.group]));
  return (eligible ?? eligibleMembers(meeting, body, division.itemId)).filter((id) => groups.get(id) === group && voted[id] === undefined);
};

/** The political groups of the members who may vote on the division's item now, in the order they first appear in the body. `eligible` as for restOfGroup. */
export const votingGroups = (meeting: MeetingState, body: BodyState, itemId: string, eligible?: readonly string[]): string[] => {
  const groups = new Map(body.members.map((m) => [m.id, m.group]));
  return [...new Set((eligible ?? eligibleMembers(meeting, body, itemId)).map((id) => groups.get(id) ?? ''))].filter((g) => g !== '');
};
